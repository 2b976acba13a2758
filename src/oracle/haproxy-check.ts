/**
 * `haproxy -c -f FILE` as an oracle: is this config accepted by a real HAProxy, and if not, why?
 *
 * The config text is written to a fresh scratch directory and checked from there (relative paths in the
 * config resolve against it), in an empty network namespace when possible (see sandbox.ts), with a
 * minimal environment (so `"$HOME"` and friends expand the same everywhere) and a timeout.
 * See /work/shared/docs/oracle.md for the exit-code conventions.
 */
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { classifyAlerts, verdictOf } from './classify.js';
import { parseHaproxyOutput } from './parse-output.js';
import { runBounded } from './run.js';
import { assertIsolated, detectSandbox, sandboxedArgv } from './sandbox.js';
import type { CheckResult } from './types.js';

export type { Alert, AlertKind, CheckResult, Message, Verdict } from './types.js';
export { VERDICTS } from './types.js';

export interface CheckOptions {
  /** default 10 s */
  timeoutMs?: number;
  /**
   * `isolated` (default): names fail to resolve (→ rejected-dns).
   * `loopback`: when the only trouble is DNS-like, check again with a private hosts file that maps every
   * unresolved name to loopback; the result then carries `loopbackHosts` and `isolatedVerdict`.
   */
  hosts?: 'isolated' | 'loopback';
  /** the haproxy binary (default: found on PATH or in /usr/sbin) */
  haproxy?: string;
  /** file name of the config inside the scratch directory (default haproxy.cfg) */
  fileName?: string;
}

export interface LoopbackCheckResult extends CheckResult {
  /** the verdict of the first, isolated run, when a loopback retry was made */
  isolatedVerdict?: CheckResult['verdict'];
}

const SEARCH_DIRS = ['/usr/sbin', '/usr/local/sbin', '/sbin'];

export function findHaproxy(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...SEARCH_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, 'haproxy');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

export function haproxyAvailable(): boolean {
  return findHaproxy() !== undefined;
}

const MINIMAL_ENV: NodeJS.ProcessEnv = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C' };

const HOSTNAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;

function unresolvedNames(result: CheckResult): string[] {
  const names = new Set<string>();
  for (const alert of result.alerts) {
    if (alert.kind !== 'dns') continue;
    const m = /could not resolve address '([^']*)'|invalid address: '([^']*)' in /.exec(alert.message);
    const name = m?.[1] ?? m?.[2];
    if (name && HOSTNAME.test(name)) names.add(name);
  }
  return [...names];
}

async function runOnce(
  dir: string,
  cfgPath: string,
  haproxy: string,
  timeoutMs: number,
  hostsFile?: string,
): Promise<CheckResult> {
  // -V: a `quiet` in the global section would otherwise silence every alert
  const argv = sandboxedArgv(haproxy, ['-c', '-V', '-f', cfgPath], hostsFile);
  const r = await runBounded(argv, { cwd: dir, timeoutMs, env: MINIMAL_ENV });
  const parsed = parseHaproxyOutput(r.stderr + '\n' + r.stdout);
  const alerts = classifyAlerts(parsed.alerts);
  return {
    verdict: verdictOf(r.exitCode, r.timedOut, alerts),
    exitCode: r.exitCode,
    alerts,
    warnings: parsed.warnings,
  };
}

/**
 * Checks config text with `haproxy -c`. Throws only when haproxy cannot be run at all, or cannot be
 * isolated from the network (see sandbox.ts).
 */
export async function checkConfigText(text: string, options: CheckOptions = {}): Promise<LoopbackCheckResult> {
  const haproxy = options.haproxy ?? findHaproxy();
  if (!haproxy) throw new Error('haproxy not found (install the haproxy package)');
  assertIsolated();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-oracle-'));
  try {
    const cfgPath = join(dir, options.fileName ?? 'haproxy.cfg');
    writeFileSync(cfgPath, text);
    const first = await runOnce(dir, cfgPath, haproxy, timeoutMs);
    if (options.hosts !== 'loopback' || first.verdict !== 'rejected-dns' || !detectSandbox().hostsFile) {
      return first;
    }
    const names = unresolvedNames(first);
    if (names.length === 0) return first;
    const hostsPath = join(dir, 'hosts');
    const lines = ['127.0.0.1 localhost', '::1 localhost ip6-localhost ip6-loopback'];
    for (const name of names) lines.push(`127.0.0.1 ${name}`, `::1 ${name}`);
    writeFileSync(hostsPath, lines.join('\n') + '\n');
    const second = await runOnce(dir, cfgPath, haproxy, timeoutMs, hostsPath);
    return { ...second, loopbackHosts: names, isolatedVerdict: first.verdict };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks a config file: its text is copied to a scratch directory first (see checkConfigText). */
export async function checkConfigFile(path: string, options: CheckOptions = {}): Promise<LoopbackCheckResult> {
  return checkConfigText(readFileSync(path, 'utf8'), options);
}
