/**
 * Code lenses (reference counts) and document links (the files a configuration names, resolved as
 * HAProxy resolves relative paths) through a real client over stdio.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeLens, DocumentLink } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient, uriOf, type TestClient } from '../helpers/lsp-client.js';

const CONFIG = [
  'global',
  '    default-path config',
  '    crt-base certs',
  '    lua-load lua/hello.lua',
  '    lua-load lua/missing.lua',
  '',
  'defaults base',
  '    mode http',
  '    timeout connect 5s',
  '    timeout client 5s',
  '    timeout server 5s',
  '    errorfile 503 errors/503.http',
  '',
  'frontend web from base',
  '    bind :443 ssl crt site.pem ca-file /nonexistent/ca.pem',
  '    acl blocked src -f lists/blocked.lst',
  '    acl is_api path_beg /api',
  '    http-request deny if blocked',
  '    use_backend api if is_api',
  '    http-request set-header X-Shard %[req.hdr(host),map_str(maps/shards.map,none)]',
  '    default_backend app',
  '',
  'backend app from base',
  '    server a1 10.0.0.1:80 check',
  '',
  'backend api from base',
  '    server p1 10.0.0.2:80 track app/a1',
  '',
  'backend unused from base',
  '    server u1 10.0.0.3:80',
  '',
].join('\n');

let dir: string;
let client: TestClient;
let document: TextDocument;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-links-'));
  for (const sub of ['conf', 'conf/certs', 'conf/lua', 'conf/errors', 'conf/lists', 'conf/maps']) mkdirSync(join(dir, sub));
  for (const file of ['certs/site.pem', 'lua/hello.lua', 'errors/503.http', 'lists/blocked.lst', 'maps/shards.map']) writeFileSync(join(dir, 'conf', file), 'x\n');
  writeFileSync(join(dir, 'conf/haproxy.cfg'), CONFIG);
  client = await startClient(dir);
  document = TextDocument.create(uriOf(join(dir, 'conf/haproxy.cfg')), 'haproxy', 1, CONFIG);
  await client.open(join(dir, 'conf/haproxy.cfg'), CONFIG);
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('code lenses and document links', () => {
  test('initialize declares both', () => {
    expect(client.capabilities).toMatchObject({ codeLensProvider: {}, documentLinkProvider: {} });
  });

  test('a lens over each backend, defaults section and ACL counts its references', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: document.uri } });
    const shown = lenses.map((l) => `${document.getText().slice(document.offsetAt(l.range.start), document.offsetAt(l.range.end))}: ${l.command?.title}`);
    expect(shown).toEqual(['base: 4 references', 'blocked: 1 reference', 'is_api: 1 reference', 'app: 2 references', 'api: 1 reference', 'unused: no references']);
    expect(lenses[0]!.command).toMatchObject({ command: 'haproxy-lint.showReferences', arguments: [document.uri, lenses[0]!.range.start] });
  });

  test('links to the files that exist, relative paths resolved by default-path config and crt-base', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: document.uri } });
    const shown = links.map((l) => `${document.getText().slice(document.offsetAt(l.range.start), document.offsetAt(l.range.end))} -> ${l.target!.slice(uriOf(dir).length + 1)}`);
    expect(shown).toEqual([
      'certs -> conf/certs',
      'lua/hello.lua -> conf/lua/hello.lua',
      'errors/503.http -> conf/errors/503.http',
      'site.pem -> conf/certs/site.pem',
      'lists/blocked.lst -> conf/lists/blocked.lst',
      'maps/shards.map -> conf/maps/shards.map',
    ]);
  });
});
