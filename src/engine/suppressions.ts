import type { ConfigFile } from '../parser/ast.js';
import type { Finding } from './types.js';

/**
 * Suppression comments, as ESLint and hadolint have them:
 *   # haproxy-lint-disable-next-line <id>[, <id>] [-- reason]
 *   <line> # haproxy-lint-disable-line <id>[, <id>] [-- reason]
 *   # haproxy-lint-disable <ids> … # haproxy-lint-enable <ids>   (a region; no ids = every rule)
 *   # haproxy-lint-disable-file <ids>
 */
export interface Suppression {
  kind: 'next-line' | 'line' | 'region' | 'file';
  /** empty = every rule */
  ruleIds: string[];
  /** the comment's span, for reporting */
  start: number;
  end: number;
  line: number;
  /** the lines it covers (inclusive) */
  fromLine: number;
  toLine: number;
  used: Set<string>;
}

const DIRECTIVE = /^#\s*haproxy-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b\s*(.*)$/;

export function collectSuppressions(file: ConfigFile): Suppression[] {
  const suppressions: Suppression[] = [];
  const openRegions: Suppression[] = [];
  const lastLine = file.lines.length;
  for (const line of file.lines) {
    if (!line.comment) continue;
    const match = DIRECTIVE.exec(line.comment.text);
    if (!match) continue;
    const ids = parseIds(match[2]!);
    const base = { ruleIds: ids, start: line.comment.start, end: line.comment.end, line: line.line, used: new Set<string>() };
    switch (match[1]) {
      case 'disable-next-line':
        suppressions.push({ ...base, kind: 'next-line', fromLine: line.line + 1, toLine: line.line + 1 });
        break;
      case 'disable-line':
        suppressions.push({ ...base, kind: 'line', fromLine: line.line, toLine: line.line });
        break;
      case 'disable-file':
        suppressions.push({ ...base, kind: 'file', fromLine: 1, toLine: lastLine });
        break;
      case 'disable': {
        const region: Suppression = { ...base, kind: 'region', fromLine: line.line, toLine: lastLine };
        suppressions.push(region);
        openRegions.push(region);
        break;
      }
      case 'enable':
        for (const region of openRegions) {
          if (region.toLine !== lastLine) continue;
          if (ids.length === 0 || region.ruleIds.length === 0 || region.ruleIds.some((id) => ids.includes(id))) region.toLine = line.line;
        }
        break;
    }
  }
  return suppressions;
}

function parseIds(rest: string): string[] {
  const withoutReason = rest.split(/\s--(\s|$)/)[0]!;
  return withoutReason.split(/[\s,]+/).filter((id) => id.length > 0);
}

/** Removes suppressed findings, marking which suppressions were used. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): Finding[] {
  if (suppressions.length === 0) return findings;
  return findings.filter((finding) => {
    let suppressed = false;
    for (const s of suppressions) {
      if (finding.line < s.fromLine || finding.line > s.toLine) continue;
      if (s.ruleIds.length > 0 && !s.ruleIds.includes(finding.ruleId)) continue;
      s.used.add(finding.ruleId);
      suppressed = true;
    }
    return !suppressed;
  });
}
