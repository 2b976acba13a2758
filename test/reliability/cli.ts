/** Runs the command line for reliability tests: in this process (run()) or as a child process of the built CLI. */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MAIN = join(ROOT, 'dist', 'cli', 'main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(args: string[], cwd: string, input?: Buffer | string | AsyncIterable<Uint8Array>): Promise<CliResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const chunk = (t: string | Uint8Array) => Buffer.from(t as Uint8Array);
  const stdin = input !== undefined && typeof input === 'object' && Symbol.asyncIterator in input
    ? input
    : (async function* () {
        if (input !== undefined && input.length > 0) yield typeof input === 'string' ? Buffer.from(input) : input;
      })();
  const code = await run(args, {
    cwd,
    env: {},
    stdin: stdin as AsyncIterable<Uint8Array>,
    stdout: { write: (t) => out.push(chunk(t)), isTTY: false },
    stderr: { write: (t) => err.push(chunk(t)), isTTY: false },
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** the built CLI as a child process; `timeoutMs` kills it (a hang fails the test instead of stalling it) */
export function runChild(args: string[], cwd: string, options: { input?: string; timeoutMs?: number; stdinFd?: number } = {}): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [MAIN, ...args], { cwd, env, stdio: [options.stdinFd ?? 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    }
  });
}
