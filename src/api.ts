/**
 * The linter with its rules: the engine runs the rules it is given; this front gives it every
 * rule of the registry. The CLI, the language server, the probe and the library use these.
 */
import type { ConfigFile } from './parser/ast.js';
import type { ConfigSet, SetFile } from './model/set.js';
import { RULES } from './rules/index.js';
import * as engine from './engine/lint.js';
import * as fixing from './engine/fix.js';
import * as fixingSet from './engine/fix-set.js';
import type { FixOptions, FixResult, LintOptions, LintResult, Rule, SetFixResult, SetLintResult } from './engine/types.js';

/** Lints haproxy.cfg text alone (a template when its content has template tags). */
export function lint(text: string, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  return engine.lint(text, options, rules);
}

/** Lints one parsed file alone. */
export function lintFile(file: ConfigFile, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  return engine.lintFile(file, options, rules);
}

/** Lints the files HAProxy loads together; findings name their file. */
export function lintSet(set: ConfigSet, options: LintOptions = {}, rules: readonly Rule[] = RULES): SetLintResult {
  return engine.lintSet(set, options, rules);
}

/** Applies fixes to one text to a fixpoint. */
export function fix(text: string, options: FixOptions = {}, rules: readonly Rule[] = RULES): FixResult {
  return fixing.fix(text, options, rules);
}

/** Applies fixes to the files of a set (only those `fixable` accepts), each file edited on its own. */
export function fixSet(set: ConfigSet, options: FixOptions = {}, rules: readonly Rule[] = RULES, fixable?: (entry: SetFile) => boolean): SetFixResult {
  return fixingSet.fixSet(set, options, rules, fixable);
}
