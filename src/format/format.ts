/**
 * The formatter, shared by `haproxy-lint format` and the language server: it only moves blanks.
 *
 * - section headers at column 0, the lines of a section body indented by one unit;
 * - one blank line between sections (before the comments that introduce the next one);
 * - runs of blank lines collapsed to one, blank lines at the start and end of the file dropped,
 *   trailing blanks removed;
 * - optionally, the names and addresses of consecutive `server` lines aligned in columns.
 *
 * Words, quotes and comments are copied as written, so the parse tree keeps the same words. Lines
 * HAProxy reads conditionally (`.if` blocks and the directives themselves), lines holding template
 * tags (Jinja, Go templates, ERB), and lines with text HAProxy ignores (after a bare CR or NUL) are
 * copied untouched. Each line keeps its own terminator (LF or CRLF) and a BOM stays.
 */
import { fileEol } from '../parser/eol.js';
import type { ConfigFile, Line } from '../parser/ast.js';
import { parseConfig } from '../parser/parse.js';

export interface FormatOptions {
  /** spaces per indentation level, or 'tab' (default 4) */
  indent?: number | 'tab';
  /** align the name and address columns of consecutive `server` lines (default false) */
  alignServers?: boolean;
}

export const DEFAULT_INDENT = 4;

/** `{{ }}`/`{% %}`/`{# #}` (Jinja, Go templates, Helm) and `<% %>` (ERB, EJS): a generator fills these in */
const TEMPLATE_TAG = /\{\{.*\}\}|\{%.*%\}|\{#.*#\}|<%.*%>|^\s*(\{\{|\{%|<%)/;

export function indentUnit(indent: FormatOptions['indent']): string {
  if (indent === 'tab') return '\t';
  const width = indent ?? DEFAULT_INDENT;
  return ' '.repeat(Number.isInteger(width) && width >= 0 && width <= 16 ? width : DEFAULT_INDENT);
}

/** One output line: its content without terminator, and the terminator it had (or the file's). */
interface OutLine {
  content: string;
  eol: string;
  /** copied untouched: never merged with or separated from its neighbours */
  frozen: boolean;
  blank: boolean;
}

/** Whether the formatter must copy a line exactly as written. */
function isFrozen(file: ConfigFile, line: Line): boolean {
  if (line.condDepth > 0 || line.kind === 'directive' || line.ignoredTail) return true;
  return TEMPLATE_TAG.test(file.text.slice(line.start, line.contentEnd));
}

/** The text of a line from its first word (or comment) to its last, without the blanks around it. */
function body(file: ConfigFile, line: Line): string {
  const words = line.words;
  const from = words[0]?.start ?? line.comment?.start ?? line.contentEnd;
  const to = line.comment?.end ?? words[words.length - 1]?.end ?? from;
  // a comment runs to the end of the line: its trailing blanks are trailing blanks of the line
  return file.text.slice(from, to).replace(/[ \t]+$/, '');
}


/** Formats a whole file; returns the text unchanged when it is already formatted. */
export function formatText(text: string, options: FormatOptions = {}): string {
  return formatFile(parseConfig(text), options);
}

export function formatFile(file: ConfigFile, options: FormatOptions = {}): string {
  const unit = indentUnit(options.indent);
  const eol = fileEol(file);
  const aligned = options.alignServers ? serverColumns(file) : undefined;
  const out: OutLine[] = [];
  // the BOM is written once, in front of everything
  const copy = (line: Line): OutLine => ({ content: file.text.slice(Math.max(line.start, file.bomLength), line.contentEnd), eol: line.eol, frozen: true, blank: line.kind === 'blank' });
  const emit = (line: Line, indent: string) => {
    if (isFrozen(file, line)) {
      out.push(copy(line));
      return;
    }
    if (line.kind === 'blank') {
      out.push({ content: '', eol: line.eol, frozen: false, blank: true });
      return;
    }
    const content = aligned?.get(line) ?? body(file, line);
    out.push({ content: indent + content, eol: line.eol, frozen: false, blank: false });
  };

  for (const line of file.prologue) emit(line, line.kind === 'comment' ? '' : file.text.slice(line.indent.start, line.indent.end));
  for (const [index, section] of file.sections.entries()) {
    const next = file.sections[index + 1];
    const leadIn = next ? detachedComments(file, section.lines, next.header) : section.lines.length;
    if (!isFrozen(file, section.header)) separate(out, eol);
    emit(section.header, '');
    section.lines.forEach((line, i) => emit(line, i >= leadIn && line.kind === 'comment' ? '' : unit));
  }
  return render(file, out);
}

/**
 * Where the comments that introduce the next section start: the run of column-0 comments (and
 * blank lines) ending a section body right before a formatted header. They stay at column 0.
 */
function detachedComments(file: ConfigFile, lines: readonly Line[], nextHeader: Line): number {
  if (isFrozen(file, nextHeader)) return lines.length;
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (isFrozen(file, line)) break;
    if (line.kind === 'blank') {
      start = i;
      continue;
    }
    if (line.kind !== 'comment' || line.indent.end > line.indent.start) break;
    start = i;
  }
  return start;
}

/** Before a section header (or the comments introducing it): exactly one blank line, none at the top of the file. */
function separate(out: OutLine[], eol: string): void {
  // the comments right above belong to this header: the blank line goes above them
  let at = out.length;
  while (at > 0 && !out[at - 1]!.blank && !out[at - 1]!.frozen && out[at - 1]!.content.startsWith('#')) at--;
  if (at > 0 && out[at - 1]!.frozen) return;
  let blanks = at;
  while (blanks > 0 && out[blanks - 1]!.blank && !out[blanks - 1]!.frozen) blanks--;
  // nothing above but blank lines: the section starts the file
  const replacement: OutLine[] = blanks === 0 ? [] : [{ content: '', eol, frozen: false, blank: true }];
  out.splice(blanks, at - blanks, ...replacement);
}

function render(file: ConfigFile, out: OutLine[]): string {
  const kept: OutLine[] = [];
  for (const line of out) {
    // a blank line after a blank line (or at the very top) goes, unless either is frozen
    if (line.blank && !line.frozen) {
      const previous = kept[kept.length - 1];
      if (!previous || (previous.blank && !previous.frozen)) continue;
    }
    kept.push(line);
  }
  // no blank lines at the end; the last line keeps the terminator the file ended with
  const lastEol = file.lines[file.lines.length - 1]?.eol ?? '';
  let dropped = false;
  while (kept.length > 0 && kept[kept.length - 1]!.blank && !kept[kept.length - 1]!.frozen) {
    kept.pop();
    dropped = true;
  }
  if (dropped && kept.length > 0) kept[kept.length - 1]!.eol = lastEol === '' ? kept[kept.length - 1]!.eol : lastEol;
  const bom = file.text.slice(0, file.bomLength);
  return bom + kept.map((l) => l.content + l.eol).join('');
}

/**
 * `server <name> <address> <options…>` with the name and address padded so that the addresses and
 * the options of consecutive server lines start in the same column. The words are copied as
 * written; only the blanks between the first three change.
 */
function serverColumns(file: ConfigFile): Map<Line, string> {
  const result = new Map<Line, string>();
  const flush = (run: Line[]) => {
    if (run.length < 2) return;
    const nameWidth = Math.max(...run.map((l) => l.words[1]!.raw.length));
    const addressWidth = Math.max(...run.map((l) => l.words[2]!.raw.length));
    for (const line of run) {
      const [keyword, name, address] = line.words as [typeof line.words[0], typeof line.words[0], typeof line.words[0]];
      const rest = body(file, line).slice(address!.end - keyword!.start).replace(/^[ \t]+/, '');
      const head = `${keyword!.raw} ${name!.raw.padEnd(nameWidth)} ${address!.raw}`;
      result.set(line, rest === '' ? head : `${head.padEnd(keyword!.raw.length + 1 + nameWidth + 1 + addressWidth)} ${rest}`);
    }
  };
  for (const section of file.sections) {
    let run: Line[] = [];
    for (const line of section.lines) {
      const alignable = line.kind === 'keyword' && line.keyword === 'server' && line.keywordWordCount === 1 && line.words.length >= 3 && !isFrozen(file, line);
      if (alignable) run.push(line);
      else if (line.kind !== 'comment') {
        flush(run);
        run = [];
      }
    }
    flush(run);
  }
  return result;
}
