import type { Rule } from '../engine/types.js';
import { conditionIndex } from './model/conditions.js';
import { doubleQuoted, show } from './shared/words.js';

/** Rule keywords whose actions take a fixed number of words, the last one a log-format value. */
const RULE_KEYWORDS = new Set(['http-request', 'http-response', 'http-after-response']);
/** action → number of words it takes (the last one is the value that must be one word) */
const ACTION_WORDS: Record<string, number> = {
  'set-header': 2, 'add-header': 2, 'early-hint': 2, 'replace-header': 3, 'replace-value': 3,
  'set-path': 1, 'set-pathq': 1, 'set-query': 1, 'set-uri': 1, 'set-method': 1,
};
const SET_VAR_FMT = /^set-var-fmt\([^)]*\)$/;

export const rule: Rule = {
  id: 'unquoted-value-spaces',
  description: 'An http-request/http-response value with spaces written without quotes, so HAProxy reads extra arguments',
  severity: 'error',
  fixable: 'safe',
  group: 'correctness',
  docs: {
    what: 'Reports `http-request`, `http-response` and `http-after-response` actions whose value is written over several words without quotes: `set-header`/`add-header`/`early-hint <name> <value>`, `replace-header`/`replace-value <name> <regex> <value>`, `set-path`/`set-pathq`/`set-query`/`set-uri`/`set-method <value>`, `set-var-fmt(<var>) <value>`. Words after the value other than `if`/`unless` and a condition are extra arguments.',
    why: 'HAProxy splits arguments on spaces: `http-response set-header Content-Security-Policy default-src \'self\'` gives `set-header` three arguments, and HAProxy refuses the configuration ("expects exactly 2 arguments", or "expects either \'if\' or \'unless\' followed by a condition").',
    bad: "frontend www\n    bind :80\n    http-response set-header Content-Security-Policy default-src 'self'\n    default_backend app\n",
    good: 'frontend www\n    bind :80\n    http-response set-header Content-Security-Policy "default-src \'self\'"\n    default_backend app\n',
    fixSafety: 'Safe when the words are plain: they are written, with the spaces between them, as one double-quoted value, the only reading HAProxy could accept. Unsafe when some words carry their own quotes (`\'self\'`): the text is kept as written inside double quotes, so the quotes become part of the value, which is most likely what was meant (a Content-Security-Policy) but changes what HAProxy would have read. Not offered with backslashes, double quotes or `$` in the words.',
  },
  check({ file, report }) {
    for (const line of file.lines) {
      if (line.kind !== 'keyword' || !RULE_KEYWORDS.has(line.keyword)) continue;
      const action = line.args[0]?.value ?? '';
      const words = ACTION_WORDS[action] ?? (SET_VAR_FMT.test(action) ? 1 : undefined);
      if (words === undefined) continue;
      const end = conditionIndex(line) ?? line.args.length;
      const valueIndex = words; // args[0] is the action
      if (end <= valueIndex + 1) continue;
      const first = line.args[valueIndex]!;
      const last = line.args[end - 1]!;
      const pieces = line.args.slice(valueIndex, end);
      const between = pieces.slice(1).map((w, i) => file.text.slice(pieces[i]!.end, w.start));
      const spaced = between.every((gap) => /^[ \t]+$/.test(gap));
      const plain = spaced && pieces.every((w) => w.quoting === 'none' && w.raw === w.value);
      const span = file.text.slice(first.start, last.end);
      // plain words: quoting them keeps exactly what was written; quoted pieces (`'self'`) were most likely meant literally
      const quoted = plain ? doubleQuoted(span) : spaced && !/["\\$]/.test(span) ? `"${span}"` : undefined;
      report({
        message: `'${line.keyword} ${action}' takes ${words} argument${words > 1 ? 's' : ''} but its value runs over ${pieces.length} unquoted words (\`${show(file.text.slice(first.start, last.end))}\`): HAProxy refuses this ("expects exactly ${words} argument${words > 1 ? 's' : ''}"); write the value in double quotes`,
        start: first.start,
        end: last.end,
        ...(quoted ? { fix: { description: `write the value as ${quoted}`, applicability: plain ? ('safe' as const) : ('unsafe' as const), edits: [{ start: first.start, end: last.end, text: quoted }] } } : {}),
      });
    }
  },
};
