import type { Line, Section } from '../parser/ast.js';

/** The proxy section kinds: the ones taking their settings from a `defaults` section, and `defaults` itself. */
export const PROXY_KINDS: ReadonlySet<string> = new Set(['defaults', 'frontend', 'backend', 'listen']);

const keywordLinesCache = new WeakMap<Section, Line[]>();

/** The keyword lines of a section (section header excluded), listed once and shared by the rules (do not modify). */
export function keywordLines(section: Section): Line[] {
  // asked by many rules for every section: no closure per call
  let lines = keywordLinesCache.get(section);
  if (!lines) keywordLinesCache.set(section, (lines = section.lines.filter((line) => line.kind === 'keyword')));
  return lines;
}
