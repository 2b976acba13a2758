/**
 * The lossless syntax tree of a haproxy.cfg file.
 * Offsets are UTF-16 code-unit offsets into the decoded source text (the same unit LSP uses);
 * lines and columns are 1-based. Concatenating every line's text gives back the input exactly.
 */

export interface Position {
  offset: number;
  line: number;
  column: number;
}

export interface Span {
  start: number;
  end: number;
}

/** How a word was written: one quoting style, or several glued pieces (`a"b c"'d'`). */
export type Quoting = 'none' | 'double' | 'single' | 'mixed';

/** A reference to an environment variable inside double quotes: `$NAME`, `${NAME}`, `${NAME-default}`, `${NAME[*]}`. */
export interface EnvRef extends Span {
  name: string;
  defaultValue?: string;
  wordExpansion: boolean;
}

/** One HAProxy argument: the raw text as written and the value HAProxy would see. */
export interface Word extends Span {
  raw: string;
  /** escapes resolved; environment variables kept as their `${NAME}` reference text */
  value: string;
  quoting: Quoting;
  envRefs: EnvRef[];
  line: number;
  column: number;
}

export interface Comment extends Span {
  /** including the leading `#` */
  text: string;
}

export type LineKind =
  | 'blank' // only blanks
  | 'comment' // only a comment
  | 'section' // a section header
  | 'directive' // .if/.elif/.else/.endif/.diag/.notice/.warning/.alert
  | 'scope' // `[name]` scope line (SPOE filter files)
  | 'keyword'; // any other line with words

export interface Line extends Span {
  /** 1-based line number */
  line: number;
  kind: LineKind;
  /** leading blanks */
  indent: Span;
  words: Word[];
  /**
   * The keyword as HAProxy names it, possibly several words: `option httpchk`, `timeout connect`,
   * `http-check send`, `stats auth`, `capture request header`. A leading `no`/`default` modifier is not part of it.
   */
  keyword: string;
  /** words making up the modifier + keyword (so `args = words.slice(keywordWordCount)`) */
  keywordWordCount: number;
  modifier?: 'no' | 'default';
  /** the words after the keyword */
  args: Word[];
  comment?: Comment;
  /** text HAProxy never sees: after a bare CR or a NUL byte, up to the end of line */
  ignoredTail?: Span;
  /** the line terminator as written: '\n', '\r\n' or '' on a last line without newline */
  eol: '' | '\n' | '\r\n';
  /** offset where the content ends and the terminator starts */
  contentEnd: number;
  /** the `.if` nesting depth of this line and whether HAProxy would skip it (inside a false or unknown block: null) */
  condDepth: number;
}

export type SectionKind =
  | 'global' | 'defaults' | 'frontend' | 'backend' | 'listen' | 'userlist' | 'peers'
  | 'resolvers' | 'mailers' | 'program' | 'http-errors' | 'ring' | 'cache' | 'log-forward'
  | 'fcgi-app' | 'namespace_list' | 'crt-store' | 'traces' | 'log-profile' | 'acme' | 'healthcheck';

export interface Section extends Span {
  kind: SectionKind;
  header: Line;
  /** the section's name, when it has one */
  name?: Word;
  /** `from <defaults>` */
  from?: Word;
  /** lines after the header, up to the next section header */
  lines: Line[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface SyntaxError extends Span {
  /** stable id, e.g. `syntax/unterminated-quote` */
  code: string;
  message: string;
  line: number;
  column: number;
  /** whether HAProxy refuses the file for it */
  fatal: boolean;
}

export interface ConfigFile {
  text: string;
  /** offset just after a leading UTF-8 BOM (0 when there is none) */
  bomLength: number;
  /** lines before the first section header */
  prologue: Line[];
  sections: Section[];
  /** every line, in order */
  lines: Line[];
  syntaxErrors: SyntaxError[];
  /** maps an offset to a line/column */
  positionAt(offset: number): Position;
}
