import { memo } from './memo.js';
import type { ConfigFile, Section } from '../parser/ast.js';
import { PROXY_KINDS } from './sections.js';
import { setOf, type ConfigSet } from './set.js';

const defaultsIndexes = new WeakMap<ConfigSet, Map<Section, Section | undefined>>();

/**
 * Every proxy section's defaults section, in one pass over the set in load order: a `defaults`
 * section applies to the proxies after it, in its file and in the files loaded after it.
 */
function defaultsIndex(set: ConfigSet): Map<Section, Section | undefined> {
  return memo(defaultsIndexes, set, () => {
    const index = new Map<Section, Section | undefined>();
    let last: Section | undefined;
    const lastNamed = new Map<string, Section>();
    for (const section of set.sections) {
      if (PROXY_KINDS.has(section.kind)) {
        index.set(section, section.from ? lastNamed.get(section.from.value) : section.kind === 'defaults' ? undefined : last);
      }
      if (section.kind === 'defaults') {
        last = section;
        if (section.name) lastNamed.set(section.name.value, section);
      }
    }
    return index;
  });
}

/**
 * The `defaults` section a proxy inherits from: the one named by `from`, else the last
 * `defaults` section before it (HAProxy's rule), looked up over the file's whole set, so it may
 * be in an earlier file. A `defaults` section only inherits with `from`.
 */
export function defaultsOf(file: ConfigFile, section: Section): Section | undefined {
  return defaultsIndex(setOf(file)).get(section);
}

/** The frontends, backends and listens of `file` that inherit from a `defaults` section. */
export function usersOf(file: ConfigFile, defaults: Section): Section[] {
  const index = defaultsIndex(setOf(file));
  return file.sections.filter((s) => s.kind !== 'defaults' && index.get(s) === defaults);
}
