import type { ReportInput, Rule } from '../engine/types.js';
import { atLeast } from '../grammar/versions.js';
import { checkSections, fileEol, indentOf, parseHttpchkOption, parseSend } from './http-check/syntax.js';
import { asWord, show } from './shared/words.js';

export const rule: Rule = {
  id: 'legacy-httpchk-headers',
  description: 'Headers or a body hidden after the version string of `option httpchk` (deprecated since 2.2, refused since 2.8)',
  severity: 'warning',
  fixable: 'safe',
  group: 'healthcheck',
  docs: {
    what: 'Reports `option httpchk <method> <uri> <version>` whose version carries extra request text after a CRLF, the pre-2.2 trick to add headers or a body to health checks (`HTTP/1.1\\r\\nHost:\\ www.example.com`). The plain forms (`option httpchk`, `option httpchk /health`, `option httpchk GET /health HTTP/1.1`) are not reported.',
    why: 'HAProxy 2.2 to 2.6 still accept it but warn on every start ("\'option httpchk\' : hiding headers or body at the end of the version string is deprecated. Please, consider to use \'http-check send\' directive instead."), 2.8 and later refuse it ("… is unsupported"): a warning when targeting 2.6, an error from 2.8. The hidden text is easy to get wrong: the escapes must be written exactly (`\\r\\n`, `\\ ` for spaces), and an `http-check send` with headers in the same section silently replaces the hidden headers, so the check is sent without them.',
    bad: 'backend app\n    option httpchk GET /health HTTP/1.1\\r\\nHost:\\ www.example.com\n',
    good: 'backend app\n    option httpchk\n    http-check send meth GET uri /health ver HTTP/1.1 hdr Host www.example.com\n',
    fixSafety: 'Safe when the translation is exact: `option httpchk` keeps no argument and a new line `http-check send meth … uri … ver … hdr <name> <value> … [body …]` right after it (same indentation and line ending) sends the same request (verified on HAProxy 2.6: same request line, same headers in the same order, same body; header values stay log-format strings in both forms, and values with spaces are quoted). No automatic fix (display-only or none) when the section already has `http-check send` or `http-check connect` lines, when an `http-check` rule comes before the option, when the hidden text is not a plain list of `Name: value` lines, or when a header value is empty.',
  },
  check({ file, targetVersion, report: reportAny }) {
    // deprecated (a warning) in 2.2-2.6, refused from 2.8 on
    const refused = atLeast(targetVersion, '2.8');
    const report = (finding: ReportInput) => reportAny(refused ? { ...finding, severity: 'error' } : finding);
    for (const check of checkSections(file)) {
      for (const line of check.options) {
        const option = parseHttpchkOption(line);
        const hidden = option.hidden;
        if (!hidden || !option.versionWord || !option.meth || !option.uri) continue;
        const what = hidden.headerText !== undefined && hidden.body !== undefined ? 'headers and a body' : hidden.body !== undefined ? 'a body' : 'headers';
        const base = refused
          ? `${what} hidden after the version string of \`option httpchk\` (\`${show(option.versionWord.value)}\`): HAProxy 2.8 and later refuse this ("hiding headers or body at the end of the version string is unsupported")`
          : `${what} hidden after the version string of \`option httpchk\` (\`${show(option.versionWord.value)}\`): deprecated since HAProxy 2.2, which warns "hiding headers or body at the end of the version string is deprecated" (HAProxy 2.8 and later refuse it)`;
        const sendWithHeaders = check.sends.find((send) => parseSend(send).hdrs.length > 0);
        if (sendWithHeaders && hidden.headerText !== undefined) {
          report({
            message: `${base}; these headers are never sent: the \`http-check send\` with headers on line ${sendWithHeaders.line} replaces them. Move them to that line as \`hdr <name> <value>\``,
            start: option.versionWord.start,
            end: option.versionWord.end,
          });
          continue;
        }
        const translation = translate(option);
        const exact = translation !== undefined
          && check.sends.length === 0
          && check.connects.length === 0
          && line === check.options[check.options.length - 1]
          && !check.rules.some((rule) => rule.start < line.start)
          && option.host === undefined;
        const message = `${base}; use \`option httpchk\` with \`http-check send${translation ? ` ${translation}` : ' meth … uri … ver … hdr <name> <value>'}\``;
        if (!translation) {
          report({ message, start: option.versionWord.start, end: option.versionWord.end });
          continue;
        }
        const keywordEnd = line.words[line.keywordWordCount - 1]!.end;
        const lastArg = line.args[line.args.length - 1]!;
        const eol = line.eol || fileEol(file);
        report({
          message,
          start: option.versionWord.start,
          end: option.versionWord.end,
          fix: {
            description: `move the request to \`http-check send ${translation}\``,
            applicability: exact ? 'safe' : 'display-only',
            edits: [
              { start: keywordEnd, end: lastArg.end, text: '' },
              { start: line.contentEnd, end: line.contentEnd, text: `${eol}${indentOf(file, line)}http-check send ${translation}` },
            ],
          },
        });
      }
    }
  },
};

/** The `http-check send` options sending the same request, or undefined when it cannot be written exactly. */
function translate(option: ReturnType<typeof parseHttpchkOption>): string | undefined {
  const hidden = option.hidden!;
  if (option.version === undefined || option.version === '') return undefined;
  if (hidden.headerText !== undefined && hidden.headers === undefined) return undefined;
  const parts = [`meth ${option.meth!.raw}`, `uri ${option.uri!.raw}`];
  const version = asWord(option.version);
  if (!version) return undefined;
  parts.push(`ver ${version}`);
  for (const header of hidden.headers ?? []) {
    const name = asWord(header.name);
    const value = asWord(header.value);
    if (!name || !value) return undefined;
    parts.push(`hdr ${name} ${value}`);
  }
  if (hidden.body !== undefined && hidden.body !== '') {
    const body = asWord(hidden.body);
    if (!body) return undefined;
    parts.push(`body ${body}`);
  }
  return parts.join(' ');
}
