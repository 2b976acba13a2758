/**
 * The lexer's Content token is a hand-written scan (#16): the regex it replaces overflowed its backtracking
 * stack on an 8 MB line of short pieces. fast-check: the scan matches exactly what the regex matches.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTENT_PATTERN, matchContent } from '../../src/parser/lexer.js';
import { lint } from '../../src/index.js';

describe('Content scan', () => {
  it('fast-check: the same match as the regex at every offset', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom('a', ' ', '\\', '"', "'", '#', '\r', '\n', '\0', '\r\n', 'é', '\t'), { maxLength: 30 }).map((p) => p.join('')),
      (text) => {
        for (let offset = 0; offset <= text.length; offset++) {
          CONTENT_PATTERN.lastIndex = offset;
          const expected = CONTENT_PATTERN.exec(text)?.[0] ?? null;
          const actual = matchContent(text, offset)?.[0] ?? null;
          expect(actual, `${JSON.stringify(text)} at ${offset}`).toBe(expected === '' ? null : expected);
        }
      },
    ), { numRuns: 2000 });
  });

  it('an 8 MB line of short pieces lints (the regex overflowed: "Maximum call stack size exceeded")', () => {
    const text = `global\n    log ${'a\\ '.repeat(2_700_000)}\n`;
    expect(() => lint(text, { select: ['syntax-error'] })).not.toThrow();
  }, 60_000);
});
