import type { Rule } from '../engine/types.js';
import { checkSections, fileEol, indentOf, parseHttpchkOption, parseSend } from './http-check/syntax.js';

const HTTP11 = /^HTTP\/1\.1$/i;
const PLACEHOLDER = 'localhost';

export const rule: Rule = {
  id: 'http11-check-without-host',
  description: 'An HTTP/1.1 health check request without a Host header',
  severity: 'warning',
  fixable: 'display-only',
  group: 'healthcheck',
  docs: {
    what: 'Reports an `http-check send … ver HTTP/1.1` without `hdr host …` (any case), and a legacy `option httpchk <method> <uri> HTTP/1.1` with no `http-check send` adding a Host and no `\\r\\nHost:` hidden in its version string. The first `http-check send` without `ver` inherits the version of `option httpchk` in the same section (HAProxy merges the two into one request; later ones default to HTTP/1.0). Each `http-check send` of a sequence (`http-check connect` … `send` … `expect`) is a request of its own and is checked on its own. The finding is reported where the request is written: in a `defaults` section it covers every backend that inherits it.',
    why: 'HTTP/1.1 makes the Host header mandatory (RFC 9112 §3.2: a server must answer 400 to a request without it), and HAProxy never adds one to health checks ("no Host header is automatically added in HTTP/1.1 or above requests. You should add it explicitly"). Many servers answer 400, or route the request to a default virtual host; Django checks Host against ALLOWED_HOSTS and answers 400 Bad Request. Either way the check tests something else than the site, or marks the server DOWN.',
    bad: 'backend app\n    option httpchk\n    http-check send meth GET uri /health/ ver HTTP/1.1\n',
    good: 'backend app\n    option httpchk\n    http-check send meth GET uri /health/ ver HTTP/1.1 hdr Host app.example.com\n',
    fixSafety: `Display-only: the fix shows where \`hdr Host ${PLACEHOLDER}\` goes, but the right host name is one the application accepts (for Django, a name in ALLOWED_HOSTS), which only you know. It is never applied automatically.`,
  },
  check({ file, report }) {
    for (const check of checkSections(file)) {
      const optionLine = check.options[check.options.length - 1];
      const option = optionLine ? parseHttpchkOption(optionLine) : undefined;
      const optionHasHost = option?.host !== undefined || /(?:^|\r\n)host[ \t]*:/i.test(option?.hidden?.headerText ?? '');
      check.sends.forEach((line, index) => {
        const send = parseSend(line);
        // the first send is merged with the request line of `option httpchk`
        const inheritsOption = index === 0 && option !== undefined;
        const version = send.ver?.value ?? (inheritsOption ? option.version : undefined);
        if (version === undefined || !HTTP11.test(version)) return;
        if (send.hdrs.some((h) => h.name.value.toLowerCase() === 'host')) return;
        if (send.hdrs.length === 0 && inheritsOption && optionHasHost) return;
        const at = send.ver ?? line.words[line.keywordWordCount - 1]!;
        const insertAt = send.ver ? send.ver.end : line.args.length > 0 ? line.args[line.args.length - 1]!.end : at.end;
        report({
          message: `HTTP/1.1 health check without a Host header: HAProxy adds none, and an HTTP/1.1 server must answer 400 to such a request (Django then checks the server's own address against ALLOWED_HOSTS and answers 400 unless it is listed), so the server may be marked DOWN or the check hit the wrong site; add \`hdr Host <name>\`${send.ver ? '' : ` (the version HTTP/1.1 comes from \`option httpchk\` on line ${optionLine!.line})`}`,
          start: at.start,
          end: at.end,
          fix: { description: `add \`hdr Host ${PLACEHOLDER}\` (use a host name the application accepts)`, applicability: 'display-only', edits: [{ start: insertAt, end: insertAt, text: ` hdr Host ${PLACEHOLDER}` }] },
        });
      });
      if (check.sends.length === 0 && option?.versionWord && option.version !== undefined && HTTP11.test(option.version) && !optionHasHost) {
        const line = option.line;
        const eol = line.eol || fileEol(file);
        report({
          message: `\`option httpchk\` sends an HTTP/1.1 request without a Host header: HAProxy adds none, and an HTTP/1.1 server must answer 400 to such a request (Django then checks the server's own address against ALLOWED_HOSTS and answers 400 unless it is listed), so the server may be marked DOWN; add \`http-check send hdr Host <name>\` after it`,
          start: option.versionWord.start,
          end: option.versionWord.end,
          fix: {
            description: `add \`http-check send hdr Host ${PLACEHOLDER}\` (use a host name the application accepts)`,
            applicability: 'display-only',
            edits: [{ start: line.contentEnd, end: line.contentEnd, text: `${eol}${indentOf(file, line)}http-check send hdr Host ${PLACEHOLDER}` }],
          },
        });
      }
    }
  },
};
