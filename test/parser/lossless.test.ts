import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseConfig, type ConfigFile } from '../../src/parser/index.js';

/** Rebuilds the text from the tree: every line's span, in order, must tile the input. */
function rebuild(file: ConfigFile): string {
  let out = '';
  let at = 0;
  for (const line of file.lines) {
    if (line.start !== at) throw new Error(`gap before line ${line.line}: ${at} → ${line.start}`);
    out += file.text.slice(line.start, line.end);
    at = line.end;
    const parts = [line.indent, ...line.words, ...(line.comment ? [line.comment] : []), ...(line.ignoredTail ? [line.ignoredTail] : [])];
    for (const part of parts) {
      if (part.start < line.start || part.end > line.contentEnd) throw new Error(`part outside line ${line.line}`);
    }
    for (const word of line.words) {
      if (file.text.slice(word.start, word.end) !== word.raw) throw new Error(`word raw mismatch on line ${line.line}`);
    }
    if (file.text.slice(line.contentEnd, line.end) !== line.eol) throw new Error(`eol mismatch on line ${line.line}`);
  }
  return out;
}

/** Text built from the characters that matter to HAProxy's tokenizer. */
const configText = fc
  .array(fc.constantFrom('global', 'backend', ' ', '\t', '\v', '\n', '\r\n', '\r', '\0', '#', '"', "'", '\\', '$', '{', '}', '[*]', '-', 'x', 'é', '\ufeff', '.if', '.endif', 'server', 'option httpchk'), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('the parser is lossless and never throws', () => {
  test('on tokenizer-shaped text', () => {
    fc.assert(fc.property(configText, (text) => {
      const file = parseConfig(text);
      expect(rebuild(file)).toBe(text);
    }), { numRuns: 2000 });
  });

  test('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      expect(rebuild(parseConfig(text))).toBe(text);
    }), { numRuns: 1000 });
  });

  test('on arbitrary bytes read as latin1 (how invalid UTF-8 is read)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const text = Buffer.from(bytes).toString('latin1');
      expect(rebuild(parseConfig(text))).toBe(text);
    }), { numRuns: 1000 });
  });

  test('positions agree with offsets', () => {
    fc.assert(fc.property(configText, (text) => {
      const file = parseConfig(text);
      for (const line of file.lines) {
        for (const word of line.words) {
          const at = file.positionAt(word.start);
          expect([at.line, at.column]).toEqual([word.line, word.column]);
          expect(word.line).toBe(line.line);
        }
      }
    }), { numRuns: 500 });
  });

  test('a 1 MB single line without newline', () => {
    const text = 'global\n  x ' + 'a'.repeat(1_000_000);
    const file = parseConfig(text);
    expect(rebuild(file)).toBe(text);
    expect(file.syntaxErrors.map((e) => e.code)).toEqual(['syntax/missing-final-newline']);
  });
});
