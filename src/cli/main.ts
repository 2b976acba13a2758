#!/usr/bin/env node
/**
 * The `haproxy-lint` command. Everything else is in run.ts, so tests can drive it in-process. The
 * installed command runs this as a bundled script with a code cache (launch.ts, ../util/code-cache.ts).
 */
import type { Command } from './args.js';
import { run } from './run.js';

// a closed pipe (`haproxy-lint … | head`) is not an error worth a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

let command: Command['name'] | undefined;

/** A lint is what the code cache should be made from (read by ../util/code-cache.ts). */
export const worthCaching = (): boolean => command === 'lint';

// no top-level await: the bundle is a CommonJS script
void run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  onCommand: (name) => {
    command = name;
  },
}).then((code) => {
  process.exitCode = code;
});
