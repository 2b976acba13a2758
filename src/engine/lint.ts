import { parseConfig } from '../parser/parse.js';
import type { ConfigFile } from '../parser/ast.js';
import { RULES } from '../rules/index.js';
import { appResolver } from './app-stack.js';
import { activeRules } from './rule-settings.js';
import { applySuppressions, collectSuppressions, type Suppression } from './suppressions.js';
import { DEFAULT_TARGET_VERSION, type Finding, type LintOptions, type LintResult, type ReportInput, type RuleContext } from './types.js';
import { pushAll } from './arrays.js';

export const UNUSED_SUPPRESSION = 'unused-suppression';
export const UNKNOWN_SUPPRESSION_RULE = 'unknown-suppression-rule';

/** Lints haproxy.cfg text: parse once, run every active rule, drop suppressed findings. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintFile(parseConfig(text), options);
}

export function lintFile(file: ConfigFile, options: LintOptions = {}): LintResult {
  const appFor = appResolver(file, options);
  const targetVersion = options.targetVersion ?? DEFAULT_TARGET_VERSION;
  const findings: Finding[] = [];
  const active = activeRules(RULES, options);
  for (const { rule, configuredSeverity, options: ruleOptions } of active) {
    if (!rule.check) continue;
    const report = (input: ReportInput) => findings.push(toFinding(file, rule.id, configuredSeverity ?? input.severity ?? rule.severity, input));
    const context: RuleContext = { file, options: ruleOptions, appFor, targetVersion, report };
    rule.check(context);
  }
  const suppressions = collectSuppressions(file);
  const kept = applySuppressions(findings, suppressions);
  const activeIds = new Set(active.map((a) => a.rule.id));
  pushAll(kept, suppressionFindings(file, suppressions, activeIds, options));
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { file, findings: kept };
}

export function toFinding(file: ConfigFile, ruleId: string, severity: Finding['severity'], input: ReportInput): Finding {
  const from = file.positionAt(input.start);
  const to = file.positionAt(input.end);
  return {
    ruleId, severity, message: input.message, start: input.start, end: input.end,
    line: from.line, column: from.column, endLine: to.line, endColumn: to.column,
    ...(input.fix ? { fix: input.fix } : {}),
  };
}

/** Suppressions naming rules that do not exist, and suppressions that suppress nothing. */
function suppressionFindings(file: ConfigFile, suppressions: Suppression[], activeIds: Set<string>, options: LintOptions): Finding[] {
  const known = new Set(RULES.map((r) => r.id));
  const settings = activeRules(RULES.filter((r) => r.id === UNUSED_SUPPRESSION || r.id === UNKNOWN_SUPPRESSION_RULE), options);
  const severityOf = (id: string) => {
    const setting = settings.find((s) => s.rule.id === id);
    return setting ? setting.configuredSeverity ?? setting.rule.severity : undefined;
  };
  const out: Finding[] = [];
  const unknownSeverity = severityOf(UNKNOWN_SUPPRESSION_RULE);
  const unusedSeverity = severityOf(UNUSED_SUPPRESSION);
  for (const s of suppressions) {
    const unknown = s.ruleIds.filter((id) => !known.has(id));
    if (unknown.length > 0 && unknownSeverity) {
      out.push(toFinding(file, UNKNOWN_SUPPRESSION_RULE, unknownSeverity, { message: `unknown rule id${unknown.length > 1 ? 's' : ''} in suppression comment: ${unknown.join(', ')}`, start: s.start, end: s.end }));
    }
    // a suppression can only be judged unused for rules that actually ran
    const judged = s.ruleIds.length === 0 ? [...activeIds] : s.ruleIds.filter((id) => activeIds.has(id));
    const unused = s.ruleIds.length === 0 ? (s.used.size === 0 ? ['(all rules)'] : []) : judged.filter((id) => !s.used.has(id));
    if (unused.length > 0 && unusedSeverity && judged.length > 0) {
      out.push(toFinding(file, UNUSED_SUPPRESSION, unusedSeverity, {
        message: `suppression comment suppresses nothing: ${unused.join(', ')}`, start: s.start, end: s.end,
      }));
    }
  }
  return out;
}
