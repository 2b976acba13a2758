/**
 * `--with-haproxy[=PATH]`: runs the installed `haproxy -c` on the linted files in the same run and turns
 * its output into findings of the `haproxy` rule, normalising what differs between releases:
 *
 * - exit codes: 0 valid; 1 errors; 2 "no error but will not start (no listener)" in 2.x, accepted; any
 *   other non-zero status without an alert still fails, as one finding quoting HAProxy's last line;
 * - verbosity: `-V` so a `quiet` in the global section cannot hide alerts; silence on success (3.2+) is
 *   simply no finding;
 * - alerts without a file position (e.g. "Proxy 'web': unable to find required default_backend") go to the
 *   header of the section they name, else to line 1 of the first file;
 * - names are not resolved: haproxy runs in an empty network namespace when one can be had (the oracle's
 *   sandbox) with `-dr`, so a server name this machine cannot resolve is a warning, not an alert.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding, Severity } from '../engine/types.js';
import { classifyAlert } from '../oracle/classify.js';
import { findHaproxy } from '../oracle/haproxy-check.js';
import { parseHaproxyOutput } from '../oracle/parse-output.js';
import { runBounded } from '../oracle/run.js';
import { detectSandbox, sandboxedArgv } from '../oracle/sandbox.js';
import type { Message } from '../oracle/types.js';
import { CliError } from './errors.js';
import { lineStartsOf } from './formats/stylish.js';

export const HAPROXY_RULE = 'haproxy';
const TIMEOUT_MS = 60_000;

export interface HaproxyTarget {
  absPath: string;
  text: string;
}

export interface HaproxyRun {
  binary: string;
  /** the first line of `haproxy -v`, e.g. "HAProxy version 2.6.12-1+deb12u4 2026/10/17" */
  version: string;
  exitCode: number | null;
  /** whether haproxy ran in its own network namespace */
  isolated: boolean;
  /** messages about names that did not resolve, skipped because haproxy had no network to resolve them */
  unresolved: number;
  /** the findings per target (same order) */
  findings: HaproxyFinding[][];
}

export interface HaproxyFinding {
  finding: Finding;
  /** where the line came from: HAProxy's `[file:line]`, the header of the section the message names, or line 1 */
  placement: 'line' | 'section' | 'file';
}

/** The binary to run: PATH (as given) or the one found on PATH / in /usr/sbin; exit 2 when there is none. */
export function resolveHaproxyBinary(spec: string, cwd: string): string {
  if (spec === '') {
    const found = findHaproxy();
    if (!found) throw new CliError('--with-haproxy: no haproxy binary found on PATH or in /usr/sbin; install HAProxy or name it: --with-haproxy=/path/to/haproxy');
    return found;
  }
  const path = spec.includes('/') ? resolve(cwd, spec) : spec;
  try {
    if (spec.includes('/')) {
      if (statSync(path).isDirectory()) throw new Error('is a directory');
      accessSync(path, constants.X_OK);
    }
  } catch {
    throw new CliError(`--with-haproxy=${spec}: not found or not executable`);
  }
  return path;
}

export function haproxyVersion(binary: string): string {
  const r = spawnSync(binary, ['-v'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) throw new CliError(`--with-haproxy: '${binary} -v' failed: ${r.error?.message ?? (r.stderr || r.stdout || `exit status ${r.status}`).trim().split('\n')[0]}`);
  const first = (r.stdout || r.stderr).split('\n').find((line) => line.trim() !== '') ?? '';
  return first.replace(/\s+-\s+https?:\/\/\S+\s*$/, '').trim();
}

/** 1-based line of the header of the section an unpositioned alert names, e.g. "Proxy 'web': …". */
function sectionLine(text: string, message: string): number | undefined {
  const named = /\b(?:proxy|frontend|backend|listen)\s+'([^'\s]+)'/i.exec(message);
  if (!named) return undefined;
  const escaped = named[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const header = new RegExp(`^[ \\t]*(?:frontend|backend|listen|defaults)[ \\t]+${escaped}(?:[ \\t]|$)`, 'm').exec(text);
  return header ? text.slice(0, header.index).split('\n').length : undefined;
}

function findingAt(target: HaproxyTarget, line: number, severity: Severity, message: string): Finding {
  const starts = lineStartsOf(target.text);
  const lineIndex = Math.min(Math.max(line, 1), starts.length) - 1;
  const lineStart = starts[lineIndex]!;
  const lineEnd = (starts[lineIndex + 1] ?? target.text.length + 1) - 1;
  const raw = target.text.slice(lineStart, Math.max(lineStart, lineEnd)).replace(/\r$/, '');
  const indent = raw.length - raw.trimStart().length;
  const content = raw.trim().length;
  const start = lineStart + (content > 0 ? indent : 0);
  const end = start + content;
  return {
    ruleId: HAPROXY_RULE, severity, message, start, end,
    line: lineIndex + 1, column: start - lineStart + 1, endLine: lineIndex + 1, endColumn: end - lineStart + 1,
  };
}

/** Runs `haproxy -c -V -dr -f FILE…` on the targets, in order, and turns what it prints into findings. */
export async function runHaproxy(binary: string, targets: readonly HaproxyTarget[], cwd: string, env: NodeJS.ProcessEnv): Promise<HaproxyRun> {
  const version = haproxyVersion(binary);
  const args = ['-c', '-V', '-dr', ...targets.flatMap((t) => ['-f', t.absPath])];
  const isolated = detectSandbox().network !== undefined;
  let result;
  try {
    result = await runBounded(sandboxedArgv(binary, args), { cwd, env: { ...env, LANG: 'C', LC_ALL: 'C' }, timeoutMs: TIMEOUT_MS });
  } catch (error) {
    throw new CliError(`--with-haproxy: cannot run ${binary}: ${(error as Error).message}`);
  }
  if (result.timedOut) throw new CliError(`--with-haproxy: '${binary} -c' did not finish within ${TIMEOUT_MS / 1000} s`);
  const findings: HaproxyFinding[][] = targets.map(() => []);
  const byPath = new Map(targets.map((t, i) => [t.absPath, i]));
  const place = (entry: Message, severity: Severity) => {
    const message = entry.message.replace(/\s*\n\s*/g, ' ').trim();
    const index = entry.file !== undefined ? byPath.get(entry.file) ?? byPath.get(resolve(cwd, entry.file)) : undefined;
    if (index !== undefined && entry.line !== undefined) {
      findings[index]!.push({ finding: findingAt(targets[index]!, entry.line, severity, message), placement: 'line' });
      return;
    }
    // not pinned to a line: the section it names, else the start of the first file
    const named = targets.map((t, i) => ({ i, line: sectionLine(t.text, message) })).find((s) => s.line !== undefined);
    const at = index ?? named?.i ?? 0;
    const line = index === undefined && named ? named.line! : 1;
    if (targets[at]) findings[at]!.push({ finding: findingAt(targets[at]!, line, severity, message), placement: index === undefined && named ? 'section' : 'file' });
  };
  // 2.6 also writes `Parsing [file:line]` (capital P) for some alerts; read it like `parsing [file:line]`
  const parsed = parseHaproxyOutput(`${result.stderr}\n${result.stdout}`.replace(/(:\s*)Parsing \[/g, '$1parsing ['));
  // in an empty network namespace no name resolves: saying so for every server name would be noise
  const unresolvable = (m: Message) => isolated && classifyAlert(m) === 'dns';
  const alerts = parsed.alerts.filter((a) => classifyAlert(a) !== 'summary');
  const shown = [...alerts, ...parsed.warnings].filter((m) => !unresolvable(m));
  for (const alert of alerts) if (!unresolvable(alert)) place(alert, 'error');
  for (const warning of parsed.warnings) if (!unresolvable(warning)) place(warning, 'warning');
  const refused = result.exitCode !== 0 && result.exitCode !== 2;
  if (refused && alerts.length === 0) {
    const last = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean).pop();
    place({ message: `haproxy -c refused the configuration (exit status ${result.exitCode})${last ? `: ${last}` : ''}` }, 'error');
  }
  return { binary, version, exitCode: result.exitCode, isolated, unresolved: alerts.length + parsed.warnings.length - shown.length, findings };
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** HAProxy's sentence without the proxy it names and the final period: what a rule of ours quotes. */
function gist(message: string): string {
  return message.replace(/^(?:proxy|frontend|backend|listen)\s+'[^']*'\s*:\s*/i, '').split(/\.\s|\s\|\s/)[0]!.replace(/\.$/, '').trim();
}

/**
 * HAProxy's findings minus those that repeat one of ours at least as severe: on the same line (when the line
 * is HAProxy's own or the section header it names), or anywhere in the file when our message quotes HAProxy's.
 */
export function withoutRepeats(ours: readonly Finding[], theirs: readonly HaproxyFinding[]): Finding[] {
  const worstByLine = new Map<number, number>();
  for (const f of ours) worstByLine.set(f.line, Math.max(worstByLine.get(f.line) ?? -1, RANK[f.severity]));
  return theirs.filter(({ finding, placement }) => {
    if (placement !== 'file' && (worstByLine.get(finding.line) ?? -1) >= RANK[finding.severity]) return false;
    const quoted = gist(finding.message);
    return !(quoted.length >= 12 && ours.some((f) => RANK[f.severity] >= RANK[finding.severity] && f.message.includes(quoted)));
  }).map((h) => h.finding);
}
