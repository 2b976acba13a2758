/**
 * Typing through a real client over stdio: incremental changes are answered with the diagnostics
 * of a full lint of the text they make (the server re-lints only what changed, see
 * src/lsp/incremental.ts), and the first change after a pause is not held back by the debounce.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../src/index.js';
import { startClient, type TestClient } from '../helpers/lsp-client.js';

const lines = ['global', '    maxconn 100', '', 'defaults', '    mode http', '    timeout connect 5s', '    timeout client 5s', '    timeout server 5s', ''];
for (let n = 0; n < 40; n++) {
  lines.push(`frontend f${n}`, `    bind :${8000 + n}`, `    use_backend b${n} if { path_beg /b${n} }`, `    default_backend b${n}`, '', `backend b${n}`, `    server s${n} 10.0.0.${n}:80 check inter 2s`, '');
}
const CONFIG = lines.join('\n');

let dir: string | undefined;
let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  client = dir = undefined;
});

const summary = (document: TextDocument, diagnostics: { code?: unknown; range: Diagnostic["range"]; message: unknown }[]) =>
  diagnostics.map((d) => `${document.offsetAt(d.range.start)}-${document.offsetAt(d.range.end)} ${String(d.code)} ${String(d.message)}`).sort();

describe('typing', () => {
  test('each keystroke is answered with the findings of a full lint of the text it makes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-typing-'));
    client = await startClient(dir, { initializationOptions: { debounceMs: 0 } });
    let document = TextDocument.create('file:///x.cfg', 'haproxy', 1, CONFIG);
    const uri = await client.open(join(dir, 'haproxy.cfg'), CONFIG);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const server = CONFIG.split('\n').indexOf('    server s20 10.0.0.20:80 check inter 2s');
    const useBackend = CONFIG.split('\n').indexOf('    default_backend b7');
    // an address typed (the section-local path), a port broken, a backend renamed (a cross-section change), a line added
    const keystrokes: [number, number, number, string][] = [
      [server, 26, 26, '0'], [server, 27, 27, '9'], [server, 27, 27, '9'], [server, 27, 27, '9'], [server, 24, 30, ''],
      [useBackend, 22, 22, 'x'], [useBackend, 22, 23, ''], [server, 0, 0, '    http-request deny if nosuchacl\n'], [server, 6, 6, 'Z'],
    ];
    let version = 1;
    for (const [line, from, to, text] of keystrokes) {
      version++;
      const range = { start: { line, character: from }, end: { line, character: to } };
      document = TextDocument.update(document, [{ range, text }], version);
      await client.edit(uri, range, text, version);
      const published = await client.diagnosticsFor(uri, (p) => p.version === version);
      const expected = lint(document.getText()).findings.map((f) => ({ code: f.ruleId, message: f.message, range: { start: document.positionAt(f.start), end: document.positionAt(f.end) } }));
      expect(summary(document, published.diagnostics), `after keystroke ${version - 1}`).toEqual(summary(document, expected));
    }
  });

  test('the first change after a pause is linted at once, however long the debounce', async () => {
    dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-typing-'));
    // a debounce longer than the test's wait: only a leading-edge lint can answer in time
    client = await startClient(dir, { initializationOptions: { debounceMs: 600_000 } });
    const uri = await client.open(join(dir, 'haproxy.cfg'), CONFIG);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    await client.edit(uri, { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, 'x', 2);
    const published = await client.diagnosticsFor(uri, (p) => p.version === 2);
    expect(published.diagnostics.some((d) => d.range.start.line === 1)).toBe(true);
  });
});
