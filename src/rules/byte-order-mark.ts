import type { Rule } from '../engine/types.js';

export const rule: Rule = {
  id: 'byte-order-mark',
  description: 'The file starts with a UTF-8 byte order mark, which HAProxy reads as part of the first keyword',
  severity: 'error',
  fixable: 'safe',
  group: 'syntax',
  docs: {
    what: 'Reports a UTF-8 byte order mark (BOM, bytes EF BB BF) at the start of the file. Windows editors add one.',
    why: "HAProxy does not skip a BOM: it reads `\\uFEFFdefaults` as an unknown keyword (2.6: \"unknown keyword '\\uFEFFdefaults' out of section\"), so the first section header is lost and every line after it is refused (\"unknown keyword 'mode' out of section\").",
    bad: '\uFEFFdefaults\n    mode http\n',
    good: 'defaults\n    mode http\n',
    fixSafety: 'Safe: removes the three BOM bytes and nothing else. It is the one fix that changes the BOM; every other fix keeps it.',
  },
  check({ file, report }) {
    if (file.bomLength === 0) return;
    // HAProxy's alert names the BOM glued to the first word (or alone, before a comment)
    const first = file.lines[0]?.words[0]?.raw ?? '';
    report({
      message: `the file starts with a UTF-8 byte order mark (BOM), which HAProxy reads as part of the first word and refuses: "unknown keyword '\uFEFF${first}' out of section"`,
      start: 0,
      end: file.bomLength,
      fix: { description: 'remove the byte order mark', applicability: 'safe', edits: [{ start: 0, end: file.bomLength, text: '' }] },
    });
  },
};
