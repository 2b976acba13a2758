/**
 * Long-running processes started by a test (haproxy, uwsgi): each in its own process group, its pid
 * recorded, its output captured, and stopped by its own pid (the group) — never by name. Every process
 * started here is registered, so `stopAllProcesses()` in afterAll (and a last-resort SIGKILL when the test
 * worker exits, e.g. after a failure) leaves nothing behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** everything written so far */
  stdout(): string;
  stderr(): string;
  /** stdout and stderr, interleaved in arrival order */
  output(): string;
  /** exit code or signal, once it has exited */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** SIGTERM to the group, then SIGKILL after `graceMs`; resolves once the leader has exited */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ManagedProcess>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* group already gone */
  }
}

/** pids whose process group is `pgid` (Linux /proc; empty elsewhere) */
export function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return members;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // fields after the parenthesised command: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) members.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return members;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // synchronous last resort: if the worker exits with processes still registered, kill their groups
  process.on('exit', () => {
    for (const p of running) if (!p.hasExited() || groupMembers(p.pid).length > 0) killGroup(p.pid, 'SIGKILL');
  });
}

export interface StartOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** shown in error messages */
  name?: string;
}

export function startProcess(argv: string[], options: StartOptions = {}): ManagedProcess {
  const [cmd, ...args] = argv;
  if (!cmd) throw new Error('startProcess: empty argv');
  installExitHook();
  const child: ChildProcess = spawn(cmd, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // a new process group led by the child: we can signal it and all it forks
  });
  if (child.pid === undefined) throw new Error(`could not start ${cmd}`);
  const pid = child.pid;
  let out = '';
  let err = '';
  let all = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => ((out += d), (all += d)));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => ((err += d), (all += d)));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
    child.on('error', () => {
      done = true;
      resolve({ code: null, signal: null });
    });
  });
  const managed: ManagedProcess = {
    name: options.name ?? cmd,
    pid,
    stdout: () => out,
    stderr: () => err,
    output: () => all,
    exited,
    hasExited: () => done,
    async stop(graceMs = 3_000) {
      if (!done) {
        killGroup(pid, 'SIGTERM');
        const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs));
        if ((await Promise.race([exited, timer])) === 'timeout') {
          killGroup(pid, 'SIGKILL');
          await exited;
        }
      }
      // children that outlived the leader (same group) get no second chance; the group id cannot be
      // reused while the group has members, so a non-empty group is still ours
      if (groupMembers(pid).length > 0) killGroup(pid, 'SIGKILL');
      running.delete(managed);
    },
  };
  running.add(managed);
  return managed;
}

/** stops every process started through startProcess that is still registered */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}
