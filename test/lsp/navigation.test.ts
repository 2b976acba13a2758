/**
 * Navigation and structure through a real client over stdio: definition, references, highlights,
 * rename (prepareRename, collisions refused), workspace symbols, outline, folding, selection
 * ranges and semantic tokens — within a file and across the two files of a split configuration.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentHighlight, DocumentSymbol, FoldingRange, Location, SelectionRange, SemanticTokens, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient, type TestClient } from '../helpers/lsp-client.js';

const FRONT = [
  'defaults base',
  '    mode http',
  '    timeout connect 5s',
  '',
  'frontend web from base',
  '    bind :80',
  '    acl is_api path_beg /api',
  '    acl is_admin path_beg /admin',
  '    http-request deny if is_admin !is_api',
  '    use_backend app if is_api',
  '    default_backend app',
  '',
  '# a comment run',
  '# of two lines',
  '.if defined(DEBUG)',
  'backend debug',
  '    server d 127.0.0.1:9',
  '.endif',
  '',
].join('\n');

const BACK = [
  'backend app from base',
  '    stick-table type ip size 1k',
  '    use-server a1 if { src 10.0.0.1 }',
  '    server a1 10.0.0.1:80 check',
  '    server a2 10.0.0.2:80 track app/a1',
  '    http-request track-sc0 src table app',
  '',
  'backend other',
  '    server o1 10.0.0.3:80 track a1',
  '',
].join('\n');

let dir: string;
let client: TestClient;
let front: TextDocument;
let back: TextDocument;

/** the position of the n-th occurrence of `needle` in a document (plus `shift` characters) */
function at(document: TextDocument, needle: string, n = 0, shift = 1) {
  let offset = -1;
  for (let i = 0; i <= n; i++) offset = document.getText().indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not found`);
  return document.positionAt(offset + shift);
}

function text(uri: string, location: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) {
  const document = uri === front.uri ? front : back;
  return `${uri === front.uri ? 'front' : 'back'}:${location.range.start.line + 1}:${document.getText(location.range)}`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-nav-'));
  client = await startClient(dir);
  const frontUri = await client.open(join(dir, 'front.cfg'), FRONT);
  const backUri = await client.open(join(dir, 'back.cfg'), BACK);
  front = TextDocument.create(frontUri, 'haproxy', 1, FRONT);
  back = TextDocument.create(backUri, 'haproxy', 1, BACK);
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('navigation', () => {
  test('initialize announces the providers', () => {
    expect(client.capabilities).toMatchObject({
      definitionProvider: true, referencesProvider: true, documentHighlightProvider: true, renameProvider: { prepareProvider: true },
      workspaceSymbolProvider: true, documentSymbolProvider: true, foldingRangeProvider: true, selectionRangeProvider: true,
      semanticTokensProvider: { full: true },
    });
  });

  test('go to definition: a backend in the other file, an ACL, a defaults section, a server through track', async () => {
    const backend = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: front.uri }, position: at(front, 'use_backend app', 0, 13) });
    expect(backend.map((l) => text(l.uri, l))).toEqual(['back:1:app']);
    const acl = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: front.uri }, position: at(front, '!is_api', 0, 3) });
    expect(acl.map((l) => text(l.uri, l))).toEqual(['front:7:is_api']);
    const defaults = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: back.uri }, position: at(back, 'from base', 0, 6) });
    expect(defaults.map((l) => text(l.uri, l))).toEqual(['front:1:base']);
    const tracked = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: back.uri }, position: at(back, 'app/a1', 0, 5) });
    expect(tracked.map((l) => text(l.uri, l))).toEqual(['back:4:a1']);
    const plain = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: back.uri }, position: at(back, 'track a1', 0, 7) });
    // `track a1` in backend other names other's own server a1, which does not exist
    expect(plain).toEqual([]);
  });

  test('find references across files, with and without the declaration', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: back.uri }, position: at(back, 'backend app', 0, 9), context: { includeDeclaration: true } });
    expect(refs.map((l) => text(l.uri, l)).sort()).toEqual(['back:1:app', 'back:5:app', 'back:6:app', 'front:10:app', 'front:11:app']);
    const servers = await client.request<Location[]>('textDocument/references', { textDocument: { uri: back.uri }, position: at(back, 'server a1', 0, 8), context: { includeDeclaration: false } });
    expect(servers.map((l) => text(l.uri, l))).toEqual(['back:3:a1', 'back:5:a1']);
  });

  test('document highlights mark the definition as a write', async () => {
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: front.uri }, position: at(front, 'acl is_api', 0, 5) });
    expect(highlights.map((h) => [h.range.start.line + 1, front.getText(h.range), h.kind])).toEqual([[7, 'is_api', 3], [9, 'is_api', 2], [10, 'is_api', 2]]);
  });

  test('rename a backend across both files; prepareRename gives the name; collisions and bad names are refused', async () => {
    const prepared = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: front.uri }, position: at(front, 'default_backend app', 0, 17) });
    expect(prepared.placeholder).toBe('app');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: front.uri }, position: at(front, 'default_backend app', 0, 17), newName: 'api' });
    const applied = {
      front: TextDocument.applyEdits(front, edit.changes![front.uri]!),
      back: TextDocument.applyEdits(back, edit.changes![back.uri]!),
    };
    expect(applied.front).toBe(FRONT.replace('use_backend app', 'use_backend api').replace('default_backend app', 'default_backend api'));
    expect(applied.back).toBe(BACK.replace('backend app from', 'backend api from').replace('track app/a1', 'track api/a1').replace('table app', 'table api'));
    await expect(client.request('textDocument/rename', { textDocument: { uri: front.uri }, position: at(front, 'default_backend app', 0, 17), newName: 'other' })).rejects.toThrow(/'other' is already the name of backend/);
    await expect(client.request('textDocument/rename', { textDocument: { uri: front.uri }, position: at(front, 'acl is_api', 0, 5), newName: 'is_admin' })).rejects.toThrow(/already the name of acl in frontend web/);
    await expect(client.request('textDocument/rename', { textDocument: { uri: front.uri }, position: at(front, 'acl is_api', 0, 5), newName: 'a b' })).rejects.toThrow(/not a valid name/);
    await expect(client.request('textDocument/prepareRename', { textDocument: { uri: front.uri }, position: at(front, 'path_beg', 0, 2) })).resolves.toBeNull();
  });

  test('workspace symbols filter by name across the open files', async () => {
    const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'a1' });
    expect(symbols.map((s) => `${s.name}:${s.containerName}`).sort()).toEqual(['a1:backend app']);
  });
});

describe('structure', () => {
  test('outline: sections with servers, ACLs and binds as children', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: front.uri } });
    expect(symbols.map((s) => [s.name, s.detail, (s.children ?? []).map((c) => c.name)])).toEqual([
      ['defaults base', undefined, []],
      ['frontend web', 'from base', ['bind :80', 'is_api', 'is_admin']],
      ['backend debug', undefined, ['d']],
    ]);
  });

  test('folding: sections, .if blocks and comment runs', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: front.uri } });
    expect(ranges.map((r) => [r.startLine + 1, r.endLine + 1, r.kind])).toEqual([[1, 3, undefined], [5, 11, undefined], [13, 14, 'comment'], [15, 18, undefined], [16, 17, undefined]]);
  });

  test('selection ranges grow from the word to the line, the section and the file', async () => {
    const [range] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri: front.uri }, positions: [at(front, '/admin', 0, 2)] });
    const chain: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent) chain.push(front.getText(r.range).split('\n')[0]!);
    expect(chain).toEqual(['/admin', 'acl is_admin path_beg /admin', 'frontend web from base', 'defaults base']);
  });

  test('semantic tokens: keywords, defined and referenced names, comments', async () => {
    const legend = (client.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend.tokenTypes;
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: back.uri } });
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, length, type, modifiers] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
      line += dl;
      character = dl === 0 ? character + dc : dc;
      const word = BACK.split('\n')[line]!.slice(character, character + length);
      decoded.push(`${line + 1}:${word}:${legend[type]}${modifiers & 1 ? '+decl' : ''}`);
    }
    expect(decoded.filter((d) => d.startsWith('1:') || d.startsWith('5:'))).toEqual([
      '1:backend:keyword', '1:app:class+decl', '1:base:namespace',
      '5:server:keyword', '5:a2:property+decl', '5:app:class', '5:a1:property',
    ]);
  });
});
