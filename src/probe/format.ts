import type { ProbeReport, ServerProbe } from './probe.js';
import { pushAll } from '../util/arrays.js';

/** Request and response text, one line each, control characters made visible. */
const visible = (text: string) => text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** The probe report for people: per backend, per server, what was sent, what came back, HAProxy's verdict. */
export function formatProbeText(report: ProbeReport, fileName: string): string {
  const out: string[] = [];
  let backend: string | undefined;
  for (const s of report.servers) {
    if (s.backend !== backend) {
      if (backend !== undefined) out.push('');
      backend = s.backend;
      out.push(`backend ${s.backend}`);
    }
    pushAll(out, serverLines(s, fileName));
  }
  const { probed, up, down, nolb, skipped } = report.summary;
  const parts = [`${up} UP`, `${down} DOWN`, ...(nolb > 0 ? [`${nolb} NOLB`] : [])];
  out.push('', `${probed} server${probed === 1 ? '' : 's'} probed: ${parts.join(', ')}${skipped > 0 ? `; ${skipped} skipped` : ''}`);
  return `${out.join('\n')}\n`;
}

function serverLines(s: ServerProbe, fileName: string): string[] {
  const where = s.target ?? s.configuredAddress;
  const head = `  server ${s.server} ${where}${s.target && s.target !== s.configuredAddress ? ` (configured: ${s.configuredAddress})` : ''}`;
  if (s.state === 'skipped') return [`${head}: skipped (${s.skipReason})`];
  const lines = [head];
  if (s.request !== undefined) {
    const [headers = ''] = s.request.split('\r\n\r\n');
    for (const line of headers.split('\r\n')) lines.push(`    > ${visible(line)}`);
    const body = s.request.slice(headers.length + 4);
    if (body !== '') lines.push(`    > ${visible(body)}`);
  } else if (s.check === 'tcp') lines.push('    (connect check: no `option httpchk`)');
  if (s.response) lines.push(`    < ${visible(s.response.statusLine)}`);
  lines.push(`    ${s.state}: ${s.message}${s.durationMs !== undefined ? ` (${s.durationMs} ms)` : ''}`);
  if (s.failedExpectation) lines.push(`      failed: ${s.failedExpectation.line !== undefined ? `line ${s.failedExpectation.line}: ` : ''}${s.failedExpectation.text}`);
  if (s.consequence) lines.push(`      ${s.consequence}`);
  for (const note of s.notes) lines.push(`      note: ${note}`);
  if (s.findings.length > 0) {
    lines.push(`      why (haproxy-lint findings for backend ${s.backend}):`);
    for (const f of s.findings) lines.push(`        ${fileName}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}]`);
  }
  return lines;
}

/** The probe report for tools. */
export function formatProbeJson(report: ProbeReport, fileName: string): string {
  return `${JSON.stringify({ file: fileName, ...report, servers: report.servers.map((s) => ({ ...s, findings: s.findings.map(({ fix, ...f }) => ({ ...f, fixable: fix !== undefined })) })) }, null, 2)}\n`;
}
