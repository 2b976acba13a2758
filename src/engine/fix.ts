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
    for (const finding of chosen) applied.push(finding);
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
    .filter((f) => f.fix!.edits.every((e) => blockedTouched(blocked, e).every((b) => repairsAll(f.fix!.edits, b.errors))))
    .map((f) => ({ finding: f, first: firstStart(f) }))
    .sort((a, b) => a.first - b.first);
  const taken = new TakenEdits();
  const chosen: Finding[] = [];
  for (const { finding } of candidates) {
    const edits = finding.fix!.edits;
    if (edits.some((e) => taken.overlaps(e))) continue;
    for (const e of edits) taken.add(e);
    chosen.push(finding);
  }
  return chosen;
}

/**
 * The edits taken so far, sorted by start: overlap checks by binary search. Fixes come in order of
 * their first edit, so additions are nearly always at the end (O(1)); a fix with an earlier second
 * edit inserts in the middle.
 */
class TakenEdits {
  private readonly edits: Edit[] = [];

  add(edit: Edit): void {
    const list = this.edits;
    if (list.length === 0 || compareEdits(list[list.length - 1]!, edit) <= 0) {
      list.push(edit);
      return;
    }
    list.splice(this.firstAfter(edit.start), 0, edit);
  }

  /** index of the first edit starting after `offset` */
  private firstAfter(offset: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.edits[mid]!.start <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  overlaps(edit: Edit): boolean {
    // taken edits are disjoint: only those starting before the edit's end can overlap it, and of
    // those, the ones at or just before its start and inside it; walk back from the first after its end
    let i = this.firstAfter(edit.end) - 1;
    for (; i >= 0; i--) {
      const t = this.edits[i]!;
      if (overlaps(edit, t)) return true;
      // a taken edit ending before this one starts: those before it end earlier still
      if (t.end < edit.start) return false;
    }
    return false;
  }
}

const compareEdits = (a: Edit, b: Edit) => a.start - b.start || a.end - b.end;

/** the blocked lines an edit touches (blocked is sorted by start, disjoint lines) */
function blockedTouched(blocked: readonly BlockedLine[], edit: Edit): BlockedLine[] {
  if (blocked.length === 0) return [];
  // the first blocked line that ends after the edit starts
  let low = 0;
  let high = blocked.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocked[mid]!.end <= edit.start) low = mid + 1;
    else high = mid;
  }
  const out: BlockedLine[] = [];
  for (let i = Math.max(0, low - 1); i < blocked.length && blocked[i]!.start <= edit.end; i++) {
    if (touches(edit, blocked[i]!)) out.push(blocked[i]!);
  }
  return out;
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
  return [...byLine.values()].sort((a, b) => a.start - b.start);
}

function repairsAll(edits: readonly Edit[], errors: readonly { start: number; end: number }[]): boolean {
  return errors.every((error) => edits.some((e) => e.start <= error.start && e.end >= error.end && e.end > e.start));
}

function firstStart(finding: Finding): number {
  let first = Infinity;
  for (const e of finding.fix!.edits) if (e.start < first) first = e.start;
  return first;
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

function touches(edit: Edit, range: { start: number; end: number }): boolean {
  return edit.start < range.end && range.start < edit.end || (edit.start >= range.start && edit.start < range.end);
}

/** Applies non-overlapping edits to text in one pass: the kept slices and the new texts, joined once. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  // same span: the later edit goes first (as applying them back to front one by one did)
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || b.index - a.index).map((e) => e.edit);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    // an overlapping edit (never chosen together) would otherwise duplicate text: keep the first
    if (edit.start < at) continue;
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
