#!/usr/bin/env node
/** The `haproxy-lint` command. Everything else is in run.ts, so tests can drive it in-process. */
import { run } from './run.js';

// a closed pipe (`haproxy-lint … | head`) is not an error worth a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
