import type { Comment, ConfigFile, EnvRef, Line, Position, Section, SectionKind, SyntaxError, Word } from './ast.js';
import { CrTail, lineEnd, scratch, splitWords, tokenize } from './lexer.js';
import type { IToken } from './chevrotain.js';
import { groupLinesByHand, parseLines, type RawLine } from './line-parser.js';
import { decodeWord } from './word.js';
import { keywordShape, NAMED_SECTIONS, SECTION_KINDS } from './keyword-shape.js';
import { checkConditionals } from './conditionals.js';
import { syntaxError } from './syntax-error.js';
import { LineNode, type LineSource } from './line-node.js';
import { internSlice } from './intern.js';

/** HAProxy's MAX_LINE_ARGS: the 65th word is a fatal error. */
const MAX_WORDS = 64;
const PROXY_NAME = /^[A-Za-z0-9._:-]+$/;
const NO_ENV_REFS: EnvRef[] = Object.freeze([]) as unknown as EnvRef[];

/**
 * Parses haproxy.cfg text into a lossless tree. Never throws: whatever HAProxy would refuse is
 * returned in `syntaxErrors`, and the rest of the file still parses.
 */
export function parseConfig(text: string): ConfigFile {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // the BOM is lexed as a blank so it never glues onto the first word; offsets are unchanged
  const lexText = bomLength ? ' ' + text.slice(1) : text;
  const lineStarts: number[] = [];
  const errors: SyntaxError[] = [];
  const lines: Line[] = [];
  let offset = 0;
  // Lines are lexed and parsed a chunk at a time: no token spans lines, so cutting at a line end
  // changes nothing, and a chunk's tokens die young instead of outliving the whole file's parse
  // (the garbage collector then never copies them around).
  let base = 0;
  const source: LineSource = { text, lexText, bomLength };
  const addLine = (raw: RawLine) => {
    lineStarts.push(offset);
    const line = buildLine(source, raw, base, lines.length + 1, offset, errors);
    lines.push(line);
    offset = line.end;
  };
  while (base < lexText.length) {
    const newline = lexText.indexOf('\n', base + CHUNK_SIZE);
    const chunkEnd = newline < 0 ? lexText.length : newline + 1;
    const tokens = tokenize(base === 0 && chunkEnd === lexText.length ? lexText : lexText.slice(base, chunkEnd));
    // the grammar accepts every token sequence, so chevrotain cannot fail; if it ever did, the
    // lines would be grouped by hand from the same tokens so that no byte is lost
    const before = { lines: lines.length, errors: errors.length, offset };
    if (!parseLines(tokens, addLine)) {
      lines.length = lineStarts.length = before.lines;
      errors.length = before.errors;
      offset = before.offset;
      groupLinesByHand(tokens).forEach(addLine);
    }
    base = chunkEnd;
  }
  const positionAt = (at: number): Position => positionFromStarts(lineStarts, at);

  reportMissingFinalNewline(text, lines, errors);
  checkConditionals(lines, errors);
  const { prologue, sections } = groupSections(lines, errors);
  errors.sort((a, b) => a.start - b.start);
  return { text, bomLength, prologue, sections, lines, syntaxErrors: errors, positionAt };
}

/** where a token's own text ends, without the line terminator it may carry */
function tokenEnd(token: IToken, last: IToken, base: number, contentEnd: number): number {
  return token === last ? contentEnd : base + token.startOffset + token.image.length;
}

/** The line being built, for `leadingValue` (module state rather than a closure per line). */
const leading: { text: string; decoded: (Word | undefined)[] | undefined; count: number } = { text: '', decoded: undefined, count: 0 };

/** The value of the line's word i among its first KEYWORD_WORDS, from the current split. */
function leadingValue(i: number): string | undefined {
  if (i >= leading.count || i >= KEYWORD_WORDS) return undefined;
  return leading.decoded?.[i]?.value ?? internSlice(leading.text, scratch.starts[i]!, scratch.ends[i]!);
}

/** Characters lexed at a time (rounded up to a line end). */
const CHUNK_SIZE = 64 * 1024;

/** How many leading words decide a line's keyword: `no option httpchk`, `capture request header`. */
const KEYWORD_WORDS = 4;

function buildLine(source: LineSource, raw: RawLine, base: number, lineNumber: number, lineStart: number, errors: SyntaxError[]): LineNode {
  const { text, lexText } = source;
  let comment: Comment | undefined;
  let ignoredTail: { start: number; end: number } | undefined;
  let wordCount = 0;
  let decoded: (Word | undefined)[] | undefined;
  let emptyArgument = -1;
  let firstRaw = '';
  let tooManyAt = -1;
  const last = raw.last!;
  const eolLength = lineEnd(last);
  const end = base + last.startOffset + last.image.length;
  const contentEnd = end - eolLength;
  const content = raw.content;
  if (content) {
    const start = base + content.startOffset;
    const end = tokenEnd(content, last, base, contentEnd);
    wordCount = splitWords(lexText, start, end);
    if (wordCount > MAX_WORDS) tooManyAt = scratch.starts[MAX_WORDS]!;
    for (let i = 0; i < wordCount; i++) {
      const from = scratch.starts[i]!;
      const to = scratch.ends[i]!;
      if (scratch.plain[i]) continue;
      const word = decodedWord(text.slice(from, to), from, lineNumber, lineStart, errors);
      (decoded ??= [])[i] = word;
      if (word.value === '' && word.envRefs.length === 0 && i > 0 && emptyArgument < 0) emptyArgument = i;
    }
    if (wordCount > 0) firstRaw = internSlice(text, scratch.starts[0]!, scratch.ends[0]!);
    if (emptyArgument >= 0 && emptyArgument < wordCount - 1) {
      const empty = decoded![emptyArgument]!;
      errors.push(syntaxError('syntax/empty-argument', 'an empty argument ends the argument list: the words after it are ignored (and refused since HAProxy 3.3)', empty.start, end, lineNumber, empty.column, false));
    }
  }
  if (raw.comment) {
    const start = base + raw.comment.startOffset;
    const commentEnd = tokenEnd(raw.comment, last, base, contentEnd);
    comment = { start, end: commentEnd, text: text.slice(start, commentEnd) };
  }
  const tail = raw.tail;
  if (tail) {
    const start = base + tail.startOffset;
    const end = tokenEnd(tail, last, base, contentEnd);
    ignoredTail = { start, end };
    if (tail.tokenType === CrTail) {
      errors.push(syntaxError('syntax/bare-cr', 'a carriage return in the middle of a line ends it for HAProxy: the rest of the line is ignored', start, end, lineNumber, start - lineStart + 1, false));
    } else {
      errors.push(syntaxError('syntax/nul-byte', 'stray NUL character: HAProxy truncates this line and stops reading the file', start, end, lineNumber, start - lineStart + 1, true));
    }
  }
  const line = new LineNode(source, lineStart, end, contentEnd, lineNumber);
  line.comment = comment;
  line.ignoredTail = ignoredTail;
  line.wordCount = wordCount;
  line.decoded = decoded;
  if (wordCount > 0) {
    // the first words' values, from the scratch bounds of this line's split (still current here)
    leading.text = text;
    leading.decoded = decoded;
    leading.count = wordCount;
    const first = decoded?.[0]?.value ?? firstRaw;
    line.kind = SECTION_KINDS.has(first as SectionKind) ? 'section' : firstRaw.startsWith('.') ? 'directive' : firstRaw.startsWith('[') ? 'scope' : 'keyword';
    if (line.kind === 'keyword') {
      const shape = keywordShape(wordCount, leadingValue);
      // do not keep the file's text alive after the parse
      leading.text = '';
      leading.decoded = undefined;
      line.keyword = shape.keyword;
      line.keywordWordCount = Math.min(shape.keywordWordCount, wordCount);
      line.modifier = shape.modifier;
    } else {
      line.keyword = first;
      line.keywordWordCount = 1;
    }
  } else line.kind = comment ? 'comment' : 'blank';
  if (tooManyAt >= 0) {
    errors.push(syntaxError('syntax/too-many-words', `too many words (${wordCount}): HAProxy accepts at most ${MAX_WORDS} per line`, tooManyAt, contentEnd, lineNumber, tooManyAt - lineStart + 1, true));
  }
  return line;
}

function decodedWord(raw: string, start: number, lineNumber: number, lineStart: number, errors: SyntaxError[]): Word {
  const decoded = decodeWord(raw);
  for (const problem of decoded.problems) {
    const at = start + problem.offset;
    errors.push(syntaxError(problem.code, problem.message, at, start + problem.end, lineNumber, at - lineStart + 1, true));
  }
  const envRefs: EnvRef[] = decoded.envRefs.length === 0 ? NO_ENV_REFS : decoded.envRefs.map((ref) => ({ ...ref, start: start + ref.start, end: start + ref.end }));
  return { start, end: start + raw.length, raw, value: decoded.value, quoting: decoded.quoting, envRefs, line: lineNumber, column: start - lineStart + 1 };
}

function reportMissingFinalNewline(text: string, lines: Line[], errors: SyntaxError[]): void {
  const last = lines[lines.length - 1];
  if (last && last.eol === '' && text.length > 0) {
    errors.push(syntaxError('syntax/missing-final-newline', 'missing LF on last line: HAProxy 2.6+ refuses the file ("file might have been truncated")', last.contentEnd, last.contentEnd, last.line, last.contentEnd - last.start + 1, true));
  }
}

function groupSections(lines: Line[], errors: SyntaxError[]): { prologue: Line[]; sections: Section[] } {
  const prologue: Line[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const line of lines) {
    if (line.kind === 'section') {
      current = sectionFromHeader(line, errors);
      sections.push(current);
      continue;
    }
    if (current) {
      current.lines.push(line);
      current.end = line.end;
    } else {
      prologue.push(line);
      if (line.kind === 'keyword') {
        const first = line.words[0]!;
        errors.push(syntaxError('syntax/out-of-section', `unknown keyword '${first.value}' out of section: a file must start with a section such as 'global' or 'defaults'`, first.start, first.end, line.line, first.column, true));
      }
    }
  }
  return { prologue, sections };
}

function sectionFromHeader(header: Line, errors: SyntaxError[]): Section {
  const kind = header.words[0]!.value as SectionKind;
  const args = header.words.slice(1);
  const section: Section = { kind, header, lines: [], start: header.start, end: header.end };
  const err = (word: Word, code: string, message: string, fatal = true) =>
    errors.push(syntaxError(code, message, word.start, word.end, header.line, word.column, fatal));
  if (kind === 'defaults' || kind === 'frontend' || kind === 'backend' || kind === 'listen') {
    let i = 0;
    if (kind !== 'defaults' || (args[0] && args[0].value !== 'from')) section.name = args[i++];
    if (args[i]?.value === 'from') {
      section.from = args[i + 1];
      if (!section.from) err(args[i]!, 'syntax/section-header', `'from' needs the name of a defaults section`);
      i += 2;
    }
    if (kind !== 'defaults' && !section.name) err(header.words[0]!, 'syntax/section-header', `'${kind}' needs a name`);
    if (section.name && !PROXY_NAME.test(section.name.value)) err(section.name, 'syntax/section-header', `invalid character in ${kind} name '${section.name.value}' (allowed: letters, digits, '.', '_', ':', '-')`);
    if (args[i]) {
      const listening = kind !== 'defaults' && kind !== 'backend' && /:\d|^\*|^:/.test(args[i]!.value);
      if (kind === 'defaults') {
        // HAProxy (2.6.12) ignores what follows a defaults section's name: a warning, not a refusal
        err(args[i]!, 'syntax/section-header', `'defaults' ignores the extra argument '${args[i]!.value}' (only 'defaults [<name>] [from <defaults>]')`, false);
      } else {
        err(args[i]!, 'syntax/section-header', listening
          ? `listening addresses are not allowed on the '${kind}' line since HAProxy 1.x: please use the 'bind' keyword for '${args[i]!.value}'`
          : `unexpected argument '${args[i]!.value}' in '${kind}' header (only '${kind} <name> [from <defaults>]')`);
      }
    }
  } else if (NAMED_SECTIONS.has(kind)) {
    section.name = args[0];
    if (!section.name && kind !== 'crt-store') err(header.words[0]!, 'syntax/section-header', `'${kind}' needs a name`);
  } else if (kind === 'global' && args[0]) {
    err(args[0], 'syntax/section-header', `'global' cannot handle unexpected argument '${args[0].value}'`);
  }
  return section;
}


export function positionFromStarts(lineStarts: number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  if (high < 0) return { offset, line: 1, column: offset + 1 };
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { offset, line: low + 1, column: offset - lineStarts[low]! + 1 };
}

/**
 * Parses whole lines `[start, end)` of `source` (a file's text) as its lines `firstLine`, `firstLine + 1`…,
 * with offsets into the whole text: what `spliceEdit` (splice.ts) re-parses after an edit. Only
 * what belongs to a line is checked here (words, quotes, tails); nesting and sections are the splice's.
 */
export function parseLineRange(source: LineSource, start: number, end: number, firstLine: number): { lines: LineNode[]; errors: SyntaxError[] } {
  const lines: LineNode[] = [];
  const errors: SyntaxError[] = [];
  let offset = start;
  const addLine = (raw: RawLine) => {
    const line = buildLine(source, raw, start, firstLine + lines.length, offset, errors);
    lines.push(line);
    offset = line.end;
  };
  const tokens = tokenize(source.lexText.slice(start, end));
  if (!parseLines(tokens, addLine)) {
    lines.length = errors.length = 0;
    offset = start;
    groupLinesByHand(tokens).forEach(addLine);
  }
  return { lines, errors };
}
