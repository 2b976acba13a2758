/**
 * The language server over configuration sets: an open file is linted with the files HAProxy loads
 * with it (a set of the settings' `configurations`, else its `*.d` directory of fragments), the
 * open documents' unsaved text standing in for their files.
 */
import { readFileSync } from 'node:fs';
import type { ConfigFile } from '../parser/ast.js';
import type { Finding, LintOptions } from '../engine/types.js';
import { configSet, loadSource, type SetFile } from '../model/set.js';
import { lintSet } from '../engine/lint.js';
import { RULES } from '../rules/index.js';
import type { LoadedConfig } from '../settings/config.js';
import { configuredSets, fragmentDirectorySet, setContaining, type LoadSpec } from '../settings/sets.js';

/** The set a file is linted with, or undefined when it is linted alone. */
export function setForPath(path: string, config: LoadedConfig | undefined): LoadSpec | undefined {
  try {
    return (config && setContaining(configuredSets(config).sets, path)) ?? fragmentDirectorySet(path);
  } catch {
    return undefined; // an unreadable directory: the file is linted alone
  }
}

/** The other files of sets, parsed once per text (a keystroke in one file of a set reparses that file only). */
const parsed = new Map<string, SetFile>();

function entryFor(path: string, text: string): SetFile {
  const cached = parsed.get(path);
  if (cached && cached.text === text) return cached;
  const entry = loadSource({ path, text });
  parsed.set(path, entry);
  return entry;
}

/**
 * Lints one file of a set: `textOf` gives an open document's text (else the file is read from
 * disk; an unreadable file is left out). Returns the file's parse and findings; the other files
 * inform the model but are not linted.
 */
export function lintInSet(path: string, text: string, set: LoadSpec, options: LintOptions, textOf: (path: string) => string | undefined): { file: ConfigFile; findings: Finding[] } {
  const entries: SetFile[] = [];
  for (const member of set.files) {
    const memberText = member === path ? text : textOf(member) ?? readOrUndefined(member);
    if (memberText !== undefined) entries.push(member === path ? loadSource({ path, text }) : entryFor(member, memberText));
  }
  if (!set.files.includes(path)) entries.push(loadSource({ path, text }));
  const result = lintSet(configSet(entries), options, RULES, (entry) => entry.path === path);
  const own = result.files.find((f) => f.path === path)!;
  return { file: own.file, findings: own.findings.map(({ file: _file, ...finding }) => finding) };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
