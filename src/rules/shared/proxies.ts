import { memo } from './memo.js';
import type { ConfigFile, Line, Section } from '../../parser/ast.js';

/** The proxy section kinds: the ones taking their settings from a `defaults` section, and `defaults` itself. */
export const PROXY_KINDS: ReadonlySet<string> = new Set(['defaults', 'frontend', 'backend', 'listen']);

const defaultsIndexes = new WeakMap<ConfigFile, Map<Section, Section | undefined>>();

/** Every proxy section's defaults section, found in one pass over the file (cached per file). */
function defaultsIndex(file: ConfigFile): Map<Section, Section | undefined> {
  let index = defaultsIndexes.get(file);
  if (!index) {
    index = new Map();
    let last: Section | undefined;
    const lastNamed = new Map<string, Section>();
    for (const section of file.sections) {
      if (PROXY_KINDS.has(section.kind)) {
        index.set(section, section.from ? lastNamed.get(section.from.value) : section.kind === 'defaults' ? undefined : last);
      }
      if (section.kind === 'defaults') {
        last = section;
        if (section.name) lastNamed.set(section.name.value, section);
      }
    }
    defaultsIndexes.set(file, index);
  }
  return index;
}

/**
 * The `defaults` section a proxy inherits from: the one named by `from`, else the last
 * `defaults` section before it (HAProxy's rule). A `defaults` section only inherits with `from`.
 */
export function defaultsOf(file: ConfigFile, section: Section): Section | undefined {
  return defaultsIndex(file).get(section);
}

/** The frontends, backends and listens that inherit from a `defaults` section. */
export function usersOf(file: ConfigFile, defaults: Section): Section[] {
  const index = defaultsIndex(file);
  return file.sections.filter((s) => s.kind !== 'defaults' && index.get(s) === defaults);
}

const keywordLinesCache = new WeakMap<Section, Line[]>();

/** The keyword lines of a section (section header excluded), listed once and shared by the rules (do not modify). */
export function keywordLines(section: Section): Line[] {
  return memo(keywordLinesCache, section, () => section.lines.filter((line) => line.kind === 'keyword'));
}
