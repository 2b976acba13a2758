import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { LintOptions, Rule, RuleOptions, RuleSetting, TargetVersion } from '../engine/types.js';
import { TARGET_VERSIONS } from '../engine/types.js';
import { validateRuleOptions } from '../engine/rule-settings.js';
import { CliError, describeFsError } from './errors.js';
import { GlobError, GlobSet } from './glob.js';
import { InputRefused, readRegularFileSync } from '../files/read.js';

/** settings files are small: a larger one is a mistake (or an attack), not settings */
const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;
import type { FormatOptions } from '../format/format.js';

export const CONFIG_FILE = '.haproxy-lint.json';
export const PACKAGE_KEY = 'haproxy-lint';
export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export const APP_NAME = /^[A-Za-z0-9_.-]+$/;

export type RuleEntry = RuleSetting | [RuleSetting, RuleOptions];

export interface OverrideData {
  files: string[];
  app?: string;
  rules?: Record<string, RuleEntry>;
  targetVersion?: TargetVersion;
}

/**
 * A configuration set: the paths HAProxy loads together, in order, as its `-f` arguments
 * (a directory stands for its `*.cfg` files in lexical order), relative to the settings file.
 */
export interface ConfigurationData {
  load: string[];
  targetVersion?: TargetVersion;
  app?: string;
}

/** The settings a configuration file can hold (`.haproxy-lint.json` or package.json's "haproxy-lint"). */
export interface ConfigData {
  configurations?: ConfigurationData[];
  rules?: Record<string, RuleEntry>;
  app?: string;
  apps?: Record<string, string>;
  targetVersion?: TargetVersion;
  include?: string[];
  exclude?: string[];
  overrides?: OverrideData[];
  /** the baseline file (relative to this file's directory), as --baseline */
  baseline?: string;
  /** how `haproxy-lint format` (and the language server's formatting) lays files out */
  format?: FormatOptions;
  /** the environment variables set when HAProxy runs (names), as LintOptions.environment */
  environment?: string[];
}

export const TOP_LEVEL_KEYS = ['$schema', 'rules', 'app', 'apps', 'targetVersion', 'include', 'exclude', 'overrides', 'configurations', 'baseline', 'format', 'environment'] as const;
export const FORMAT_KEYS = ['indent', 'alignServers'] as const;
export const CONFIGURATION_KEYS = ['load', 'targetVersion', 'app'] as const;
export const OVERRIDE_KEYS = ['files', 'app', 'rules', 'targetVersion'] as const;

export interface LoadedConfig {
  path: string;
  /** the directory globs are relative to */
  dir: string;
  data: ConfigData;
  include: GlobSet;
  exclude: GlobSet;
  overrides: { files: GlobSet; data: OverrideData }[];
}

/** What the command line sets; it wins over the configuration file. */
export interface CliSettings {
  app?: string;
  targetVersion?: TargetVersion;
  select?: string[];
  ignore?: string[];
  rules?: Record<string, RuleSetting>;
}

/** Locates a key path (`rules`, `my-rule`) in JSON text, for file:line:col messages. Best effort. */
function locate(text: string, path: readonly (string | number)[]): { line: number; column: number } | undefined {
  let from = 0;
  let found = -1;
  for (const key of path) {
    if (typeof key === 'number') continue;
    const at = text.indexOf(JSON.stringify(key), from);
    if (at === -1) break;
    found = at;
    from = at + 1;
  }
  if (found === -1) return undefined;
  const before = text.slice(0, found);
  const line = before.split('\n').length;
  return { line, column: found - before.lastIndexOf('\n') };
}

class ConfigProblem extends Error {
  constructor(readonly path: (string | number)[], message: string) {
    super(message);
  }
}

function keyPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  const prefixed = candidates.filter((c) => name.length >= 3 && c.startsWith(name));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export function didYouMean(name: string, candidates: readonly string[]): string {
  const guess = closest(name, candidates);
  return guess ? ` (did you mean '${guess}'?)` : '';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], path: (string | number)[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ConfigProblem([...path, key], `unknown setting '${key}'${didYouMean(key, allowed)}; expected one of: ${allowed.filter((k) => k !== '$schema').join(', ')}`);
    }
  }
}

function checkStringArray(value: unknown, path: (string | number)[]): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new ConfigProblem(path, 'must be an array of non-empty strings (glob patterns)');
  }
  return value as string[];
}

function checkApp(value: unknown, path: (string | number)[]): string {
  if (typeof value !== 'string' || !APP_NAME.test(value)) throw new ConfigProblem(path, `must be an application name such as "django" (letters, digits, '.', '_', '-')`);
  return value;
}

function checkTargetVersion(value: unknown, path: (string | number)[]): TargetVersion {
  if (typeof value !== 'string' || !(TARGET_VERSIONS as readonly string[]).includes(value)) {
    throw new ConfigProblem(path, `must be one of ${TARGET_VERSIONS.map((v) => `"${v}"`).join(', ')} (a string)`);
  }
  return value as TargetVersion;
}

function checkSeverity(value: unknown, path: (string | number)[]): RuleSetting {
  if (typeof value !== 'string' || !(SEVERITIES as readonly string[]).includes(value)) {
    throw new ConfigProblem(path, `must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}${typeof value === 'string' ? didYouMean(value, SEVERITIES) : ''}`);
  }
  return value as RuleSetting;
}

function checkRules(value: unknown, rules: readonly Rule[], path: (string | number)[]): Record<string, RuleEntry> {
  if (!isObject(value)) throw new ConfigProblem(path, 'must be an object mapping rule ids to a severity or [severity, options]');
  const out: Record<string, RuleEntry> = {};
  const ids = rules.map((r) => r.id);
  for (const [id, setting] of Object.entries(value)) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw new ConfigProblem([...path, id], `unknown rule '${id}'${didYouMean(id, ids)}`);
    if (Array.isArray(setting)) {
      if (setting.length < 1 || setting.length > 2) throw new ConfigProblem([...path, id], 'must be a severity or [severity, options]');
      const severity = checkSeverity(setting[0], [...path, id]);
      const options = setting[1] ?? {};
      if (!isObject(options)) throw new ConfigProblem([...path, id], 'options (the second element) must be an object');
      const problems = validateRuleOptions(rule, options);
      if (problems.length > 0) throw new ConfigProblem([...path, id], problems.join('; '));
      out[id] = [severity, options];
    } else {
      out[id] = checkSeverity(setting, [...path, id]);
    }
  }
  return out;
}

function checkFormat(value: unknown, path: (string | number)[]): FormatOptions {
  if (!isObject(value)) throw new ConfigProblem(path, 'must be an object {indent?, alignServers?}');
  checkKeys(value, FORMAT_KEYS, path);
  const format: FormatOptions = {};
  if (value.indent !== undefined) {
    const indent = value.indent;
    if (indent !== 'tab' && !(typeof indent === 'number' && Number.isInteger(indent) && indent >= 1 && indent <= 8)) {
      throw new ConfigProblem([...path, 'indent'], 'must be a number of spaces (1 to 8) or "tab"');
    }
    format.indent = indent;
  }
  if (value.alignServers !== undefined) {
    if (typeof value.alignServers !== 'boolean') throw new ConfigProblem([...path, 'alignServers'], 'must be true or false');
    format.alignServers = value.alignServers;
  }
  return format;
}

/** Validates parsed JSON as a configuration; throws ConfigProblem naming the key. */
export function validateConfigData(raw: unknown, rules: readonly Rule[]): ConfigData {
  if (!isObject(raw)) throw new ConfigProblem([], 'the configuration must be a JSON object');
  checkKeys(raw, TOP_LEVEL_KEYS, []);
  const data: ConfigData = {};
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string') throw new ConfigProblem(['$schema'], 'must be a string');
  if (raw.rules !== undefined) data.rules = checkRules(raw.rules, rules, ['rules']);
  if (raw.app !== undefined) data.app = checkApp(raw.app, ['app']);
  if (raw.apps !== undefined) {
    if (!isObject(raw.apps)) throw new ConfigProblem(['apps'], 'must be an object mapping backend names to application names');
    data.apps = {};
    for (const [backend, app] of Object.entries(raw.apps)) data.apps[backend] = checkApp(app, ['apps', backend]);
  }
  if (raw.targetVersion !== undefined) data.targetVersion = checkTargetVersion(raw.targetVersion, ['targetVersion']);
  if (raw.include !== undefined) data.include = checkStringArray(raw.include, ['include']);
  if (raw.exclude !== undefined) data.exclude = checkStringArray(raw.exclude, ['exclude']);
  if (raw.baseline !== undefined) {
    if (typeof raw.baseline !== 'string' || raw.baseline === '') throw new ConfigProblem(['baseline'], 'must be the path of a baseline file (a non-empty string, relative to this file)');
    data.baseline = raw.baseline;
  }
  if (raw.format !== undefined) data.format = checkFormat(raw.format, ['format']);
  if (raw.environment !== undefined) {
    if (!Array.isArray(raw.environment) || !raw.environment.every((v) => typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v))) {
      throw new ConfigProblem(['environment'], 'must be an array of environment variable names (letters, digits, \'_\', not starting with a digit)');
    }
    data.environment = raw.environment as string[];
  }
  if (raw.overrides !== undefined) {
    if (!Array.isArray(raw.overrides)) throw new ConfigProblem(['overrides'], 'must be an array of {files, app?, rules?, targetVersion?}');
    data.overrides = raw.overrides.map((entry: unknown, index: number) => {
      const path: (string | number)[] = ['overrides', index];
      if (!isObject(entry)) throw new ConfigProblem(path, 'must be an object {files, app?, rules?, targetVersion?}');
      checkKeys(entry, OVERRIDE_KEYS, path);
      if (entry.files === undefined) throw new ConfigProblem(path, "needs 'files': the globs it applies to");
      const override: OverrideData = { files: checkStringArray(entry.files, [...path, 'files']) };
      if (override.files.length === 0) throw new ConfigProblem([...path, 'files'], 'must name at least one glob');
      if (entry.app !== undefined) override.app = checkApp(entry.app, [...path, 'app']);
      if (entry.rules !== undefined) override.rules = checkRules(entry.rules, rules, [...path, 'rules']);
      if (entry.targetVersion !== undefined) override.targetVersion = checkTargetVersion(entry.targetVersion, [...path, 'targetVersion']);
      return override;
    });
  }
  if (raw.configurations !== undefined) {
    if (!Array.isArray(raw.configurations)) throw new ConfigProblem(['configurations'], 'must be an array of {load, targetVersion?, app?}');
    data.configurations = raw.configurations.map((entry: unknown, index: number) => {
      const path: (string | number)[] = ['configurations', index];
      if (!isObject(entry)) throw new ConfigProblem(path, 'must be an object {load, targetVersion?, app?}');
      checkKeys(entry, CONFIGURATION_KEYS, path);
      if (entry.load === undefined) throw new ConfigProblem(path, "needs 'load': the files and directories HAProxy loads, in order (its -f arguments)");
      if (!Array.isArray(entry.load) || entry.load.length === 0 || !entry.load.every((v) => typeof v === 'string' && v !== '')) {
        throw new ConfigProblem([...path, 'load'], 'must be a non-empty array of paths (files, or directories standing for their *.cfg files)');
      }
      const configuration: ConfigurationData = { load: entry.load as string[] };
      if (entry.targetVersion !== undefined) configuration.targetVersion = checkTargetVersion(entry.targetVersion, [...path, 'targetVersion']);
      if (entry.app !== undefined) configuration.app = checkApp(entry.app, [...path, 'app']);
      return configuration;
    });
  }
  return data;
}

/** JSON.parse with a file:line:col message on a syntax error. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    let where = '';
    if (lineCol) where = `:${lineCol[1]}:${lineCol[2]}`;
    else if (position) {
      const before = text.slice(0, Number(position[1]));
      where = `:${before.split('\n').length}:${Number(position[1]) - before.lastIndexOf('\n')}`;
    }
    throw new CliError(`${file}${where}: invalid JSON: ${message.replace(/\s+/g, ' ')}`);
  }
}

function compile(path: string, data: ConfigData): LoadedConfig {
  // an invalid pattern (`[z-a]`) is a configuration error at its key
  const globs = (patterns: readonly string[], key: (string | number)[]) => {
    patterns.forEach((pattern, index) => {
      try {
        new GlobSet([pattern]);
      } catch (error) {
        if (error instanceof GlobError) throw new ConfigProblem([...key, index], error.message);
        throw error;
      }
    });
    return new GlobSet(patterns);
  };
  return {
    path, dir: dirname(path), data,
    include: globs(data.include ?? [], ['include']),
    exclude: globs(data.exclude ?? [], ['exclude']),
    overrides: (data.overrides ?? []).map((o, i) => ({ files: globs(o.files, ['overrides', i, 'files']), data: o })),
  };
}

/** Loads a configuration file (a .haproxy-lint.json, any JSON file, or a package.json with a "haproxy-lint" key). */
export function loadConfigFile(path: string, rules: readonly Rule[], displayPath = path): LoadedConfig {
  let text: string;
  try {
    text = readRegularFileSync(path, { maxBytes: MAX_SETTINGS_BYTES }).toString('utf8');
  } catch (error) {
    throw new CliError(`${displayPath}: cannot read configuration: ${error instanceof InputRefused ? error.message : describeFsError(error)}`);
  }
  const json = parseJson(text, displayPath);
  const isPackage = basename(path) === 'package.json';
  const raw = isPackage ? (json as Record<string, unknown> | null)?.[PACKAGE_KEY] : json;
  if (isPackage && raw === undefined) throw new CliError(`${displayPath}: has no "${PACKAGE_KEY}" key`);
  try {
    return compile(resolve(path), validateConfigData(raw, rules));
  } catch (error) {
    if (!(error instanceof ConfigProblem)) throw error;
    const path = isPackage ? [PACKAGE_KEY, ...error.path] : error.path;
    const at = locate(text, path);
    const where = at ? `:${at.line}:${at.column}` : '';
    throw new CliError(`${displayPath}${where}: ${path.length > 0 ? `${keyPath(path)}: ` : ''}${error.message}`);
  }
}

/** Finds the configuration for each directory by searching upward; caches per directory. */
export class ConfigFinder {
  private readonly cache = new Map<string, LoadedConfig | null>();

  constructor(private readonly rules: readonly Rule[], private readonly cwd: string, private readonly explicit?: LoadedConfig) {}

  forFile(file: string): LoadedConfig | undefined {
    return this.forDirectory(dirname(resolve(this.cwd, file)));
  }

  forDirectory(dir: string): LoadedConfig | undefined {
    if (this.explicit) return this.explicit;
    return this.search(resolve(this.cwd, dir)) ?? undefined;
  }

  private search(dir: string): LoadedConfig | null {
    const cached = this.cache.get(dir);
    if (cached !== undefined) return cached;
    let found: LoadedConfig | null = null;
    const candidate = join(dir, CONFIG_FILE);
    if (isFile(candidate)) {
      found = loadConfigFile(candidate, this.rules, this.display(candidate));
    } else {
      const pkg = join(dir, 'package.json');
      if (isFile(pkg) && packageHasKey(pkg)) found = loadConfigFile(pkg, this.rules, this.display(pkg));
    }
    if (!found) {
      const parent = dirname(dir);
      found = parent === dir ? null : this.search(parent);
    }
    this.cache.set(dir, found);
    return found;
  }

  private display(path: string): string {
    const rel = relative(this.cwd, path);
    return rel && !rel.startsWith('..') ? rel : path;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A package.json is only a configuration when it has our key; one we cannot parse is not ours to judge. */
function packageHasKey(path: string): boolean {
  try {
    const text = readRegularFileSync(path, { maxBytes: MAX_SETTINGS_BYTES }).toString('utf8');
    if (!text.includes(`"${PACKAGE_KEY}"`)) return false;
    const json = JSON.parse(text) as Record<string, unknown>;
    return isObject(json) && json[PACKAGE_KEY] !== undefined;
  } catch {
    return false;
  }
}

/** A path relative to the configuration's directory with `/` separators, or undefined when outside it. */
export function relativeToConfig(config: LoadedConfig, file: string): string | undefined {
  const rel = relative(config.dir, file);
  if (rel.startsWith('..') || rel === '') return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * The lint options for one file: the config file's settings, its matching overrides, the
 * settings of the configuration set it is linted in, then the command line.
 */
export function effectiveOptions(config: LoadedConfig | undefined, file: string | undefined, cli: CliSettings, configuration?: { targetVersion?: TargetVersion; app?: string }): LintOptions {
  const options: LintOptions = {};
  const rules: Record<string, RuleEntry> = {};
  if (config) {
    Object.assign(rules, config.data.rules);
    if (config.data.app) options.app = config.data.app;
    if (config.data.apps) options.appByBackend = { ...config.data.apps };
    if (config.data.targetVersion) options.targetVersion = config.data.targetVersion;
    if (config.data.environment) options.environment = config.data.environment;
    const rel = file ? relativeToConfig(config, resolve(file)) : undefined;
    if (rel !== undefined) {
      for (const override of config.overrides) {
        if (!override.files.matches(rel)) continue;
        Object.assign(rules, override.data.rules);
        if (override.data.app) options.app = override.data.app;
        if (override.data.targetVersion) options.targetVersion = override.data.targetVersion;
      }
    }
  }
  if (configuration?.app) options.app = configuration.app;
  if (configuration?.targetVersion) options.targetVersion = configuration.targetVersion;
  for (const [id, severity] of Object.entries(cli.rules ?? {})) {
    const existing = rules[id];
    rules[id] = Array.isArray(existing) ? [severity, existing[1]] : severity;
  }
  if (Object.keys(rules).length > 0) options.rules = rules;
  if (cli.app) options.app = cli.app;
  if (cli.targetVersion) options.targetVersion = cli.targetVersion;
  if (cli.select && cli.select.length > 0) options.select = cli.select;
  if (cli.ignore && cli.ignore.length > 0) options.ignore = cli.ignore;
  return options;
}

export function configExists(path: string): boolean {
  return existsSync(path);
}
