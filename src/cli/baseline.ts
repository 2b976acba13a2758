/**
 * Baselines, for adopting the linter on a configuration that already has findings (like ESLint's
 * suppressions file, detekt's or PHPStan's baselines): `--write-baseline FILE` records today's findings,
 * `--baseline FILE` reports only the others, `--prune-baseline` drops what was fixed since.
 *
 * A finding is recorded by file (relative to the baseline's directory), rule and a hash of its line's
 * content (see fingerprint.ts), with a count for several on identical lines; never by line number, so
 * edits elsewhere in the file do not invalidate the baseline. The file is sorted JSON, so its diffs read
 * well in review.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Finding } from '../engine/types.js';
import { CliError, describeFsError } from './errors.js';
import { fingerprintFindings, relativeSlashPath } from './fingerprint.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** path relative to the baseline file's directory, `/`-separated (absolute when outside it) */
  file: string;
  rule: string;
  /** hash of the finding's line content */
  fingerprint: string;
  /** how many findings of this rule on lines with this content */
  count: number;
}

export interface Baseline {
  path: string;
  displayPath: string;
  entries: BaselineEntry[];
}

/** A linted file as the baseline sees it. */
export interface BaselineFile {
  absPath: string;
  path: string;
  text: string;
  findings: Finding[];
}

const keyOf = (file: string, rule: string, fingerprint: string) => `${file}\0${rule}\0${fingerprint}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function fileKey(file: BaselineFile, baseDir: string): string {
  if (file.absPath === '') return file.path;
  return relativeSlashPath(baseDir, file.absPath) ?? file.absPath;
}

/** The entries that record these files' findings. */
export function baselineEntries(files: readonly BaselineFile[], baseDir: string): BaselineEntry[] {
  const counts = new Map<string, BaselineEntry>();
  for (const file of files) {
    const path = fileKey(file, baseDir);
    for (const { finding, contentHash } of fingerprintFindings(file.text, file.findings)) {
      const key = keyOf(path, finding.ruleId, contentHash);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { file: path, rule: finding.ruleId, fingerprint: contentHash, count: 1 });
    }
  }
  return [...counts.values()];
}

/** The file's text: version, then entries sorted by file, rule and fingerprint, one per line. */
export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries].filter((e) => e.count > 0)
    .sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.fingerprint, b.fingerprint));
  const lines = sorted.map((e) => `    ${JSON.stringify({ file: e.file, rule: e.rule, fingerprint: e.fingerprint, count: e.count })}`);
  return `{\n  "version": ${BASELINE_VERSION},\n  "tool": "haproxy-lint",\n  "findings": [${lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses a baseline file; every problem is a one-line CliError naming the file. */
export function parseBaseline(text: string, displayPath: string): BaselineEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CliError(`${displayPath}: not a haproxy-lint baseline: invalid JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
  }
  if (!isObject(json) || !Array.isArray(json.findings)) throw new CliError(`${displayPath}: not a haproxy-lint baseline: expected {"version": ${BASELINE_VERSION}, "findings": [...]}`);
  if (json.version !== BASELINE_VERSION) throw new CliError(`${displayPath}: baseline version ${JSON.stringify(json.version)} is not supported (this haproxy-lint writes version ${BASELINE_VERSION}); write it again with --write-baseline`);
  return json.findings.map((entry: unknown, index: number) => {
    const ok = isObject(entry) && typeof entry.file === 'string' && typeof entry.rule === 'string' && typeof entry.fingerprint === 'string'
      && Number.isInteger(entry.count) && (entry.count as number) > 0;
    if (!ok) throw new CliError(`${displayPath}: findings[${index}]: expected {"file", "rule", "fingerprint", "count" (a whole number above 0)}`);
    const e = entry as unknown as BaselineEntry;
    return { file: e.file, rule: e.rule, fingerprint: e.fingerprint, count: e.count };
  });
}

export function readBaseline(path: string, displayPath: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`${displayPath}: cannot read baseline: ${describeFsError(error)}${existsSync(path) ? '' : ' (create it with --write-baseline)'}`);
  }
  return { path, displayPath, entries: parseBaseline(text, displayPath) };
}

export interface BaselineOutcome {
  /** the findings not in the baseline, per file (same order as the input) */
  remaining: Finding[][];
  /** how many findings the baseline matched */
  baselined: number;
  /** how many recorded findings are no longer found (in the files linted, or in files that are gone) */
  prunable: number;
  /** the baseline without what is no longer found */
  pruned: BaselineEntry[];
}

/**
 * Removes the baselined findings: for each (file, rule, line content) the first `count` findings in
 * file order are known, the rest are new. Entries of files that were not linted this time are kept, unless
 * the file no longer exists.
 */
export function applyBaseline(baseline: Baseline, files: readonly BaselineFile[]): BaselineOutcome {
  const baseDir = dirname(baseline.path);
  const budget = new Map(baseline.entries.map((e) => [keyOf(e.file, e.rule, e.fingerprint), e.count]));
  const used = new Map<string, number>();
  const linted = new Set<string>();
  let baselined = 0;
  const remaining = files.map((file) => {
    const path = fileKey(file, baseDir);
    linted.add(path);
    const fingerprinted = fingerprintFindings(file.text, file.findings);
    // fingerprintFindings keeps input order; occurrence order decides which of several identical ones are known
    const known = new Set<Finding>();
    for (const { finding, contentHash, occurrence } of fingerprinted) {
      const key = keyOf(path, finding.ruleId, contentHash);
      if (occurrence < (budget.get(key) ?? 0)) {
        known.add(finding);
        used.set(key, (used.get(key) ?? 0) + 1);
      }
    }
    baselined += known.size;
    return file.findings.filter((f) => !known.has(f));
  });
  let prunable = 0;
  const pruned: BaselineEntry[] = [];
  for (const entry of baseline.entries) {
    const key = keyOf(entry.file, entry.rule, entry.fingerprint);
    const stillThere = linted.has(entry.file)
      ? (used.get(key) ?? 0)
      : existsSync(entry.file.startsWith('/') ? entry.file : join(baseDir, entry.file)) ? entry.count : 0;
    prunable += entry.count - stillThere;
    if (stillThere > 0) pruned.push({ ...entry, count: stillThere });
  }
  return { remaining, baselined, prunable, pruned };
}

/** Refuses to write a baseline over a file that is something else (a mistyped `--write-baseline haproxy.cfg`). */
export function assertWritableBaseline(path: string, displayPath: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return; // absent (or unreadable, which the write will report)
  }
  if (text.trim() === '') return;
  try {
    parseBaseline(text, displayPath);
  } catch {
    throw new CliError(`${displayPath}: exists and is not a haproxy-lint baseline; not overwritten (remove it first, or name another file)`);
  }
}

/** Writes the baseline through a temp file in the same directory and a rename, so it is never half written. */
export async function writeBaseline(path: string, displayPath: string, entries: readonly BaselineEntry[]): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.haproxy-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, 'wx', 0o644);
    created = true;
    try {
      await handle.writeFile(serializeBaseline(entries));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    created = false;
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined);
    throw new CliError(`${displayPath}: cannot write baseline: ${describeFsError(error)}`);
  }
}
