/**
 * The linter measured against `haproxy -c`: each function takes the configs with their oracle verdicts,
 * the library API, and (where new texts must be checked) an oracle runner, and returns figures plus the
 * offending configs so a failure can be read, not just counted.
 */
import type { LoopbackCheckResult } from '../../src/oracle/haproxy-check.js';
import { ORACLE_LINT_OPTIONS, type LintApi, type OracleFinding } from './lint-api.js';
import { mutantsOf, type MutationKind } from './mutations.js';
import type { OracleRunner } from './oracle-pass.js';

export interface Checked {
  /** a display name, e.g. `real/foo.cfg` */
  name: string;
  text: string;
  result: LoopbackCheckResult;
}

function errorLines(findings: OracleFinding[]): Set<number> {
  return new Set(findings.filter((f) => f.severity === 'error').map((f) => f.line));
}

function syntaxLines(result: LoopbackCheckResult): number[] {
  return [...new Set(result.alerts.filter((a) => a.kind === 'syntax' && a.line !== undefined).map((a) => a.line as number))];
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

// ---------------------------------------------------------------- precision

export interface PrecisionReport {
  checked: number;
  offenders: Array<{ name: string; errors: OracleFinding[] }>;
  crashes: Array<{ name: string; error: string }>;
}

/** on configs haproxy accepts, the linter must report no finding of severity error */
export async function measurePrecision(api: LintApi, items: Checked[]): Promise<PrecisionReport> {
  const report: PrecisionReport = { checked: 0, offenders: [], crashes: [] };
  for (const item of items.filter((i) => i.result.verdict === 'accepted')) {
    report.checked++;
    try {
      const { findings } = await api.lint(item.text, ORACLE_LINT_OPTIONS);
      const errors = findings.filter((f) => f.severity === 'error');
      if (errors.length > 0) report.offenders.push({ name: item.name, errors });
    } catch (err) {
      report.crashes.push({ name: item.name, error: describe(err) });
    }
  }
  return report;
}

// ---------------------------------------------------------------- recall

export interface RecallReport {
  configs: number;
  /** configs where the linter has an error on at least one line haproxy names */
  hitConfigs: number;
  lines: number;
  hitLines: number;
  /** lines (all missed) only named because HAProxy skipped the body of a section whose header it refused ("'listen' or 'defaults' expected") */
  cascadeLines: number;
  misses: Array<{ name: string; line: number; alert: string }>;
}

/** HAProxy's message for each line of a section whose header it refused */
const CASCADE = /'listen' or 'defaults' expected/;

/** on configs haproxy rejects for a syntax/keyword reason: does the linter have an error on that line? */
export async function measureRecall(api: LintApi, items: Checked[]): Promise<RecallReport> {
  const report: RecallReport = { configs: 0, hitConfigs: 0, lines: 0, hitLines: 0, cascadeLines: 0, misses: [] };
  for (const item of items.filter((i) => i.result.verdict === 'rejected-syntax')) {
    const lines = syntaxLines(item.result);
    if (lines.length === 0) continue;
    report.configs++;
    let found: Set<number>;
    try {
      found = errorLines((await api.lint(item.text, ORACLE_LINT_OPTIONS)).findings);
    } catch {
      found = new Set();
    }
    let any = false;
    for (const line of lines) {
      report.lines++;
      if (found.has(line)) {
        report.hitLines++;
        any = true;
      } else {
        const alert = item.result.alerts.find((a) => a.line === line && a.kind === 'syntax')?.message ?? '';
        if (CASCADE.test(alert)) report.cascadeLines++;
        report.misses.push({ name: item.name, line, alert: alert.split('\n')[0] ?? '' });
      }
    }
    if (any) report.hitConfigs++;
  }
  return report;
}

// ---------------------------------------------------------------- fixes keep configs loadable

export interface FixReport {
  checked: number;
  changed: number;
  /** fixed output that haproxy no longer accepts */
  broken: Array<{ name: string; verdict: string; alerts: string[] }>;
  /** a second fix pass still changed something */
  unstable: string[];
  crashes: Array<{ name: string; error: string }>;
}

export async function measureFixLoadability(api: LintApi, oracle: OracleRunner, items: Checked[]): Promise<FixReport> {
  const report: FixReport = { checked: 0, changed: 0, broken: [], unstable: [], crashes: [] };
  const pending: Array<{ name: string; output: string }> = [];
  for (const item of items.filter((i) => i.result.verdict === 'accepted')) {
    report.checked++;
    try {
      const first = await api.fix(item.text, ORACLE_LINT_OPTIONS);
      if (!first.changed) continue;
      report.changed++;
      const second = await api.fix(first.output, ORACLE_LINT_OPTIONS);
      if (second.changed || second.output !== first.output) report.unstable.push(item.name);
      pending.push({ name: item.name, output: first.output });
    } catch (err) {
      report.crashes.push({ name: item.name, error: describe(err) });
    }
  }
  const verdicts = await oracle.checkAll(pending.map((p) => p.output));
  pending.forEach((p, i) => {
    const v = verdicts[i];
    if (v && v.verdict !== 'accepted') {
      report.broken.push({ name: p.name, verdict: v.verdict, alerts: v.alerts.filter((a) => a.kind !== 'summary').map((a) => `${a.line ?? '-'}: ${a.message.split('\n')[0]}`) });
    }
  });
  return report;
}

// ---------------------------------------------------------------- mutations

export interface MutationReport {
  generated: number;
  /** mutants haproxy rejects for a syntax/keyword reason (the ones that count) */
  rejected: number;
  /** rejected mutants where the linter has an error on the broken line (or a line haproxy names) */
  hit: number;
  byKind: Record<string, { rejected: number; hit: number }>;
  misses: Array<{ name: string; kind: MutationKind; line: number }>;
}

export async function measureMutations(api: LintApi, oracle: OracleRunner, items: Checked[], perConfig = 2): Promise<MutationReport> {
  const accepted = items.filter((i) => i.result.verdict === 'accepted');
  const mutants = accepted.flatMap((item, index) => mutantsOf(item.text, index, perConfig).map((m) => ({ name: item.name, ...m })));
  const verdicts = await oracle.checkAll(mutants.map((m) => m.text));
  const report: MutationReport = { generated: mutants.length, rejected: 0, hit: 0, byKind: {}, misses: [] };
  for (let i = 0; i < mutants.length; i++) {
    const m = mutants[i];
    const v = verdicts[i];
    // only faults haproxy rejects as such count (not, say, a mutant that now misses a file)
    if (!m || !v || v.verdict !== 'rejected-syntax') continue;
    report.rejected++;
    const kind = (report.byKind[m.kind] ??= { rejected: 0, hit: 0 });
    kind.rejected++;
    let found: Set<number>;
    try {
      found = errorLines((await api.lint(m.text, ORACLE_LINT_OPTIONS)).findings);
    } catch {
      found = new Set();
    }
    const targets = [m.line, ...syntaxLines(v)];
    if (targets.some((l) => found.has(l))) {
      report.hit++;
      kind.hit++;
    } else {
      report.misses.push({ name: m.name, kind: m.kind, line: m.line });
    }
  }
  return report;
}

// ---------------------------------------------------------------- haproxy warnings

export interface WarningReport {
  warnings: number;
  covered: number;
  /** warnings about a host name that does not resolve (where the config runs, not a property of the text) */
  dns: number;
  /** of those, covered */
  dnsCovered: number;
}

const DNS_WARNING = /could not resolve address/;

/** the share of haproxy `[WARNING] … [file:line]` lines where the linter has any finding on that line */
export async function measureWarningCoverage(api: LintApi, items: Checked[]): Promise<WarningReport> {
  const report: WarningReport = { warnings: 0, covered: 0, dns: 0, dnsCovered: 0 };
  for (const item of items) {
    const warnings = item.result.warnings.filter((w) => w.line !== undefined);
    if (warnings.length === 0) continue;
    let found: Set<number>;
    try {
      found = new Set((await api.lint(item.text, ORACLE_LINT_OPTIONS)).findings.map((f) => f.line));
    } catch {
      found = new Set();
    }
    for (const warning of warnings) {
      const covered = found.has(warning.line as number);
      report.warnings++;
      if (covered) report.covered++;
      if (DNS_WARNING.test(warning.message)) {
        report.dns++;
        if (covered) report.dnsCovered++;
      }
    }
  }
  return report;
}
