import type { Comment, EnvRef, Line, LineKind, Span, Word } from './ast.js';

const NO_ENV_REFS: EnvRef[] = Object.freeze([]) as unknown as EnvRef[];

/**
 * Where every word of a file is, kept as numbers: [start, end] pairs, plus the decoded Word of
 * each word that has quotes or escapes. Word objects for plain words are only made when a line's
 * words are first read, so parsing a large file allocates per line, not per word.
 */
export class WordTable {
  readonly bounds: number[] = [];
  readonly decoded = new Map<number, Word>();

  constructor(readonly text: string) {}

  get count(): number {
    return this.bounds.length >> 1;
  }

  add(start: number, end: number, decoded?: Word): number {
    const index = this.bounds.length >> 1;
    this.bounds.push(start, end);
    if (decoded) this.decoded.set(index, decoded);
    return index;
  }

  /** The value HAProxy sees for word `index`, without making a Word object for a plain word. */
  value(index: number): string {
    return this.decoded.get(index)?.value ?? this.text.slice(this.bounds[2 * index]!, this.bounds[2 * index + 1]!);
  }

  raw(index: number): string {
    return this.text.slice(this.bounds[2 * index]!, this.bounds[2 * index + 1]!);
  }

  word(index: number, lineNumber: number, lineStart: number): Word {
    const decoded = this.decoded.get(index);
    if (decoded) return decoded;
    const start = this.bounds[2 * index]!;
    const raw = this.text.slice(start, this.bounds[2 * index + 1]!);
    return { start, end: start + raw.length, raw, value: raw, quoting: 'none', envRefs: NO_ENV_REFS, line: lineNumber, column: start - lineStart + 1 };
  }
}

/** A line of the tree; its words are made on first access (see WordTable). */
export class LineNode implements Line {
  kind: LineKind = 'blank';
  keyword = '';
  keywordWordCount = 0;
  modifier?: 'no' | 'default';
  comment?: Comment;
  ignoredTail?: Span;
  eol: Line['eol'] = '';
  condDepth = 0;
  private wordsCache?: Word[];
  private argsCache?: Word[];

  constructor(
    readonly start: number,
    public end: number,
    public contentEnd: number,
    readonly line: number,
    public indent: Span,
    private readonly table: WordTable,
    readonly firstWord: number,
    readonly wordCount: number,
  ) {}

  get words(): Word[] {
    if (!this.wordsCache) {
      const words: Word[] = new Array(this.wordCount);
      for (let i = 0; i < this.wordCount; i++) words[i] = this.table.word(this.firstWord + i, this.line, this.start);
      this.wordsCache = words;
    }
    return this.wordsCache;
  }

  get args(): Word[] {
    return (this.argsCache ??= this.words.slice(this.keywordWordCount));
  }

  /** The value of word `i` of this line, cheaply. */
  wordValue(i: number): string | undefined {
    return i < this.wordCount ? this.table.value(this.firstWord + i) : undefined;
  }

  wordRaw(i: number): string | undefined {
    return i < this.wordCount ? this.table.raw(this.firstWord + i) : undefined;
  }
}
