import type { Rule } from '../engine/types.js';
import { atLeast } from '../grammar/versions.js';

/** The parser's findings: what HAProxy's tokenizer and section reader refuse or silently drop. */
export const rule: Rule = {
  id: 'syntax-error',
  description: 'Text HAProxy cannot tokenize or refuses while reading the file',
  severity: 'error',
  fixable: 'none',
  group: 'syntax',
  docs: {
    what: 'Reports what HAProxy\'s line tokenizer rejects or silently drops: unterminated quotes, invalid `\\x` escapes, a `$` inside double quotes that does not start a variable name, bad `${…}` references, NUL bytes, carriage returns in the middle of a line, more than 64 words on a line, empty arguments followed by more words (ignored words up to 3.2, an error from 3.3), unbalanced `.if/.endif` blocks, unknown directives, keywords before the first section and malformed section headers.',
    why: 'HAProxy refuses to start on most of these, and the others (a stray CR, an empty argument) make it silently ignore part of a line, so what runs is not what was written.',
    bad: 'backend app\n    http-request set-header X-Price "cost $5"\n',
    good: "backend app\n    http-request set-header X-Price 'cost $5'\n",
    fixSafety: 'No automatic fix: the intent behind a broken line cannot be known.',
  },
  check({ file, targetVersion, report }) {
    // an empty argument before more words: ignored words up to 3.2, refused from 3.3 ("argument number N … is empty")
    const emptyRefused = atLeast(targetVersion, '3.3');
    for (const error of file.syntaxErrors) {
      if (error.code === 'syntax/missing-final-newline') continue; // its own rule, with a fix
      const fatal = error.fatal || (error.code === 'syntax/empty-argument' && emptyRefused);
      report({ message: error.message, start: error.start, end: Math.max(error.end, error.start), severity: fatal ? 'error' : 'warning' });
    }
  },
};
