/**
 * Rules must never throw, whatever the input, and fixing must be stable: over arbitrary text and over
 * corpus configs with random edits, `lint()` and `fix()` do not throw, a second `fix()` changes nothing,
 * and the fixed text has no more fatal syntax errors than the input.
 *
 * Corpus: the bundled fixtures/corpus/ always, plus /work/shared/corpus (or $HAPROXY_LINT_CORPUS) when present.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fix, lint, parseConfig, TARGET_VERSIONS, type FixOptions } from '../../src/index.js';
import { loadFixtureCorpus, loadSharedCorpus } from '../oracle-kit/corpus.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = [...loadFixtureCorpus(ROOT), ...loadSharedCorpus().filter((e) => e.set === 'real')].map((e) => e.text);

function fatalCount(text: string): number {
  return parseConfig(text).syntaxErrors.filter((e) => e.fatal && e.code !== 'syntax/missing-final-newline').length;
}

/** The three properties, for one text and one set of options. */
function checkStable(text: string, options: FixOptions): void {
  expect(() => lint(text, options)).not.toThrow();
  const once = fix(text, options).output;
  const twice = fix(once, options).output;
  expect(twice, 'fix(fix(x)) == fix(x)').toBe(once);
  expect(fatalCount(once), 'the fix introduced a fatal syntax error').toBeLessThanOrEqual(fatalCount(text));
}

const options: fc.Arbitrary<FixOptions> = fc.record({
  unsafeFixes: fc.boolean(),
  targetVersion: fc.constantFrom(...TARGET_VERSIONS),
  app: fc.constantFrom(undefined, 'django', 'flask', 'rails'),
});

/** Pieces of real configs: section headers, keywords the rules look at, addresses, quotes, escapes, conditions. */
const PIECES = [
  'global', 'defaults', 'defaults d', 'frontend f', 'backend b', 'listen l', 'peers p', 'from d', '\n', '\n    ', ' ', '\t', '\r\n', '\r', '\0',
  '"', "'", '\\', '#', '$', '${X}', '"$HOST"', '{', '}', '!', '||', 'if', 'unless', 'acl a', 'acl(a)', 'a',
  'server', 'server-template', 'default-server', 'bind', ':80', '127.0.0.1:80', '[::1]:80', 'unix@/s', 'check', 'inter', '2s', 'track', 'b/s1', 'srv', '1-3',
  'mode', 'http', 'tcp', 'timeout', 'connect', 'client', 'server', '5s', 'balance', 'roundrobin', 'maxconn', '10',
  'option httpchk', 'GET', '/health', 'HTTP/1.1\\r\\nHost:\\ x', 'http-check send', 'http-check expect', 'http-check connect', 'meth', 'uri', 'ver', 'HTTP/1.1', 'hdr', 'Host', 'Accept', 'application\\json', 'text\\x', 'rstatus', 'status', '200', '2',
  'http-request', 'http-response', 'add-header', 'set-header', 'del-header', 'X-Forwarded-For', 'option forwardfor', 'if-none', 'deny', 'redirect', 'use_backend', 'default_backend', 'use-server', 'tcp-request content', 'accept',
  'stick-table', 'type ip size 1k', 'track-sc0', 'src', 'table', 'src_conn_rate(b)', 'http_auth(u)', 'log', 'ring@r', 'errorfiles', 'e',
  'reqadd', 'X-A:\\ b', 'reqrep', 'block', 'contimeout', 'redispatch', 'nbproc', 'monitor-net', '10.0.0.0/8', 'option forceclose', 'bind-process',
  '.if', '.endif', 'defined(X)', '# haproxy-lint-disable-next-line', '# haproxy-lint-disable', '# haproxy-lint-enable', 'unused-acl', 'no-such-rule', '# haproxy-lint app=django',
];
const configLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(' '));

/** A corpus config with a few random splices: deletions, insertions of pieces or line breaks. */
const mutatedCorpus = fc
  .tuple(fc.nat(corpus.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(20), fc.constantFrom('', '\n', ' ', ...PIECES)), { maxLength: 4 }))
  .map(([index, splices]) => {
    let text = corpus[index]!;
    for (const [at, removed, inserted] of splices) {
      const start = at % (text.length + 1);
      text = text.slice(0, start) + inserted + text.slice(start + removed);
    }
    return text;
  });

describe('lint and fix are robust', () => {
  test('the corpus is there', () => {
    expect(corpus.length).toBeGreaterThan(0);
  });

  test('on config-shaped text', () => {
    fc.assert(fc.property(configLike, options, checkStable), { numRuns: 400 });
  });

  test('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), options, checkStable), { numRuns: 200 });
  });

  test('on corpus configs with random edits', () => {
    fc.assert(fc.property(mutatedCorpus, options, checkStable), { numRuns: 150 });
  });

  test('an unknown keyword is never replaced by a section name that makes a broken header', () => {
    const text = 'global\n    userfrontend fup haproxy\n';
    expect(fix(text, { unsafeFixes: true }).output).toBe(text);
    expect(fix('global\n    maxconn 1\nbakcend app\n', { unsafeFixes: true }).output).toBe('global\n    maxconn 1\nbackend app\n');
  });

  test('a replaced word stays one word: quoted when the old one was', () => {
    const text = 'frontend f\n    http-request "set-heder(x y)" a b\n    http-request set-heder(x) a b\n';
    expect(fix(text, { unsafeFixes: true }).output).toBe('frontend f\n    http-request "set-header(x y)" a b\n    http-request set-header(x) a b\n');
  });
});
