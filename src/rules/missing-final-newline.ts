import type { Rule } from '../engine/types.js';

export const rule: Rule = {
  id: 'missing-final-newline',
  description: 'The last line has no newline, so HAProxy 2.6+ refuses the file',
  severity: 'error',
  fixable: 'safe',
  group: 'syntax',
  docs: {
    what: 'Reports a file whose last line does not end with a newline.',
    why: 'Since 2.6 HAProxy treats a missing LF on the last line as a sign of a truncated file: "Missing LF on last line, file might have been truncated" is fatal and the proxy does not start.',
    bad: 'backend app\n    server app1 127.0.0.1:8000 check',
    good: 'backend app\n    server app1 127.0.0.1:8000 check\n',
    fixSafety: 'Safe: appends the line ending the file already uses (CRLF when its lines end in CRLF).',
  },
  check({ file, report }) {
    const last = file.lines[file.lines.length - 1];
    if (!last || last.eol !== '' || file.text.length === 0) return;
    const eol = file.lines.some((line) => line.eol === '\r\n') ? '\r\n' : '\n';
    report({
      message: 'missing newline at end of file: HAProxy 2.6+ refuses it ("Missing LF on last line, file might have been truncated")',
      start: last.end,
      end: last.end,
      fix: { description: 'add a newline at the end of the file', applicability: 'safe', edits: [{ start: last.end, end: last.end, text: eol }] },
    });
  },
};
