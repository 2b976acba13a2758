/**
 * Globs (#16): compiled to an automaton that cannot backtrack — the same answers as the former regex
 * translation (fast-check over random patterns and paths), patterns that made that regex run for minutes
 * now answer at once, and an invalid class is a configuration error naming its key.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileGlob, GlobError, GlobSet } from '../../src/cli/glob.js';
import { referenceGlob } from './glob-reference.js';
import { runInProcess } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-globs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const patternPiece = fc.constantFrom('a', 'b', '.', '/', '*', '**', '**/', '?', '[ab]', '[!a]', '[a-c]', '{a,b}', '{a,}', '{,b/}', '\\*', '[', '{a', 'cfg', '-');
const pathPiece = fc.constantFrom('a', 'b', 'c', '.', '/', '*', '[', '-', 'cfg', 'ab', '{');

describe('the automaton agrees with the former regex', () => {
  it('fast-check: random patterns and paths, same answer', () => {
    fc.assert(fc.property(
      fc.array(patternPiece, { maxLength: 7 }).map((parts) => parts.join('')),
      fc.array(pathPiece, { maxLength: 10 }).map((parts) => parts.join('')),
      (pattern, path) => {
        let reference: RegExp;
        try {
          reference = referenceGlob(pattern);
        } catch {
          // the regex refused the class (`[c-a]`): the automaton refuses it too, as a GlobError
          expect(() => compileGlob(pattern)).toThrow(GlobError);
          return;
        }
        expect(compileGlob(pattern).test(path), `${pattern} on ${path}`).toBe(reference.test(path));
      },
    ), { numRuns: 3000 });
  });

  it('the documented forms', () => {
    const cases: [string, string, boolean][] = [
      ['*.cfg', 'haproxy.cfg', true], ['*.cfg', 'a/haproxy.cfg', false], ['**/*.cfg', 'haproxy.cfg', true],
      ['**/*.cfg', 'a/b/haproxy.cfg', true], ['conf/**', 'conf/a/b', true], ['a/**/b.cfg', 'a/b.cfg', true],
      ['a/**/b.cfg', 'a/x/y/b.cfg', true], ['haproxy-?.cfg', 'haproxy-12.cfg', false], ['[!a]*.cfg', 'a.cfg', false],
      ['{lb,edge}.cfg', 'edge.cfg', true], ['{lb,edge}.cfg', 'other.cfg', false], ['a.b+c(d).cfg', 'aXb+c(d).cfg', false],
    ];
    for (const [pattern, path, expected] of cases) expect(compileGlob(pattern).test(path), `${pattern} on ${path}`).toBe(expected);
  });
});

describe('no catastrophic backtracking', () => {
  // each took from seconds to minutes with the regex translation; an exponential matcher times the test out
  const hostile: [string, string][] = [
    [`${'**/'.repeat(12)}x.cfg`, `${'a/'.repeat(40)}y.cfg`],
    [`${'*a'.repeat(25)}*b`, 'a'.repeat(200)],
    [`${'a*/'.repeat(15)}b`, `${'a/'.repeat(60)}c`],
    [`{${'a,'.repeat(30)}a}`.repeat(8), 'a'.repeat(7) + 'b'],
  ];
  for (const [pattern, path] of hostile) {
    it(`${pattern.slice(0, 30)}… on a ${path.length}-character path that does not match`, () => {
      expect(compileGlob(pattern).test(path)).toBe(false);
      expect(new GlobSet([pattern]).matches(path)).toBe(false);
    });
  }

  it('the command line answers a hostile glob', async () => {
    writeFileSync(join(dir, 'haproxy.cfg'), 'global\n');
    const result = await runInProcess([`${'**/'.repeat(10)}*a*a*a*a*a*a*a*a*b.cfg`], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no files match this pattern/);
  });
});

describe('invalid globs are configuration errors naming the key', () => {
  it('in include/exclude/overrides: file:line:col: key[index]: invalid glob', async () => {
    for (const [settings, key] of [
      [{ exclude: ['ok', '[z-a]'] }, 'exclude[1]'],
      [{ include: ['x/[9-0].cfg'] }, 'include[0]'],
      [{ overrides: [{ files: ['*.cfg'] }, { files: ['a', '[b-a]'], rules: {} }] }, 'overrides[1].files[1]'],
    ] as const) {
      writeFileSync(join(dir, '.haproxy-lint.json'), JSON.stringify(settings, null, 2));
      const result = await runInProcess(['haproxy.cfg'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^haproxy-lint: \\.haproxy-lint\\.json:\\d+:\\d+: ${key.replace(/[[\].]/g, '\\$&')}: invalid glob '.*': the range '.-.' is out of order\\n$`));
    }
    rmSync(join(dir, '.haproxy-lint.json'));
  });

  it('on the command line: one line naming the pattern', async () => {
    const result = await runInProcess(['conf/[z-a]*.cfg'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("haproxy-lint: conf/[z-a]*.cfg: invalid glob 'conf/[z-a]*.cfg': the range 'z-a' is out of order\n");
  });
});
