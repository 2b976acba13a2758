// Language-server latency on a generated 2,000-line config, through a real client over stdio:
// a keystroke (an incremental change) until its diagnostics are published (debounce off), and
// completion, definition and formatting requests. p50/p95 over the runs.
import { spawn } from 'node:child_process';
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

const keystrokes = [];
for (let i = 0; i < RUNS; i++) {
  version++;
  const column = lines[target].length;
  const done = published(version);
  keystrokes.push(await time(async () => {
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: target, character: column }, end: { line: target, character: column } }, text: i % 2 ? '' : ' ' }] });
    await done;
  }));
  // undo the odd keystrokes' insertions so that the document stays the same size
  if (i % 2 === 0) {
    version++;
    const back = published(version);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: target, character: column }, end: { line: target, character: column + 1 } }, text: '' }] });
    await back;
  }
}
const position = { line: target, character: lines[target].indexOf('server') + 3 };
const completion = [];
const definition = [];
const formatting = [];
for (let i = 0; i < 20; i++) {
  completion.push(await time(() => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: target, character: lines[target].length } })));
  definition.push(await time(() => connection.sendRequest('textDocument/definition', { textDocument: { uri }, position })));
  formatting.push(await time(() => connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })));
}
console.log(`lsp ${LINES} lines: keystroke → diagnostics ${quantiles(keystrokes)}`);
console.log(`lsp ${LINES} lines: completion ${quantiles(completion)}; definition ${quantiles(definition)}; formatting ${quantiles(formatting)}`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
