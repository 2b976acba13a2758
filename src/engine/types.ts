import type { ConfigFile, Line, Section, Severity } from '../parser/ast.js';
import type { ConfigSet, SetFile } from '../model/set.js';
import type { ConfigModel } from '../model/config-model.js';
import { NEWEST_LTS, VERSIONS, type Version } from '../grammar/versions.js';

export type { Severity };

/** A text edit against the original source: replace [start, end) with text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `safe` is applied by --fix, `unsafe` only with --unsafe-fixes, `display-only` never. */
export type Applicability = 'safe' | 'unsafe' | 'display-only';

export interface Fix {
  description: string;
  applicability: Applicability;
  edits: Edit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  /** the path of the file it is in, when linting a set (offsets, lines and edits are that file's) */
  file?: string;
}

/** The HAProxy versions a config can target: the grammar's one ordered list (src/grammar/versions.ts). */
export type TargetVersion = Version;
export const TARGET_VERSIONS: readonly TargetVersion[] = VERSIONS;
/** the newest LTS */
export const DEFAULT_TARGET_VERSION: TargetVersion = NEWEST_LTS;

export interface RuleDocs {
  /** what the rule does */
  what: string;
  /** why it matters */
  why: string;
  /** a bad example (haproxy.cfg text) */
  bad: string;
  /** the same, written right */
  good: string;
  /** what the fix does and how safe it is */
  fixSafety?: string;
}

/** One option of a rule, validated when the configuration is loaded. */
export interface RuleOptionSpec {
  type: 'string' | 'number' | 'boolean' | 'string[]';
  description: string;
  enum?: readonly string[];
  default?: unknown;
}

export type RuleOptions = Record<string, unknown>;

/** What a rule's check receives. */
export interface RuleContext {
  /** the file being checked: report on this file (offsets are this file's) */
  file: ConfigFile;
  /** every file HAProxy loads with it, in load order (a set of one for a file linted alone) */
  set: ConfigSet;
  /** the model of the set seen from `file`: its proxies, names and defaults resolved over the set */
  model: ConfigModel;
  options: RuleOptions;
  /** the application stack for a section (from config, CLI or an inline `# haproxy-lint app=…` comment) */
  appFor(section: Section | undefined): string | undefined;
  targetVersion: TargetVersion;
  /** the environment variables set when HAProxy runs, when declared (LintOptions.environment) */
  environment?: ReadonlySet<string>;
  /** report a finding; range defaults to the whole line content */
  report(finding: ReportInput): void;
}

export interface ReportInput {
  message: string;
  start: number;
  end: number;
  /** overrides the configured severity for this finding (e.g. info when nothing is declared) */
  severity?: Severity;
  fix?: Fix;
}

export interface Rule {
  id: string;
  description: string;
  severity: Severity;
  /** the best applicability this rule's fixes can have; 'none' when it never fixes */
  fixable: 'safe' | 'unsafe' | 'display-only' | 'none';
  /** a group for --select/--ignore (e.g. `healthcheck`, `syntax`, `keywords`, `security`) */
  group: string;
  docs: RuleDocs;
  /**
   * false for an opt-in rule: it runs only when selected by id or group (`--select security`), by `all`,
   * or given a severity in the settings. Absent (or true): on by default.
   */
  recommended?: boolean;
  /**
   * How grave a finding is as a vulnerability, 0.0–10.0 (CVSS-like; ≥9 critical, ≥7 high, ≥4 medium, else low).
   * SARIF output carries it as `security-severity`, which GitHub code scanning ranks alerts by.
   */
  securitySeverity?: number;
  options?: Record<string, RuleOptionSpec>;
  /** absent for the rules the engine itself reports (suppression comments) */
  check?(context: RuleContext): void;
}

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** per-rule severity override or 'off'; options per rule */
  rules?: Record<string, RuleSetting | [RuleSetting, RuleOptions]>;
  /** only these rule ids or groups (default: all) */
  select?: string[];
  /** drop these rule ids or groups */
  ignore?: string[];
  /** application stack for every backend, e.g. 'django' */
  app?: string;
  /** per-backend application stack, by backend name */
  appByBackend?: Record<string, string>;
  targetVersion?: TargetVersion;
  /**
   * The environment variables set when HAProxy runs (names). Undefined: unknown (a template's variables
   * are set at run time), so nothing is said about unset ones.
   */
  environment?: readonly string[];
}

export interface FixOptions extends LintOptions {
  unsafeFixes?: boolean;
  /** bound on fix passes */
  maxPasses?: number;
}

export interface LintResult {
  file: ConfigFile;
  findings: Finding[];
}

/** The findings of a set, file by file (in load order). */
export interface SetLintResult {
  set: ConfigSet;
  files: (LintResult & { path: string; entry: SetFile })[];
  /** every finding, each naming its file */
  findings: Finding[];
}

export interface SetFixResult {
  /** every file of the set: its fixed text, whether it changed, the fixes applied to it */
  files: { path: string; entry: SetFile; output: string; changed: boolean; applied: Finding[]; findings: Finding[] }[];
  /** fix passes run */
  passes: number;
  /** the lint of the final texts */
  result: SetLintResult;
}

export interface FixResult {
  /** the fixed text (same as input when nothing changed) */
  output: string;
  changed: boolean;
  /** fix passes run */
  passes: number;
  /** findings on the final text */
  findings: Finding[];
  /** the findings whose fixes were applied, in the pass that applied them */
  applied: Finding[];
}

export type { Line, Section, ConfigFile };
