/**
 * Optimisations must not change what is found: every finding (position, message, fix edits) and the fixed
 * output of every fixture, every shared-corpus config and generated inputs, against committed snapshots.
 * A deliberate change of findings updates them: `npx vitest run test/engine/findings-snapshot.test.ts -u`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { configsUnder, digest, type DigestInput } from './findings-digest.js';
import { DEFAULT_SHARED_CORPUS } from '../oracle-kit/corpus.js';
import { expandVtestMacros } from '../oracle-kit/vtest-macros.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { generateConfig } from '../../bench/generate-config.mjs';
import { SCALE_INPUTS } from '../../bench/scale-inputs.mjs';

const shared = process.env.HAPROXY_LINT_CORPUS ?? DEFAULT_SHARED_CORPUS;

const groups: Record<string, () => DigestInput[]> = {
  fixtures: () => configsUnder(FIXTURES, FIXTURES),
  generated: () => [
    { name: 'generate-config 3000', text: generateConfig(3000) },
    ...Object.entries(SCALE_INPUTS).map(([name, make]) => ({ name: `scale ${name} 300`, text: make(300) })),
  ],
  'shared-real': () => configsUnder(join(shared, 'real'), shared),
  'shared-reg-tests': () => configsUnder(join(shared, 'reg-tests'), shared).map((c) => ({ ...c, text: expandVtestMacros(c.text) })),
  'shared-templated': () => configsUnder(join(shared, 'templated'), shared),
};

describe('findings and fixes stay identical', () => {
  for (const [group, inputs] of Object.entries(groups)) {
    const sharedGroup = group.startsWith('shared-');
    test.skipIf(sharedGroup && !existsSync(shared))(`${group}${sharedGroup && !existsSync(shared) ? ' (skipped: no ../shared/corpus)' : ''}`, async () => {
      const configs = inputs();
      expect(configs.length).toBeGreaterThan(0);
      await expect(configs.map(digest).join('')).toMatchFileSnapshot(`__snapshots__/findings-${group}.txt`);
    }, 600_000);
  }
});
