/**
 * What each HAProxy release says about the shared corpus (`../shared/corpus/verdicts/haproxy-<version>.json`,
 * see its README), and the linter measured against it at the matching target version: false errors on
 * accepted configs, recall on syntax/keyword rejects, and the verdict changes between consecutive releases
 * the linter predicts. In-process and haproxy-free, so it runs anywhere the folder exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SHARED_CORPUS, loadSharedCorpus } from '../oracle-kit/corpus.js';
import type { Finding, LintOptions } from '../../src/engine/types.js';

export interface VerdictAlert {
  line: number | null;
  kind: string;
  message: string;
}

export interface ConfigVerdict {
  set: 'real' | 'reg-tests';
  name: string;
  verdict: string;
  exitCode: number;
  alerts: VerdictAlert[];
  warnings: Array<{ line: number | null; message: string }>;
}

export interface ReleaseVerdicts {
  /** "2.6.12", "3.5-dev5" */
  haproxy: string;
  configs: ConfigVerdict[];
}

export const VERDICTS_DIR = join(process.env.HAPROXY_LINT_CORPUS ?? DEFAULT_SHARED_CORPUS, 'verdicts');

/** "3.5-dev5" → "3.5": the target version a release is checked against */
export function targetOf(release: string): string {
  return /^(\d+\.\d+)/.exec(release)![1]!;
}

/** every `haproxy-<version>.json` of the verdicts folder, oldest release first; [] when the folder is absent */
export function loadReleases(dir = VERDICTS_DIR): ReleaseVerdicts[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /^haproxy-.+\.json$/.test(f));
  const releases = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReleaseVerdicts);
  const key = (v: string) => targetOf(v).split('.').map((n) => n.padStart(3, '0')).join('.');
  return releases.sort((a, b) => key(a.haproxy).localeCompare(key(b.haproxy)));
}

/**
 * Alerts that are about this machine or this build, not the config: a Lua service or action the missing Lua
 * file would have registered, a SPOE filter whose missing configuration file it could not read, and QUIC
 * servers on a TLS library without QUIC support.
 */
const NOT_THE_CONFIG: RegExp[] = [
  /unknown service name/i,
  /\blua\./i,
  /support for QUIC/i,
  /missing config file/i,
  /error encountered while processing 'spoe'/i,
  // keywords of modules these builds lack (WURFL, 51Degrees, DeviceAtlas): the linter accepts them on purpose
  /unknown keyword '(wurfl|51degrees|deviceatlas)-/i,
];

/** `no such ACL` after an `acl` line that failed on its missing map or pattern file: the file's fault, not the config's */
const ACL_OF_MISSING_FILE = /no such ACL/i;

export function countsForRecall(alert: VerdictAlert, config?: ConfigVerdict): boolean {
  if (alert.kind !== 'syntax' || alert.line === null || NOT_THE_CONFIG.some((re) => re.test(alert.message))) return false;
  return !(config && ACL_OF_MISSING_FILE.test(alert.message) && config.alerts.some((a) => a.kind === 'missing-file'));
}

/** the lines of a config's syntax/keyword alerts that count, or [] when the release does not reject it for that */
export function syntaxLines(config: ConfigVerdict): number[] {
  if (config.verdict !== 'rejected-syntax') return [];
  return [...new Set(config.alerts.filter((a) => countsForRecall(a, config)).map((a) => a.line!))];
}

export interface CorpusText {
  key: string;
  text: string;
}

/** corpus texts by `<set>/<name>` (reg-tests with their VTest macros expanded, as the verdicts were taken) */
export function corpusTexts(): Map<string, string> {
  return new Map(loadSharedCorpus().map((e) => [`${e.set}/${e.name}`, e.text]));
}

export type LintFn = (text: string, options: LintOptions) => { findings: Finding[] };

export interface ReleaseFigures {
  release: string;
  target: string;
  accepted: number;
  /** accepted configs with an error finding */
  falseErrors: Array<{ name: string; errors: string[] }>;
  /** configs rejected for a syntax/keyword reason that counts */
  rejects: number;
  hits: number;
  misses: Array<{ name: string; alerts: string[] }>;
}

/** Error lines of a config at a target, memoised (the change predictions lint each config at two targets). */
export class ErrorLines {
  private readonly cache = new Map<string, Map<number, string[]>>();
  constructor(
    private readonly lint: LintFn,
    private readonly texts: Map<string, string>,
  ) {}

  at(key: string, target: string): Map<number, string[]> {
    const id = `${target}\0${key}`;
    let lines = this.cache.get(id);
    if (!lines) {
      lines = new Map();
      const text = this.texts.get(key);
      if (text !== undefined) {
        for (const f of this.lint(text, { targetVersion: target as LintOptions['targetVersion'] }).findings) {
          if (f.severity !== 'error') continue;
          const list = lines.get(f.line) ?? lines.set(f.line, []).get(f.line)!;
          list.push(`${f.ruleId}: ${f.message}`);
        }
      }
      this.cache.set(id, lines);
    }
    return lines;
  }
}

export const keyOf = (c: ConfigVerdict) => `${c.set}/${c.name}`;

export function measureRelease(release: ReleaseVerdicts, errors: ErrorLines, target = targetOf(release.haproxy)): ReleaseFigures {
  const figures: ReleaseFigures = { release: release.haproxy, target, accepted: 0, falseErrors: [], rejects: 0, hits: 0, misses: [] };
  for (const config of release.configs) {
    const key = keyOf(config);
    if (config.verdict === 'accepted') {
      figures.accepted++;
      const found = errors.at(key, target);
      if (found.size > 0) figures.falseErrors.push({ name: key, errors: [...found].map(([line, list]) => `${line}: ${list.join(' | ')}`) });
      continue;
    }
    const lines = syntaxLines(config);
    if (lines.length === 0) continue;
    figures.rejects++;
    const found = errors.at(key, target);
    if (lines.some((l) => found.has(l))) figures.hits++;
    else figures.misses.push({ name: key, alerts: config.alerts.filter((a) => countsForRecall(a, config)).map((a) => `${a.line}: ${a.message.split('\n')[0]}`) });
  }
  return figures;
}

/** Whether the linter's verdict at a target agrees with the release's: errors on a named line when it rejects for syntax, none when it accepts. */
export function agrees(config: ConfigVerdict, errors: ErrorLines, target: string): boolean {
  const found = errors.at(keyOf(config), target);
  const lines = syntaxLines(config);
  if (lines.length > 0) return lines.some((l) => found.has(l));
  return config.verdict === 'accepted' ? found.size === 0 : true;
}

export interface VerdictChange {
  name: string;
  from: string;
  to: string;
  /** "accepted → rejected-syntax" */
  change: string;
  predicted: boolean;
}

/**
 * Configs whose standing changes between two consecutive releases: accepted at one and rejected for a
 * syntax/keyword reason at the other. Predicted when the linter agrees with both releases at their targets.
 */
export function verdictChanges(older: ReleaseVerdicts, newer: ReleaseVerdicts, errors: ErrorLines): VerdictChange[] {
  const byKey = new Map(newer.configs.map((c) => [keyOf(c), c]));
  const out: VerdictChange[] = [];
  for (const before of older.configs) {
    const after = byKey.get(keyOf(before));
    if (!after) continue;
    const standing = (c: ConfigVerdict) => (c.verdict === 'accepted' ? 'accepted' : syntaxLines(c).length > 0 ? 'rejected-syntax' : undefined);
    const a = standing(before);
    const b = standing(after);
    if (!a || !b || a === b) continue;
    out.push({
      name: keyOf(before),
      from: older.haproxy,
      to: newer.haproxy,
      change: `${a} → ${b}`,
      predicted: agrees(before, errors, targetOf(older.haproxy)) && agrees(after, errors, targetOf(newer.haproxy)),
    });
  }
  return out;
}
