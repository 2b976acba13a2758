import type { Rule } from '../engine/types.js';
import { mimeFix, mimeTargets } from './http-check/mime.js';
import { show } from './shared/words.js';
import { decodeWord } from '../parser/word.js';

export const rule: Rule = {
  id: 'malformed-mime-type',
  description: 'A backslash where the `/` of a media type belongs in an Accept or Content-Type header (`application\\json`)',
  severity: 'warning',
  fixable: 'safe',
  group: 'healthcheck',
  docs: {
    what: 'Reports an `Accept` or `Content-Type` value (header names in any case) with a backslash between a media type and its subtype — `application\\json`, `text\\html`, `application\\x-www-form-urlencoded`, also in lists like `application\\json, text\\plain` — in `http-check send … hdr`, and in `http-request`, `http-response` and `http-after-response` `set-header`/`add-header`.',
    why: 'Media types are written `type/subtype`. With a backslash HAProxy sends something no server recognises: `\\j` is not an escape, so `hdr Accept application\\json` sends `Accept: application\\json` (the backslash kept), and some escapes change the text (`text\\tab-separated-values` sends a TAB, `application\\x-www-form-urlencoded` is a fatal "invalid hexadecimal sequence"). Content negotiation then fails or falls back: an API may answer 406 or HTML instead of JSON, and a health check may test a different page than intended.',
    bad: 'backend django\n    option httpchk\n    http-check send meth GET uri /health-check/ ver HTTP/1.1 hdr Host app.example.com hdr Accept application\\json\n',
    good: 'backend django\n    option httpchk\n    http-check send meth GET uri /health-check/ ver HTTP/1.1 hdr Host app.example.com hdr Accept "application/json"\n',
    fixSafety: 'Safe: replaces the backslash (or an escaped double backslash) with `/`, after checking with the tokenizer that the new word reads cleanly and that only the `/` changed. In `http-check send` an unquoted value is also written in double quotes, as `unquoted-header-value` asks (`application\\json` → `"application/json"`). A line HAProxy cannot read (for example an invalid `\\x` escape) is not fixed automatically.',
  },
  check({ file, report }) {
    for (const line of file.lines) {
      for (const target of mimeTargets(line)) {
        const fix = mimeFix(target);
        if (!fix) continue;
        const wrong = fix.wrong.map((w) => `\`${w}\``).join(', ');
        const refused = decodeWord(target.value.raw).problems.length > 0;
        const consequence = refused
          ? 'and HAProxy refuses the line (a backslash followed by `x` starts a hexadecimal escape)'
          : `so HAProxy sends \`${target.name.value}: ${show(target.value.value)}\`, which no server reads as the intended media type`;
        report({
          message: `malformed media type ${wrong} in ${target.name.value}: a backslash separates the subtype instead of \`/\`, ${consequence}`,
          start: target.value.start,
          end: target.value.end,
          fix: { description: `write ${fix.text}`, applicability: 'safe', edits: [{ start: target.value.start, end: target.value.end, text: fix.text }] },
        });
      }
    }
  },
};
