/**
 * The language server's settings: what the editor sends for the `haproxy-lint` section
 * (`workspace/configuration`), merged over the `.haproxy-lint.json` found for the document the
 * same way the command line finds it. Editor settings win over the configuration file, as
 * command-line flags do.
 */
import { dirname } from 'node:path';
import type { LintOptions, Rule, RuleOptions, RuleSetting } from '../engine/types.js';
import { ConfigFinder, didYouMean, effectiveOptions, relativeToConfig, validateConfigData, type ConfigData, type LoadedConfig, type RuleEntry } from '../settings/config.js';
import { isHaproxyConfigName } from '../settings/sets.js';

/** The `haproxy-lint` settings section, as an editor sends it (every key optional). */
export interface EditorSettings {
  /** false: publish nothing (default true) */
  enable?: boolean;
  /** lint while typing (default) or only when the document is opened or saved */
  run?: 'onType' | 'onSave';
  app?: string;
  apps?: Record<string, string>;
  targetVersion?: string;
  rules?: Record<string, RuleEntry>;
  select?: string[];
  ignore?: string[];
  /** look for `.haproxy-lint.json` / package.json "haproxy-lint" above the document (default true) */
  useConfigFile?: boolean;
}

/** Settings after validation: what linting a document needs. */
export interface ResolvedSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  useConfigFile: boolean;
  data: ConfigData;
  select: string[];
  ignore: string[];
}

export const DEFAULT_SETTINGS: ResolvedSettings = { enable: true, run: 'onType', useConfigFile: true, data: {}, select: [], ignore: [] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates what the editor sent. A bad value is dropped (the rest still applies) and described in
 * `problems`, so one typo in the settings does not turn linting off.
 */
export function resolveSettings(raw: unknown, rules: readonly Rule[]): { settings: ResolvedSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: ResolvedSettings = { ...DEFAULT_SETTINGS, data: {}, select: [], ignore: [] };
  // an empty Lua table reaches us as [] (Neovim sends `settings = {}` so): no settings, as null is
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return { settings, problems };
  if (!isObject(raw)) return { settings, problems: ['haproxy-lint settings must be an object'] };
  if (raw.enable !== undefined && raw.enable !== null) {
    if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
    else problems.push('enable: must be true or false');
  }
  if (raw.useConfigFile !== undefined && raw.useConfigFile !== null) {
    if (typeof raw.useConfigFile === 'boolean') settings.useConfigFile = raw.useConfigFile;
    else problems.push('useConfigFile: must be true or false');
  }
  if (raw.run !== undefined && raw.run !== null) {
    if (raw.run === 'onType' || raw.run === 'onSave') settings.run = raw.run;
    else problems.push('run: must be "onType" or "onSave"');
  }
  // the keys a configuration file has, validated by the configuration file's own checks;
  // editors send "" or null for a setting left empty
  const candidate: Record<string, unknown> = {};
  for (const key of ['app', 'apps', 'targetVersion', 'rules'] as const) {
    const value = raw[key];
    if (value === undefined || value === null || value === '') continue;
    if (isObject(value) && Object.keys(value).length === 0) continue;
    candidate[key] = value;
  }
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      settings.data = validateConfigData(candidate, rules);
      break;
    } catch (error) {
      const path = (error as { path?: (string | number)[] }).path ?? [];
      const key = path[0];
      problems.push(`${path.length > 0 ? `${path.join('.')}: ` : ''}${(error as Error).message}`);
      if (typeof key !== 'string' || !(key in candidate)) break;
      delete candidate[key];
    }
  }
  const selectors = [...rules.map((r) => r.id), ...new Set(rules.map((r) => r.group)), 'all'];
  for (const key of ['select', 'ignore'] as const) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const list = typeof value === 'string' ? value.split(',') : value;
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) {
      problems.push(`${key}: must be a list of rule ids or groups`);
      continue;
    }
    for (const entry of list.map((v: string) => v.trim()).filter((v: string) => v !== '')) {
      if (selectors.includes(entry)) settings[key].push(entry);
      else problems.push(`${key}: '${entry}' is neither a rule id nor a group${didYouMean(entry, selectors)}`);
    }
  }
  return { settings, problems };
}

/**
 * The lint options for a document: its configuration file (with the overrides matching its path),
 * then the editor settings on top. `path` is undefined for documents that are not files.
 */
export function lintOptionsFor(settings: ResolvedSettings, config: LoadedConfig | undefined, path: string | undefined): LintOptions {
  const options = effectiveOptions(settings.useConfigFile ? config : undefined, path, {});
  const data = settings.data;
  if (data.rules) {
    const rules: Record<string, RuleEntry> = { ...(options.rules ?? {}) };
    for (const [id, entry] of Object.entries(data.rules)) {
      const existing = rules[id];
      // a bare severity keeps the options the configuration file gave the rule
      rules[id] = Array.isArray(entry) ? (entry as [RuleSetting, RuleOptions]) : Array.isArray(existing) ? [entry, existing[1]] : entry;
    }
    options.rules = rules;
  }
  if (data.app) options.app = data.app;
  if (data.apps) options.appByBackend = { ...(options.appByBackend ?? {}), ...data.apps };
  if (data.targetVersion) options.targetVersion = data.targetVersion;
  if (settings.select.length > 0) options.select = settings.select;
  if (settings.ignore.length > 0) options.ignore = settings.ignore;
  return options;
}

/** Finds configuration files for documents. Loads afresh each time it is asked after `reset()`. */
export class ConfigLookup {
  private finder: ConfigFinder;

  /** `root`: the workspace folder, for shorter paths in messages */
  constructor(private readonly rules: readonly Rule[], private root: string = process.cwd()) {
    this.finder = new ConfigFinder(rules, root);
  }

  setRoot(root: string): void {
    this.root = root;
    this.reset();
  }

  /** forget what was read (a configuration file changed) */
  reset(): void {
    this.finder = new ConfigFinder(this.rules, this.root);
  }

  /** The configuration for a file; throws CliError (with a `file:line:col: message`) on a bad one. */
  forFile(path: string): LoadedConfig | undefined {
    return this.finder.forDirectory(dirname(path));
  }
}

/**
 * Whether a document is a HAProxy configuration: language id `haproxy`, or a file the command line
 * would lint when searching a directory (`haproxy*.cfg`, `*.cfg` below a `haproxy/` directory,
 * or a match of the configuration file's `include` globs).
 */
export function isHaproxyDocument(languageId: string, path: string | undefined, config: LoadedConfig | undefined): boolean {
  if (languageId === 'haproxy') return true;
  if (path === undefined) return false;
  if (isHaproxyConfigName(path)) return true;
  if (config) {
    const rel = relativeToConfig(config, path);
    if (rel !== undefined && config.include.matches(rel)) return true;
  }
  return false;
}
