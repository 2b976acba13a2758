/**
 * Keyword knowledge base: a small, lazily-loaded API over grammar/data/*.json
 * (generated from the HAProxy manuals by `npm run grammar`).
 *
 * Keyword names follow the proxy matrix: multi-word keywords are spelled in
 * full ("option httpchk", "timeout connect", "capture request header",
 * "tcp-request content"); `no`/`default` modifiers are not part of the name.
 * Rule actions are family members: familyMembers('http-request', v).
 */
import { readFileSync } from 'node:fs';
import { VERSIONS, isVersion, type Version } from './versions.js';
import type {
  DocRecord,
  DocsFile,
  FamiliesFile,
  KeywordGroup,
  KeywordRecord,
  OptionsFile,
  RemovedFile,
  RemovedKeyword,
  SamplesFile,
  SectionsFile,
} from './types.js';
import { suggest } from './suggest.js';
import { RULE_SET_FAMILIES } from './rule-sets.js';
import { PACKAGE_ROOT } from '../package-root.js';

export { VERSIONS, isVersion, suggest };
export type { Version, KeywordRecord, RemovedKeyword, DocRecord };

export const PROXY_SECTION_KINDS = ['defaults', 'frontend', 'listen', 'backend'] as const;

// ---------------------------------------------------------------- data files
const DATA_URL = new URL('grammar/data/', PACKAGE_ROOT);

function lazyJson<T>(file: string): () => T {
  let cached: T | undefined;
  return () => (cached ??= JSON.parse(readFileSync(new URL(file, DATA_URL), 'utf8')) as T);
}

const sectionsData = lazyJson<SectionsFile>('sections.json');
const familiesData = lazyJson<FamiliesFile>('families.json');
const optionsData = lazyJson<OptionsFile>('options.json');
const samplesData = lazyJson<SamplesFile>('samples.json');
const docsData = lazyJson<DocsFile>('docs.json');
const removedData = lazyJson<RemovedFile>('removed.json');
/** hand-kept: what the binary registers but the manuals do not document (merged into every group) */
const undocumentedData = lazyJson<Record<string, KeywordGroup | string>>('../undocumented-keywords.json');

/** HAProxy's warning when it ignores `keyword` in a `kind` section although the manual's matrix allows it there. */
export function ignoredInSection(kind: string, keyword: string): string | undefined {
  const ignored = undocumentedData()['ignored'] as unknown as Record<string, Record<string, string>> | undefined;
  return ignored?.[kind]?.[keyword];
}

/** A generated group with the undocumented keywords of the same group added (versions a manual misses are added to its record; built once per group). */
const mergedGroups = new Map<string, KeywordGroup>();
function withUndocumented(cacheKey: string, group: KeywordGroup | undefined): KeywordGroup {
  let merged = mergedGroups.get(cacheKey);
  if (merged) return merged;
  const extra = undocumentedData()[cacheKey];
  if (typeof extra !== 'object' || cacheKey === 'ignored') merged = group ?? {};
  else {
    merged = { ...extra, ...group };
    for (const [name, record] of Object.entries(extra)) {
      const generated = group?.[name];
      if (generated) merged[name] = { ...generated, versions: VERSIONS.filter((v) => generated.versions.includes(v) || record.versions.includes(v)) };
    }
  }
  mergedGroups.set(cacheKey, merged);
  return merged;
}

/**
 * Per-(group, version) name sets, built once per group for every version in one pass over it (a cold
 * start pays for this: the rules ask for every version), and their sorted lists, sorted once.
 */
const nameSetCache = new Map<string, Map<Version, Set<string>>>();
function namesIn(cacheKey: string, group: KeywordGroup | undefined, version: Version): Set<string> {
  let byVersion = nameSetCache.get(cacheKey);
  if (!byVersion) {
    byVersion = new Map();
    for (const [name, record] of Object.entries(withUndocumented(cacheKey, group))) {
      for (const v of record.versions) {
        let set = byVersion.get(v);
        if (!set) byVersion.set(v, (set = new Set()));
        set.add(name);
      }
    }
    nameSetCache.set(cacheKey, byVersion);
  }
  let set = byVersion.get(version);
  if (!set) byVersion.set(version, (set = new Set()));
  return set;
}
const sortedCache = new WeakMap<Set<string>, readonly string[]>();
/** A fresh copy each time: callers may change what they get. */
function sorted(s: Set<string>): string[] {
  let list = sortedCache.get(s);
  if (!list) sortedCache.set(s, (list = [...s].sort()));
  return list.slice();
}

// ---------------------------------------------------------------- sections

/** The manual a version's facts were read from; undefined for the versions built from their neighbours (2.9, 3.1, 3.3). */
export function manualOf(version: Version): string | undefined {
  return sectionsData().manuals[version];
}

/** Section kinds existing in a version (or ever, without a version). */
export function sectionKinds(version?: Version): string[] {
  const all = sectionsData().sections;
  return Object.keys(all).filter((k) => !version || all[k]!.versions.includes(version)).sort();
}

export function isSectionKind(word: string, version?: Version): boolean {
  const rec = sectionsData().sections[word];
  return rec !== undefined && (!version || rec.versions.includes(version));
}

/** Keywords allowed in a section kind for a version, as the manual names them. */
export function sectionKeywords(kind: string, version: Version): string[] {
  return sorted(namesIn(`section:${kind}`, sectionsData().keywords[kind], version));
}

/** The per-version record of a keyword in a section kind (markers, deprecation). */
export function sectionKeywordRecord(kind: string, keyword: string): KeywordRecord | undefined {
  return sectionsData().keywords[kind]?.[keyword];
}

/**
 * Whether `keyword` may appear in a `kind` section in `version`. Exact names
 * match; so does a family head when the manual lists its members ("stats" in
 * global, where the manual documents "stats socket", "stats timeout" …), and a
 * multi-word name whose head the manual lists on its own.
 */
export function isKeywordAllowed(kind: string, keyword: string, version: Version): boolean {
  const names = namesIn(`section:${kind}`, sectionsData().keywords[kind], version);
  if (names.has(keyword)) return true;
  const head = keyword.split(' ')[0]!;
  if (head !== keyword && names.has(head) && !PROXY_SECTION_KINDS.includes(kind as never)) return true;
  if (!keyword.includes(' ')) {
    for (const n of names) if (n.startsWith(keyword + ' ')) return true;
  }
  return false;
}

/** Proxy matrix "(*)": `no <keyword>` / `default <keyword>` accepted. */
export function isNoable(keyword: string, version: Version): boolean {
  return PROXY_SECTION_KINDS.some((k) => sectionsData().keywords[k]?.[keyword]?.noable?.includes(version));
}

/** Proxy matrix "(!)": allowed in defaults only if the defaults section is named. */
export function isNamedDefaultsOnly(keyword: string, version: Version): boolean {
  return sectionsData().keywords['defaults']?.[keyword]?.namedDefaultsOnly?.includes(version) ?? false;
}

/** Proxy section kinds (defaults/frontend/listen/backend) accepting a keyword in a version. */
export function proxySectionsFor(keyword: string, version: Version): string[] {
  return PROXY_SECTION_KINDS.filter((k) => sectionsData().keywords[k]?.[keyword]?.versions.includes(version));
}

// ---------------------------------------------------------------- families

/** Family names: "option", "timeout", "http-request", "tcp-request", "tcp-request content", … */
export function familyNames(): string[] {
  return Object.keys(familiesData().families).sort();
}

/** Members of a family in a version: familyMembers('option', '2.6') → ['abortonclose', …]. */
export function familyMembers(family: string, version: Version): string[] {
  return sorted(namesIn(`family:${family}`, familiesData().families[family], version));
}

export function familyMemberRecord(family: string, member: string): KeywordRecord | undefined {
  return familiesData().families[family]?.[member];
}

// ---------------------------------------------------------------- bind / server

function optionMap(kind: 'bind' | 'server', version: Version): Map<string, boolean> {
  const group = withUndocumented(kind, optionsData()[kind]);
  const out = new Map<string, boolean>();
  for (const name of sorted(namesIn(kind, group, version))) out.set(name, group[name]!.takesArg ?? false);
  return out;
}

/** server/default-server options of a version: name → takes an argument. */
export function serverOptions(version: Version): Map<string, boolean> {
  return optionMap('server', version);
}

/** bind options of a version: name → takes an argument. */
export function bindOptions(version: Version): Map<string, boolean> {
  return optionMap('bind', version);
}

// ---------------------------------------------------------------- samples

export function sampleFetches(version: Version): string[] {
  return sorted(namesIn('fetch', samplesData().fetches, version));
}

export function converters(version: Version): string[] {
  return sorted(namesIn('converter', samplesData().converters, version));
}

/** ACL-only keywords: fetch derivatives (hdr_beg, path_end …) and pre-defined ACLs (TRUE, HTTP …). */
export function aclKeywords(version: Version): string[] {
  return sorted(namesIn('acl', samplesData().acls, version));
}

// ---------------------------------------------------------------- removed

/** A keyword HAProxy removed or deprecated, with since-version and replacement (hand-kept table). */
export function removedKeyword(name: string): RemovedKeyword | undefined {
  return removedData().keywords[name];
}

// ---------------------------------------------------------------- keyword info

export interface KeywordInfo {
  name: string;
  /** "proxy", "global", another section kind, "action", "server", "bind", "fetch", "converter", "acl", "section" */
  namespace: string;
  versions: Version[];
  firstVersion?: Version;
  lastVersion?: Version;
  deprecated: Version[];
  deprecation?: string;
  /** proxy keywords: section kinds accepting it in the newest version that has it */
  sections?: string[];
  doc?: { version: Version; chapter: string; text: string };
  removed?: RemovedKeyword;
}


function unionVersions(records: (KeywordRecord | undefined)[], flag?: 'deprecated'): Version[] {
  const set = new Set<Version>();
  for (const r of records) for (const v of (flag ? r?.[flag] : r?.versions) ?? []) set.add(v);
  return VERSIONS.filter((v) => set.has(v));
}

function resolveDoc(ns: string, name: string): DocRecord | undefined {
  let rec = docsData()[ns]?.[name];
  for (let hops = 0; rec?.sameAs && hops < 3; hops++) {
    const i = rec.sameAs.indexOf(':');
    rec = docsData()[rec.sameAs.slice(0, i)]?.[rec.sameAs.slice(i + 1)];
  }
  return rec;
}

/** The records describing `name` in a namespace (several for proxy keywords and actions). */
function recordsFor(ns: string, name: string): (KeywordRecord | undefined)[] {
  const s = sectionsData().keywords;
  switch (ns) {
    case 'proxy':
      return PROXY_SECTION_KINDS.map((k) => s[k]?.[name]);
    case 'action':
      return RULE_SET_FAMILIES.map((f) => familiesData().families[f]?.[name]);
    case 'server':
    case 'bind':
      return [optionsData()[ns][name]];
    case 'fetch':
      return [samplesData().fetches[name]];
    case 'converter':
      return [samplesData().converters[name]];
    case 'acl':
      return [samplesData().acls[name]];
    case 'section':
      return [sectionsData().sections[name]];
    default:
      return [s[ns]?.[name]];
  }
}

const SEARCH_ORDER = ['proxy', 'global', 'section', 'action', 'server', 'bind', 'fetch', 'converter', 'acl'];

/**
 * Everything known about a keyword: versions, deprecation, manual text and
 * removal info. `context` narrows the lookup to a section kind ("frontend",
 * "global", "peers" …) or a namespace ("server", "bind", "action", "fetch",
 * "converter", "acl", "section"); without it the first match in
 * proxy → global → section kinds → actions → server → bind → fetch →
 * converter → acl → other sections wins. Actions may also be asked as
 * "http-request set-header".
 */
export function keywordInfo(keyword: string, context?: string): KeywordInfo | undefined {
  let name = keyword;
  let namespaces: string[];
  const ruleSet = RULE_SET_FAMILIES.find((f) => keyword.startsWith(f + ' '));
  if (ruleSet) {
    // "http-request set-header" → action "set-header"
    name = keyword.slice(ruleSet.length + 1);
    namespaces = ['action'];
  } else if (context) {
    namespaces = [PROXY_SECTION_KINDS.includes(context as never) ? 'proxy' : context];
  } else {
    const others = Object.keys(sectionsData().keywords).filter((k) => k !== 'global' && !PROXY_SECTION_KINDS.includes(k as never));
    namespaces = [...SEARCH_ORDER, ...others.sort()];
  }
  const removed = removedKeyword(keyword);
  for (const ns of namespaces) {
    const records = recordsFor(ns, name);
    if (!records.some(Boolean)) continue;
    const versions = unionVersions(records);
    const doc = resolveDoc(ns, name);
    const info: KeywordInfo = {
      name,
      namespace: ns,
      versions,
      firstVersion: versions[0],
      lastVersion: versions[versions.length - 1],
      deprecated: unionVersions(records, 'deprecated'),
      deprecation: docsData()[ns]?.[name]?.deprecation,
      removed,
    };
    if (ns === 'proxy' && info.lastVersion) info.sections = proxySectionsFor(name, info.lastVersion);
    if (doc?.text) info.doc = { version: doc.version, chapter: doc.chapter, text: doc.text };
    return info;
  }
  if (removed) return { name: keyword, namespace: removed.context, versions: [], deprecated: [], removed };
  return undefined;
}
