/**
 * Scale (#16): the paths that were quadratic run at sizes that took minutes (bench/growth.mjs measures
 * their growth n → 4n), and the cases that crashed (130,000 findings spread into calls, a parse tree as
 * one string, see also lexer.test.ts) work.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fix, lint, parseConfig } from '../../src/index.js';
import { applyEdits } from '../../src/engine/fix.js';
import { codeActions } from '../../src/lsp/actions.js';
import { loadFormatter } from '../../src/cli/formats/index.js';
import { treeJsonChunks, treeToJson } from '../../src/cli/tree.js';

import { SCALE_INPUTS } from '../../bench/scale-inputs.mjs';

const actionsOn = (text: string) => {
  const document = TextDocument.create('file:///x/haproxy.cfg', 'haproxy', 1, text);
  const file = parseConfig(text);
  const findings = lint(text).findings;
  const diagnostics = findings.map((f) => ({ range: { start: document.positionAt(f.start), end: document.positionAt(f.end) }, message: f.message, source: 'haproxy-lint', code: f.ruleId }));
  return () => codeActions({ document, version: 1, file, findings, options: {} }, { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, { diagnostics, only: ['quickfix'] }, { documentChanges: false });
};

/**
 * Each case at a size where the former quadratic path took from tens of seconds to minutes (measured
 * growth n → 4n before: suppressions 49, regions 30, undefined-acl 9, track chains 11, code actions 10,
 * edit application > 100); now linear, they take about a second. A regression fails by the timeout.
 */
describe('formerly quadratic paths at sizes that took minutes', () => {
  const cases: [string, (text: string) => () => unknown, number][] = [
    ['fixes', (text) => () => fix(text), 20_000],
    ['suppressions', (text) => () => lint(text, { select: ['removed-keyword', 'unused-suppression'] }), 20_000],
    ['regions', (text) => () => lint(text, { select: ['removed-keyword', 'unused-suppression'] }), 10_000],
    ['acls', (text) => () => lint(text, { select: ['undefined-acl'] }), 20_000],
    ['tracks', (text) => () => lint(text, { select: ['undefined-reference'] }), 20_000],
    ['findings', actionsOn, 20_000],
  ];
  for (const [name, make, n] of cases) {
    it(`${name}: n = ${n}`, () => {
      expect(() => make(SCALE_INPUTS[name]!(n))()).not.toThrow();
    }, 60_000);
  }

  it('applyEdits: 30,000 edits in a 3.5 MB text, one pass (re-slicing per edit took minutes)', () => {
    const line = `    srvtimeout 30s # ${'padding '.repeat(12)}\n`;
    const text = line.repeat(30_000);
    const edits = Array.from({ length: 30_000 }, (_, i) => ({ start: i * line.length + 4, end: i * line.length + 14, text: 'timeout server' }));
    expect(applyEdits(text, edits)).toBe(text.replaceAll('srvtimeout', 'timeout server'));
  }, 60_000);
});

describe('cases that crashed', () => {
  it('130,000 findings: lint and the stylish and json formats (spread into calls overflowed the stack)', async () => {
    const text = `global\n    log stdout format raw local0\n\nbackend app\n${'    redispatch\n'.repeat(130_000)}    server s1 127.0.0.1:8000\n`;
    const findings = lint(text, { select: ['removed-keyword'] }).findings;
    expect(findings).toHaveLength(130_000);
    for (const format of ['stylish', 'json'] as const) {
      const formatter = await loadFormatter(format);
      const out = formatter({ files: [{ path: 'x.cfg', absPath: '/x.cfg', text, findings, fixedCount: 0 }], rules: [], unsafeFixes: false, color: false, cwd: '/', version: '0' });
      expect(out.length).toBeGreaterThan(130_000);
    }
  }, 180_000);

  it('parse JSON comes in pieces, equal to the one-string form', () => {
    const text = `# top\nglobal\n    maxconn 10\n\nbackend b # x\n    server s 127.0.0.1:1 "quoted word"\n`;
    const file = parseConfig(text);
    expect([...treeJsonChunks(file, 'x.cfg', 'utf-8')].join('')).toBe(`${JSON.stringify(treeToJson(file, 'x.cfg', 'utf-8'), null, 2)}\n`);
    const empty = parseConfig('');
    expect([...treeJsonChunks(empty, 'e.cfg', 'utf-8')].join('')).toBe(`${JSON.stringify(treeToJson(empty, 'e.cfg', 'utf-8'), null, 2)}\n`);
    // a large file: many pieces, none of them the whole
    const big = parseConfig(Array.from({ length: 2_000 }, (_, i) => `backend b${i}\n    server s 127.0.0.1:1\n`).join(''));
    let pieces = 0;
    let longest = 0;
    let total = 0;
    for (const chunk of treeJsonChunks(big, 'big.cfg', 'utf-8')) {
      pieces++;
      longest = Math.max(longest, chunk.length);
      total += chunk.length;
    }
    expect(pieces).toBeGreaterThan(2);
    expect(longest).toBeLessThan(total / 2);
  });
});


