import type { ConfigFile, Span } from '../parser/ast.js';
import { configSet, type ConfigSet, type SetFile } from '../model/set.js';
import { configModel } from '../model/config-model.js';
import { positionsIn } from '../model/template.js';
import { appResolver } from './app-stack.js';
import { activeRules } from './rule-settings.js';
import { applySuppressions, collectSuppressions, type Suppression } from './suppressions.js';
import { pushAll } from '../util/arrays.js';
import {
  DEFAULT_TARGET_VERSION, type Finding, type LintOptions, type LintResult, type ReportInput, type Rule, type RuleContext, type SetLintResult,
} from './types.js';

export const UNUSED_SUPPRESSION = 'unused-suppression';
export const UNKNOWN_SUPPRESSION_RULE = 'unknown-suppression-rule';

/** Lints haproxy.cfg text alone with the given rules: parse once, run every active rule, drop suppressed findings. */
export function lint(text: string, options: LintOptions, rules: readonly Rule[]): LintResult {
  const result = lintSet(configSet([{ path: '', text }]), options, rules).files[0]!;
  return { file: result.file, findings: result.findings };
}

/** Lints one parsed file alone (a set of one file). */
export function lintFile(file: ConfigFile, options: LintOptions, rules: readonly Rule[]): LintResult {
  const set = configSet([{ path: '', text: file.text, file, opaque: [], eol: file.lines[0]?.eol === '\r\n' ? '\r\n' : '\n' }]);
  const result = lintSet(set, options, rules).files[0]!;
  return { file: result.file, findings: result.findings.map(({ file: _path, ...finding }) => finding) };
}

/**
 * Lints a configuration set: every rule checks every file, seeing the whole set through
 * `context.model`/`context.set`. Findings carry their file's path; suppression comments apply
 * in their own file. Findings and fixes touching a template tag are dropped (the tag is opaque).
 */
export function lintSet(set: ConfigSet, options: LintOptions, rules: readonly Rule[], only?: (entry: SetFile) => boolean): SetLintResult {
  const active = activeRules(rules, options);
  const activeIds = new Set(active.map((a) => a.rule.id));
  // `only`: the files to report on (the others still inform the model), as the language server lints one open file of a set
  const files = (only ? set.files.filter(only) : set.files).map((entry) => {
    const findings = lintEntry(set, entry, options, rules, active);
    return { path: entry.path, entry, file: entry.file, findings };
  });
  return { set, files, findings: files.flatMap((f) => f.findings) };

  function lintEntry(set: ConfigSet, entry: SetFile, options: LintOptions, rules: readonly Rule[], active: ReturnType<typeof activeRules>): Finding[] {
    const { file } = entry;
    const appFor = appResolver(file, options);
    const targetVersion = options.targetVersion ?? DEFAULT_TARGET_VERSION;
    const model = configModel(file);
    const environment = options.environment ? new Set(options.environment) : undefined;
    const findings: Finding[] = [];
    for (const { rule, configuredSeverity, options: ruleOptions } of active) {
      if (!rule.check) continue;
      const report = (input: ReportInput) => findings.push(toFinding(file, rule.id, configuredSeverity ?? input.severity ?? rule.severity, input));
      const context: RuleContext = { file, set, model, options: ruleOptions, appFor, targetVersion, environment, report };
      rule.check(context);
    }
    const suppressions = collectSuppressions(file);
    const kept = entry.template ? asTemplate(entry, applySuppressions(findings, suppressions)) : applySuppressions(findings, suppressions);
    pushAll(kept, suppressionFindings(file, suppressions, activeIds, options, rules));
    kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    return entry.path === '' ? kept : kept.map((f) => ({ ...f, file: entry.path }));
  }
}

/**
 * A template's findings: none on a tag (it is opaque) and no fix editing one; none for lines
 * before the first section (a template fragment, included inside a section elsewhere); lines
 * and columns counted in the text as written.
 */
function asTemplate(entry: SetFile, findings: Finding[]): Finding[] {
  const firstSection = entry.file.sections[0]?.start ?? entry.text.length;
  const fragment = entry.file.prologue.some((line) => line.kind === 'keyword');
  const at = positionsIn(entry.text);
  return withoutTemplateTags(findings, entry.opaque)
    .filter((f) => !(fragment && f.ruleId === 'syntax-error' && f.start < firstSection && f.message.includes('out of section')))
    .map((f) => {
      const from = at(f.start);
      const to = at(f.end);
      return { ...f, message: unmasked(entry, f), line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    });
}

/** A message quoting an opaque word quotes the tag as written (the nearest tag of that length before the finding). */
function unmasked(entry: SetFile, finding: Finding): string {
  return finding.message.replace(/\$\{_+\}/g, (placeholder) => {
    const candidates = entry.opaque.filter((t) => t.end - t.start === placeholder.length);
    const tag = candidates.filter((t) => t.start < finding.end).at(-1) ?? candidates[0];
    return tag ? entry.text.slice(tag.start, tag.end) : placeholder;
  });
}

/** A template tag is opaque: no finding on it, no fix editing it. */
function withoutTemplateTags(findings: Finding[], tags: readonly Span[]): Finding[] {
  if (tags.length === 0) return findings;
  const touches = (start: number, end: number) => tags.some((t) => (start === end ? start > t.start && start < t.end : start < t.end && t.start < end));
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (touches(finding.start, finding.end)) continue;
    if (finding.fix && finding.fix.edits.some((e) => touches(e.start, e.end))) {
      const { fix: _fix, ...rest } = finding;
      kept.push(rest);
    } else kept.push(finding);
  }
  return kept;
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
function suppressionFindings(file: ConfigFile, suppressions: Suppression[], activeIds: Set<string>, options: LintOptions, rules: readonly Rule[]): Finding[] {
  const known = new Set(rules.map((r) => r.id));
  const settings = activeRules(rules.filter((r) => r.id === UNUSED_SUPPRESSION || r.id === UNKNOWN_SUPPRESSION_RULE), options);
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
