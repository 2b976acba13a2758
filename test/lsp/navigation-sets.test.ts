/**
 * Navigation over a configuration set through a real client over stdio: the files HAProxy loads
 * together (a `configurations` entry of .haproxy-lint.json, or a conf.d of fragments) are one
 * symbol space, whether they are open in the editor or only on disk. Definition, references,
 * rename (with the files that are not open, and refused on a name taken in another file) and
 * workspace symbols.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Location, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient, uriOf, type TestClient } from '../helpers/lsp-client.js';

const MAIN = [
  'defaults base',
  '    mode http',
  '    timeout connect 5s',
  '    timeout client 5s',
  '    timeout server 5s',
  '',
  'frontend web from base',
  '    bind :80',
  '    use_backend api if { path_beg /api }',
  '    default_backend app',
  '',
].join('\n');
const APP = 'backend app from base\n    server a1 10.0.0.1:80 check\n    server a2 10.0.0.2:80 check\n';
const API = 'backend api from base\n    server p1 10.0.0.3:80 track app/a1\n';
const FRAGMENT_FE = 'frontend edge\n    bind :8080\n    default_backend pool\n';
const FRAGMENT_BE = 'backend pool\n    server s1 10.0.1.1:80\n';

let dir: string;
let client: TestClient;
let main: TextDocument;
const path = (name: string) => join(dir, name);
const textOf = (name: string) => readFileSync(path(name), 'utf8');

function at(document: TextDocument, needle: string, shift = 1) {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not found`);
  return document.positionAt(offset + shift);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-nav-sets-'));
  mkdirSync(path('conf.d'));
  mkdirSync(path('fragments.d'));
  writeFileSync(path('haproxy.cfg'), MAIN);
  writeFileSync(path('conf.d/10-app.cfg'), APP);
  writeFileSync(path('conf.d/20-api.cfg'), API);
  writeFileSync(path('fragments.d/10-fe.cfg'), FRAGMENT_FE);
  writeFileSync(path('fragments.d/20-be.cfg'), FRAGMENT_BE);
  writeFileSync(path('.haproxy-lint.json'), JSON.stringify({ configurations: [{ load: ['haproxy.cfg', 'conf.d/'] }] }));
  client = await startClient(dir);
  main = TextDocument.create(uriOf(path('haproxy.cfg')), 'haproxy', 1, MAIN);
  // only the main file is open: the backends are read from disk
  await client.open(path('haproxy.cfg'), MAIN);
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('navigation over a configuration set', () => {
  test('go to definition reaches a backend in a file of the set that is not open', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: main.uri }, position: at(main, 'default_backend app', 17) });
    expect(locations).toEqual([{ uri: uriOf(path('conf.d/10-app.cfg')), range: { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } } }]);
  });

  test('references of a backend come from every file of the set', async () => {
    const locations = await client.request<Location[]>('textDocument/references', { textDocument: { uri: main.uri }, position: at(main, 'default_backend app', 17), context: { includeDeclaration: true } });
    const where = locations.map((l) => `${l.uri.slice(uriOf(dir).length + 1)}:${l.range.start.line}:${l.range.start.character}`).sort();
    expect(where).toEqual(['conf.d/10-app.cfg:0:8', 'conf.d/20-api.cfg:1:32', 'haproxy.cfg:9:20']);
  });

  test('rename refuses a name another file of the set already gives a backend', async () => {
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: main.uri }, position: at(main, 'default_backend app', 17) });
    expect(prepared.placeholder).toBe('app');
    await expect(client.request('textDocument/rename', { textDocument: { uri: main.uri }, position: at(main, 'default_backend app', 17), newName: 'api' })).rejects.toThrow(/already the name of backend/);
  });

  test('rename edits the open file and the files of the set that are not open', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: main.uri }, position: at(main, 'default_backend app', 17), newName: 'application' });
    const apply = (name: string, text: string) => {
      const document = TextDocument.create(uriOf(path(name)), 'haproxy', 1, text);
      return TextDocument.applyEdits(document, edit.changes?.[document.uri] ?? []);
    };
    expect(Object.keys(edit.changes ?? {}).sort()).toEqual([uriOf(path('conf.d/10-app.cfg')), uriOf(path('conf.d/20-api.cfg')), main.uri].sort());
    expect(apply('haproxy.cfg', MAIN)).toContain('default_backend application\n');
    expect(apply('conf.d/10-app.cfg', textOf('conf.d/10-app.cfg'))).toMatch(/^backend application from base\n/);
    expect(apply('conf.d/20-api.cfg', textOf('conf.d/20-api.cfg'))).toContain('track application/a1');
  });

  test('workspace symbols list the sections of the files of the set', async () => {
    const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'api' });
    expect(symbols.map((s) => `${s.name} ${(s.location as Location).uri.slice(uriOf(dir).length + 1)}`)).toContain('api conf.d/20-api.cfg');
  });

  test('a fragment of a conf.d navigates to its siblings on disk', async () => {
    const fe = TextDocument.create(uriOf(path('fragments.d/10-fe.cfg')), 'haproxy', 1, FRAGMENT_FE);
    await client.open(path('fragments.d/10-fe.cfg'), FRAGMENT_FE);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: fe.uri }, position: at(fe, 'default_backend pool', 17) });
    expect(locations.map((l) => l.uri)).toEqual([uriOf(path('fragments.d/20-be.cfg'))]);
  });
});
