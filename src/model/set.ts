/**
 * A configuration set: the files HAProxy loads together (`haproxy -f a.cfg -f conf.d/`), in load
 * order. Each file keeps its own text, path, encoding and line endings; sections, the defaults
 * chain and names are resolved over the whole set (see config-model.ts, defaults.ts).
 */
import type { ConfigFile, Section, Span } from '../parser/ast.js';
import { parseConfig } from '../parser/parse.js';
import { isTemplate, maskTemplate } from './template.js';

/** What a front reads: a file's path and text (and how it was decoded, to write it back alike). */
export interface SourceText {
  /** how findings name the file ('' for text given without a name) */
  path: string;
  text: string;
  encoding?: string;
  /** lint as a template; default: decided by the name and the content */
  template?: boolean;
}

export interface SetFile {
  path: string;
  /** the text as read: what fixes edit and what is written back */
  text: string;
  /** the parsed file; for a template, of the text with its tags masked (same offsets) */
  file: ConfigFile;
  /** linted as a template */
  template?: boolean;
  /** template tags: spans no rule judges and no fix edits */
  opaque: readonly Span[];
  encoding?: string;
  /** the file's line ending (its first line's; '\n' when it has none) */
  eol: '\n' | '\r\n';
}

export interface ConfigSet {
  files: readonly SetFile[];
  /** every section of every file, in load order */
  sections: readonly Section[];
  /** the entry of a parsed file of this set */
  entryOf(file: ConfigFile): SetFile | undefined;
  /** the parsed file a section belongs to */
  fileOf(section: Section): ConfigFile | undefined;
}

/** Parses one source: a template is parsed with its tags masked, so rules see opaque words. */
export function loadSource(source: SourceText): SetFile {
  const template = source.template ?? isTemplate(source.path, source.text);
  const masked = template ? maskTemplate(source.text) : undefined;
  const file = parseConfig(masked ? masked.text : source.text);
  const eol = firstEol(file);
  return { path: source.path, text: source.text, file, template, opaque: masked?.tags ?? [], eol, ...(source.encoding !== undefined ? { encoding: source.encoding } : {}) };
}

const registry = new WeakMap<ConfigFile, ConfigSet>();

/** A set of files in load order (sources are parsed; already loaded files are taken as they are). */
export function configSet(files: readonly (SourceText | SetFile)[]): ConfigSet {
  const entries = files.map((f) => ('file' in f ? f : loadSource(f)));
  const byFile = new Map<ConfigFile, SetFile>();
  const sectionFile = new Map<Section, ConfigFile>();
  const sections: Section[] = [];
  for (const entry of entries) {
    byFile.set(entry.file, entry);
    for (const section of entry.file.sections) {
      sections.push(section);
      sectionFile.set(section, entry.file);
    }
  }
  const set: ConfigSet = {
    files: entries,
    sections,
    entryOf: (file) => byFile.get(file),
    fileOf: (section) => sectionFile.get(section),
  };
  for (const entry of entries) registry.set(entry.file, set);
  return set;
}

/** The set a parsed file was last linted in; a file never put in a set is a set of its own. */
export function setOf(file: ConfigFile): ConfigSet {
  return registry.get(file) ?? configSet([{ path: '', text: file.text, file, opaque: [], eol: firstEol(file) }]);
}

function firstEol(file: ConfigFile): '\n' | '\r\n' {
  return file.lines[0]?.eol === '\r\n' ? '\r\n' : '\n';
}
