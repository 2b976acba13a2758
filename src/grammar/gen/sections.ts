/**
 * Keywords of the non-proxy sections: global (§3) and the "other" sections
 * (userlist, peers, resolvers, cache, …) whose chapter moved between versions
 * (e.g. "3.4 Userlists" in 2.6 → "12.2 Userlists" in 3.2). Chapters are found
 * by title, so renumbering does not matter.
 */
import { chapterWithChildren, findChapter, type Manual } from './manual.js';
import { findEntries, isDeprecatedSynopsis } from './entries.js';
import { parseKeywordBullets } from './bullets.js';
import { keywordOfSynopsis, type NameRules } from './keyword-name.js';
import type { ManualFacts } from './facts.js';

/**
 * Where each section kind is documented. The section keyword itself is a fact
 * of the config language; whether (and since when) it exists is read from the
 * manuals: a section exists in a version iff its chapter does.
 */
const SECTION_CHAPTERS: { kind: string; title: RegExp; subFamilies?: Record<string, RegExp> }[] = [
  { kind: 'userlist', title: /^Userlists$/i },
  { kind: 'peers', title: /^Peers(?: declaration)?$/i },
  { kind: 'mailers', title: /^Mailers$/i },
  { kind: 'program', title: /^Programs\b/i },
  { kind: 'http-errors', title: /^HTTP-errors$/i },
  { kind: 'ring', title: /^Rings$/i },
  { kind: 'log-forward', title: /^Log forwarding$/i },
  { kind: 'resolvers', title: /^The resolvers section$/i },
  { kind: 'cache', title: /^Cache section$/i },
  { kind: 'fcgi-app', title: /^Fcgi-app section$/i },
  { kind: 'crt-store', title: /^Certificate Storage$/i, subFamilies: { load: /^Load options$/i } },
  { kind: 'traces', title: /^Traces$/i },
  { kind: 'log-profile', title: /^Log profiles$/i },
  { kind: 'acme', title: /^ACME$/i },
  { kind: 'healthcheck', title: /^Healthchecks$/i },
];

const GLOBAL_CHAPTER = /^Global (?:parameters|section)$/i;
const GLOBAL_SUBCHAPTERS = /^(?:Process management|Performance tuning|Debugging|HTTPClient tuning)/i;

/** Intro prose of a chapter, used as section doc when the section has no synopsis entry. */
function introText(manual: Manual, start: number, end: number): string {
  const lines = manual.lines.slice(start, end).map((l) => l.trimEnd());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

export function extractGlobal(manual: Manual, facts: ManualFacts, rules: NameRules): void {
  const chapter = manual.chapters.find((c) => !c.number.includes('.') && GLOBAL_CHAPTER.test(c.title));
  if (!chapter) throw new Error(`${manual.file}: global chapter not found`);
  facts.add('sections', 'global');
  facts.addDoc('section', 'global', { chapter: chapter.number, text: introText(manual, chapter.start, chapter.end) });
  for (const b of parseKeywordBullets(manual.lines, chapter.start, chapter.end)) {
    facts.add('section:global', b.name, { deprecated: b.deprecated });
  }
  for (const sub of manual.chapters.filter((c) => c.number.startsWith(chapter.number + '.') && GLOBAL_SUBCHAPTERS.test(c.title))) {
    for (const e of findEntries(manual, sub.start, sub.end)) {
      for (const line of e.synopsis) {
        const name = keywordOfSynopsis(line, rules);
        if (!name) continue;
        facts.add('section:global', name, { deprecated: isDeprecatedSynopsis(line) });
        facts.addDoc('global', name, { chapter: sub.number, text: e.text });
      }
    }
  }
}

export function extractOtherSections(manual: Manual, facts: ManualFacts, rules: NameRules): void {
  for (const { kind, title, subFamilies } of SECTION_CHAPTERS) {
    const chapter = findChapter(manual, title);
    if (!chapter) continue;
    facts.add('sections', kind, { deprecated: /deprecated/i.test(chapter.title) });
    const group = `section:${kind}`;
    const entries = findEntries(manual, chapter.start, chapter.end);
    const header = entries.find((e) => e.synopsis.some((l) => keywordOfSynopsis(l, rules) === kind));
    const firstEntry = entries[0]?.line ?? chapter.end;
    facts.addDoc('section', kind, {
      chapter: chapter.number,
      text: header ? header.text : introText(manual, chapter.start, firstEntry),
    });
    for (const b of parseKeywordBullets(manual.lines, chapter.start, chapter.end)) {
      facts.add(group, b.name, { deprecated: b.deprecated });
    }
    for (const e of entries) {
      if (e === header) continue;
      for (const line of e.synopsis) {
        const name = keywordOfSynopsis(line, rules);
        if (!name || name === kind) continue;
        facts.add(group, name, { deprecated: isDeprecatedSynopsis(line), noable: /^no\s/.test(line) || undefined });
        facts.addDoc(kind, name, { chapter: chapter.number, text: e.text });
      }
    }
    for (const [family, subTitle] of Object.entries(subFamilies ?? {})) {
      const sub = manual.chapters.find((c) => c.number.startsWith(chapter.number + '.') && subTitle.test(c.title));
      if (!sub) continue;
      const range = chapterWithChildren(manual, sub);
      for (const e of findEntries(manual, range.start, range.end)) {
        for (const line of e.synopsis) {
          const name = keywordOfSynopsis(line, { multiWord: [], heads: new Set() });
          if (!name) continue;
          facts.add(`family:${kind} ${family}`, name, { deprecated: isDeprecatedSynopsis(line) });
          facts.addDoc(`${kind} ${family}`, name, { chapter: sub.number, text: e.text });
        }
      }
    }
  }
}
