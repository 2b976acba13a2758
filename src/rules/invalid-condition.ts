import type { Rule } from '../engine/types.js';
import type { ConfigFile, Word } from '../parser/ast.js';
import { conditionProblem } from './shared/conditions.js';

/** the word as the condition reads it: an environment variable's value is unknown, so it stands in as `1` (a valid term) */
function conditionText(file: ConfigFile, word: Word): string {
  let value = word.value;
  for (const ref of word.envRefs) value = value.replace(file.text.slice(ref.start, ref.end), '1');
  return value;
}

export const rule: Rule = {
  id: 'invalid-condition',
  description: 'An `.if`/`.elif` condition HAProxy cannot parse, or with a predicate the target version does not know',
  severity: 'error',
  fixable: 'none',
  group: 'syntax',
  docs: {
    what: "Parses the condition of each `.if` and `.elif` the way HAProxy does: `0`, non-zero integers, predicates (`defined`, `feature`, `streq`, `strneq`, `version_atleast`, `version_before`, from 2.8 `strstr` and `enabled`, …) with their arguments in parentheses, parenthesized expressions, `!`, `&&` and `||`. Reports a word that is none of these (`.if TRUE`, `.if yes`), words left after a complete expression (`.if foo bar`, `.if defined(A) defined(B)`), a predicate the target version does not know, and a wrong number of arguments. An environment variable's value is unknown, so it is taken as a valid term. It is an error on an `.if` outside any block; on an `.elif` or a nested `.if` a warning, as HAProxy only reads it when the branches before it are not taken.",
    why: 'HAProxy refuses the whole configuration ("unparsable conditional expression \'TRUE\' in \'.if\'"), even when the block would only matter on another host: unlike an ACL, there is no pre-defined `TRUE`, and the words of a condition are one expression.',
    bad: '.if TRUE\nglobal\n    maxconn 1000\n.endif\n',
    good: '.if 1\nglobal\n    maxconn 1000\n.endif\n',
    fixSafety: 'No automatic fix: what the condition was meant to test cannot be known.',
  },
  check({ file, report, targetVersion }) {
    for (const line of file.lines) {
      if (line.kind !== 'directive') continue;
      const directive = line.words[0]!.value;
      if (directive !== '.if' && directive !== '.elif') continue;
      const words = line.words.slice(1);
      if (words.length === 0) continue; // the parser reports a missing condition
      const problem = conditionProblem(words.map((w) => conditionText(file, w)).join(' '), targetVersion);
      if (!problem) continue;
      const certain = directive === '.if' && line.condDepth === 0;
      report({
        message: `${problem.message} in '${directive}': HAProxy refuses the configuration${certain ? '' : ' when it reads this condition'}`,
        start: words[0]!.start,
        end: words[words.length - 1]!.end,
        severity: certain ? 'error' : 'warning',
      });
    }
  },
};
