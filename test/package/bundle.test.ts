/**
 * The committed bundles (bundle/, what the package's `bin` and the GitHub Action run) are exactly what
 * `npm run bundle` builds from today's sources, hold every runtime dependency, and behave like the
 * type-checked build the other tests run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, committedBundleFiles, ROOT } from '../../scripts/bundle.mjs';

const STALE = 'bundle/ is stale: run `npm run bundle` and commit bundle/';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, any>;

describe('committed bundles', () => {
  let fresh: Awaited<ReturnType<typeof bundle>>;
  beforeAll(async () => {
    fresh = await bundle();
  });

  it('are byte for byte what `npm run bundle` builds now', () => {
    expect(committedBundleFiles(), STALE).toEqual(fresh.files.map((f) => f.path));
    for (const file of fresh.files) {
      const committed = readFileSync(join(ROOT, file.path));
      expect(Buffer.compare(committed, Buffer.from(file.contents)) === 0, `${file.path}: ${STALE}`).toBe(true);
    }
  });

  it('import nothing but Node built-ins (the installed package has no dependencies)', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(fresh.externals.filter((name) => !isBuiltin(name))).toEqual([]);
  });

  it('are what the package runs: bin, main, no build step on install', () => {
    for (const target of Object.values(pkg.bin as Record<string, string>)) {
      expect(committedBundleFiles()).toContain(target);
      expect(readFileSync(join(ROOT, target), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    }
    expect(committedBundleFiles()).toContain(pkg.main);
    // with any of these, npm (pacote) installs a git dependency's devDependencies and runs them at install
    // time; `npm install -g git+…` then fails where tsc is absent, or warns about install scripts
    for (const script of ['prepare', 'prepack', 'build', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts[script], `package.json script '${script}'`).toBeUndefined();
  });

  it('lint like the type-checked build', () => {
    const args = ['--format', 'json', '--app', 'django', 'fixtures/seed/question.cfg', 'fixtures/seed/answer.cfg'];
    const fromBundle = spawnSync(process.execPath, [join(ROOT, pkg.bin['haproxy-lint']), ...args], { cwd: ROOT, encoding: 'utf8' });
    const fromDist = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(fromBundle.stderr).toBe('');
    expect(fromBundle.status).toBe(1);
    expect(JSON.parse(fromBundle.stdout)).toEqual(JSON.parse(fromDist.stdout));
    expect(execFileSync(process.execPath, [join(ROOT, pkg.bin['haproxy-lint-lsp']), '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
  });
});
