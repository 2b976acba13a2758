import { configSet, loadSource, type ConfigSet, type SetFile } from '../model/set.js';
import { applyEdits, chooseFixes } from './fix.js';
import { lintSet } from './lint.js';
import type { Finding, FixOptions, Rule, SetFixResult } from './types.js';

const DEFAULT_MAX_PASSES = 10;

/**
 * Applies fixes to a set to a fixpoint, as `fix` does for one file: each pass lints the whole
 * set (a fix in one file can settle a finding in another), then each file takes its own
 * applicable, non-overlapping fixes. `fixable` limits which files may be edited (the others are
 * context). Stops when nothing changes, on a repeated state or after maxPasses.
 */
export function fixSet(set: ConfigSet, options: FixOptions, rules: readonly Rule[], fixable: (entry: SetFile) => boolean = () => true): SetFixResult {
  const maxPasses = options.maxPasses ?? DEFAULT_MAX_PASSES;
  const original = set.files;
  const applied: Finding[][] = original.map(() => []);
  const seen = new Set<string>([stateKey(set)]);
  let current = set;
  let result = lintSet(current, options, rules);
  let passes = 0;
  while (passes < maxPasses) {
    const chosenByFile = current.files.map((entry, i) => (fixable(entry) ? chooseFixes(entry.file, result.files[i]!.findings, options.unsafeFixes === true) : []));
    if (chosenByFile.every((c) => c.length === 0)) break;
    const nextFiles = current.files.map((entry, i) => {
      const chosen = chosenByFile[i]!;
      if (chosen.length === 0) return entry;
      const text = applyEdits(entry.text, chosen.flatMap((f) => f.fix!.edits));
      return text === entry.text ? entry : loadSource({ path: entry.path, text, template: entry.template, ...(entry.encoding !== undefined ? { encoding: entry.encoding } : {}) });
    });
    if (nextFiles.every((entry, i) => entry === current.files[i])) break;
    const next = configSet(nextFiles);
    const key = stateKey(next);
    if (seen.has(key)) break;
    seen.add(key);
    passes++;
    chosenByFile.forEach((chosen, i) => {
      if (nextFiles[i] !== current.files[i]) applied[i]!.push(...chosen);
    });
    current = next;
    result = lintSet(current, options, rules);
  }
  return {
    files: current.files.map((entry, i) => ({
      path: entry.path, entry, output: entry.text, changed: entry.text !== original[i]!.text, applied: applied[i]!, findings: result.files[i]!.findings,
    })),
    passes,
    result,
  };
}

function stateKey(set: ConfigSet): string {
  return set.files.map((f) => f.text).join('\u0000\u0001');
}
