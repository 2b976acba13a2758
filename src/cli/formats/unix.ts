import type { ReportContext } from './types.js';

/** `path:line:col: severity: message [rule-id]`, one finding per line (grep, Vim's errorformat, Emacs). */
export function unix(context: ReportContext): string {
  const lines: string[] = [];
  for (const file of context.files) {
    for (const f of file.findings) {
      lines.push(`${file.path}:${f.line}:${f.column}: ${f.severity}: ${f.message.replace(/\r?\n/g, ' ')} [${f.ruleId}]`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
