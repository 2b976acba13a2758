import type { Rule } from '../engine/types.js';
import { classify } from './keywords/classify.js';
import { stripParens, uniqueBest } from './keywords/knowledge.js';

export const rule: Rule = {
  id: 'unknown-keyword',
  description: 'A keyword, option, rule action or section name no HAProxy version knows in this place (typos), or one newer than the target version',
  severity: 'error',
  fixable: 'unsafe',
  group: 'keywords',
  docs: {
    what:
      "Reports a keyword HAProxy does not know in its section in any version from 2.6 on: a misspelled first word, `option <x>`, `timeout <x>`, `stats <x>`, `http-check <x>`, `tcp-request <layer>`, an `http-request`/`http-response`/`http-after-response`/`tcp-request`/`tcp-response` action, or a section name. It suggests the closest known names. It also reports a keyword that exists only in HAProxy versions newer than the target version (`--target-version`, default 3.2). Unknown `tune.*` global settings are only warnings, since a few are undocumented. Keywords placed in the wrong section, and removed keywords, are reported by `keyword-wrong-section` and `removed-keyword` instead.",
    why: 'HAProxy refuses to start on an unknown keyword ("unknown keyword \'x\' in \'backend\' section"), so a typo takes the whole load balancer down at the next reload.',
    bad: 'backend app\n    balance roundrobin\n    option forwardfro\n    server app1 127.0.0.1:8000 check\n',
    good: 'backend app\n    balance roundrobin\n    option forwardfor\n    server app1 127.0.0.1:8000 check\n',
    fixSafety: 'Unsafe: when one known name is closer than all others, the fix replaces the word with it; the intended keyword may be another one, so it is only applied with --unsafe-fixes.',
  },
  check({ file, targetVersion, report }) {
    for (const v of classify(file, targetVersion)) {
      if (v.kind === 'newer') {
        report({ message: v.message, start: v.word.start, end: v.word.end, severity: v.severity });
        continue;
      }
      if (v.kind !== 'unknown') continue;
      const hint = v.candidates.length > 0 ? `; did you mean ${v.candidates.map((c) => `'${c}'`).join(' or ')}?` : '';
      const only = uniqueBest(stripParens(v.word.value), v.candidates);
      report({
        message: v.message + hint,
        start: v.word.start,
        end: v.word.end,
        severity: v.severity,
        fix: only
          ? {
              description: `replace '${v.word.value}' with '${only}'`,
              applicability: 'unsafe',
              edits: [{ start: v.word.start, end: v.word.end, text: v.replaceWith ? v.replaceWith(only) : only }],
            }
          : undefined,
      });
    }
  },
};
