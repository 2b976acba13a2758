/**
 * Loads and validates the hand-kept grammar/removed-keywords.json (facts the
 * manuals don't state), flattening it to one record per keyword name.
 */
import type { RemovedFile, RemovedKeyword } from '../types.js';

interface SourceEntry {
  names: string[];
  status: string;
  since?: string;
  context: string;
  replacement?: string;
  rename?: boolean;
  note?: string;
}

export function flattenRemoved(sourceText: string): RemovedFile {
  const src = JSON.parse(sourceText) as { entries?: SourceEntry[] };
  if (!Array.isArray(src.entries)) throw new Error('removed-keywords.json: missing "entries" array');
  const keywords: Record<string, RemovedKeyword> = {};
  for (const e of src.entries) {
    if (e.status !== 'removed' && e.status !== 'deprecated') throw new Error(`removed-keywords.json: bad status '${e.status}'`);
    if (!Array.isArray(e.names) || e.names.length === 0 || typeof e.context !== 'string') {
      throw new Error(`removed-keywords.json: entry needs names[] and context: ${JSON.stringify(e)}`);
    }
    if (e.rename && (!e.replacement || e.names.length !== 1)) throw new Error(`removed-keywords.json: a rename needs one name and its replacement: ${JSON.stringify(e)}`);
    for (const name of e.names) {
      if (keywords[name]) throw new Error(`removed-keywords.json: duplicate '${name}'`);
      keywords[name] = {
        name,
        status: e.status,
        since: e.since,
        context: e.context,
        replacement: e.replacement,
        ...(e.rename ? { rename: true } : {}),
        note: e.note,
      };
    }
  }
  return { keywords };
}
