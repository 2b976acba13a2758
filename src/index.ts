/** The library API: the CLI, the language server and the tests all go through it. */
export * from './parser/index.js';
export * from './engine/types.js';
export { lint, lintFile, lintSet, fix, fixSet } from './api.js';
export { applyEdits } from './engine/fix.js';
export { configSet, loadSource, setOf, type ConfigSet, type SetFile, type SourceText } from './model/set.js';
export { configModel, type ConfigModel } from './model/config-model.js';
export { RULES, ruleById } from './rules/index.js';
export { validateRuleOptions } from './engine/rule-settings.js';
export { probeConfig, ProbeError, formatProbeText, formatProbeJson, type ProbeOptions, type ProbeReport, type ServerProbe } from './probe/index.js';
