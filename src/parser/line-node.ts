import type { Comment, EnvRef, Line, LineKind, Span, Word } from './ast.js';
import { scratch, splitWords } from './lexer.js';

const NO_ENV_REFS: EnvRef[] = Object.freeze([]) as unknown as EnvRef[];

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
  eol: Line['eol'] = '';
  condDepth = 0;
  wordCount = 0;
  /** decoded words by index in the line, for the words that have quotes or escapes */
  decoded?: Map<number, Word>;
  private wordsCache?: Word[];
  private argsCache?: Word[];

  constructor(
    private readonly text: string,
    /** the text the lexer saw (a BOM replaced by a blank) */
    private readonly lexText: string,
    readonly start: number,
    readonly end: number,
    readonly contentEnd: number,
    readonly line: number,
    private readonly indentStart: number,
    private readonly indentEnd: number,
    /** the span of the line's words and blanks (its Content token), empty when it has none */
    private readonly wordsFrom: number,
    private readonly wordsTo: number,
  ) {}

  /** made on access: few rules look at it, and every line has one */
  get indent(): Span {
    return { start: this.indentStart, end: this.indentEnd };
  }

  get words(): Word[] {
    if (!this.wordsCache) {
      const count = splitWords(this.lexText, this.wordsFrom, this.wordsTo);
      const words: Word[] = new Array(count);
      for (let i = 0; i < count; i++) {
        words[i] = this.decoded?.get(i) ?? plainWord(this.text, scratch.starts[i]!, scratch.ends[i]!, this.line, this.start);
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
