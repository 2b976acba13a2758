import type { Rule, RuleContext } from '../engine/types.js';
import type { ConfigFile } from '../parser/ast.js';
import { atLeast } from '../grammar/versions.js';

/** The parser's findings: what HAProxy's tokenizer and section reader refuse or silently drop. */
export const rule: Rule = {
  id: 'syntax-error',
  description: 'Text HAProxy cannot tokenize or refuses while reading the file',
  severity: 'error',
  fixable: 'none',
  group: 'syntax',
  docs: {
    what: 'Reports what HAProxy\'s line tokenizer rejects or silently drops: unterminated quotes, invalid `\\x` escapes, a `$` inside double quotes that does not start a variable name, bad `${…}` references, NUL bytes, carriage returns in the middle of a line, more than 64 words on a line, empty arguments followed by more words (ignored words up to 3.2, an error from 3.3; from 3.3 a warning on a quoted lone variable such as `\"$HOST\"` followed by more words, empty when unset), unbalanced `.if/.endif` blocks, unknown directives, keywords before the first section and malformed section headers.',
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
    if (emptyRefused) reportPossiblyEmpty(file, report);
  },
};

/** `"$VAR"` / `"${VAR}"` alone in quotes: empty when the variable is unset or empty. */
const ONLY_A_VARIABLE = /^"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?"$/;

/**
 * From 3.3 an argument that expands to nothing is refused wherever it stands ("argument number N at
 * position P is empty and marks the end of the argument list"). Whether a variable is set is not known
 * here: a warning, on a quoted word made of one variable only, followed by more words.
 */
function reportPossiblyEmpty(file: ConfigFile, report: RuleContext['report']): void {
  for (const line of file.lines) {
    if (line.kind !== 'keyword') continue;
    // only between other arguments: a variable naming the line's object (first) or ending it is usually required and set
    const args = line.args;
    for (let i = 1; i < args.length - 1; i++) {
      const word = args[i]!;
      if (word.quoting === 'none' || !ONLY_A_VARIABLE.test(word.raw)) continue;
      report({
        message: `${word.raw} is an empty argument when the variable is unset or empty, and HAProxy 3.3 and later then refuse the line ("argument … is empty and marks the end of the argument list")`,
        start: word.start,
        end: word.end,
        severity: 'warning',
      });
    }
  }
}
