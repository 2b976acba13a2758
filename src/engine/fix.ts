import { parseConfig } from '../parser/parse.js';
import type { ConfigFile } from '../parser/ast.js';
import { lintFile } from './lint.js';
import type { Edit, Finding, FixOptions, FixResult, Rule } from './types.js';

const DEFAULT_MAX_PASSES = 10;

/**
 * Applies fixes to a fixpoint: each pass lints, takes the applicable fixes in source order,
 * defers any fix whose edits overlap one already taken, and applies the rest to the text.
 * Stops when nothing changes, on a repeated text (a cycle) or after maxPasses; then the
 * findings reported are those of the final text. The text is never re-printed from the tree.
 */
export function fix(text: string, options: FixOptions, rules: readonly Rule[]): FixResult {
  const maxPasses = options.maxPasses ?? DEFAULT_MAX_PASSES;
  const seen = new Set<string>([text]);
  const applied: Finding[] = [];
  let current = text;
  let file = parseConfig(current);
  let findings = lintFile(file, options, rules).findings;
  let passes = 0;
  while (passes < maxPasses) {
    const chosen = chooseFixes(file, findings, options.unsafeFixes === true);
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen.flatMap((f) => f.fix!.edits));
    if (next === current || seen.has(next)) break;
    passes++;
    seen.add(next);
    applied.push(...chosen);
    current = next;
    file = parseConfig(current);
    findings = lintFile(file, options, rules).findings;
  }
  return { output: current, changed: current !== text, passes, findings, applied };
}

export function isApplicable(finding: Finding, unsafeFixes: boolean): boolean {
  const applicability = finding.fix?.applicability;
  return applicability === 'safe' || (unsafeFixes && applicability === 'unsafe');
}

/** The fixes to apply in one pass: applicable, not on a line the parser could not read, no overlaps. */
export function chooseFixes(file: ConfigFile, findings: Finding[], unsafeFixes: boolean): Finding[] {
  const blocked = blockedLines(file);
  const candidates = findings
    .filter((f) => isApplicable(f, unsafeFixes) && f.fix!.edits.length > 0)
    .filter((f) => blocked.every((b) => !f.fix!.edits.some((e) => touches(e, b)) || repairsAll(f.fix!.edits, b.errors)))
    .sort((a, b) => firstStart(a) - firstStart(b));
  const taken: Edit[] = [];
  const chosen: Finding[] = [];
  for (const finding of candidates) {
    const edits = finding.fix!.edits;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
    chosen.push(finding);
  }
  return chosen;
}

interface BlockedLine {
  start: number;
  end: number;
  errors: { start: number; end: number }[];
}

/**
 * Lines with a fatal syntax error (other than a missing final newline, which a fix repairs) are
 * left alone: their words are not what the author meant, so an edit could make things worse —
 * unless the fix rewrites every broken span of the line (e.g. quoting `application\x-www-…`).
 * After a NUL byte HAProxy stops reading, so nothing after it is touched at all.
 */
function blockedLines(file: ConfigFile): BlockedLine[] {
  const byLine = new Map<number, BlockedLine>();
  for (const error of file.syntaxErrors) {
    if (!error.fatal || error.code === 'syntax/missing-final-newline') continue;
    const line = file.lines[error.line - 1];
    if (!line) continue;
    const end = error.code === 'syntax/nul-byte' ? file.text.length : line.end;
    const blocked = byLine.get(line.line) ?? { start: line.start, end, errors: [] };
    blocked.end = Math.max(blocked.end, end);
    // a NUL cannot be repaired by rewriting words: make it impossible to cover
    blocked.errors.push(error.code === 'syntax/nul-byte' ? { start: -1, end: file.text.length + 1 } : error);
    byLine.set(line.line, blocked);
  }
  return [...byLine.values()];
}

function repairsAll(edits: readonly Edit[], errors: readonly { start: number; end: number }[]): boolean {
  return errors.every((error) => edits.some((e) => e.start <= error.start && e.end >= error.end && e.end > e.start));
}

function firstStart(finding: Finding): number {
  return Math.min(...finding.fix!.edits.map((e) => e.start));
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

function touches(edit: Edit, range: { start: number; end: number }): boolean {
  return edit.start < range.end && range.start < edit.end || (edit.start >= range.start && edit.start < range.end);
}

/** Applies non-overlapping edits to text, back to front so offsets stay valid. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
