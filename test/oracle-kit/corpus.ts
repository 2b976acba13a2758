import { fileURLToPath } from 'node:url';
/**
 * The configs the oracle runs over: the shared corpus (real configs, and VTest reg-test configs with their
 * macros expanded) when present, and the repo's own `fixtures/corpus/` copies, which always are.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expandVtestMacros } from './vtest-macros.js';

export type CorpusSet = 'real' | 'reg-tests' | 'fixtures';

export interface CorpusEntry {
  set: CorpusSet;
  /** file name, relative to its set's folder */
  name: string;
  path: string;
  /** the text given to haproxy and to the linter (macros expanded for reg-tests) */
  text: string;
}

/** `../shared/corpus` beside the repository, where the workplace keeps it */
export const DEFAULT_SHARED_CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

function listConfigs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.tsv') && !f.endsWith('.md') && statSync(join(dir, f)).isFile())
    .sort();
}

function readSet(set: CorpusSet, dir: string, expand: boolean, namePrefix = ''): CorpusEntry[] {
  return listConfigs(dir).map((f) => {
    const path = join(dir, f);
    const raw = readFileSync(path, 'utf8');
    return { set, name: namePrefix + f, path, text: expand ? expandVtestMacros(raw) : raw };
  });
}

/** the shared corpus's `real/` and `reg-tests/` folders; empty when the folder does not exist */
export function loadSharedCorpus(root = process.env.HAPROXY_LINT_CORPUS ?? DEFAULT_SHARED_CORPUS): CorpusEntry[] {
  return [...readSet('real', join(root, 'real'), false), ...readSet('reg-tests', join(root, 'reg-tests'), true)];
}

/** `fixtures/corpus/real/*` as is, `fixtures/corpus/reg-tests/*` with VTest macros expanded */
export function loadFixtureCorpus(repoRoot: string): CorpusEntry[] {
  const dir = join(repoRoot, 'fixtures', 'corpus');
  return [
    ...readSet('fixtures', join(dir, 'real'), false, 'real/'),
    ...readSet('fixtures', join(dir, 'reg-tests'), true, 'reg-tests/'),
  ];
}
