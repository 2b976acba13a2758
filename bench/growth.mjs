// Growth ratios of the paths that were quadratic (#16): CPU time at n and 4n; linear ≈ 4, quadratic ≈ 16.
// node bench/growth.mjs [n]   (after npm run compile; the inputs are shared with test/reliability/scale.test.ts)
import { fix, lint, parseConfig } from '../dist/index.js';
import { codeActions } from '../dist/lsp/actions.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SCALE_INPUTS } from './scale-inputs.mjs';

const n = Number(process.argv[2] ?? 2000);
const cpu = (fn) => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e3;
};
const median = (fn) => [cpu(fn), cpu(fn), cpu(fn)].sort((a, b) => a - b)[1];

const actions = (text) => {
  const document = TextDocument.create('file:///x/haproxy.cfg', 'haproxy', 1, text);
  const file = parseConfig(text);
  const findings = lint(text).findings;
  const diagnostics = findings.map((f) => ({ range: { start: document.positionAt(f.start), end: document.positionAt(f.end) }, message: f.message, source: 'haproxy-lint', code: f.ruleId, severity: 1 }));
  return () => codeActions({ document, version: 1, file, findings, options: {} }, { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, { diagnostics, only: ['quickfix'] }, { documentChanges: false });
};

const cases = {
  fixes: (text) => () => fix(text),
  suppressions: (text) => () => lint(text),
  regions: (text) => () => lint(text),
  acls: (text) => () => lint(text, { select: ['undefined-acl'] }),
  tracks: (text) => () => lint(text, { select: ['undefined-reference'] }),
  findings: actions,
};
for (const [name, make] of Object.entries(cases)) {
  const small = make(SCALE_INPUTS[name](n));
  const large = make(SCALE_INPUTS[name](4 * n));
  const a = median(small);
  const b = median(large);
  console.log(`${name.padEnd(13)} n=${n}: ${a.toFixed(0)} ms, 4n: ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(1)}`);
}
