import { escapeXml } from './checkstyle.js';
import { lineStartsOf } from './stylish.js';
import { reportPath } from './codeclimate.js';
import type { ReportContext } from './types.js';

/** Text content only needs `&` and `<` escaped; newlines stay readable in the failure body. */
const escapeText = (text: string) => escapeXml(text).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t').replace(/&#13;/g, '');

/**
 * JUnit XML for CI systems that show test reports (GitLab `artifacts:reports:junit`, Jenkins): one
 * <testsuite> per linted file, one <testcase> per finding (errors and warnings fail it, info passes with
 * the message in <system-out>), and a passing "no problems" case for a clean file so it is counted.
 */
export function junit(context: ReportContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of context.files) {
    const path = reportPath(file, context.cwd);
    const lineStarts = lineStartsOf(file.text);
    const cases: string[] = [];
    let fileFailures = 0;
    for (const f of file.findings) {
      const where = `${path}:${f.line}:${f.column}`;
      const start = lineStarts[f.line - 1];
      const source = start === undefined ? '' : file.text.slice(start, lineStarts[f.line] ?? file.text.length).replace(/\r?\n$/, '');
      const body = `${where}: ${f.severity}: ${f.message} [${f.ruleId}]${source.trim() !== '' ? `\n${String(f.line).padStart(5)} | ${source}` : ''}`;
      const name = `${f.ruleId} (${f.line}:${f.column})`;
      const open = `    <testcase name="${escapeXml(name)}" classname="${escapeXml(path)}" file="${escapeXml(path)}" time="0">`;
      if (f.severity === 'info') {
        cases.push(`${open}\n      <system-out>${escapeText(body)}</system-out>\n    </testcase>`);
      } else {
        fileFailures++;
        cases.push(`${open}\n      <failure message="${escapeXml(f.message)}" type="${escapeXml(`${f.severity}: ${f.ruleId}`)}">${escapeText(body)}</failure>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase name="no problems" classname="${escapeXml(path)}" file="${escapeXml(path)}" time="0" />`);
    tests += cases.length;
    failures += fileFailures;
    suites.push([
      `  <testsuite name="${escapeXml(path)}" tests="${cases.length}" failures="${fileFailures}" errors="0" skipped="0" time="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n'));
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="haproxy-lint" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
