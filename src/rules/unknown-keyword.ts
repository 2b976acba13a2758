import type { Rule } from '../engine/types.js';
import type { ConfigFile, Line, Word } from '../parser/ast.js';
import { parseConfig } from '../parser/parse.js';
import { classify } from './keywords/classify.js';
import { allSectionKinds, stripParens, uniqueBest } from './keywords/knowledge.js';
import { asWord } from './shared/words.js';

export const rule: Rule = {
  id: 'unknown-keyword',
  description: 'A keyword, option, rule action or section name no HAProxy version knows in this place (typos), or one newer than the target version',
  severity: 'error',
  fixable: 'unsafe',
  group: 'keywords',
  docs: {
    what:
      "Reports a keyword HAProxy does not know in its section in any version from 2.6 on: a misspelled first word, `option <x>`, `timeout <x>`, `stats <x>`, `http-check <x>`, `tcp-request <layer>`, an `http-request`/`http-response`/`http-after-response`/`tcp-request`/`tcp-response` action, or a section name. It suggests the closest known names. It also reports a keyword that exists only in HAProxy versions newer than the target version (`--target-version`, default 3.4, the newest LTS), whether the version adding it is a release or the development branch; a keyword last known in an older version than the target is `removed-keyword`'s. Unknown `tune.*` global settings are only warnings, since a few are undocumented. Keywords placed in the wrong section, and removed keywords, are reported by `keyword-wrong-section` and `removed-keyword` instead.",
    why: 'HAProxy refuses to start on an unknown keyword ("unknown keyword \'x\' in \'backend\' section"), so a typo takes the whole load balancer down at the next reload.',
    bad: 'backend app\n    balance roundrobin\n    option forwardfro\n    server app1 127.0.0.1:8000 check\n',
    good: 'backend app\n    balance roundrobin\n    option forwardfor\n    server app1 127.0.0.1:8000 check\n',
    fixSafety: 'Unsafe: when one known name is closer than all others, the fix replaces the word with it (keeping a parenthesised argument, and the quotes the word needs); the intended keyword may be another one, so it is only applied with --unsafe-fixes. A section name is only offered when the line then reads as a valid section header.',
  },
  options: {
    allow: {
      type: 'string[]',
      description:
        'Keywords your HAProxy build adds (addons, enterprise modules, actions registered by Lua or SPOE): each entry is a keyword as written on the line (`x-corp-module`) or an action with its keyword (`http-request x-corp-auth`). They are never reported as unknown.',
      default: [],
    },
  },
  check({ file, targetVersion, options, report }) {
    const allowed = new Set(options['allow'] as string[]);
    for (const v of classify(file, targetVersion)) {
      if (v.kind !== 'newer' && v.kind !== 'unknown') continue;
      const name = stripParens(v.word.value);
      if (allowed.has(name) || allowed.has(`${v.line.keyword} ${name}`)) continue;
      if (v.kind === 'newer') {
        report({ message: v.message, start: v.word.start, end: v.word.end, severity: v.severity });
        continue;
      }
      const hint = v.candidates.length > 0 ? `; did you mean ${v.candidates.map((c) => `'${c}'`).join(' or ')}?` : '';
      const best = uniqueBest(stripParens(v.word.value), v.candidates);
      // the new word must read back as the replacement: quote it when the old one needed quotes (`"set-heder(a b)"`)
      const replacement = best && v.replaceWith ? v.replaceWith(best) : best;
      const text = replacement === undefined || v.word.raw === v.word.value ? replacement : asWord(replacement);
      const only = text !== undefined && makesValidHeader(file, v.line, v.word, text) ? best : undefined;
      report({
        message: v.message + hint,
        start: v.word.start,
        end: v.word.end,
        severity: v.severity,
        fix: only
          ? {
              description: `replace '${v.word.value}' with '${only}'`,
              applicability: 'unsafe',
              edits: [{ start: v.word.start, end: v.word.end, text: text! }],
            }
          : undefined,
      });
    }
  },
};

/**
 * A section name as the replacement turns the line into a section header: only offer that when the
 * new line is a header HAProxy reads (`bakcend app` → `backend app`, not `userfrontend fup haproxy`
 * → `frontend fup haproxy`, a header with an extra argument). Other replacements keep the line a keyword line.
 */
function makesValidHeader(file: ConfigFile, line: Line, word: Word, text: string): boolean {
  if (word !== line.words[0] || !allSectionKinds().includes(text)) return true;
  const content = file.text.slice(line.start, word.start) + text + file.text.slice(word.end, line.contentEnd);
  return !parseConfig(`${content}\n`).syntaxErrors.some((e) => e.fatal);
}
