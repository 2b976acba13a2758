/**
 * §7.3 sample fetches and converters, plus ACL-only keywords: the "ACL
 * derivatives" listed under each fetch (hdr_beg, path_end …) and the
 * pre-defined ACLs of §7.4 (TRUE, HTTP, METH_GET …).
 */
import { chapterWithChildren, findChapter, type Manual } from './manual.js';
import { findEntries, isDeprecatedSynopsis, type Entry } from './entries.js';
import { bareName, synopsisWords } from './keyword-name.js';
import type { ManualFacts } from './facts.js';

const FETCH_NAME = /^[a-z0-9][a-z0-9._+-]*$/;

function sampleName(line: string): string | undefined {
  const w = synopsisWords(line)[0];
  if (!w) return undefined;
  const name = bareName(w);
  return FETCH_NAME.test(name) ? name : undefined;
}

/**
 * Synopses with a placeholder inside the name ("map_<match_type>_<output_type>(…)")
 * stand for a family spelled out in a table of the entry's text
 * ("| map_str | map_str_int | map_str_ip"): collect the table words with the same prefix.
 */
function expandNamePattern(line: string, text: string): string[] {
  const w = synopsisWords(line)[0] ?? '';
  const head = w.split('(')[0]!;
  const lt = head.indexOf('<');
  if (lt <= 0) return [];
  const prefix = head.slice(0, lt);
  const out = new Set<string>();
  for (const row of text.split('\n').filter((l) => l.includes('|'))) {
    for (const m of row.matchAll(/[a-z0-9][a-z0-9._+-]*/g)) if (m[0].startsWith(prefix)) out.add(m[0]);
  }
  return [...out];
}

function addEntries(facts: ManualFacts, group: string, chapter: string, entries: Entry[]): void {
  for (const e of entries) {
    for (const line of e.synopsis) {
      const deprecated = isDeprecatedSynopsis(line);
      const name = sampleName(line);
      for (const n of name ? [name] : expandNamePattern(line, e.text)) {
        facts.add(group, n, { deprecated });
        facts.addDoc(group, n, { chapter, text: e.text });
      }
    }
  }
}

/** "  ACL derivatives :" followed by indented "name(args) : match kind" lines. */
function aclDerivatives(facts: ManualFacts, chapter: string, e: Entry): void {
  const lines = e.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s+ACL derivatives\s*:/.test(lines[i]!)) continue;
    for (let j = i + 1; j < lines.length && /^\s+\S/.test(lines[j]!); j++) {
      const m = /^\s+([a-z0-9][a-z0-9._+-]*)\s*[(:]/.exec(lines[j]!) ?? /^\s+([a-z0-9][a-z0-9._+-]*)\s*$/.exec(lines[j]!);
      if (!m) continue;
      facts.add('acl', m[1]!, { deprecated: /deprecated/i.test(lines[j]!) });
      facts.addDoc('acl', m[1]!, { chapter, text: e.text });
    }
  }
}

export function extractSamples(manual: Manual, facts: ManualFacts): void {
  const fetching = findChapter(manual, /^Fetching samples$/i, '7');
  if (!fetching) throw new Error(`${manual.file}: 'Fetching samples' chapter not found`);
  for (const sub of manual.chapters.filter((c) => c.number.startsWith(fetching.number + '.'))) {
    const { start, end } = chapterWithChildren(manual, sub);
    const entries = findEntries(manual, start, end);
    if (/^Converters$/i.test(sub.title)) addEntries(facts, 'converter', sub.number, entries);
    else {
      addEntries(facts, 'fetch', sub.number, entries);
      for (const e of entries) aclDerivatives(facts, sub.number, e);
    }
  }
  const predefined = findChapter(manual, /^Pre-defined ACLs$/i, '7');
  if (predefined) {
    for (let i = predefined.start; i < predefined.end; i++) {
      const m = /^([A-Z][A-Z0-9_.]+)\s{2,}\S/.exec(manual.lines[i]!);
      if (!m) continue;
      facts.add('acl', m[1]!);
      facts.addDoc('acl', m[1]!, { chapter: predefined.number, text: manual.lines[i]!.trim() });
    }
  }
}
