import type { LintOptions, Rule, RuleOptions, RuleSetting, Severity } from './types.js';
import { ownValue } from './own.js';

export interface ActiveRule {
  rule: Rule;
  /** the severity the user configured, when they did */
  configuredSeverity?: Severity;
  options: RuleOptions;
}

/** Which rules run and how, from --select/--ignore (ids or groups) and per-rule settings. */
export function activeRules(rules: readonly Rule[], options: LintOptions): ActiveRule[] {
  const matches = (rule: Rule, selectors: string[]) => selectors.some((s) => s === rule.id || s === rule.group || s === 'all');
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    if (options.select && options.select.length > 0 && !matches(rule, options.select)) continue;
    if (options.ignore && matches(rule, options.ignore)) continue;
    const setting = ownValue(options.rules, rule.id);
    const [severity, ruleOptions] = splitSetting(setting);
    if (severity === 'off') continue;
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
