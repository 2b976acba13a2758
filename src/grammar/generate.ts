/**
 * `npm run grammar`: regenerates grammar/data/*.json from the HAProxy
 * configuration manuals (HAPROXY_DOC_DIR, default ../shared/haproxy-doc from
 * the repo root) and the hand-kept grammar/removed-keywords.json.
 *
 * Output is deterministic (sorted keys, stable formatting) so the committed
 * files can be compared with a fresh run (see test/grammar.test.ts).
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isVersion, VERSIONS, type Version } from './versions.js';
import { parseManual } from './gen/manual.js';
import { extractManual } from './gen/extract.js';
import { groupsWithPrefix, mergeDocs, mergeGroup, type VersionedFacts } from './gen/merge.js';
import { flattenRemoved } from './gen/removed.js';
import { parseKeywordDump } from './gen/dump.js';
import { crossCheck } from './gen/crosscheck.js';
import { stableJson } from './gen/json.js';
import { syntaxDiagramsHtml } from './syntax-diagrams.js';
import type { FamiliesFile, OptionsFile, SamplesFile, SectionsFile } from './types.js';

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

/** Picks one manual per target version: the newest patch release (2.6.12 over 2.6.0), or the dev one. */
export function discoverManuals(docDir: string): Partial<Record<Version, string>> {
  const best: Partial<Record<Version, { file: string; rank: number }>> = {};
  for (const file of readdirSync(docDir).sort()) {
    const m = /^configuration-(\d+\.\d+)[.-](\w+)\.txt$/.exec(file);
    if (!m || !isVersion(m[1]!)) continue;
    const rank = patchRank(m[2]!);
    const v = m[1];
    if (!best[v] || best[v]!.rank < rank) best[v] = { file, rank };
  }
  const out: Partial<Record<Version, string>> = {};
  for (const v of VERSIONS) if (best[v]) out[v] = best[v]!.file;
  return out;
}

function discoverDumps(docDir: string): Partial<Record<Version, string>> {
  const out: Partial<Record<Version, string>> = {};
  for (const file of readdirSync(docDir).sort()) {
    const m = /^keywords-dKall-(\d+\.\d+)\.\d+\.txt$/.exec(file);
    if (m && isVersion(m[1]!)) out[m[1]] = file;
  }
  return out;
}

/** Generates every data file; returns file name (relative to grammar/data) → content. */
export function generateGrammar(docDir: string, removedSource: string): Record<string, string> {
  const manuals = discoverManuals(docDir);
  if (Object.keys(manuals).length === 0) throw new Error(`no configuration-*.txt manuals in ${docDir}`);
  const facts: VersionedFacts = {};
  for (const [v, file] of Object.entries(manuals) as [Version, string][]) {
    facts[v] = extractManual(parseManual(file, readFileSync(join(docDir, file), 'utf8')));
  }

  const sections: SectionsFile = {
    versions: VERSIONS.filter((v) => manuals[v]),
    manuals,
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
    'docs.json': stableJson(mergeDocs(facts, deprecated)),
    'removed.json': stableJson(flattenRemoved(removedSource)),
  };
  for (const [v, file] of Object.entries(discoverDumps(docDir)) as [Version, string][]) {
    if (!facts[v]) continue;
    const report = crossCheck(v, parseKeywordDump(readFileSync(join(docDir, file), 'utf8')), { sections, families, options, samples });
    files[`crosscheck-${v}.json`] = stableJson({ dump: file, manual: manuals[v], ...report });
  }
  return files;
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
