/**
 * Proxy keywords (defaults/frontend/listen/backend) and the keyword families
 * derived from them, plus rule-set actions.
 */
import { chapterWithChildren, findChapter, type Manual } from './manual.js';
import { findEntries, isDeprecatedSynopsis } from './entries.js';
import { parseMayBeUsedIn, parseProxyMatrix, PROXY_SECTIONS } from './proxy-matrix.js';
import { actionOfEntry, actionOfSynopsis, parseActionsMatrix } from './actions.js';
import { keywordOfSynopsis, nameRules, type NameRules } from './keyword-name.js';
import type { ManualFacts } from './facts.js';

/** Families whose members are not spelled out in the matrix but always exist. */
const EXTRA_HEADS = ['option', 'timeout'];

/** Reads §4.1 and returns the naming rules every other extractor uses. */
export function extractProxyMatrix(manual: Manual, facts: ManualFacts): NameRules {
  const chapter = findChapter(manual, /^Proxy keywords matrix$/i, '4');
  if (!chapter) throw new Error(`${manual.file}: proxy keywords matrix not found`);
  const rows = parseProxyMatrix(manual, chapter.start, chapter.end);
  for (const ps of PROXY_SECTIONS) facts.add('sections', ps);
  for (const row of rows) {
    for (const ps of row.allowed) {
      facts.add(`section:${ps}`, row.name, {
        noable: row.noable,
        deprecated: row.deprecated,
        namedDefaultsOnly: ps === 'defaults' ? row.namedDefaultsOnly : undefined,
      });
    }
  }
  return nameRules(rows.map((r) => r.name), EXTRA_HEADS);
}


/** §4.2 reference: docs for matrix keywords, plus documented keywords the matrix omits. */
export function extractProxyReference(manual: Manual, facts: ManualFacts, rules: NameRules): void {
  const chapter = findChapter(manual, /^Alphabetically sorted keywords reference$/i, '4');
  if (!chapter) throw new Error(`${manual.file}: proxy keywords reference not found`);
  const inMatrix = new Set(PROXY_SECTIONS.flatMap((ps) => facts.names(`section:${ps}`)));
  const pending: { name: string; replacement: string; fact: { deprecated: boolean; noable?: boolean } }[] = [];
  for (const e of findEntries(manual, chapter.start, chapter.end)) {
    for (const line of e.synopsis) {
      const action = actionOfSynopsis(line);
      if (action) {
        facts.add(`family:${action.ruleSet}`, action.action, { deprecated: isDeprecatedSynopsis(line) });
        facts.addDoc('action', action.action, { chapter: chapter.number, text: e.text });
        continue;
      }
      const name = keywordOfSynopsis(line, rules);
      if (!name) continue;
      const deprecated = isDeprecatedSynopsis(line);
      const noable = /^no\s/.test(line) || undefined;
      if (inMatrix.has(name)) {
        // the reference may know about deprecation/no-forms the matrix doesn't show
        for (const ps of PROXY_SECTIONS) if (facts.has(`section:${ps}`, name)) facts.add(`section:${ps}`, name, { deprecated, noable });
      } else {
        const where = parseMayBeUsedIn(e.text);
        if (!where) {
          // 3.x deprecated entries drop the placement line but say 'use "X" instead'
          const replacement = /\buse\s+"([^"]+)"\s+instead/.exec(e.text.replace(/\s+/g, ' '))?.[1];
          if (replacement) pending.push({ name, replacement, fact: { deprecated, noable } });
          else continue; // prose-like entry or not a proxy keyword
        } else {
          if (where.length === 0) continue;
          for (const ps of where) facts.add(`section:${ps}`, name, { deprecated, noable });
        }
      }
      facts.addDoc('proxy', name, { chapter: chapter.number, text: e.text });
    }
  }
  for (const p of pending) {
    for (const ps of PROXY_SECTIONS) if (facts.has(`section:${ps}`, p.replacement)) facts.add(`section:${ps}`, p.name, p.fact);
  }
}

/** §4.3/§4.4 (3.0+): the actions matrix and the actions reference. */
export function extractActions(manual: Manual, facts: ManualFacts): void {
  const matrix = findChapter(manual, /^Actions keywords matrix$/i, '4');
  if (!matrix) return; // pre-3.0: actions were collected from §4.2
  for (const row of parseActionsMatrix(manual, matrix.start, matrix.end)) {
    for (const rs of row.ruleSets) facts.add(`family:${rs}`, row.action, { deprecated: row.deprecated });
  }
  const reference = findChapter(manual, /^Alphabetically sorted actions reference$/i, '4');
  if (!reference) return;
  const { start, end } = chapterWithChildren(manual, reference);
  for (const e of findEntries(manual, start, end)) {
    const action = actionOfEntry(e);
    if (action) facts.addDoc('action', action, { chapter: reference.number, text: e.text });
  }
}

/**
 * Families made of multi-word proxy keywords: "option httpchk" is member
 * "httpchk" of family "option", "capture request header" is "request header"
 * of "capture", "tcp-request content" is "content" of "tcp-request".
 */
export function deriveProxyFamilies(facts: ManualFacts): void {
  for (const ps of PROXY_SECTIONS) {
    const group = facts.groups.get(`section:${ps}`);
    for (const [name, fact] of group ?? []) {
      const sp = name.indexOf(' ');
      if (sp < 0) continue;
      facts.add(`family:${name.slice(0, sp)}`, name.slice(sp + 1), { deprecated: fact.deprecated, noable: fact.noable });
    }
  }
}

