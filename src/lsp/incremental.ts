/**
 * Re-linting a document after an edit without linting all of it again, for the language server's
 * keystroke latency. The edit is spliced into the previous parse (parser/splice.ts); when it stays
 * inside the body of one frontend, backend or listen section:
 *
 * - the section-local rules (LOCAL_RULES: what they report in a proxy depends only on that proxy,
 *   the defaults sections and the sections that are not proxies) run again on that section alone,
 *   with those sections around it; their findings elsewhere are kept;
 * - the rules that look across proxies (CROSS_RULES) keep their findings when the section still
 *   shows the others the same face (`crossSectionFace`: its lines with their words, but not the
 *   addresses and numbers of its server and bind lines, which no such rule reads);
 * - anything else (another rule, suppression comments, an edit touching a header, a directive or a
 *   finding of a cross rule) lints the whole document, as before.
 *
 * The result is the full lint's, finding for finding: test/lsp/incremental.test.ts checks it after
 * random edits of the corpus, and that LOCAL_RULES are local on every section of it.
 */
import type { ConfigFile, Line, Section } from '../parser/ast.js';
import { parseConfig } from '../parser/parse.js';
import { spliceEdit, type SplicedEdit } from '../parser/splice.js';
import { lintFile } from '../api.js';
import { activeRules } from '../engine/rule-settings.js';
import { collectSuppressions } from '../engine/suppressions.js';
import type { Edit, Finding, LintOptions, Rule } from '../engine/types.js';
import { RULES } from '../rules/index.js';

/** Rules whose findings in a proxy section depend only on it and on the sections that are not proxies (defaults, global…). */
export const LOCAL_RULES: ReadonlySet<string> = new Set([
  'syntax-error', 'server-without-name', 'unknown-keyword', 'keyword-wrong-section',
  'removed-keyword', 'unknown-server-option', 'unknown-bind-option', 'wrong-argument-count', 'unquoted-header-value',
  'malformed-mime-type', 'http11-check-without-host', 'rstatus-plain-number', 'legacy-httpchk-headers', 'unused-acl',
  'missing-timeouts', 'rule-order', 'unknown-sample-fetch', 'invalid-bind-address', 'frontend-without-bind',
  'invalid-address', 'invalid-sample-expression', 'deprecated-sample-fetch', 'weak-tls-version', 'weak-tls-cipher',
  'weak-dh-param', 'crt-without-ssl', 'stats-page-unprotected', 'stats-admin-unprotected', 'stats-socket-exposed',
  'stats-socket-without-mode', 'userlist-insecure-password', 'invalid-name', 'unquoted-value-spaces',
  'http-keyword-in-tcp-mode', 'unreachable-rule', 'ring-size-ignored',
  'invalid-value', 'value-out-of-range', 'invalid-time', 'invalid-status-code', 'missing-argument', 'unexpected-argument',
  'unset-environment-variable', 'http-check-without-httpchk', 'log-format-without-log', 'l6-fetch-in-http-mode',
  'unknown-filter', 'proxy-argument-in-defaults',
]);

/** Rules that read other sections (names, modes, references, the defaults' users) or the file as a whole. */
export const CROSS_RULES: ReadonlySet<string> = new Set([
  'healthcheck-uri-redirect', 'undefined-reference', 'duplicate-name', 'unused-backend', 'undefined-acl', 'mode-mismatch',
  'unused-section', 'missing-final-newline', 'byte-order-mark', 'defaults-rules-conflict', 'spoofable-forwarding-header',
  'invalid-condition', 'ambiguous-defaults',
]);

const PROXY_KINDS = new Set(['frontend', 'backend', 'listen']);

/** Reparse the whole document after this many spliced edits (old texts stay referenced by words sliced from them). */
const MAX_SPLICES = 200;

/**
 * How a text was linted: `full` parsed and linted it all; `spliced` linted it all on the previous
 * parse with the edit spliced in; `cross` ran the cross-section rules on it all and the local ones
 * on the edited section; `section` ran only the local rules on the edited section; `unchanged` is
 * the previous lint of the same text.
 */
export type LintPath = 'full' | 'spliced' | 'cross' | 'section' | 'unchanged';

export interface LintOutcome {
  file: ConfigFile;
  findings: Finding[];
  path: LintPath;
  /** why the edit took a slower path than `section` (for the benchmark and tests) */
  reason?: string;
}

interface State {
  file: ConfigFile;
  findings: Finding[];
  optionsKey: string;
  /** the active rules of each scope; undefined when a rule of neither list is on */
  scoped: { local: Rule[]; cross: Rule[] } | undefined;
  /** the file has suppression comments (they apply across lines: lint it all) */
  suppressions: boolean;
  splices: number;
}

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);

/** One document's last lint, re-linted incrementally on the next text. */
export class IncrementalLinter {
  private state: State | undefined;

  constructor(private readonly rules: readonly Rule[] = RULES) {}

  lint(text: string, options: LintOptions): LintOutcome {
    const optionsKey = JSON.stringify(options);
    const state = this.state;
    if (!state || state.optionsKey !== optionsKey) return this.remember(parseConfig(text), options, optionsKey, 'full');
    if (state.file.text === text) return { file: state.file, findings: state.findings, path: 'unchanged' };
    const edit = state.splices < MAX_SPLICES ? spliceEdit(state.file, text) : undefined;
    if (!edit) return { ...this.remember(parseConfig(text), options, optionsKey, 'full'), reason: state.splices < MAX_SPLICES ? 'not a splice' : 'periodic full parse' };
    const outcome = this.relint(state, edit, options);
    if (typeof outcome !== 'string') return outcome;
    return { ...this.remember(edit.file, options, optionsKey, 'spliced', state.splices + 1), reason: outcome };
  }

  /** Lints a whole file and keeps it for the next edit. */
  private remember(file: ConfigFile, options: LintOptions, optionsKey: string, path: LintPath, splices = 0): LintOutcome {
    const { findings } = lintFile(file, options, this.rules);
    const active = activeRules(this.rules, options).map((a) => a.rule).filter((rule) => rule.check);
    const scoped = active.every((rule) => LOCAL_RULES.has(rule.id) || CROSS_RULES.has(rule.id));
    this.state = {
      file, findings, optionsKey, splices,
      scoped: scoped ? { local: active.filter((rule) => LOCAL_RULES.has(rule.id)), cross: active.filter((rule) => CROSS_RULES.has(rule.id)) } : undefined,
      suppressions: collectSuppressions(file).length > 0,
    };
    return { file, findings, path };
  }

  /** The lint of an edit inside one proxy section, or why it must lint the whole file. */
  private relint(state: State, edit: SplicedEdit, options: LintOptions): LintOutcome | string {
    if (!state.scoped) return 'a rule of unknown scope is on';
    if (state.suppressions) return 'suppression comments';
    const text = edit.file.text;
    // a `# haproxy-lint …` comment (a suppression, an inline app) written or changed
    if (state.file.text.slice(edit.start, edit.oldEnd).includes('haproxy-lint') || text.slice(edit.start, edit.newEnd).includes('haproxy-lint')) return 'inline settings';
    const oldSection = state.file.sections[edit.section]!;
    const section = edit.file.sections[edit.section]!;
    if (!PROXY_KINDS.has(section.kind)) return `in a ${section.kind} section`;
    const { local, cross } = state.scoped;

    // the local rules' findings outside the section stay; inside, they are found again on the section alone
    const names = sectionNames(edit.file);
    let crossKept = crossSectionFace(oldSection, names) === crossSectionFace(section, names);
    let reason = crossKept ? undefined : 'cross-section face changed';
    const kept: Finding[] = [];
    for (const finding of state.findings) {
      const isLocal = LOCAL_RULES.has(finding.ruleId);
      if (isLocal ? finding.start >= oldSection.start && finding.start < oldSection.end : !crossKept) continue;
      const moved = movedFinding(finding, edit);
      if (moved) kept.push(moved);
      else if (isLocal) return `a finding of ${finding.ruleId} on the edited lines`;
      else {
        crossKept = false;
        reason = `a finding of ${finding.ruleId} on the edited lines`;
      }
    }
    const inSection = (f: Finding) => f.start >= section.start && f.start < section.end;
    const fresh = local.length === 0 ? [] : lintFile(sectionView(edit.file, section), options, local).findings.filter(inSection);
    let findings = kept.concat(fresh);
    // the cross-section rules see a different section: they run again on the whole file
    if (!crossKept) findings = findings.filter((f) => LOCAL_RULES.has(f.ruleId)).concat(cross.length === 0 ? [] : lintFile(edit.file, options, cross).findings);
    findings.sort(byPosition);
    this.state = { ...state, file: edit.file, findings, splices: state.splices + 1 };
    return { file: edit.file, findings, path: crossKept ? 'section' : 'cross', ...(reason ? { reason } : {}) };
  }
}

/**
 * A finding of the old text where it is in the new one: unchanged before the edited lines, moved
 * after them; undefined when it (or an edit of its fix) lies on them, or when lines were added or
 * removed and its message names a line number.
 */
function movedFinding(finding: Finding, edit: SplicedEdit): Finding | undefined {
  const where = sideOf(finding.start, finding.end, edit);
  if (where === undefined) return undefined;
  if (edit.lineDelta !== 0 && /\blines? \d|:\d/.test(finding.message)) return undefined;
  let fix = finding.fix;
  if (fix) {
    let edits: Edit[] | undefined;
    for (let i = 0; i < fix.edits.length; i++) {
      const e = fix.edits[i]!;
      const side = sideOf(e.start, e.end, edit);
      if (side === undefined) return undefined;
      if (side === 'before' || edit.delta === 0) continue;
      edits ??= fix.edits.slice();
      edits[i] = { start: e.start + edit.delta, end: e.end + edit.delta, text: e.text };
    }
    if (edits) fix = { description: fix.description, applicability: fix.applicability, edits };
  }
  if (where === 'before' || (edit.delta === 0 && edit.lineDelta === 0)) return fix === finding.fix ? finding : { ...finding, fix: fix! };
  const moved: Finding = { ...finding, start: finding.start + edit.delta, end: finding.end + edit.delta, line: finding.line + edit.lineDelta, endLine: finding.endLine + edit.lineDelta };
  if (fix) moved.fix = fix;
  return moved;
}

/** Where a span of the old text is: before the edited lines, after them, or (undefined) on them. */
function sideOf(start: number, end: number, edit: SplicedEdit): 'before' | 'after' | undefined {
  return end <= edit.start ? 'before' : start >= edit.oldEnd ? 'after' : undefined;
}

/**
 * The file as the local rules need it to judge one proxy section: that section and every section
 * that is not a proxy (global, defaults, userlists…), in their order, at their offsets.
 */
export function sectionView(file: ConfigFile, section: Section): ConfigFile {
  const sections = file.sections.filter((s) => s === section || !PROXY_KINDS.has(s.kind));
  const lines: Line[] = [...file.prologue];
  for (const s of sections) lines.push(s.header, ...s.lines);
  return { ...file, sections, lines };
}

/** The names of a file's sections. */
function sectionNames(file: ConfigFile): Set<string> {
  const names = new Set<string>();
  for (const section of file.sections) if (section.name) names.add(section.name.value);
  return names;
}

/** Options of server and bind lines whose value is a number or a duration, read by no cross-section rule. */
const NUMERIC_OPTIONS = new Set([
  'inter', 'fastinter', 'downinter', 'fall', 'rise', 'weight', 'maxconn', 'minconn', 'maxqueue', 'port', 'slowstart',
  'agent-inter', 'agent-port', 'pool-max-conn', 'pool-low-conn', 'pool-purge-delay', 'max-reuse', 'error-limit', 'shard',
  'backlog', 'tcp-ut', 'nice', 'id',
]);

/** An address as written with digits (`10.0.0.1:80`, `[::1]:443`, `*:8080`, `:80`), not a host name or a keyword. */
const ADDRESS = /^[0-9A-Fa-f.:*[\]-]*$/;
/** A number, a duration or a size (`3`, `2s`, `500ms`, `10k`). */
const NUMBER = /^\d[\d.]*[a-z]{0,2}$/;

/** Where the address is on the lines that have one. */
const ADDRESS_AT: Record<string, number> = { server: 1, 'server-template': 2, bind: 0 };

/**
 * What the cross-section rules can see of a proxy section: its keyword lines, word for word, except
 * the numeric addresses and numeric options of its server and bind lines (unless they spell the
 * name of a section). Comments and blank lines do not count.
 */
function crossSectionFace(section: Section, names: ReadonlySet<string>): string {
  const isName = (value: string) => value.split(/[^A-Za-z0-9_.:-]+/).some((token) => names.has(token));
  const parts: string[] = [];
  for (const line of section.lines) {
    if (line.kind !== 'keyword') continue;
    const address = line.modifier ? undefined : ADDRESS_AT[line.keyword];
    const args = line.args;
    const words = [line.modifier ?? '', line.keyword];
    for (let i = 0; i < args.length; i++) {
      const value = args[i]!.value;
      const plain = (i === address ? ADDRESS.test(value) : i > 0 && address !== undefined && NUMERIC_OPTIONS.has(args[i - 1]!.value) && NUMBER.test(value)) && !isName(value);
      words.push(plain ? '' : value);
    }
    parts.push(words.join('\u0001'));
  }
  return parts.join('\n');
}
