import type { Finding, Rule } from '../../engine/types.js';
import { fingerprintFindings, relativeSlashPath, sha256 } from '../fingerprint.js';
import type { FileReport, ReportContext } from './types.js';

/** GitLab's severities, lowest first: info, minor, major, critical, blocker. */
type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

function severity(finding: Finding): CodeQualitySeverity {
  // an ALERT of HAProxy itself (--with-haproxy): the configuration does not load at all
  if (finding.ruleId === 'haproxy' && finding.severity === 'error') return 'blocker';
  return finding.severity === 'error' ? 'major' : finding.severity === 'warning' ? 'minor' : 'info';
}

/** Code Climate categories (GitLab ignores them; other Code Climate readers require one). */
function category(rule: Rule | undefined, finding: Finding): string {
  if (rule?.group === 'security') return 'Security';
  return finding.severity === 'error' ? 'Bug Risk' : 'Style';
}

/** The path GitLab matches against the repository: relative to the working directory, `/`-separated. */
export function reportPath(file: FileReport, cwd: string): string {
  if (file.absPath === '') return file.path === '<stdin>' ? 'stdin' : file.path;
  return relativeSlashPath(cwd, file.absPath) ?? file.absPath;
}

/**
 * GitLab Code Quality (a subset of the Code Climate issue format): a JSON array of
 * {description, check_name, fingerprint, severity, location: {path, lines: {begin}}}, which the
 * merge-request widget compares between the source and target branches by fingerprint. The
 * fingerprint hashes rule, path, line content and occurrence index, so it does not change when lines
 * above move.
 */
export function codeclimate(context: ReportContext): string {
  const rules = new Map(context.rules.map((rule) => [rule.id, rule]));
  const issues: unknown[] = [];
  for (const file of context.files) {
    const path = reportPath(file, context.cwd);
    for (const { finding, contentHash, occurrence } of fingerprintFindings(file.text, file.findings)) {
      issues.push({
        type: 'issue',
        check_name: finding.ruleId,
        description: `${finding.message.replace(/\r?\n/g, ' ')} [${finding.ruleId}]`,
        categories: [category(rules.get(finding.ruleId), finding)],
        severity: severity(finding),
        fingerprint: sha256(`${finding.ruleId}\0${path}\0${contentHash}\0${occurrence}`).slice(0, 32),
        location: { path, lines: { begin: finding.line, end: Math.max(finding.line, finding.endLine) } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
