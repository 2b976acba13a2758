/**
 * The lexer and the line parser skip chevrotain's start-up checks to start sooner (src/parser/lexer.ts,
 * line-parser.ts). The lexer's safe mode skips the first-character optimisation: that costs nothing
 * only while the optimisation is impossible anyway (when a token gains a start_chars_hint and it
 * becomes possible, drop safeMode instead). The parser skips its grammar validations: they run here.
 */
import { describe, expect, it } from 'vitest';
import { Lexer } from '../../src/parser/chevrotain.js';
import { allTokens, LEXER_OPTIONS, tokenize } from '../../src/parser/lexer.js';
import { LineParser } from '../../src/parser/line-parser.js';

describe('parser start-up options', () => {
  const unsafe = new Lexer(allTokens, { ...LEXER_OPTIONS, safeMode: false });

  it('safe mode gives up no first-character optimisation', () => {
    // not in chevrotain's types, but what its tokenize() reads
    expect((unsafe as unknown as { canModeBeOptimized: Record<string, boolean> }).canModeBeOptimized).toEqual({ defaultMode: false });
  });

  it('tokenizes as the lexer without safe mode', () => {
    const text = 'global\n\tlog stdout local0 # c\r\nfrontend "a b" \\\n\0x\r\n   bind :80\r\rx\n#only\nlast';
    const shape = (tokens: ReturnType<typeof tokenize>) => tokens.map((t) => [t.tokenType.name, t.startOffset, t.image]);
    expect(shape(tokenize(text))).toEqual(shape(unsafe.tokenize(text).tokens));
  });

  it('the line parser\'s grammar passes the validations it skips at start', () => {
    expect(() => new LineParser(true)).not.toThrow();
  });
});
