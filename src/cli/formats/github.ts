import type { ReportContext } from './types.js';

/** GitHub workflow command escaping: the message (data) and the properties. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions annotations: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::message`. */
export function github(context: ReportContext): string {
  const lines: string[] = [];
  for (const file of context.files) {
    for (const f of file.findings) {
      const properties = [
        `file=${escapeProperty(file.path)}`, `line=${f.line}`, `col=${f.column}`,
        `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${escapeProperty(f.ruleId)}`,
      ];
      lines.push(`::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(`${f.message} [${f.ruleId}]`)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
