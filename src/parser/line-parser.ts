import { EmbeddedActionsParser, type IToken } from './chevrotain.js';
import { allTokens, Comment, Content, CrTail, lineEnd, Newline, NulTail } from './lexer.js';

/**
 * The tokens of one physical line: at most one of each, in this order. The last one carries the
 * line's terminator (see `lineEnd`); a line with nothing but its terminator has only `newline`.
 */
export interface RawLine {
  content?: IToken;
  comment?: IToken;
  /** a CrTail or NulTail: text HAProxy never reads */
  tail?: IToken;
  newline?: IToken;
  /** the token that ends the line */
  last?: IToken;
}

export type LineSink = (line: RawLine) => void;

/**
 * Groups tokens into physical lines:
 *   file := ( Content | Comment | CrTail | NulTail | Newline )*
 * where a token ending in a line terminator closes the current line. The grammar accepts every token sequence, so it never
 * reports an error: what HAProxy would refuse is found later, when lines are interpreted. One flat
 * rule, alternatives built once per parse and lines handed to a sink as they end, because
 * chevrotain's per-token overhead is most of the cost of this step.
 */
export class LineParser extends EmbeddedActionsParser {
  /** set only while parsing, never while chevrotain records the grammar */
  private sink: LineSink | undefined;

  /** `validate`: check the grammar (chevrotain throws if it is ambiguous…); a test does, a start need not */
  constructor(validate = false) {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): void => {
    // a line has at most one Content token (a comment, CR or NUL ends the words), one Comment and one
    // tail; one RawLine object is reused for every line, as the sink reads it before the next one
    const line: RawLine = {};
    const reset = () => {
      line.content = line.comment = line.tail = line.newline = line.last = undefined;
    };
    const took = (token: IToken) => {
      line.last = token;
      if (this.sink && lineEnd(token) > 0) {
        this.sink(line);
        reset();
      }
    };
    const alternatives = [
      { ALT: () => took((line.content = this.CONSUME(Content))) },
      { ALT: () => took((line.comment = this.CONSUME(Comment))) },
      { ALT: () => took((line.tail = this.CONSUME(CrTail))) },
      { ALT: () => took((line.tail = this.CONSUME(NulTail))) },
      { ALT: () => took((line.newline = this.CONSUME(Newline))) },
    ];
    this.MANY(() => this.OR(alternatives));
    if (line.last) this.sink?.(line);
    reset();
  });

  parse(tokens: IToken[], sink: LineSink): boolean {
    this.input = tokens;
    this.sink = sink;
    try {
      this.file();
    } finally {
      this.sink = undefined;
      // drop the tokens now rather than keeping them alive until the next parse
      this.input = [];
    }
    return this.errors.length === 0;
  }
}

/** Built once and reused: chevrotain's self-analysis is the expensive part. */
export const lineParser = new LineParser();

/**
 * Hands every line to `sink`, in order (the RawLine object is reused: read it, do not keep it).
 * Returns false if chevrotain reported an error, which the grammar makes impossible; the caller
 * then starts over with `groupLinesByHand`, so no byte is ever lost.
 */
export function parseLines(tokens: IToken[], sink: LineSink): boolean {
  return lineParser.parse(tokens, sink);
}

export function groupLinesByHand(tokens: IToken[]): RawLine[] {
  const lines: RawLine[] = [];
  let line: RawLine = {};
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === Newline) line.newline = token;
    else if (type === Content) line.content = token;
    else if (type === Comment) line.comment = token;
    else line.tail = token;
    line.last = token;
    if (lineEnd(token) > 0) {
      lines.push(line);
      line = {};
    }
  }
  if (line.last) lines.push(line);
  return lines;
}
