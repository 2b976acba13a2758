import { expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeWord } from '../../src/parser/word.js';
import { referenceDecodeWord } from './word-model.js';

const wordText = fc
  .array(fc.constantFrom('\\', '"', "'", '$', '{', '}', '[*]', '[0]', '-', '.', 'x', '4', '1', 'g', 'a', 't', 'n', 'r', '#', ' ', 'LINE', 'é'), { maxLength: 24 })
  .map((parts) => parts.join(''));

test('the optimised word decoder agrees with the character-at-a-time model', () => {
  fc.assert(fc.property(wordText, (raw) => {
    const fast = decodeWord(raw);
    const model = referenceDecodeWord(raw);
    expect({ value: fast.value, quoting: fast.quoting, envRefs: fast.envRefs, problems: fast.problems.map((p) => [p.code, p.offset, p.end]) })
      .toEqual({ value: model.value, quoting: model.quoting, envRefs: model.envRefs, problems: model.problems.map((p) => [p.code, p.offset, p.end]) });
  }), { numRuns: 5000 });
});
