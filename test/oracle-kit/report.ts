/**
 * The oracle pass as a whole: classify a corpus with `haproxy -c`, then (given the library API) measure
 * the linter against it, and format the figures. Used by scripts/oracle-report.mjs and test/oracle.test.ts.
 */
import type { CorpusEntry } from './corpus.js';
import type { LintApi } from './lint-api.js';
import {
  measureFixLoadability,
  measureMutations,
  measurePrecision,
  measureRecall,
  measureWarningCoverage,
  type Checked,
  type FixReport,
  type MutationReport,
  type PrecisionReport,
  type RecallReport,
  type WarningReport,
} from './metrics.js';
import type { OracleRunner } from './oracle-pass.js';
import { VERDICTS, type Verdict } from '../../src/oracle/types.js';

export interface CheckedEntry extends Checked {
  set: CorpusEntry['set'];
}

export async function classifyCorpus(entries: CorpusEntry[], oracle: OracleRunner): Promise<CheckedEntry[]> {
  const results = await oracle.checkAll(entries.map((e) => e.text));
  return entries.map((e, i) => ({ set: e.set, name: `${e.set}/${e.name}`, text: e.text, result: results[i]! }));
}

export interface VerdictCounts {
  total: number;
  byVerdict: Record<Verdict, number>;
  /** configs rejected for DNS in isolation that load once their names map to loopback */
  acceptedViaLoopbackHosts: number;
}

export function countVerdicts(items: Checked[]): VerdictCounts {
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  let acceptedViaLoopbackHosts = 0;
  for (const item of items) {
    byVerdict[item.result.verdict]++;
    if (item.result.isolatedVerdict && item.result.verdict === 'accepted') acceptedViaLoopbackHosts++;
  }
  return { total: items.length, byVerdict, acceptedViaLoopbackHosts };
}

/** verdicts as if no loopback hosts file had been used (isolated network namespace only) */
export function countIsolatedVerdicts(items: Checked[]): VerdictCounts {
  return countVerdicts(items.map((i) => ({ ...i, result: { ...i.result, verdict: i.result.isolatedVerdict ?? i.result.verdict } })));
}

export interface LintFigures {
  precision: PrecisionReport;
  recall: RecallReport;
  fixes: FixReport;
  mutations: MutationReport;
  warnings: WarningReport;
}

export async function measureLinter(api: LintApi, oracle: OracleRunner, items: Checked[]): Promise<LintFigures> {
  const precision = await measurePrecision(api, items);
  const recall = await measureRecall(api, items);
  const fixes = await measureFixLoadability(api, oracle, items);
  const mutations = await measureMutations(api, oracle, items);
  const warnings = await measureWarningCoverage(api, items);
  return { precision, recall, fixes, mutations, warnings };
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

export function formatCounts(label: string, c: VerdictCounts): string {
  const parts = VERDICTS.map((v) => `${v.replace('rejected-', '')} ${c.byVerdict[v]}`);
  const extra = c.acceptedViaLoopbackHosts ? ` (accepted includes ${c.acceptedViaLoopbackHosts} that only failed on DNS)` : '';
  return `${label}: ${c.total} configs: ${parts.join(', ')}${extra}`;
}

export function formatLintFigures(f: LintFigures, maxList = 15): string {
  const out: string[] = [];
  const list = <T>(items: T[], show: (t: T) => string): void => {
    for (const t of items.slice(0, maxList)) out.push(`    - ${show(t)}`);
    if (items.length > maxList) out.push(`    … and ${items.length - maxList} more`);
  };
  const p = f.precision;
  out.push(`precision: ${p.checked} accepted configs, ${p.offenders.length} with an error finding, ${p.crashes.length} lint crashes`);
  list(p.offenders, (o) => `${o.name}: ${o.errors.slice(0, 3).map((e) => `${e.line}:${e.ruleId} ${e.message}`).join(' | ')}`);
  list(p.crashes, (c) => `${c.name}: ${c.error}`);
  const r = f.recall;
  out.push(`recall (syntax rejects): ${r.hitConfigs}/${r.configs} configs = ${pct(r.hitConfigs, r.configs)}; lines ${r.hitLines}/${r.lines} = ${pct(r.hitLines, r.lines)}; without the ${r.cascadeLines} cascade lines of refused section headers ${r.hitLines}/${r.lines - r.cascadeLines} = ${pct(r.hitLines, r.lines - r.cascadeLines)}`);
  list(r.misses, (m) => `${m.name}:${m.line} ${m.alert}`);
  const x = f.fixes;
  out.push(`fixes: ${x.changed}/${x.checked} accepted configs changed by --fix; ${x.broken.length} no longer load, ${x.unstable.length} not idempotent, ${x.crashes.length} crashes`);
  list(x.broken, (b) => `${b.name}: ${b.verdict} ${b.alerts.slice(0, 2).join(' | ')}`);
  list(x.unstable, (u) => `${u}: second fix changed the text again`);
  list(x.crashes, (c) => `${c.name}: ${c.error}`);
  const m = f.mutations;
  out.push(`mutations: ${m.generated} generated, ${m.rejected} rejected by haproxy, linter error on the line for ${m.hit} = ${pct(m.hit, m.rejected)}`);
  for (const [kind, k] of Object.entries(m.byKind)) out.push(`    ${kind}: ${k.hit}/${k.rejected} = ${pct(k.hit, k.rejected)}`);
  const w = f.warnings;
  out.push(`haproxy warnings with a line: ${w.warnings}; linter has a finding on that line for ${w.covered} = ${pct(w.covered, w.warnings)}; DNS-resolution warnings aside ${w.covered - w.dnsCovered}/${w.warnings - w.dns} = ${pct(w.covered - w.dnsCovered, w.warnings - w.dns)}`);
  return out.join('\n');
}
