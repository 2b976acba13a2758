// Language-server latency on a generated 2,000-line config, through a real client over stdio:
// a keystroke (an incremental change) until its diagnostics are published (debounce off), and
// completion, definition and formatting requests. p50/p95 over the runs. The keystroke goal
// (issue 15: p95 ≤ 15 ms) is for typing in a server line, which re-lints only its section; typing
// an ACL name (the cross-section rules run again) and in the defaults section (everything is
// linted again, without a reparse) are shown beside it.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateConfig } from './generate-config.mjs';

const LINES = 2_000;
const RUNS = 60;
const server = fileURLToPath(new URL('../dist/lsp/main.js', import.meta.url));
const text = generateConfig(LINES);
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  waiting.get(params.version)?.();
});
connection.onRequest(() => null);
connection.onNotification(() => undefined);
connection.listen();
const uri = pathToFileURL('/tmp/haproxy-lint-bench/haproxy.cfg').href;
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
await connection.sendNotification('initialized', {});
let version = 1;
const published = (v) => new Promise((resolve) => waiting.set(v, resolve));
let ready = published(1);
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version, text } });
await ready;

const lines = text.split('\n');
const target = lines.findIndex((l) => /^\s+server /.test(l) && lines.indexOf(l) > LINES / 2);
const quantiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${s[Math.floor(s.length * 0.5)].toFixed(1)} ms, p95 ${s[Math.floor(s.length * 0.95)].toFixed(1)} ms`;
};
const time = async (fn) => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

/** Types a character at (line, column) and deletes it again, `runs` times; the latency of each keystroke. */
async function typeAt(line, column, character, runs = RUNS) {
  const latencies = [];
  for (let i = 0; i < runs; i++) {
    for (const [range, text] of [[{ start: { line, character: column }, end: { line, character: column } }, character], [{ start: { line, character: column }, end: { line, character: column + 1 } }, '']]) {
      version++;
      const done = published(version);
      latencies.push(await time(async () => {
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
        await done;
      }));
    }
  }
  return latencies;
}
const keystrokes = await typeAt(target, lines[target].indexOf(':') + 2, '7', RUNS / 2);
const aclLine = lines.findIndex((l, i) => i > LINES / 2 && /^\s+acl /.test(l));
const aclKeystrokes = await typeAt(aclLine, lines[aclLine].indexOf('is_api') + 3, 'x', 10);
const defaultsLine = lines.indexOf('    timeout client 30s');
const defaultsKeystrokes = await typeAt(defaultsLine, defaultsLine >= 0 ? lines[defaultsLine].length - 1 : 0, '0', 10);
const position = { line: target, character: lines[target].indexOf('server') + 3 };
const completion = [];
const definition = [];
const formatting = [];
for (let i = 0; i < 20; i++) {
  completion.push(await time(() => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: target, character: lines[target].length } })));
  definition.push(await time(() => connection.sendRequest('textDocument/definition', { textDocument: { uri }, position })));
  formatting.push(await time(() => connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })));
}
console.log(`lsp ${LINES} lines: keystroke → diagnostics ${quantiles(keystrokes)} (server line; load average ${loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs)`);
console.log(`lsp ${LINES} lines: keystroke in an ACL name ${quantiles(aclKeystrokes)}; in the defaults section ${quantiles(defaultsKeystrokes)}`);
console.log(`lsp ${LINES} lines: completion ${quantiles(completion)}; definition ${quantiles(definition)}; formatting ${quantiles(formatting)}`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
