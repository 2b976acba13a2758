import { describe, expect, test } from 'vitest';
import { parseConfig, type ConfigFile } from '../../src/parser/index.js';
import { spliceEdit } from '../../src/parser/splice.js';
import { editableConfigs, random, randomEdit } from '../helpers/edits.js';

/** Everything a rule can read of a tree, as plain data. */
function shape(file: ConfigFile) {
  const word = (w: { start: number; end: number; raw: string; value: string; quoting: string; envRefs: unknown[]; line: number; column: number } | undefined) =>
    w && { start: w.start, end: w.end, raw: w.raw, value: w.value, quoting: w.quoting, envRefs: w.envRefs, line: w.line, column: w.column };
  const line = (l: ConfigFile['lines'][number]) => ({
    line: l.line, start: l.start, end: l.end, contentEnd: l.contentEnd, kind: l.kind, keyword: l.keyword, keywordWordCount: l.keywordWordCount,
    modifier: l.modifier, comment: l.comment, ignoredTail: l.ignoredTail, eol: l.eol, indent: l.indent, condDepth: l.condDepth, words: l.words.map(word),
  });
  return {
    text: file.text,
    prologue: file.prologue.map((l) => l.line),
    lines: file.lines.map(line),
    sections: file.sections.map((s) => ({ kind: s.kind, header: s.header.line, name: word(s.name), from: word(s.from), lines: s.lines.map((l) => l.line), start: s.start, end: s.end })),
    syntaxErrors: file.syntaxErrors,
    positions: [0, 1, Math.floor(file.text.length / 2), file.text.length - 1, file.text.length].map((at) => file.positionAt(at)),
  };
}

describe('spliceEdit', () => {
  test('a spliced edit gives the tree parseConfig gives, over chains of random edits of the corpus', () => {
    const next = random(13);
    let spliced = 0;
    let refused = 0;
    for (const { path, text } of editableConfigs(8)) {
      let file = parseConfig(text);
      for (let i = 0; i < 12; i++) {
        const edited = randomEdit(file.text, next);
        const result = spliceEdit(file, edited);
        const expected = parseConfig(edited);
        if (!result) {
          refused++;
          file = expected;
          continue;
        }
        spliced++;
        expect(shape(result.file), `${path}, edit ${i}`).toEqual(shape(expected));
        file = result.file;
      }
    }
    // the property is checked on many edits, and most edits are spliced rather than refused
    expect(spliced).toBeGreaterThan(500);
    expect(spliced).toBeGreaterThan(refused);
  });

  test('edits of a header, a directive or the last line are refused', () => {
    const file = parseConfig('global\n    maxconn 10\n.if defined(X)\nbackend b\n    server s 1.2.3.4:80\n.endif\n# end\n');
    expect(spliceEdit(file, file.text.replace('backend b', 'backend c'))).toBeUndefined();
    expect(spliceEdit(file, file.text.replace('defined(X)', 'defined(Y)'))).toBeUndefined();
    expect(spliceEdit(file, file.text.replace('# end', '# fin'))).toBeUndefined();
    expect(spliceEdit(file, file.text.replace('maxconn 10', 'maxconn 100'))).toBeDefined();
  });
});
