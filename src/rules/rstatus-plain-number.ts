import type { Rule } from '../engine/types.js';
import { parseExpect } from './http-check/syntax.js';

/** A list of status codes and ranges as `status` takes it: `200`, `200,201`, `200-399`, `200,300-310`. */
const STATUS_LIST = /^\d{3}(?:-\d{3})?(?:,\d{3}(?:-\d{3})?)*$/;

export const rule: Rule = {
  id: 'rstatus-plain-number',
  description: '`http-check expect rstatus` given a plain status code or list instead of a regular expression',
  severity: 'info',
  fixable: 'safe',
  group: 'healthcheck',
  docs: {
    what: 'Reports `http-check expect rstatus <pattern>` (also negated, `! rstatus …`) when the pattern is not really a regular expression: a three-digit code (`rstatus 200`), a list or range (`rstatus 200,201`, `rstatus 200-399`), or one or two digits (`rstatus 2`). Real regular expressions such as `^2`, `^2[0-9]{2}` or `(200|204)` are left alone.',
    why: '`rstatus` compiles its argument as an unanchored regular expression and searches it in the status code. `rstatus 200` works, but only because status codes have three digits; `status 200` says what is meant and compares a number. A list is never matched by the regular expression (no status code contains `200,201`), so every check fails and every server is DOWN. One or two digits match anywhere: `rstatus 2` accepts 502 and 302 as well as 200. The message also points out when the expectation rejects redirects that the implicit `http-check expect status 200-399` of `option httpchk` would have accepted: with `rstatus 200`, a 301 (Django\'s APPEND_SLASH answering a URI without its trailing slash) marks the server DOWN — the URI itself is checked by `healthcheck-uri-redirect`.',
    bad: 'backend app\n    option httpchk\n    http-check send meth GET uri /health/ ver HTTP/1.1 hdr Host app.example.com\n    http-check expect rstatus 200\n',
    good: 'backend app\n    option httpchk\n    http-check send meth GET uri /health/ ver HTTP/1.1 hdr Host app.example.com\n    http-check expect status 200\n',
    fixSafety: 'Safe for a three-digit code: `rstatus 200` and `status 200` accept exactly the same responses, so the fix only replaces the word `rstatus`. Unsafe for a list or range: `status` makes the check pass where it always failed, which is what was meant but changes which servers are UP. Display-only for one or two digits: `rstatus 2` most likely means `status 200-299`, but it also accepts other codes today.',
  },
  check({ file, report }) {
    for (const line of file.lines) {
      if (line.kind !== 'keyword' || line.keyword !== 'http-check expect') continue;
      const expect = parseExpect(line);
      const { match, pattern } = expect;
      if (!match || !pattern || match.value !== 'rstatus') continue;
      const value = pattern.value;
      const bang = expect.bang ? '! ' : '';
      if (/^\d{3}$/.test(value)) {
        report({
          message: `\`rstatus ${value}\` is an unanchored regular expression, not a status code; \`status ${value}\` matches exactly the same responses and says what is meant${rejectsRedirects(value, expect.bang !== undefined) ? '. Note that unlike the implicit `status 200-399` of `option httpchk` it rejects redirects: a 301 from the application (a missing trailing slash, see healthcheck-uri-redirect) marks the server DOWN ("Layer7 wrong status, code: 301")' : ''}`,
          start: match.start,
          end: pattern.end,
          fix: { description: `use \`${bang}status ${value}\``, applicability: 'safe', edits: [{ start: match.start, end: match.end, text: 'status' }] },
        });
      } else if (STATUS_LIST.test(value)) {
        report({
          message: `\`rstatus ${value}\` is a regular expression that no status code can match (a status is three digits), so ${expect.bang ? 'this negated expectation always succeeds' : 'every check fails and the servers are marked DOWN'}; \`status ${value}\` takes a list of codes and ranges`,
          start: match.start,
          end: pattern.end,
          severity: 'warning',
          fix: { description: `use \`${bang}status ${value}\``, applicability: 'unsafe', edits: [{ start: match.start, end: match.end, text: 'status' }] },
        });
      } else if (/^\d{1,2}$/.test(value)) {
        const range = value.length === 1 ? `${value}00-${value}99` : `${value}0-${value}9`;
        report({
          message: `\`rstatus ${value}\` is an unanchored regular expression: it matches any status containing "${value}"${examples(value).length > 0 ? ` (for example ${examples(value).join(', ')})` : ''}, not only ${range}; use \`status ${range}\`, or anchor it: \`rstatus ^${value}\``,
          start: match.start,
          end: pattern.end,
          severity: 'warning',
          fix: { description: `use \`${bang}status ${range}\``, applicability: 'display-only', edits: [{ start: match.start, end: pattern.end, text: `status ${range}` }] },
        });
      }
    }
  },
};

/** Whether an exact `status` expectation turns a 3xx answer, accepted without it, into a failed check. */
function rejectsRedirects(code: string, negated: boolean): boolean {
  return !negated && !code.startsWith('3');
}

/** A few status codes matching an unanchored digit pattern but outside the range it suggests. */
function examples(digits: string): string[] {
  const candidates = ['302', '502', '404', '304', '405', '503', '201', '301', '401', '504', '410', '101', '120', '520', '420', '530'];
  return candidates.filter((c) => c.includes(digits) && !c.startsWith(digits)).slice(0, 3);
}
