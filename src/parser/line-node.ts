import type { Comment, EnvRef, Line, LineKind, Span, Word } from './ast.js';
import { isBlankCode, scratch, splitWords } from './lexer.js';

const NO_ENV_REFS: EnvRef[] = Object.freeze([]) as unknown as EnvRef[];

/** What every line of a file shares: its text, the text the lexer saw (a BOM replaced by a blank). */
export interface LineSource {
  text: string;
  lexText: string;
  bomLength: number;
}

/**
 * A line of the tree. Its words are made on first access, by splitting its content again: most
 * rules look only at a line's keyword, so parsing a large file allocates per line, not per word.
 * Words with quotes or escapes were decoded while parsing (their errors are syntax errors) and
 * are kept in `decoded`.
 */
export class LineNode implements Line {
  kind: LineKind = 'blank';
  keyword = '';
  keywordWordCount = 0;
  modifier?: 'no' | 'default';
  comment?: Comment;
  ignoredTail?: Span;
  condDepth = 0;
  wordCount = 0;
  /** decoded words by index in the line, for the words that have quotes or escapes */
  decoded?: (Word | undefined)[];
  private wordsCache?: Word[];
  private argsCache?: Word[];

  // Few fields on purpose: a large file has tens of thousands of lines, and everything that can
  // be derived (indentation, line ending, where the words end) is derived on access.
  constructor(
    private source: LineSource,
    readonly start: number,
    readonly end: number,
    readonly contentEnd: number,
    readonly line: number,
  ) {}

  get eol(): Line['eol'] {
    const length = this.end - this.contentEnd;
    return length === 0 ? '' : length === 1 ? '\n' : '\r\n';
  }

  /** the leading blanks (after a BOM on the first line) */
  get indent(): Span {
    const { lexText, bomLength } = this.source;
    let end = this.start;
    while (end < this.contentEnd && isBlankCode(lexText.charCodeAt(end))) end++;
    if (end === this.start) return { start: this.start, end };
    return { start: this.line === 1 ? Math.max(this.start, bomLength) : this.start, end };
  }

  get words(): Word[] {
    if (!this.wordsCache) {
      const count = this.wordCount === 0 ? 0 : splitWords(this.source.lexText, this.start, this.comment?.start ?? this.ignoredTail?.start ?? this.contentEnd);
      const words: Word[] = new Array(count);
      for (let i = 0; i < count; i++) {
        words[i] = this.decoded?.[i] ?? plainWord(this.source.text, scratch.starts[i]!, scratch.ends[i]!, this.line, this.start);
      }
      this.wordsCache = words;
    }
    return this.wordsCache;
  }

  get args(): Word[] {
    return (this.argsCache ??= this.words.slice(this.keywordWordCount));
  }
}

export function plainWord(text: string, start: number, end: number, lineNumber: number, lineStart: number): Word {
  const raw = text.slice(start, end);
  return { start, end, raw, value: raw, quoting: 'none', envRefs: NO_ENV_REFS, line: lineNumber, column: start - lineStart + 1 };
}

/**
 * The same line `delta` characters and `lineDelta` lines further on, in a file whose text is
 * `source` (an edit before it moved it, see splice.ts). Words are split again on first access;
 * the decoded ones are moved along.
 */
export function shiftedLine(line: LineNode, source: LineSource, delta: number, lineDelta: number): LineNode {
  const moved = new LineNode(source, line.start + delta, line.end + delta, line.contentEnd + delta, line.line + lineDelta);
  moved.kind = line.kind;
  moved.keyword = line.keyword;
  moved.keywordWordCount = line.keywordWordCount;
  if (line.modifier !== undefined) moved.modifier = line.modifier;
  if (line.comment) moved.comment = { start: line.comment.start + delta, end: line.comment.end + delta, text: line.comment.text };
  if (line.ignoredTail) moved.ignoredTail = { start: line.ignoredTail.start + delta, end: line.ignoredTail.end + delta };
  moved.condDepth = line.condDepth;
  moved.wordCount = line.wordCount;
  if (line.decoded) moved.decoded = line.decoded.map((word) => word && shiftedWord(word, delta, lineDelta));
  return moved;
}

export function shiftedWord(word: Word, delta: number, lineDelta: number): Word {
  const envRefs = word.envRefs.length === 0 ? word.envRefs : word.envRefs.map((ref) => ({ ...ref, start: ref.start + delta, end: ref.end + delta }));
  return { start: word.start + delta, end: word.end + delta, raw: word.raw, value: word.value, quoting: word.quoting, envRefs, line: word.line + lineDelta, column: word.column };
}

/**
 * Points a line at another text that has the same characters where the line is (the text after
 * an edit further on): words split later come from it, and the old text can be freed.
 */
export function rebindLine(line: LineNode, source: LineSource): void {
  (line as unknown as { source: LineSource }).source = source;
}
