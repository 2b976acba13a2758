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
    private readonly source: LineSource,
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
