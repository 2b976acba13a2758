/**
 * Completion, signature help, hover on values/fetches/names, formatting and pull diagnostics,
 * through a real client over stdio. A second server whose client declares pull-diagnostics
 * support checks that it answers textDocument/diagnostic and publishes nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent, SignatureHelp, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../src/index.js';
import { formatText } from '../../src/format/format.js';
import { startClient, type TestClient } from '../helpers/lsp-client.js';

const CONFIG = [
  'defaults base',
  '    mode http',
  '    timeout connect 5s',
  '    timeout client 5s',
  '    timeout server 5s',
  '',
  'frontend web from base',
  '    bind :80',
  '    acl is_api path_beg /api',
  '    http-request set-header X-Host %[req.hdr(host),lower]',
  '    use_backend api if is_api',
  '    default_backend api',
  '',
  'backend api from base',
  '    balance roundrobin',
  '    server s1 127.0.0.1:8000 check',
  '',
].join('\n');

let dir: string;
let client: TestClient;
let uri: string;
let document: TextDocument;

/** The document with `|` marking the cursor: opened as a new version, and the cursor's position. */
async function edit(textWithCursor: string, version: number): Promise<{ line: number; character: number }> {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  await client.change(uri, text, version);
  document = TextDocument.create(uri, 'haproxy', version, text);
  return document.positionAt(offset);
}

let version = 1;
async function complete(textWithCursor: string): Promise<CompletionItem[]> {
  const position = await edit(textWithCursor, ++version);
  const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
  return list.items;
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const insert = (before: string, after: string) => CONFIG.replace(before, after);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-features-'));
  writeFileSync(join(dir, '.haproxy-lint.json'), JSON.stringify({ targetVersion: '2.6', format: { indent: 2 } }));
  client = await startClient(dir);
  uri = await client.open(join(dir, 'haproxy.cfg'), CONFIG);
  document = TextDocument.create(uri, 'haproxy', 1, CONFIG);
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('completion', () => {
  test('directives of the section kind, one word at a time, with the target version', async () => {
    const items = await complete(insert('    balance roundrobin', '    balance roundrobin\n    tim|'));
    expect(labels(items)).toContain('timeout');
    expect(labels(items)).toContain('balance');
    // frontend-only keywords are not offered in a backend
    expect(labels(items)).not.toContain('default_backend');
    const timeouts = await complete(insert('    balance roundrobin', '    balance roundrobin\n    timeout |'));
    expect(labels(timeouts)).toEqual(expect.arrayContaining(['connect', 'server', 'queue', 'check']));
    // the replaced range is the word being typed
    const options = await complete(insert('    balance roundrobin', '    balance roundrobin\n    option http|'));
    const httpchk = options.find((i) => i.label === 'httpchk')!;
    expect((httpchk.textEdit as TextEdit).range).toEqual({ start: { line: 15, character: 11 }, end: { line: 15, character: 15 } });
  });

  test('removed keywords are never offered; deprecated ones are tagged', async () => {
    const options = await complete(insert('    balance roundrobin', '    balance roundrobin\n    option |'));
    // `option forceclose` was removed before 2.6
    expect(labels(options)).not.toContain('forceclose');
    const deprecated = options.filter((i) => i.tags?.includes(1)).map((i) => i.label);
    expect(deprecated.length).toBeGreaterThan(0);
  });

  test('enum values, server options and their values', async () => {
    expect(labels(await complete(insert('balance roundrobin', 'balance |')))).toEqual(expect.arrayContaining(['roundrobin', 'leastconn', 'source', 'random']));
    const server = await complete(insert('127.0.0.1:8000 check', '127.0.0.1:8000 check |'));
    expect(labels(server)).toEqual(expect.arrayContaining(['inter', 'ssl', 'weight', 'resolvers']));
    expect(labels(await complete(insert('127.0.0.1:8000 check', '127.0.0.1:8000 check ssl-min-ver |')))).toEqual(['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
  });

  test('names defined in the configuration: backends, ACLs in conditions, defaults after from', async () => {
    expect(labels(await complete(insert('default_backend api', 'default_backend |')))).toEqual(['api']);
    const acls = await complete(insert('use_backend api if is_api', 'use_backend api if !|'));
    expect(labels(acls)[0]).toBe('is_api');
    expect(labels(acls)).toContain('HTTP');
    expect(labels(await complete(insert('backend api from base', 'backend api from |')))).toEqual(['base']);
  });

  test('sample fetches with their signatures, converters after a comma, log-format aliases', async () => {
    const fetches = await complete(insert('%[req.hdr(host),lower]', '%[req.h|'));
    const hdr = fetches.find((i) => i.label === 'req.hdr')!;
    expect(hdr.detail).toBe('req.hdr([<name>[,<occ>]]) : string');
    expect(hdr.insertText ?? (hdr.textEdit as TextEdit).newText).toBe('req.hdr($1)');
    const converters = await complete(insert('%[req.hdr(host),lower]', '%[req.hdr(host),lo|'));
    expect(labels(converters)).toContain('lower');
    expect(labels(converters)).not.toContain('req.hdr');
    const aliases = await complete(insert('    bind :80', '    bind :80\n    log-format "%c|'));
    expect(labels(aliases)).toEqual(expect.arrayContaining(['%ci', '%cp']));
    const resolved = await client.request<CompletionItem>('completionItem/resolve', hdr);
    expect((resolved.documentation as MarkupContent).value).toContain('This returns the last comma-separated value');
  });
});

describe('signature help and hover', () => {
  test('signature help for a directive and a fetch call', async () => {
    let position = await edit(insert('balance roundrobin', 'balance |'), ++version);
    const directive = await client.request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri }, position });
    expect(directive.signatures[0]!.label).toBe('balance <algorithm> [ <arguments> ]');
    position = await edit(insert('%[req.hdr(host),lower]', '%[req.hdr(host,|'), ++version);
    const call = await client.request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri }, position });
    expect(call.signatures[0]!.label).toBe('req.hdr([<name>[,<occ>]]) : string');
    expect(call.activeParameter).toBe(1);
  });

  test('hover on an enum value, a fetch, a converter and a backend name', async () => {
    await edit(CONFIG, ++version);
    const hover = async (needle: string, shift = 1) => {
      const position = document.positionAt(CONFIG.indexOf(needle) + shift);
      const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      return result ? (result.contents as MarkupContent).value : '';
    };
    expect(await hover('roundrobin')).toMatch(/roundrobin.*each server in turn/);
    expect(await hover('path_beg')).toMatch(/path_beg \(ACL criterion\)|path_beg \(sample fetch\)/);
    expect(await hover('req.hdr')).toContain('req.hdr([<name>[,<occ>]]) : string');
    expect(await hover('lower]')).toMatch(/lower \(converter\)/);
    const backend = await hover('default_backend api', 17);
    expect(backend).toContain('backend api — defined at line 14');
    expect(backend).toContain('balance roundrobin');
  });
});

describe('formatting and pull diagnostics', () => {
  test('document formatting uses the .haproxy-lint.json indentation; range formatting stays in its lines', async () => {
    const messy = CONFIG.replace('    bind :80', '        bind :80   ').replace('    server s1', '\tserver s1');
    await edit(messy, ++version);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 8, insertSpaces: false } });
    expect(TextDocument.applyEdits(document, edits)).toBe(formatText(messy, { indent: 2 }));
    const range = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: 7, character: 0 }, end: { line: 7, character: 5 } }, options: { tabSize: 4, insertSpaces: true } });
    expect(range.every((e) => e.range.start.line >= 7 && e.range.end.line <= 8)).toBe(true);
    expect(TextDocument.applyEdits(document, range).split('\n')[7]).toBe('  bind :80');
  });

  test('textDocument/diagnostic answers the findings; a pulling client is not pushed to', async () => {
    const pulling = await startClient(dir, { capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } } });
    try {
      const text = CONFIG.replace('    timeout server 5s\n', '');
      const pulledUri = await pulling.open(join(dir, 'pulled.cfg'), text);
      const report = await pulling.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: pulledUri } });
      expect(report.kind).toBe('full');
      const expected = lint(text, { targetVersion: '2.6' }).findings.map((f) => f.ruleId);
      expect(expected.length).toBeGreaterThan(0);
      expect(report.items.map((d) => d.code)).toEqual(expected);
      // the push client of the same server kind did receive pushes, the pulling one none
      expect(pulling.published).toEqual([]);
      expect(client.published.length).toBeGreaterThan(0);
    } finally {
      await pulling.close();
    }
  });
});
