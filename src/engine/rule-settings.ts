import type { LintOptions, Rule, RuleOptions, RuleSetting, Severity } from './types.js';
import { ownValue } from './own.js';

export interface ActiveRule {
  rule: Rule;
  /** the severity the user configured, when they did */
  configuredSeverity?: Severity;
  options: RuleOptions;
}

/** Whether a rule runs unless asked for: every rule but the opt-in ones (`recommended: false`). */
export function onByDefault(rule: Rule): boolean {
  return rule.recommended !== false;
}

/** Ranks for the `security-severity` scores of security rules that give none (by their severity). */
const SECURITY_SEVERITY_BY_SEVERITY: Record<Severity, number> = { error: 7.5, warning: 5.0, info: 2.0 };

/** A rule's security severity (0.0–10.0): its own, else one derived from its severity for the `security` group. */
export function securitySeverityOf(rule: Rule): number | undefined {
  return rule.securitySeverity ?? (rule.group === 'security' ? SECURITY_SEVERITY_BY_SEVERITY[rule.severity] : undefined);
}

/** GitHub code scanning's bands for a security severity. */
export function securityLevel(score: number): 'critical' | 'high' | 'medium' | 'low' | 'none' {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : score > 0 ? 'low' : 'none';
}

/**
 * Which rules run and how, from --select/--ignore (ids or groups) and per-rule settings. An opt-in rule
 * runs only when --select names it (by id, group or `all`) or a setting gives it a severity.
 */
export function activeRules(rules: readonly Rule[], options: LintOptions): ActiveRule[] {
  const matches = (rule: Rule, selectors: string[]) => selectors.some((s) => s === rule.id || s === rule.group || s === 'all');
  const selecting = options.select !== undefined && options.select.length > 0;
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    if (selecting && !matches(rule, options.select!)) continue;
    if (options.ignore && matches(rule, options.ignore)) continue;
    const setting = ownValue(options.rules, rule.id);
    const [severity, ruleOptions] = splitSetting(setting);
    if (severity === 'off') continue;
    if (!selecting && severity === undefined && !onByDefault(rule)) continue;
    active.push({ rule, configuredSeverity: severity, options: withDefaults(rule, ruleOptions) });
  }
  return active;
}

function splitSetting(setting: RuleSetting | [RuleSetting, RuleOptions] | undefined): [RuleSetting | undefined, RuleOptions] {
  if (setting === undefined) return [undefined, {}];
  if (Array.isArray(setting)) return [setting[0], setting[1] ?? {}];
  return [setting, {}];
}

function withDefaults(rule: Rule, given: RuleOptions): RuleOptions {
  const result: RuleOptions = {};
  for (const [name, spec] of Object.entries(rule.options ?? {})) {
    if (spec.default !== undefined) result[name] = spec.default;
  }
  return { ...result, ...given };
}

/** Validates one rule's options; returns problems as sentences naming the option. */
export function validateRuleOptions(rule: Rule, given: RuleOptions): string[] {
  const problems: string[] = [];
  const specs = rule.options ?? {};
  for (const [name, value] of Object.entries(given)) {
    const spec = ownValue(specs, name);
    if (!spec) {
      problems.push(`rule '${rule.id}' has no option '${name}'`);
      continue;
    }
    const ok =
      spec.type === 'string[]' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === spec.type;
    if (!ok) problems.push(`option '${name}' of rule '${rule.id}' must be ${spec.type === 'string[]' ? 'an array of strings' : `a ${spec.type}`}`);
    else if (spec.enum && typeof value === 'string' && !spec.enum.includes(value)) {
      problems.push(`option '${name}' of rule '${rule.id}' must be one of ${spec.enum.join(', ')}`);
    }
  }
  return problems;
}
