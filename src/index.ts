/** The library API: the CLI, the language server and the tests all go through it. */
export * from './parser/index.js';
export * from './engine/types.js';
export { lint, lintFile } from './engine/lint.js';
export { fix, applyEdits } from './engine/fix.js';
export { RULES, ruleById } from './rules/index.js';
export { validateRuleOptions } from './engine/rule-settings.js';
export { probeConfig, ProbeError, formatProbeText, formatProbeJson, type ProbeOptions, type ProbeReport, type ServerProbe } from './probe/index.js';
