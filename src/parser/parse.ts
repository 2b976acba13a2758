import type { Comment, ConfigFile, EnvRef, Line, Position, Section, SectionKind, SyntaxError, Word } from './ast.js';
import { Comment as CommentToken, Content, CrTail, splitWords, tokenize } from './lexer.js';
import { parseLines, type RawLine } from './line-parser.js';
import { decodeWord } from './word.js';
import { keywordShape, NAMED_SECTIONS, SECTION_KINDS } from './keyword-shape.js';
import { checkConditionals } from './conditionals.js';
import { syntaxError } from './syntax-error.js';
import { LineNode, WordTable } from './line-node.js';

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
  const rawLines = parseLines(tokenize(lexText));

  const lineStarts: number[] = [];
  const errors: SyntaxError[] = [];
  const lines: Line[] = [];
  const table = new WordTable(text);
  let offset = 0;
  for (let i = 0; i < rawLines.length; i++) {
    lineStarts.push(offset);
    const line = buildLine(text, lexText, rawLines[i]!, i + 1, offset, bomLength, table, errors);
    lines.push(line);
    offset = line.end;
  }
  const positionAt = (at: number): Position => positionFromStarts(lineStarts, at);

  reportMissingFinalNewline(text, lines, errors);
  checkConditionals(lines, errors);
  const { prologue, sections } = groupSections(lines, errors);
  errors.sort((a, b) => a.start - b.start);
  return { text, bomLength, prologue, sections, lines, syntaxErrors: errors, positionAt };
}

function buildLine(text: string, lexText: string, raw: RawLine, lineNumber: number, lineStart: number, bomLength: number, table: WordTable, errors: SyntaxError[]): LineNode {
  let comment: Comment | undefined;
  let ignoredTail: { start: number; end: number } | undefined;
  let indent = { start: lineStart, end: lineStart };
  const firstWord = table.count;
  let emptyArgument = -1;
  const tokens = raw.tokens;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const start = token.startOffset;
    const end = start + token.image.length;
    const type = token.tokenType;
    if (type === Content) {
      const indentEnd = splitWords(lexText, start, end, (from, to, plain) => {
        if (plain) {
          table.add(from, to);
          return;
        }
        const word = decodedWord(text.slice(from, to), from, lineNumber, lineStart, errors);
        const index = table.add(from, to, word);
        if (word.value === '' && word.envRefs.length === 0 && index > firstWord && emptyArgument < 0) emptyArgument = index;
      });
      if (t === 0 && indentEnd > start) indent = { start: Math.max(start, lineNumber === 1 ? bomLength : 0), end: indentEnd };
    } else if (type === CommentToken) {
      comment = { start, end, text: token.image };
    } else {
      ignoredTail = { start, end };
      if (type === CrTail) {
        errors.push(syntaxError('syntax/bare-cr', 'a carriage return in the middle of a line ends it for HAProxy: the rest of the line is ignored', start, end, lineNumber, start - lineStart + 1, false));
      } else {
        errors.push(syntaxError('syntax/nul-byte', 'stray NUL character: HAProxy truncates this line and stops reading the file', start, end, lineNumber, start - lineStart + 1, true));
      }
    }
  }
  const newline = raw.newline;
  const lastToken = tokens[tokens.length - 1];
  const contentEnd = newline ? newline.startOffset : lastToken ? lastToken.startOffset + lastToken.image.length : lineStart;
  const end = newline ? newline.startOffset + newline.image.length : contentEnd;
  const wordCount = table.count - firstWord;
  const line = new LineNode(lineStart, end, contentEnd, lineNumber, indent, table, firstWord, wordCount);
  line.comment = comment;
  line.ignoredTail = ignoredTail;
  line.eol = (newline?.image ?? '') as Line['eol'];
  if (wordCount > 0) {
    const first = table.value(firstWord);
    const firstRaw = table.raw(firstWord);
    line.kind = SECTION_KINDS.has(first as SectionKind) ? 'section' : firstRaw.startsWith('.') ? 'directive' : firstRaw.startsWith('[') ? 'scope' : 'keyword';
    if (line.kind === 'keyword') {
      const shape = keywordShape(wordCount, (i) => (i < wordCount ? table.value(firstWord + i) : undefined));
      line.keyword = shape.keyword;
      line.keywordWordCount = Math.min(shape.keywordWordCount, wordCount);
      line.modifier = shape.modifier;
    } else {
      line.keyword = first;
      line.keywordWordCount = 1;
    }
  } else line.kind = comment ? 'comment' : 'blank';
  if (wordCount > MAX_WORDS) {
    const extra = table.word(firstWord + MAX_WORDS, lineNumber, lineStart);
    errors.push(syntaxError('syntax/too-many-words', `too many words (${wordCount}): HAProxy accepts at most ${MAX_WORDS} per line`, extra.start, contentEnd, lineNumber, extra.column, true));
  }
  if (emptyArgument >= 0 && emptyArgument < table.count - 1) {
    const empty = table.word(emptyArgument, lineNumber, lineStart);
    errors.push(syntaxError('syntax/empty-argument', 'an empty argument ends the argument list: the words after it are ignored (and refused since HAProxy 3.2)', empty.start, contentEnd, lineNumber, empty.column, false));
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
  const err = (word: Word, code: string, message: string) =>
    errors.push(syntaxError(code, message, word.start, word.end, header.line, word.column, true));
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
      err(args[i]!, 'syntax/section-header', listening
        ? `listening addresses are not allowed on the '${kind}' line since HAProxy 1.x: please use the 'bind' keyword for '${args[i]!.value}'`
        : `unexpected argument '${args[i]!.value}' in '${kind}' header (only '${kind} <name> [from <defaults>]')`);
    }
  } else if (NAMED_SECTIONS.has(kind)) {
    section.name = args[0];
    if (!section.name && kind !== 'crt-store') err(header.words[0]!, 'syntax/section-header', `'${kind}' needs a name`);
  } else if (kind === 'global' && args[0]) {
    err(args[0], 'syntax/section-header', `'global' cannot handle unexpected argument '${args[0].value}'`);
  }
  return section;
}


function positionFromStarts(lineStarts: number[], offset: number): Position {
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
