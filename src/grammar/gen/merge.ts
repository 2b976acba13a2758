/**
 * Merging per-version ManualFacts into versioned records: for each keyword the
 * versions it appears in, the versions each flag holds in, and one doc text
 * taken from the newest manual documenting it.
 */
import { VERSIONS, type Version } from '../versions.js';
import type { DocsFile, KeywordGroup, KeywordRecord } from '../types.js';
import type { ManualFacts } from './facts.js';

type FlagName = 'deprecated' | 'noable' | 'namedDefaultsOnly' | 'registered';
const FLAGS: FlagName[] = ['deprecated', 'noable', 'namedDefaultsOnly', 'registered'];

export type VersionedFacts = Partial<Record<Version, ManualFacts>>;

function presentVersions(all: VersionedFacts): Version[] {
  return VERSIONS.filter((v) => all[v] !== undefined);
}

export function mergeGroup(all: VersionedFacts, group: string): KeywordGroup {
  const out: KeywordGroup = {};
  for (const v of presentVersions(all)) {
    for (const [name, fact] of all[v]!.groups.get(group) ?? []) {
      const rec: KeywordRecord = (out[name] ??= { versions: [] });
      rec.versions.push(v);
      for (const flag of FLAGS) if (fact[flag]) (rec[flag] ??= []).push(v);
      // newest manual wins for the argument shape
      if (fact.takesArg !== undefined) rec.takesArg = fact.takesArg;
    }
  }
  return out;
}

/** All group names starting with a prefix ("section:", "family:"), across versions, prefix removed. */
export function groupsWithPrefix(all: VersionedFacts, prefix: string): string[] {
  const names = new Set<string>();
  for (const v of presentVersions(all)) {
    for (const g of all[v]!.groups.keys()) if (g.startsWith(prefix)) names.add(g.slice(prefix.length));
  }
  return [...names].sort();
}

/** The first sentence of a text that mentions deprecation (for hover/explain). */
function deprecationSentence(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const m = /[^.]*\bdeprecated\b[^.]*\.?/i.exec(flat);
  return m ? m[0].trim() : undefined;
}

export function mergeDocs(all: VersionedFacts, deprecatedNames: Map<string, Set<string>>): DocsFile {
  const out: DocsFile = {};
  for (const v of presentVersions(all).reverse()) {
    for (const [ns, docs] of all[v]!.docs) {
      const target = (out[ns] ??= {});
      for (const [name, doc] of docs) {
        if (target[name]) continue; // a newer manual already documented it
        target[name] = { version: v, chapter: doc.chapter, text: doc.text };
        if (deprecatedNames.get(ns)?.has(name)) {
          const note = deprecationSentence(doc.text);
          if (note) target[name]!.deprecation = note;
        }
      }
    }
  }
  return dedupeDocs(out);
}

/**
 * Aliases and ACL derivatives share their entry's text (hdr_beg → req.hdr …):
 * keep the text once, under the first (namespace, name) in sorted order, and
 * point the others at it with "sameAs": "<namespace>:<name>".
 */
function dedupeDocs(docs: DocsFile): DocsFile {
  const owner = new Map<string, string>();
  for (const ns of Object.keys(docs).sort()) {
    for (const name of Object.keys(docs[ns]!).sort()) {
      const rec = docs[ns]![name]!;
      const first = owner.get(rec.text!);
      if (first === undefined) owner.set(rec.text!, `${ns}:${name}`);
      else docs[ns]![name] = { version: rec.version, chapter: rec.chapter, sameAs: first, deprecation: rec.deprecation };
    }
  }
  return docs;
}
