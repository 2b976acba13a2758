/**
 * An edit spliced into a parsed file: the lines it touched are parsed again, the lines before it
 * are kept, the lines after it are moved along. What the language server does on a keystroke
 * instead of parsing the whole document again; the result is the tree `parseConfig` would give
 * (test/parser/splice.test.ts checks it on random edits).
 */
import type { ConfigFile, Line, Section, SyntaxError, Word } from './ast.js';
import { LineNode, rebindLine, shiftedLine, shiftedWord, type LineSource } from './line-node.js';
import { parseLineRange, positionFromStarts } from './parse.js';

/** Where the edit is, in lines of the old file and offsets of both texts. */
export interface SplicedEdit {
  /** the new tree */
  file: ConfigFile;
  /** first line (0-based index) the edit touched; lines before it are the old ones */
  from: number;
  /** end (exclusive) of the touched lines in the old file, and of their replacement in the new one */
  oldTo: number;
  newTo: number;
  /** offset where the touched lines start (the same in both texts) */
  start: number;
  /** where they end in the old text and in the new one */
  oldEnd: number;
  newEnd: number;
  /** how far the text after them moved, in characters and lines */
  delta: number;
  lineDelta: number;
  /** the section holding the touched lines (its index in both files' `sections`) */
  section: number;
}

/**
 * Splices the difference between `old.text` and `text` into `old`, or returns undefined when the
 * edit cannot be handled line by line: it touches a section header or an `.if` directive (in
 * either text), the lines before the first section, the last line, or a byte-order mark; or the
 * texts are equal.
 */
export function spliceEdit(old: ConfigFile, text: string): SplicedEdit | undefined {
  const before = old.text;
  if (before === text || old.bomLength > 0) return undefined;
  const shorter = Math.min(before.length, text.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  // the touched lines: from the one holding the first changed character to the one holding the first unchanged one after it
  if (suffix === 0) return undefined;
  const lines = old.lines as LineNode[];
  const from = lineIndexAt(old, prefix);
  const last = lineIndexAt(old, before.length - suffix);
  if (last >= lines.length - 1) return undefined;
  const oldTo = last + 1;
  const start = lines[from]!.start;
  const oldEnd = lines[last]!.end;
  const delta = text.length - before.length;
  const newEnd = oldEnd + delta;
  for (let i = from; i < oldTo; i++) if (!isPlain(lines[i]!)) return undefined;

  const sections = old.sections;
  const section = sectionIndexOf(sections, from);
  if (section < 0) return undefined;
  const next = sections[section + 1];
  if (next && next.header.line - 1 < oldTo) return undefined;

  const source: LineSource = { text, lexText: text, bomLength: 0 };
  const parsed = parseLineRange(source, start, newEnd, from + 1);
  if (parsed.lines.length === 0 || parsed.lines.some((line) => !isPlain(line))) return undefined;
  const depth = lines[from]!.condDepth;
  for (const line of parsed.lines) line.condDepth = depth;
  const lineDelta = parsed.lines.length - (oldTo - from);

  const newLines: Line[] = new Array(lines.length + lineDelta);
  const lineStarts: number[] = new Array(newLines.length);
  for (let i = 0; i < from; i++) {
    rebindLine(lines[i]!, source);
    newLines[i] = lines[i]!;
    lineStarts[i] = lines[i]!.start;
  }
  for (let i = 0; i < parsed.lines.length; i++) {
    newLines[from + i] = parsed.lines[i]!;
    lineStarts[from + i] = parsed.lines[i]!.start;
  }
  for (let i = oldTo; i < lines.length; i++) {
    const line = shiftedLine(lines[i]!, source, delta, lineDelta);
    newLines[i + lineDelta] = line;
    lineStarts[i + lineDelta] = line.start;
  }

  const newSections: Section[] = sections.slice(0, section);
  const edited = sections[section]!;
  const firstOfSection = edited.header.line; // index of its first body line
  const body = newLines.slice(firstOfSection, (next ? next.header.line - 1 : lines.length) + lineDelta);
  newSections.push({ ...edited, lines: body, end: body.length ? body[body.length - 1]!.end : edited.header.end });
  for (let i = section + 1; i < sections.length; i++) newSections.push(movedSection(sections[i]!, newLines, delta, lineDelta));

  const syntaxErrors: SyntaxError[] = [];
  for (const error of old.syntaxErrors) {
    if (error.start < start) syntaxErrors.push(error);
  }
  syntaxErrors.push(...parsed.errors.sort((a, b) => a.start - b.start));
  for (const error of old.syntaxErrors) {
    if (error.start >= oldEnd) syntaxErrors.push({ ...error, start: error.start + delta, end: error.end + delta, line: error.line + lineDelta });
  }

  const file: ConfigFile = {
    text,
    bomLength: 0,
    prologue: old.prologue,
    sections: newSections,
    lines: newLines,
    syntaxErrors,
    positionAt: (at) => positionFromStarts(lineStarts, at),
  };
  return { file, from, oldTo, newTo: from + parsed.lines.length, start, oldEnd, newEnd, delta, lineDelta, section };
}

/** A line an edit may touch without changing the file's structure: not a section header, not an `.if`… directive. */
function isPlain(line: Line): boolean {
  return line.kind !== 'section' && line.kind !== 'directive';
}

/** The 0-based index of the line holding offset `at` (the last line for the end of the text). */
function lineIndexAt(file: ConfigFile, at: number): number {
  return file.positionAt(at).line - 1;
}

/** The index of the section whose body holds line index `index`, or -1 in the lines before the first section. */
function sectionIndexOf(sections: readonly Section[], index: number): number {
  let low = 0;
  let high = sections.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sections[mid]!.header.line - 1 < index) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** A section after the edit: its lines are the moved ones (a section's lines follow its header in the file). */
function movedSection(section: Section, newLines: readonly Line[], delta: number, lineDelta: number): Section {
  const at = section.header.line + lineDelta; // index of the first body line in the new file
  const header = newLines[at - 1]!;
  const result: Section = { kind: section.kind, header, lines: newLines.slice(at, at + section.lines.length), start: section.start + delta, end: section.end + delta };
  if (section.name) result.name = shiftedWord(section.name, delta, lineDelta);
  if (section.from) result.from = shiftedWord(section.from, delta, lineDelta);
  return result;
}
