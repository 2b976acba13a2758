/**
 * §4.1 "Proxy keywords matrix": which proxy keyword is allowed in
 * defaults / frontend / listen / backend, with the (*) and (!) markers.
 *
 * Row layout (all versions): `<name words>  [(*)|(deprecated)]  X [(!)]  -  X  X`.
 * The column order is read from the header line rather than assumed.
 */
import type { Manual } from './manual.js';

export const PROXY_SECTIONS = ['defaults', 'frontend', 'listen', 'backend'] as const;
export type ProxySection = (typeof PROXY_SECTIONS)[number];

export interface MatrixRow {
  name: string;
  allowed: ProxySection[];
  noable: boolean;
  namedDefaultsOnly: boolean;
  deprecated: boolean;
}

export function parseProxyMatrix(manual: Manual, start: number, end: number): MatrixRow[] {
  const lines = manual.lines.slice(start, end);
  const headerIdx = lines.findIndex((l) => /^\s*keyword\s+defaults\s+frontend\s+listen\s+backend/.test(l));
  if (headerIdx < 0) throw new Error(`${manual.file}: proxy keywords matrix header not found`);
  const columns = lines[headerIdx]!.trim().split(/\s+/).slice(1) as ProxySection[];
  const rows: MatrixRow[] = [];
  for (const line of lines.slice(headerIdx + 1)) {
    if (!/^[a-z]/.test(line)) continue; // separators, blank lines
    const m = /^(.+?)(?=\s{2,}|\s*\()\s*(.*)$/.exec(line);
    if (!m) continue;
    const row: MatrixRow = { name: m[1]!.trim(), allowed: [], noable: false, namedDefaultsOnly: false, deprecated: false };
    let col = -1;
    for (const tok of m[2]!.trim().split(/\s+/)) {
      if (tok === 'X' || tok === '-') {
        col++;
        if (tok === 'X' && columns[col]) row.allowed.push(columns[col]!);
      } else if (tok === '(*)') row.noable = true;
      else if (tok === '(!)') row.namedDefaultsOnly = true;
      else if (tok === '(deprecated)') row.deprecated = true;
      else throw new Error(`${manual.file}: unexpected token '${tok}' in matrix row: ${line}`);
    }
    if (col + 1 !== columns.length) throw new Error(`${manual.file}: matrix row has ${col + 1} cells: ${line}`);
    rows.push(row);
  }
  return rows;
}

/**
 * §4.2 entries carry "May be used in sections : defaults | frontend | listen | backend"
 * followed by a "yes | no | yes(!) | yes" line. Used for keywords the matrix omits on
 * purpose (3.x hides "dangerous" directives from the matrix but still documents them).
 */
export function parseMayBeUsedIn(entryText: string): ProxySection[] | undefined {
  const lines = entryText.split('\n');
  const i = lines.findIndex((l) => /May be used in sections\s*:/.test(l));
  if (i < 0 || i + 1 >= lines.length) return undefined;
  const cols = lines[i]!.replace(/.*May be used in sections\s*:/, '').split('|').map((s) => s.trim());
  const vals = lines[i + 1]!.split('|').map((s) => s.trim());
  if (cols.length !== 4 || vals.length !== 4) return undefined;
  const out: ProxySection[] = [];
  cols.forEach((c, k) => {
    if (/^yes/.test(vals[k]!) && (PROXY_SECTIONS as readonly string[]).includes(c)) out.push(c as ProxySection);
  });
  return out;
}
