import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/parser/index.js';

const SHARED_CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;
const BUNDLED_CORPUS = new URL('../../fixtures/corpus/', import.meta.url).pathname;

function configsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cfg')).sort() : [];
}

/** haproxy -c verdicts recorded for the real-world corpus: file → exit code. */
function recordedVerdicts(): Map<string, number> {
  const verdicts = new Map<string, number>();
  const tsv = join(SHARED_CORPUS, 'HAPROXY_CHECK.tsv');
  if (!existsSync(tsv)) return verdicts;
  for (const row of readFileSync(tsv, 'utf8').split('\n').slice(1)) {
    const [file, exitCode] = row.split('\t');
    if (file) verdicts.set(file, Number(exitCode));
  }
  return verdicts;
}

function roundTrips(text: string): boolean {
  const file = parseConfig(text);
  return file.lines.map((l) => text.slice(l.start, l.end)).join('') === text && (file.lines.at(-1)?.end ?? 0) === text.length;
}

describe('corpus', () => {
  if (!existsSync(SHARED_CORPUS)) console.warn(`notice: ${SHARED_CORPUS} not found; only the bundled fixtures/corpus is parsed`);

  test.runIf(existsSync(SHARED_CORPUS))("HAProxy's regression-test configs parse with no syntax error", () => {
    const files = configsIn(join(SHARED_CORPUS, 'reg-tests'));
    expect(files.length).toBeGreaterThan(300);
    const failing = files.filter((f) => {
      const text = readFileSync(join(SHARED_CORPUS, 'reg-tests', f), 'latin1');
      return !roundTrips(text) || parseConfig(text).syntaxErrors.length > 0;
    });
    expect(failing).toEqual([]);
  });

  test.runIf(existsSync(SHARED_CORPUS))('real-world configs round-trip, and a syntax error is only found where haproxy -c refuses the file', () => {
    const verdicts = recordedVerdicts();
    const files = configsIn(join(SHARED_CORPUS, 'real'));
    expect(files.length).toBeGreaterThan(200);
    const wrong: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(SHARED_CORPUS, 'real', f), 'latin1');
      if (!roundTrips(text)) wrong.push(`${f}: not lossless`);
      const fatal = parseConfig(text).syntaxErrors.filter((e) => e.fatal);
      // exit 0 = valid, 2 = valid but no listener: both accepted
      const accepted = verdicts.get(f) === 0 || verdicts.get(f) === 2;
      if (fatal.length > 0 && accepted) wrong.push(`${f}:${fatal[0]!.line}: ${fatal[0]!.message}`);
    }
    expect(wrong).toEqual([]);
  });

  test('the bundled corpus copies parse with no syntax error and round-trip', () => {
    const files = ['real', 'reg-tests'].flatMap((dir) => configsIn(join(BUNDLED_CORPUS, dir)).map((f) => join(dir, f)));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(BUNDLED_CORPUS, f), 'latin1');
      expect(roundTrips(text), f).toBe(true);
      expect(parseConfig(text).syntaxErrors.map((e) => `${f}:${e.line}: ${e.message}`)).toEqual([]);
    }
  });
});
