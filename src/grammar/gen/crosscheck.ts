/**
 * Compares what the manual says about one version with the keyword dump of
 * that version's binary. Anything the binary registers but the grammar does
 * not know is a gap: either the manual doesn't document it, or our manual
 * parser missed it (then the parser should be fixed).
 */
import type { KeywordDump } from './dump.js';
import type { FamiliesFile, OptionsFile, SamplesFile, SectionsFile } from '../types.js';
import type { Version } from '../versions.js';

export interface CrossCheckReport {
  version: Version;
  /** "<area>" → names registered in the binary but unknown to the grammar for that version */
  missing: Record<string, string[]>;
  /** server/bind options whose takes-argument flag disagrees with the binary */
  argMismatch: Record<string, string[]>;
}

function known(group: Record<string, { versions: string[] }> | undefined, v: Version): Set<string> {
  return new Set(Object.entries(group ?? {}).filter(([, r]) => r.versions.includes(v)).map(([n]) => n));
}

/** A registered word is known if it is a keyword or the head of a multi-word keyword. */
function knowsWord(names: Set<string>, word: string): boolean {
  if (names.has(word)) return true;
  for (const n of names) if (n.startsWith(word + ' ')) return true;
  return false;
}

export function crossCheck(
  v: Version,
  dump: KeywordDump,
  data: { sections: SectionsFile; families: FamiliesFile; options: OptionsFile; samples: SamplesFile },
): CrossCheckReport {
  const missing: Record<string, string[]> = {};
  const argMismatch: Record<string, string[]> = {};
  const report = (area: string, list: string[]) => {
    const uniq = [...new Set(list)].sort();
    if (uniq.length) missing[area] = uniq;
  };
  const proxyKeywords = new Set(['defaults', 'frontend', 'listen', 'backend'].flatMap((s) => [...known(data.sections.keywords[s], v)]));
  for (const [section, words] of Object.entries(dump.sections)) {
    if (section === 'crt-list') {
      const bind = known(data.options.bind, v);
      report('crt-list', words.filter((w) => !bind.has(w)));
      continue;
    }
    const names = section === 'listen' ? proxyKeywords : known(data.sections.keywords[section], v);
    report(section === 'listen' ? 'proxy' : section, words.filter((w) => !knowsWord(names, w)));
  }
  for (const kind of ['bind', 'server'] as const) {
    const group = data.options[kind];
    const names = known(group, v);
    report(kind, Object.keys(dump[kind]).filter((n) => !names.has(n)));
    const mism = Object.entries(dump[kind])
      .filter(([n, a]) => names.has(n) && a !== 'optional' && (a === 'arg') !== (group[n]!.takesArg ?? false))
      .map(([n, a]) => `${n} (binary: ${a})`);
    if (mism.length) argMismatch[kind] = mism.sort();
  }
  report('option', dump.options.filter((o) => !known(data.families.families['option'], v).has(o)));
  for (const [rs, actions] of Object.entries(dump.actions)) {
    const names = known(data.families.families[rs], v);
    const knownAction = (a: string) =>
      a.endsWith('*') ? [...names].some((n) => n.startsWith(a.slice(0, -1))) : names.has(a);
    report(`action:${rs}`, actions.filter((a) => !knownAction(a)).map((a) => a.replace(/\*$/, '')));
  }
  report('converter', dump.converters.filter((c) => !known(data.samples.converters, v).has(c)));
  report('fetch', dump.fetches.filter((f) => !known(data.samples.fetches, v).has(f)));
  const aclOrFetch = new Set([...known(data.samples.acls, v), ...known(data.samples.fetches, v)]);
  report('acl', dump.acls.filter((a) => !aclOrFetch.has(a)));
  return { version: v, missing, argMismatch };
}
