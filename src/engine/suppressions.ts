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
  const lastLine = file.lines.length;
  // open regions indexed by rule id (and those for every rule), so an `enable` touches only what it closes
  const openAll = new Set<Suppression>();
  const openById = new Map<string, Set<Suppression>>();
  const close = (region: Suppression, at: number) => {
    region.toLine = at;
    if (region.ruleIds.length === 0) openAll.delete(region);
    for (const id of region.ruleIds) openById.get(id)?.delete(region);
  };
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
        if (ids.length === 0) openAll.add(region);
        for (const id of ids) {
          let set = openById.get(id);
          if (!set) openById.set(id, (set = new Set()));
          set.add(region);
        }
        break;
      }
      case 'enable': {
        // an `enable` closes the regions sharing one of its ids, those for every rule, or (without ids) all
        const closing = new Set<Suppression>(openAll);
        if (ids.length === 0) for (const set of openById.values()) for (const region of set) closing.add(region);
        else for (const id of ids) for (const region of openById.get(id) ?? []) closing.add(region);
        for (const region of closing) close(region, line.line);
        break;
      }
    }
  }
  return suppressions;
}

function parseIds(rest: string): string[] {
  const withoutReason = rest.split(/\s--(\s|$)/)[0]!;
  return withoutReason.split(/[\s,]+/).filter((id) => id.length > 0);
}

/** Sorted, merged line intervals; `covers` answers in O(log n). */
class Coverage {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(intervals: [number, number][]) {
    intervals.sort((a, b) => a[0] - b[0]);
    for (const [from, to] of intervals) {
      const last = this.ends.length - 1;
      if (last >= 0 && from <= this.ends[last]! + 1) this.ends[last] = Math.max(this.ends[last]!, to);
      else {
        this.starts.push(from);
        this.ends.push(to);
      }
    }
  }

  covers(line: number): boolean {
    const i = lastAtMost(this.starts, line);
    return i >= 0 && this.ends[i]! >= line;
  }
}

/** index of the last element <= value in a sorted array, -1 when none */
function lastAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * Removes suppressed findings, marking which suppressions were used. Linear in findings and
 * suppressions (up to a log factor): line suppressions are indexed by line, regions and file-wide
 * ones are merged into coverage intervals per rule id, and a region is "used" for a rule when a
 * finding of that rule falls inside it (binary search in the rule's sorted finding lines).
 */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): Finding[] {
  if (suppressions.length === 0) return findings;
  const atLine = new Map<number, Suppression[]>();
  const ranges: Suppression[] = [];
  for (const s of suppressions) {
    if (s.kind === 'line' || s.kind === 'next-line') {
      const list = atLine.get(s.fromLine);
      if (list) list.push(s);
      else atLine.set(s.fromLine, [s]);
    } else ranges.push(s);
  }
  const intervals = new Map<string, [number, number][]>();
  const ALL = '\0all';
  for (const s of ranges) {
    for (const id of s.ruleIds.length === 0 ? [ALL] : s.ruleIds) {
      const list = intervals.get(id);
      if (list) list.push([s.fromLine, s.toLine]);
      else intervals.set(id, [[s.fromLine, s.toLine]]);
    }
  }
  const coverage = new Map<string, Coverage>();
  for (const [id, list] of intervals) coverage.set(id, new Coverage(list));
  const everyRule = coverage.get(ALL);

  // the lines of every finding, per rule (sorted: findings are not necessarily in line order)
  const linesByRule = new Map<string, number[]>();
  for (const finding of findings) {
    const list = linesByRule.get(finding.ruleId);
    if (list) list.push(finding.line);
    else linesByRule.set(finding.ruleId, [finding.line]);
  }
  for (const list of linesByRule.values()) list.sort((a, b) => a - b);
  const hasFindingIn = (ruleId: string, from: number, to: number) => {
    const lines = linesByRule.get(ruleId);
    if (!lines) return false;
    const i = lastAtMost(lines, to);
    return i >= 0 && lines[i]! >= from;
  };
  for (const s of ranges) {
    for (const id of s.ruleIds.length === 0 ? linesByRule.keys() : s.ruleIds) {
      if (hasFindingIn(id, s.fromLine, s.toLine)) s.used.add(id);
    }
  }

  return findings.filter((finding) => {
    let suppressed = false;
    for (const s of atLine.get(finding.line) ?? []) {
      if (s.ruleIds.length > 0 && !s.ruleIds.includes(finding.ruleId)) continue;
      s.used.add(finding.ruleId);
      suppressed = true;
    }
    if (suppressed) return false;
    if (everyRule?.covers(finding.line)) return false;
    return !coverage.get(finding.ruleId)?.covers(finding.line);
  });
}
