import type { ReportContext } from './types.js';

/** Escapes XML text and attribute values; characters XML 1.0 forbids become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Checkstyle XML (Jenkins warnings-ng, reviewdog, GitLab converters). */
export function checkstyle(context: ReportContext): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const file of context.files) {
    out.push(`  <file name="${escapeXml(file.absPath || file.path)}">`);
    for (const f of file.findings) {
      out.push(`    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${escapeXml(`${f.message} (${f.ruleId})`)}" source="haproxy-lint.${escapeXml(f.ruleId)}" />`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
