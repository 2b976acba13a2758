import type { ConfigFile, Line, Section, Word } from '../../parser/ast.js';

/** Proxy sections that take their settings from a `defaults` section. */
const INHERITING = new Set(['frontend', 'backend', 'listen', 'defaults']);

/**
 * The `defaults` section a proxy inherits from: the one named by `from`, else the last
 * `defaults` section before it (HAProxy's rule). A `defaults` section only inherits with `from`.
 */
export function defaultsOf(file: ConfigFile, section: Section): Section | undefined {
  if (!INHERITING.has(section.kind)) return undefined;
  const index = file.sections.indexOf(section);
  if (section.from) {
    const name = section.from.value;
    for (let i = index - 1; i >= 0; i--) {
      const candidate = file.sections[i]!;
      if (candidate.kind === 'defaults' && candidate.name?.value === name) return candidate;
    }
    return undefined;
  }
  if (section.kind === 'defaults') return undefined;
  for (let i = index - 1; i >= 0; i--) {
    const candidate = file.sections[i]!;
    if (candidate.kind === 'defaults') return candidate;
  }
  return undefined;
}

/** The frontends, backends and listens that inherit from a `defaults` section. */
export function usersOf(file: ConfigFile, defaults: Section): Section[] {
  return file.sections.filter((s) => s !== defaults && s.kind !== 'defaults' && INHERITING.has(s.kind) && defaultsOf(file, s) === defaults);
}

/** The keyword lines of a section (section header excluded). */
export function keywordLines(section: Section): Line[] {
  return section.lines.filter((line) => line.kind === 'keyword');
}

/** Whether a word's value depends on the environment (an env reference inside double quotes). */
export function hasEnv(word: Word): boolean {
  return word.envRefs.length > 0;
}

/**
 * The offset in the source of the character at index `valueIndex` of `word.value` (or just after
 * the last one when `valueIndex === value.length`), when the word is written so that value and raw
 * text map one to one (no escapes, at most one pair of surrounding quotes). Undefined otherwise.
 */
export function sourceOffset(word: Word, valueIndex: number): number | undefined {
  const raw = word.raw;
  if (raw.includes('\\')) return undefined;
  if (word.quoting === 'none') return raw === word.value ? word.start + valueIndex : undefined;
  if (word.quoting === 'double' || word.quoting === 'single') {
    const quote = word.quoting === 'double' ? '"' : "'";
    if (raw.length >= 2 && raw.startsWith(quote) && raw.endsWith(quote) && raw.slice(1, -1) === word.value) return word.start + 1 + valueIndex;
  }
  return undefined;
}

/** Writes a value as one HAProxy word: bare when nothing needs protecting, else in single quotes. */
export function quoteWord(value: string): string {
  if (/^[^\s#"'\\$]+$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/[\\"$#]/g, (c) => `\\${c}`)}"`;
}
