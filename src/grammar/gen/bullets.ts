/**
 * "The following keywords are supported in the "global" section :" lists,
 * i.e. indented "- keyword" bullets, possibly with a "(deprecated)" note.
 */
export interface Bullet {
  name: string;
  deprecated: boolean;
}

const INTRO_RE = /following keywords are (?:supported|usable) in the/i;

export function parseKeywordBullets(lines: string[], start: number, end: number): Bullet[] {
  const out: Bullet[] = [];
  let inList = false;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (INTRO_RE.test(line)) {
      inList = true;
      continue;
    }
    if (!inList) continue;
    const m = /^\s+-\s+([a-z0-9][a-z0-9._-]*(?: [a-z][a-z0-9._-]*)*)\s*(.*)$/.exec(line);
    if (m) out.push({ name: m[1]!, deprecated: /\(deprecated\)/i.test(m[2]!) });
    else if (/^\S/.test(line) && !/^\s*$/.test(line)) inList = false; // back to prose / entries
  }
  return out;
}
