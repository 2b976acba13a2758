import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, Blank, Comment, CrTail, Newline, NulTail, Word } from './lexer.js';

/** The tokens of one physical line, in order, and its terminator when it has one. */
export interface RawLine {
  tokens: IToken[];
  newline?: IToken;
}

/**
 * Groups tokens into physical lines. The grammar accepts every token sequence, so it never
 * reports an error: everything HAProxy would refuse is found later, when lines are interpreted.
 */
class LineParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): RawLine[] => {
    const lines: RawLine[] = [];
    this.MANY(() => {
      const line = this.SUBRULE(this.line);
      // chevrotain may enter a possibly-empty rule once more at end of input
      this.ACTION(() => {
        if (line.tokens.length > 0 || line.newline) lines.push(line);
      });
    });
    return lines;
  });

  public line = this.RULE('line', (): RawLine => {
    const tokens: IToken[] = [];
    this.MANY(() => {
      tokens.push(
        this.OR([
          { ALT: () => this.CONSUME(Word) },
          { ALT: () => this.CONSUME(Blank) },
          { ALT: () => this.CONSUME(Comment) },
          { ALT: () => this.CONSUME(CrTail) },
          { ALT: () => this.CONSUME(NulTail) },
        ]),
      );
    });
    const newline = this.OPTION(() => this.CONSUME(Newline));
    return { tokens, newline };
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
