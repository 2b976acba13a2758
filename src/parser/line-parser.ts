import { EmbeddedActionsParser, type IToken } from './chevrotain.js';
import { allTokens, Comment, Content, CrTail, Newline, NulTail } from './lexer.js';

/** The tokens of one physical line, in order, and its terminator when it has one. */
export interface RawLine {
  tokens: IToken[];
  newline?: IToken;
}

/**
 * Groups tokens into physical lines:
 *   file := ( Content | Comment | CrTail | NulTail | Newline )*
 * where a Newline closes the current line. The grammar accepts every token sequence, so it never
 * reports an error: what HAProxy would refuse is found later, when lines are interpreted. One flat
 * rule rather than a sub-rule per line, because chevrotain's rule invocations dominate the cost.
 */
class LineParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): RawLine[] => {
    const lines: RawLine[] = [];
    let current: IToken[] = [];
    // the alternatives are built once per parse, not per token: chevrotain allows it and it saves
    // allocating five closures for every token
    const alternatives = [
      { ALT: () => { current.push(this.CONSUME(Content)); } },
      { ALT: () => { current.push(this.CONSUME(Comment)); } },
      { ALT: () => { current.push(this.CONSUME(CrTail)); } },
      { ALT: () => { current.push(this.CONSUME(NulTail)); } },
      {
        ALT: () => {
          const newline = this.CONSUME(Newline);
          this.ACTION(() => {
            lines.push({ tokens: current, newline });
            current = [];
          });
        },
      },
    ];
    this.MANY(() => this.OR(alternatives));
    this.ACTION(() => {
      if (current.length > 0) lines.push({ tokens: current });
    });
    return lines;
  });
}

/** Built once and reused: chevrotain's self-analysis is the expensive part. */
export const lineParser = new LineParser();

export function parseLines(tokens: IToken[]): RawLine[] {
  lineParser.input = tokens;
  const lines = lineParser.file();
  // the grammar accepts any token sequence; if chevrotain ever disagrees, group by hand so no byte is lost
  return lineParser.errors.length === 0 ? lines : groupLinesByHand(tokens);
}

function groupLinesByHand(tokens: IToken[]): RawLine[] {
  const lines: RawLine[] = [];
  let current: IToken[] = [];
  for (const token of tokens) {
    if (token.tokenType === Newline) {
      lines.push({ tokens: current, newline: token });
      current = [];
    } else current.push(token);
  }
  if (current.length > 0) lines.push({ tokens: current });
  return lines;
}
