/**
 * Rule-set actions (`http-request <action>`, `tcp-request content <action>` …).
 *
 * 3.0+ manuals have a dedicated §4.3 "Actions keywords matrix" whose header
 * names the rule sets ("QUIC: Ini   TCP: RqCon RqSes …   HTTP: Req Res Aft");
 * older manuals only document each action as a §4.2 entry prefixed by its
 * rule set ("http-request set-header <name> <fmt> …").
 */
import type { Manual } from './manual.js';
import type { Entry } from './entries.js';
import { synopsisWords, bareName } from './keyword-name.js';

/** Rule sets, named as the proxy keyword (= family name) that introduces them. */
export const RULE_SETS = [
  'quic-initial',
  'tcp-request connection',
  'tcp-request session',
  'tcp-request content',
  'tcp-response content',
  'http-request',
  'http-response',
  'http-after-response',
] as const;
export type RuleSet = (typeof RULE_SETS)[number];

/** Abbreviations used in the §4.3 header, per group prefix. */
const MATRIX_COLUMNS: Record<string, RuleSet> = {
  'QUIC:Ini': 'quic-initial',
  'TCP:RqCon': 'tcp-request connection',
  'TCP:RqSes': 'tcp-request session',
  'TCP:RqCnt': 'tcp-request content',
  'TCP:RsCnt': 'tcp-response content',
  'HTTP:Req': 'http-request',
  'HTTP:Res': 'http-response',
  'HTTP:Aft': 'http-after-response',
};

export interface ActionRow {
  action: string;
  ruleSets: RuleSet[];
  deprecated: boolean;
}

export function parseActionsMatrix(manual: Manual, start: number, end: number): ActionRow[] {
  const lines = manual.lines.slice(start, end);
  const headerIdx = lines.findIndex((l) => /^\s*keyword\s+\S+:/.test(l));
  if (headerIdx < 0) throw new Error(`${manual.file}: actions matrix header not found`);
  const columns: RuleSet[] = [];
  let group = '';
  for (const tok of lines[headerIdx]!.trim().split(/\s+/).slice(1)) {
    if (tok.endsWith(':')) group = tok;
    else {
      const rs = MATRIX_COLUMNS[group + tok];
      if (!rs) throw new Error(`${manual.file}: unknown actions matrix column ${group}${tok}`);
      columns.push(rs);
    }
  }
  const rows: ActionRow[] = [];
  for (const line of lines.slice(headerIdx + 1)) {
    if (!/^[a-z]/.test(line)) continue;
    const m = /^(\S+)((?:\s+[a-z][\w-]*)*?)\s*(\(deprecated\))?\s+([X-](?:\s+[X-])*)\s*$/.exec(line);
    if (!m) throw new Error(`${manual.file}: unparsable actions matrix row: ${line}`);
    const marks = m[4]!.split(/\s+/);
    if (marks.length !== columns.length) throw new Error(`${manual.file}: action row has ${marks.length} cells: ${line}`);
    rows.push({
      action: m[1]!,
      ruleSets: columns.filter((_, k) => marks[k] === 'X'),
      deprecated: m[3] !== undefined,
    });
  }
  return rows;
}

/** For pre-3.0 manuals: the rule set and action an entry synopsis documents, if any. */
export function actionOfSynopsis(line: string): { ruleSet: RuleSet; action: string } | undefined {
  const words = synopsisWords(line);
  for (const rs of RULE_SETS) {
    const n = rs.split(' ').length;
    if (words.slice(0, n).join(' ') !== rs) continue;
    const w = words[n];
    if (w === undefined || !/^[a-z]/.test(w)) return undefined; // "http-request <action> …"
    return { ruleSet: rs, action: bareName(w) };
  }
  return undefined;
}

/** For 3.0+ §4.4 entries: the action named by an entry ("sc-inc-gpc(<idx>,<sc-id>)" → "sc-inc-gpc"). */
export function actionOfEntry(entry: Entry): string | undefined {
  const w = synopsisWords(entry.synopsis[0]!)[0];
  return w && /^[a-z]/.test(w) ? bareName(w) : undefined;
}
