/**
 * `npm run grammar`: regenerates grammar/data/*.json from the HAProxy
 * configuration manuals and the releases' keyword dumps (`haproxy -dKall`,
 * keywords-dKall-<release>.txt) in HAPROXY_DOC_DIR (default ../shared/haproxy-doc
 * from the repo root), and the hand-kept grammar/removed-keywords.json.
 *
 * Per version: the manual's facts corrected by the binary's dump (gen/binary.ts); a version without a
 * manual (2.9, 3.1, 3.3) starts from what both neighbouring versions have (gen/interpolate.ts), then its
 * dump corrects it when there is one (2.9, 3.3; 3.1 has neither manual nor binary). The crosscheck-<v>.json
 * reports still compare each manual, alone, with its binary.
 *
 * Output is deterministic (sorted keys, stable formatting) so the committed
 * files can be compared with a fresh run (see test/grammar.test.ts).
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareVersions, isVersion, VERSIONS, type Version } from './versions.js';
import { parseManual } from './gen/manual.js';
import { extractManual } from './gen/extract.js';
import { groupsWithPrefix, mergeDocs, mergeGroup, type VersionedFacts } from './gen/merge.js';
import { flattenRemoved } from './gen/removed.js';
import { parseKeywordDump, type KeywordDump } from './gen/dump.js';
import { applyDump } from './gen/binary.js';
import { interpolateFacts } from './gen/interpolate.js';
import type { ManualFacts } from './gen/facts.js';
import { crossCheck } from './gen/crosscheck.js';
import { stableJson } from './gen/json.js';
import { syntaxDiagramsHtml } from './syntax-diagrams.js';
import type { FamiliesFile, OptionsFile, RemovedFile, SamplesFile, SectionsFile } from './types.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR = join(REPO_ROOT, 'grammar', 'data');
export const REMOVED_SOURCE = join(REPO_ROOT, 'grammar', 'removed-keywords.json');

export function defaultDocDir(): string {
  return process.env['HAPROXY_DOC_DIR'] ?? resolve(REPO_ROOT, '..', 'shared', 'haproxy-doc');
}

/** Rank of a manual's patch suffix: releases by patch number, a -dev manual below any release. */
function patchRank(suffix: string): number {
  const dev = /^dev(\d+)$/.exec(suffix);
  if (dev) return -1000 + Number(dev[1]);
  return Number(suffix);
}

/** Picks one file per version: the newest patch release (2.6.12 over 2.6.0), or the dev one. */
function discoverFiles(docDir: string, prefix: string): Partial<Record<Version, string>> {
  const best: Partial<Record<Version, { file: string; rank: number }>> = {};
  const pattern = new RegExp(`^${prefix}-(\\d+\\.\\d+)[.-](\\w+)\\.txt$`);
  for (const file of readdirSync(docDir).sort()) {
    const m = pattern.exec(file);
    if (!m || !isVersion(m[1]!)) continue;
    const rank = patchRank(m[2]!);
    const v = m[1];
    if (!best[v] || best[v]!.rank < rank) best[v] = { file, rank };
  }
  const out: Partial<Record<Version, string>> = {};
  for (const v of VERSIONS) if (best[v]) out[v] = best[v]!.file;
  return out;
}

/** One configuration manual per version (configuration-<release>.txt). */
export function discoverManuals(docDir: string): Partial<Record<Version, string>> {
  return discoverFiles(docDir, 'configuration');
}

/** One keyword dump per version (keywords-dKall-<release>.txt). */
export function discoverDumps(docDir: string): Partial<Record<Version, string>> {
  return discoverFiles(docDir, 'keywords-dKall');
}

/** Names a release registers only to refuse them ("not supported anymore"): removed-keywords.json entries removed by then. */
function refusedAt(removed: RemovedFile, v: Version): Set<string> {
  const out = new Set<string>();
  for (const entry of Object.values(removed.keywords)) {
    if (entry.status !== 'removed') continue;
    if (entry.since && isVersion(entry.since) && compareVersions(entry.since, v) > 0) continue;
    out.add(entry.name);
  }
  return out;
}

/** Each version's facts: its manual's, or its neighbours' in common; then corrected by its binary's dump. */
function versionFacts(manualFacts: VersionedFacts, dumps: Partial<Record<Version, KeywordDump>>, removed: RemovedFile): VersionedFacts {
  const all = Object.values(dumps) as KeywordDump[];
  const spelled = (kind: string) => [...new Set(Object.values(manualFacts).flatMap((f) => f!.names(kind)))].filter((n) => n.includes('('));
  const spellings = { bind: spelled('bind'), server: spelled('server') };
  const out: VersionedFacts = {};
  const correct = (v: Version, facts: ManualFacts) => (dumps[v] ? applyDump(facts, dumps[v]!, { all, refused: refusedAt(removed, v), spellings }) : facts);
  for (const v of VERSIONS) if (manualFacts[v]) out[v] = correct(v, manualFacts[v]!);
  VERSIONS.forEach((v, i) => {
    if (out[v]) return;
    const older = VERSIONS.slice(0, i).reverse().find((o) => out[o]);
    const newer = VERSIONS.slice(i + 1).find((n) => out[n]);
    if (older && newer) out[v] = correct(v, interpolateFacts(out[older]!, out[newer]!));
  });
  return out;
}

/** Generates every data file; returns file name (relative to grammar/data) → content. */
export function generateGrammar(docDir: string, removedSource: string): Record<string, string> {
  const manuals = discoverManuals(docDir);
  if (Object.keys(manuals).length === 0) throw new Error(`no configuration-*.txt manuals in ${docDir}`);
  const manualFacts: VersionedFacts = {};
  for (const [v, file] of Object.entries(manuals) as [Version, string][]) {
    manualFacts[v] = extractManual(parseManual(file, readFileSync(join(docDir, file), 'utf8')));
  }
  const dumpFiles = discoverDumps(docDir);
  const dumps: Partial<Record<Version, KeywordDump>> = {};
  for (const [v, file] of Object.entries(dumpFiles) as [Version, string][]) dumps[v] = parseKeywordDump(readFileSync(join(docDir, file), 'utf8'));
  const removed = flattenRemoved(removedSource);
  const facts = versionFacts(manualFacts, dumps, removed);
  const { sections, families, options, samples } = mergeAll(facts, manuals, dumpFiles);


  // doc namespaces whose keyword is deprecated somewhere, to attach a deprecation note
  const deprecated = new Map<string, Set<string>>();
  const mark = (ns: string, group: Record<string, { deprecated?: unknown }>) => {
    for (const [n, r] of Object.entries(group)) if (r.deprecated) (deprecated.get(ns) ?? deprecated.set(ns, new Set()).get(ns)!).add(n);
  };
  for (const [kind, group] of Object.entries(sections.keywords)) {
    mark(['defaults', 'frontend', 'listen', 'backend'].includes(kind) ? 'proxy' : kind, group);
  }
  for (const [fam, group] of Object.entries(families.families)) if (!fam.includes(' ') || fam.startsWith('tcp-')) mark('action', group);
  mark('bind', options.bind);
  mark('server', options.server);
  mark('fetch', samples.fetches);
  mark('converter', samples.converters);
  mark('section', sections.sections);

  const files: Record<string, string> = {
    'sections.json': stableJson(sections),
    'families.json': stableJson(families),
    'options.json': stableJson(options),
    'samples.json': stableJson(samples),
    'docs.json': stableJson(mergeDocs(manualFacts, deprecated)),
    'removed.json': stableJson(removed),
  };
  // what each manual, alone, misses of its binary (the gaps the dump filled in above)
  const manualOnly = mergeAll(manualFacts, manuals, {});
  for (const [v, file] of Object.entries(dumpFiles) as [Version, string][]) {
    if (!manualFacts[v]) continue;
    const report = crossCheck(v, dumps[v]!, manualOnly);
    files[`crosscheck-${v}.json`] = stableJson({ dump: file, manual: manuals[v], ...report });
  }
  return files;
}

function mergeAll(facts: VersionedFacts, manuals: Partial<Record<Version, string>>, dumps: Partial<Record<Version, string>>) {
  const sections: SectionsFile = {
    versions: VERSIONS.filter((v) => facts[v]),
    manuals,
    ...(Object.keys(dumps).length > 0 ? { dumps } : {}),
    sections: mergeGroup(facts, 'sections'),
    keywords: Object.fromEntries(groupsWithPrefix(facts, 'section:').map((k) => [k, mergeGroup(facts, `section:${k}`)])),
  };
  const families: FamiliesFile = {
    families: Object.fromEntries(groupsWithPrefix(facts, 'family:').map((f) => [f, mergeGroup(facts, `family:${f}`)])),
  };
  const options: OptionsFile = { bind: mergeGroup(facts, 'bind'), server: mergeGroup(facts, 'server') };
  const samples: SamplesFile = {
    fetches: mergeGroup(facts, 'fetch'),
    converters: mergeGroup(facts, 'converter'),
    acls: mergeGroup(facts, 'acl'),
  };
  return { sections, families, options, samples };
}

function main(): void {
  const docDir = defaultDocDir();
  const files = generateGrammar(docDir, readFileSync(REMOVED_SOURCE, 'utf8'));
  mkdirSync(DATA_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(DATA_DIR, name), content);
    console.log(`grammar/data/${name}  ${(content.length / 1024).toFixed(0)} KiB`);
  }
  writeFileSync(join(REPO_ROOT, 'grammar', 'syntax-diagrams.html'), syntaxDiagramsHtml());
  console.log('grammar/syntax-diagrams.html');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
