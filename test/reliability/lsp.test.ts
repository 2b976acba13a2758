/**
 * The language server on hostile documents and settings (#16, #17): names are never read through
 * Object.prototype, an oversized document gets one diagnostic instead of a lint, "disable for this line"
 * on a line of many blanks is immediate, superseded lints are dropped, and a BOM is reported.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, parseConfig, RULES } from '../../src/index.js';
import { startServer } from '../../src/lsp/server.js';
import { lintOptionsFor, resolveSettings } from '../../src/lsp/settings.js';
import { codeActions, disableLineEdit } from '../../src/lsp/actions.js';
import { validateRuleOptions } from '../../src/engine/rule-settings.js';

const DJANGO = `global\n    log stdout format raw local0\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend web\n    bind 127.0.0.1:8080\n    default_backend constructor\n\nbackend constructor\n    option httpchk GET /health-check\n    server s1 127.0.0.1:8000 check\n`;

describe('settings and names never go through Object.prototype', () => {
  it('a backend named constructor with an apps setting lints (and the app applies)', () => {
    for (const apps of [{ constructor: 'django' }, { other: 'django' }, {}]) {
      const { settings, problems } = resolveSettings({ apps }, RULES);
      expect(problems).toEqual([]);
      const options = lintOptionsFor(settings, undefined, undefined);
      const messages = lint(DJANGO, options).findings.map((f) => f.message).join('\n');
      if (Object.hasOwn(apps, 'constructor')) expect(messages).toContain('APPEND_SLASH');
    }
    // and without any apps setting, `constructor` is not Object's constructor function
    expect(() => lint(DJANGO, { appByBackend: {} })).not.toThrow();
  });

  it('__proto__, constructor and toString as rule-option keys are unknown options, not "must be a undefined"', () => {
    const rule = RULES.find((r) => r.options && Object.keys(r.options).length > 0) ?? RULES[0]!;
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const given = JSON.parse(`{"${key}": 1}`) as Record<string, unknown>;
      expect(validateRuleOptions(rule, given as never)).toEqual([`rule '${rule.id}' has no option '${key}'`]);
    }
  });
});

describe('code actions', () => {
  it('"disable for this line" on a comment with 200,000 blanks between its ids (/\\s+$/ was quadratic)', () => {
    const text = `global\n    maxconn 10\nbackend b\n    redispatch # haproxy-lint-disable-line unused-acl${' '.repeat(200_000)}unused-backend\n    server s 127.0.0.1:1\n`;
    const file = parseConfig(text);
    const finding = lint(text).findings.find((f) => f.ruleId === 'removed-keyword')!;
    const edit = disableLineEdit(file, finding)!;
    expect(edit.text).toBe(', removed-keyword');
    expect(edit.start).toBe(text.indexOf('unused-backend') + 'unused-backend'.length);
  });

  it('the client\'s diagnostics select the findings; a cursor selects those under it', () => {
    const text = `global\n    maxconn 10\nbackend b\n${'    redispatch\n'.repeat(3)}    server s 127.0.0.1:1\n`;
    const document = TextDocument.create('file:///x/haproxy.cfg', 'haproxy', 1, text);
    const file = parseConfig(text);
    const findings = lint(text).findings;
    const removed = findings.filter((f) => f.ruleId === 'removed-keyword');
    const diagnostic = (i: number) => ({ range: { start: document.positionAt(removed[i]!.start), end: document.positionAt(removed[i]!.end) }, message: removed[i]!.message, source: 'haproxy-lint', code: 'removed-keyword' });
    const snapshot = { document, version: 1, file, findings, options: {} };
    const forSecond = codeActions(snapshot, diagnostic(1).range, { diagnostics: [diagnostic(1)], only: ['quickfix'] }, { documentChanges: false });
    expect(forSecond.filter((a) => a.title.startsWith('Fix:'))).toHaveLength(1);
    expect(forSecond[0]!.diagnostics![0]).toEqual(diagnostic(1));
    const atCursor = codeActions(snapshot, { start: document.positionAt(removed[2]!.start), end: document.positionAt(removed[2]!.start) }, { diagnostics: [] }, { documentChanges: false });
    expect(atCursor.filter((a) => a.title.startsWith('Fix:'))).toHaveLength(1);
  });
});

/** an in-process server on a pair of streams, and a client connection to it */
function serverPair(maxDocumentChars: number) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, { debounceMs: 0, maxDocumentChars });
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const w of waiters.splice(0)) w();
  });
  client.onRequest('workspace/configuration', () => [null]);
  client.listen();
  const next = (count: number) => new Promise<void>((resolve) => {
    const check = () => (published.length >= count ? resolve() : waiters.push(check));
    check();
  });
  return { client, published, next, close: () => { client.dispose(); server.dispose(); } };
}

describe('the server', () => {
  it('a document over the size limit gets one diagnostic, no lint; a BOM is reported in one under it', async () => {
    const { client, published, next, close } = serverPair(2_000);
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      client.sendNotification('initialized', {});
      const big = `${'# filler line\n'.repeat(200)}backend b\n    redispatch\n`;
      client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///w/haproxy.cfg', languageId: 'haproxy', version: 1, text: big } });
      await next(1);
      expect(published[0]!.diagnostics).toHaveLength(1);
      expect(published[0]!.diagnostics[0]!.message).toMatch(/over the language server's limit of 2000: it is not linted/);
      client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///w/bom/haproxy.cfg', languageId: 'haproxy', version: 1, text: '\uFEFFglobal\n    maxconn 10\n' } });
      await next(2);
      expect(published[1]!.diagnostics.map((d) => d.code)).toEqual(['byte-order-mark']);
      expect(published[1]!.diagnostics[0]!.range.start).toEqual({ line: 0, character: 0 });
    } finally {
      close();
    }
  });

  it('a lint superseded by a newer version is dropped: only the newest version is published', async () => {
    const { client, published, next, close } = serverPair(1_000_000);
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      client.sendNotification('initialized', {});
      const uri = 'file:///w/edit/haproxy.cfg';
      client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version: 1, text: 'global\n    maxconn 10\nbackend b\n    redispatch\n' } });
      for (let version = 2; version <= 6; version++) {
        client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `global\n    maxconn 10\n${'backend b\n    redispatch\n'.repeat(version)}` }] });
      }
      await next(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const versions = published.filter((p) => p.uri === uri).map((p) => p.version);
      expect(versions.at(-1)).toBe(6);
      expect(versions.filter((v) => v !== 6)).toEqual([]);
    } finally {
      close();
    }
  });
});


