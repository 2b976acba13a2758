import type { Rule } from '../engine/types.js';
import { mimeFix, mimeTargets } from './http-check/mime.js';
import { parseSend } from './http-check/syntax.js';
import { doubleQuoted, literalBackslashes, show } from './shared/words.js';

export const rule: Rule = {
  id: 'unquoted-header-value',
  description: 'An `http-check send` header value written unquoted with a backslash that is not an escape, or cut short by a `#`',
  severity: 'warning',
  fixable: 'safe',
  group: 'healthcheck',
  docs: {
    what: 'Reports a `hdr <name> <value>` of `http-check send` whose value is written without quotes and contains a backslash that is not one of HAProxy\'s escapes (`\\j`, `\\d`, `\\.`, a trailing `\\`…), or whose value runs straight into a `#` (`hdr X-Tag a#b`). Plain values such as `www.example.com` or `application/json`, quoted values and correct escapes (`a\\ b`) are not reported. When the backslash sits where a media type needs a `/` (`hdr Accept application\\json`) the rule `malformed-mime-type` reports it instead.',
    why: 'HAProxy\'s tokenizer only knows `\\ `, `\\\\`, `\\t`, `\\n`, `\\r`, `\\#`, `\\\'`, `\\"` and `\\xHH`; any other backslash is kept and sent to the server: `hdr Accept application\\json` sends `Accept: application\\json`. That is almost never what was meant, and it is silent: `haproxy -c` accepts it and the server sees a header it does not understand. A `#` outside quotes starts a comment even in the middle of a word, so `hdr X-Tag a#b` sends `X-Tag: a`.',
    bad: 'backend app\n    option httpchk\n    http-check send meth GET uri /status hdr X-Path C:\\health\n',
    good: 'backend app\n    option httpchk\n    http-check send meth GET uri /status hdr X-Path "C:\\\\health"\n',
    fixSafety: 'Safe for the backslash: the value is rewritten in double quotes with the backslash doubled, and the fix is only offered after checking with the tokenizer that HAProxy reads exactly the same value as before, so the request does not change; it only says what it does. If the backslash was a typo, correct the value by hand. Unsafe for a value cut by `#`: quoting it makes HAProxy send the whole text, which changes the request (and is almost certainly what was meant).',
  },
  check({ file, report }) {
    for (const line of file.lines) {
      if (line.kind !== 'keyword' || line.keyword !== 'http-check send') continue;
      const mimeWords = new Set(mimeTargets(line).filter((t) => mimeFix(t)).map((t) => t.value));
      for (const { name, value } of parseSend(line).hdrs) {
        if (mimeWords.has(value)) continue; // malformed-mime-type reports and fixes it
        if (value.envRefs.length > 0) continue;
        const backslashes = literalBackslashes(value.raw);
        if (backslashes.length > 0) {
          const quoted = doubleQuoted(value.value);
          const example = value.raw.slice(backslashes[0]!, backslashes[0]! + 2);
          report({
            message: `unquoted header value \`${value.raw}\`: \`${example}\` is not an escape, so HAProxy sends the backslash literally (\`${name.value}: ${show(value.value)}\`); write the value in double quotes, with \`\\\\\` for a backslash you mean`,
            start: value.start,
            end: value.end,
            ...(quoted ? { fix: { description: `write the value as ${quoted} (same value, backslash made explicit)`, applicability: 'safe' as const, edits: [{ start: value.start, end: value.end, text: quoted }] } } : {}),
          });
          continue;
        }
        const comment = line.comment;
        if (comment && comment.start === value.end && value.quoting !== 'single' && value.quoting !== 'double') {
          const cut = comment.text;
          const meant = /\s/.test(cut) || /haproxy-lint|expect/.test(cut) ? undefined : doubleQuoted(value.value + cut);
          report({
            message: `header value \`${value.raw}${cut.split(/\s/)[0]}\` is cut at \`#\`, which starts a comment even inside a word: HAProxy sends \`${name.value}: ${show(value.value)}\`; write the value in double quotes`,
            start: value.start,
            end: meant ? comment.end : comment.start + 1,
            ...(meant ? { fix: { description: `write the value as ${meant}`, applicability: 'unsafe' as const, edits: [{ start: value.start, end: comment.end, text: meant }] } } : {}),
          });
        }
      }
    }
  },
};
