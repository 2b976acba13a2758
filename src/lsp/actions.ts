/**
 * Code actions: the fix of each finding (safe, unsafe or a suggestion to review, labelled so),
 * "fix all safe problems" (`source.fixAll.haproxy-lint`, what `haproxy-lint --fix` does), and
 * suppression comments for a rule on one line or in the whole file.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigFile, Line } from '../parser/ast.js';
import type { Edit, Finding, FixOptions } from '../engine/types.js';
import { fix } from '../api.js';
import { UNKNOWN_SUPPRESSION_RULE, UNUSED_SUPPRESSION } from '../engine/lint.js';
import { rangeOf, SOURCE, toDiagnostic } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** the findings of a document's last lint, with what produced them */
export interface LintSnapshot {
  /** the document (TextDocuments updates it in place: valid while its version is `version`) */
  document: TextDocument;
  version: number;
  file: ConfigFile;
  findings: Finding[];
  options: FixOptions;
}

export interface ActionOptions {
  /** the client takes `documentChanges` (versioned edits, refused when the document moved on) */
  documentChanges: boolean;
}

/** findings the engine reports about suppression comments themselves: no suppression for them */
const NOT_SUPPRESSIBLE = new Set([UNUSED_SUPPRESSION, UNKNOWN_SUPPRESSION_RULE]);

const NEXT_LINE = /^(#\s*haproxy-lint-disable-next-line\b)(.*)$/;
const SAME_LINE = /^(#\s*haproxy-lint-disable-line\b)(.*)$/;
const FILE = /^(#\s*haproxy-lint-disable-file\b)(.*)$/;

function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

const findingKey = (start: number, end: number, ruleId: string, message: string) => `${start}:${end}:${ruleId}:${message}`;

/** The findings touching [start, end] (a cursor touching either end counts); findings are sorted by start. */
function findingsIn(findings: readonly Finding[], start: number, end: number): Finding[] {
  let low = 0;
  let high = findings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (findings[mid]!.start <= end) low = mid + 1;
    else high = mid;
  }
  const out: Finding[] = [];
  for (let i = 0; i < low; i++) if (start <= findings[i]!.end) out.push(findings[i]!);
  return out;
}

export function workspaceEdit(document: TextDocument, edits: Edit[], options: ActionOptions): WorkspaceEdit {
  const textEdits: TextEdit[] = [...edits].sort((a, b) => a.start - b.start || a.end - b.end).map((e) => ({ range: rangeOf(document, e.start, e.end), newText: e.text }));
  if (options.documentChanges) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] };
  return { changes: { [document.uri]: textEdits } };
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // never split a surrogate pair
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function fixTitle(finding: Finding): string {
  const fixInfo = finding.fix!;
  switch (fixInfo.applicability) {
    case 'safe': return `Fix: ${fixInfo.description} (${finding.ruleId})`;
    case 'unsafe': return `Fix (unsafe, may change behaviour): ${fixInfo.description} (${finding.ruleId})`;
    default: return `Suggestion (review the result): ${fixInfo.description} (${finding.ruleId})`;
  }
}

function lineAt(file: ConfigFile, number: number): Line | undefined {
  const guess = file.lines[number - 1];
  return guess?.line === number ? guess : file.lines.find((l) => l.line === number);
}

/** the text without trailing blanks, in one backward scan (`/\s+$/` retries from every blank: quadratic) */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** where the ids of a directive comment end (before ` -- reason` and trailing blanks) */
function idsEnd(comment: { start: number; text: string }, directive: RegExpExecArray): number {
  const rest = directive[2]!;
  const reason = /\s--(\s|$)/.exec(rest);
  const ids = trimEnd(reason ? rest.slice(0, reason.index) : rest);
  return comment.start + directive[1]!.length + ids.length;
}

/** Adds `id` to an existing directive comment; undefined when it disables every rule already. */
function extendDirective(comment: { start: number; text: string }, directive: RegExpExecArray, id: string): Edit | undefined {
  const rest = directive[2]!;
  const reason = /\s--(\s|$)/.exec(rest);
  const ids = (reason ? rest.slice(0, reason.index) : rest).trim();
  if (ids === '') return undefined;
  const at = idsEnd(comment, directive);
  return { start: at, end: at, text: `, ${id}` };
}

function lineHasSyntaxError(file: ConfigFile, line: Line): boolean {
  return file.syntaxErrors.some((e) => e.start < line.contentEnd && e.end >= line.start);
}

/** The edit adding a suppression of `id` for the line the finding starts on. */
export function disableLineEdit(file: ConfigFile, finding: Finding): Edit | undefined {
  const line = lineAt(file, finding.line);
  if (!line) return undefined;
  const comment = line.comment;
  if (comment) {
    const same = SAME_LINE.exec(comment.text);
    if (same) return extendDirective(comment, same, finding.ruleId);
  }
  // `# haproxy-lint-disable-line` must be the line's comment: append it when the line has none
  // and its end is plainly outside any quote
  if (!comment && line.kind !== 'comment' && line.kind !== 'blank' && !line.ignoredTail && !lineHasSyntaxError(file, line) && line.words.length > 0) {
    const text = file.text.slice(line.start, line.contentEnd);
    const blankBefore = /[ \t]$/.test(text);
    return { start: line.contentEnd, end: line.contentEnd, text: `${blankBefore ? '' : ' '}# haproxy-lint-disable-line ${finding.ruleId}` };
  }
  // otherwise the line above: extend a disable-next-line comment already there, or insert one
  const previous = lineAt(file, finding.line - 1);
  if (previous?.kind === 'comment' && previous.comment) {
    const next = NEXT_LINE.exec(previous.comment.text);
    if (next) {
      const extended = extendDirective(previous.comment, next, finding.ruleId);
      if (extended) return extended;
    }
  }
  const indent = file.text.slice(line.indent.start, line.indent.end);
  const eol = line.eol || previous?.eol || '\n';
  const at = Math.max(line.start, file.bomLength);
  return { start: at, end: at, text: `${indent}# haproxy-lint-disable-next-line ${finding.ruleId}${eol}` };
}

/** The edit adding `id` to a `# haproxy-lint-disable-file` comment (the first one, or a new one at the top). */
export function disableFileEdit(file: ConfigFile, ruleId: string): Edit | undefined {
  for (const line of file.lines) {
    if (line.kind !== 'comment' || !line.comment) continue;
    const directive = FILE.exec(line.comment.text);
    if (directive) {
      const edit = extendDirective(line.comment, directive, ruleId);
      if (edit) return edit;
    }
  }
  const eol = file.lines[0]?.eol || '\n';
  return { start: file.bomLength, end: file.bomLength, text: `# haproxy-lint-disable-file ${ruleId}${eol}` };
}

/** The text with every safe fix applied (to a fixpoint), as `haproxy-lint --fix` writes it. */
export function fixAllEdit(snapshot: LintSnapshot): Edit | undefined {
  const text = snapshot.document.getText();
  const result = fix(text, { ...snapshot.options, unsafeFixes: false });
  return result.changed ? minimalEdit(text, result.output) : undefined;
}

export function codeActions(snapshot: LintSnapshot, range: Range, context: CodeActionContext, options: ActionOptions): CodeAction[] {
  const { document, file, findings } = snapshot;
  const only = context.only;
  // the findings the client asks about: those of the diagnostics it sent, else those under the range
  const ours = context.diagnostics.filter((d) => d.source === SOURCE);
  // the client's diagnostics indexed by where they are and what they say: one lookup per finding
  const diagnosticByKey = new Map<string, Diagnostic>();
  for (const d of ours) {
    const key = findingKey(document.offsetAt(d.range.start), document.offsetAt(d.range.end), String(d.code), typeof d.message === 'string' ? d.message : d.message.value);
    if (!diagnosticByKey.has(key)) diagnosticByKey.set(key, d);
  }
  const diagnosticOf = (f: Finding) => diagnosticByKey.get(findingKey(f.start, f.end, f.ruleId, f.message));
  const selected = ours.length > 0
    ? findings.filter((f) => diagnosticOf(f) !== undefined)
    : findingsIn(findings, document.offsetAt(range.start), document.offsetAt(range.end));
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix, only)) {
    const suppressions: CodeAction[] = [];
    const seenLine = new Set<string>();
    const seenFile = new Set<string>();
    for (const finding of selected) {
      const diagnostic: Diagnostic = diagnosticOf(finding) ?? toDiagnostic(document, finding);
      if (finding.fix && finding.fix.edits.length > 0) {
        actions.push({
          title: fixTitle(finding),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: finding.fix.applicability === 'safe' ? true : undefined,
          edit: workspaceEdit(document, finding.fix.edits, options),
        });
      }
      if (NOT_SUPPRESSIBLE.has(finding.ruleId)) continue;
      const lineKey = `${finding.ruleId}@${finding.line}`;
      if (!seenLine.has(lineKey)) {
        seenLine.add(lineKey);
        const edit = disableLineEdit(file, finding);
        if (edit) suppressions.push({ title: `Disable ${finding.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, [edit], options) });
      }
      if (!seenFile.has(finding.ruleId)) {
        seenFile.add(finding.ruleId);
        const edit = disableFileEdit(file, finding.ruleId);
        if (edit) suppressions.push({ title: `Disable ${finding.ruleId} for the entire file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, [edit], options) });
      }
    }
    for (const action of suppressions) actions.push(action);
  }

  // "fix all" is offered when asked for explicitly (on save, the Source Action menu), or next to
  // the quick fixes when something under the cursor has a safe fix
  const explicitlyAsked = only !== undefined && only.length > 0 && wanted(FIX_ALL_KIND, only);
  const besideQuickFixes = (only === undefined || only.length === 0) && selected.some((f) => f.fix?.applicability === 'safe');
  if ((explicitlyAsked || besideQuickFixes) && findings.some((f) => f.fix?.applicability === 'safe')) {
    const edit = fixAllEdit(snapshot);
    if (edit) actions.push({ title: 'Fix all safe problems (haproxy-lint)', kind: FIX_ALL_KIND, edit: workspaceEdit(document, [edit], options) });
  }
  return actions;
}
