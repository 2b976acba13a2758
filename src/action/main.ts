/** The GitHub Action's entry point (action.yml `runs.main`, bundled as bundle/action.mjs). */
import { runAction } from './run.js';

try {
  process.exitCode = await runAction({ cwd: process.cwd(), env: process.env, stdout: process.stdout });
} catch (error) {
  // an internal error: one annotation, no stack trace unless the step runs with debug logging
  const e = error as Error;
  process.stdout.write(`::error title=haproxy-lint::internal error: ${e?.message ?? String(error)}\n`);
  if (process.env.RUNNER_DEBUG === '1' && e?.stack) process.stdout.write(`::debug::${e.stack.replace(/\n/g, '%0A')}\n`);
  process.exitCode = 1;
}
