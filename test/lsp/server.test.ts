/**
 * The language server as an editor sees it: the built `haproxy-lint-lsp` (dist/lsp/main.js) runs as a
 * child process, one for the whole file, and this test talks JSON-RPC to it over its stdin/stdout
 * (through the shared test client, test/helpers/lsp-client.ts).
 * Every wait is bounded; the process must exit by itself after `shutdown` + `exit`, and afterAll
 * kills it (by its pid) if a failure left it running.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { fix, lint } from '../../src/index.js';
import { ruleDocsUrl } from '../../src/cli/meta.js';
import { startClient, uriOf, within as withinStep, type TestClient } from '../helpers/lsp-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = readFileSync(join(ROOT, 'fixtures/seed/question.cfg'), 'utf8');

let dir: string;
let client: TestClient;
let connection: MessageConnection;
let published: PublishDiagnosticsParams[];
let shownMessages: string[];
let configurationRequests: unknown[];
/** what the client answers for the `haproxy-lint` section (as VS Code sends unset settings: "", {}) */
let clientSettings: Record<string, unknown> = { app: 'django', targetVersion: '', rules: {} };

function within<T>(promise: Promise<T>, what: string, ms?: number): Promise<T> {
  return withinStep(promise, what, () => client.stderr(), ms);
}

/** The first publishDiagnostics (already received or coming) for `uri` matching `accept`. */
function diagnosticsFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
  return client.diagnosticsFor(uri, accept);
}

function applyWorkspaceEdit(document: TextDocument, action: CodeAction): string {
  const edit = action.edit!;
  let edits: TextEdit[];
  if (edit.documentChanges) {
    const change = edit.documentChanges[0] as TextDocumentEdit;
    expect(change.textDocument).toEqual({ uri: document.uri, version: document.version });
    edits = change.edits as TextEdit[];
  } else {
    edits = edit.changes![document.uri]!;
  }
  return TextDocument.applyEdits(document, edits);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-lsp-'));
  // a configuration file for one subdirectory, to check the server finds it as the CLI does
  mkdirSync(join(dir, 'edge'));
  writeFileSync(join(dir, 'edge/.haproxy-lint.json'), JSON.stringify({ rules: { 'rstatus-plain-number': 'off' } }));
  client = await startClient(dir, {
    capabilities: {
      workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
      },
    },
    initializationOptions: { debounceMs: 50 },
    settings: () => clientSettings,
  });
  ({ connection, published, shownMessages, configurationRequests } = client);
  expect(client.initializeResult.serverInfo?.name).toBe('haproxy-lint');
  expect(client.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.haproxy-lint'] } });
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('haproxy-lint-lsp over stdio', () => {
  const path = () => join(dir, 'haproxy.cfg');
  let document: TextDocument;
  let diagnostics: Diagnostic[];

  test('publishes the seed config findings with rule ids, docs links and UTF-16 ranges', async () => {
    document = TextDocument.create(uriOf(path()), 'haproxy', 1, SEED);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: document.uri, languageId: 'haproxy', version: 1, text: SEED } });
    const params = await diagnosticsFor(document.uri);
    expect(params.version).toBe(1);
    diagnostics = params.diagnostics;
    // the settings came from workspace/configuration (app=django): the APPEND_SLASH finding needs it
    expect(configurationRequests.length).toBeGreaterThan(0);
    expect(diagnostics.map((d) => d.code)).toEqual(['healthcheck-uri-redirect', 'http11-check-without-host', 'malformed-mime-type', 'rstatus-plain-number']);
    const expected = lint(SEED, { app: 'django' }).findings;
    expect(diagnostics.map((d) => d.range)).toEqual(expected.map((f) => ({ start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } })));
    const mime = diagnostics.find((d) => d.code === 'malformed-mime-type')!;
    expect(mime).toMatchObject({
      severity: 2,
      source: 'haproxy-lint',
      codeDescription: { href: ruleDocsUrl('malformed-mime-type') },
      range: { start: { line: 25, character: 71 }, end: { line: 25, character: 87 } },
    });
    expect(document.getText(mime.range)).toBe('application\\json');
    expect(diagnostics.find((d) => d.code === 'rstatus-plain-number')!.severity).toBe(3);
    expect(shownMessages).toEqual([]);
  });

  test('a quick fix edits only the bytes it must', async () => {
    const mime = diagnostics.find((d) => d.code === 'malformed-mime-type')!;
    const actions = await within(connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: document.uri }, range: mime.range, context: { diagnostics: [mime], only: ['quickfix'] },
    }), 'code actions') as CodeAction[];
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('Disable malformed-mime-type for this line');
    expect(titles).toContain('Disable malformed-mime-type for the entire file');
    const quickFix = actions.find((a) => a.title.startsWith('Fix: '))!;
    expect(quickFix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    expect(quickFix.diagnostics).toEqual([mime]);
    expect(applyWorkspaceEdit(document, quickFix)).toBe(SEED.replace('application\\json', '"application/json"'));

    // the suppression comment silences that finding, and only it
    const disabled = applyWorkspaceEdit(document, actions.find((a) => a.title === 'Disable malformed-mime-type for this line')!);
    expect(disabled).toContain('application\\json # haproxy-lint-disable-line malformed-mime-type\n');
    expect(lint(disabled, { app: 'django' }).findings.map((f) => f.ruleId)).toEqual(['healthcheck-uri-redirect', 'http11-check-without-host', 'rstatus-plain-number']);
    const wholeFile = applyWorkspaceEdit(document, actions.find((a) => a.title === 'Disable malformed-mime-type for the entire file')!);
    expect(wholeFile.startsWith('# haproxy-lint-disable-file malformed-mime-type\nglobal\n')).toBe(true);
    expect(lint(wholeFile, { app: 'django' }).findings.map((f) => f.ruleId)).not.toContain('malformed-mime-type');

    // a suggestion that needs review is offered, labelled, never preferred
    const host = diagnostics.find((d) => d.code === 'http11-check-without-host')!;
    const hostActions = await within(connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: document.uri }, range: host.range, context: { diagnostics: [host] },
    }), 'code actions') as CodeAction[];
    const suggestion = hostActions.find((a) => a.title.startsWith('Suggestion (review the result): '))!;
    expect(suggestion.isPreferred).toBeUndefined();
    expect(applyWorkspaceEdit(document, suggestion)).toContain('ver HTTP/1.1 hdr Host localhost hdr Accept');
  });

  test('fix all safe problems matches fix() and the server re-lints the changed document', async () => {
    const actions = await within(connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: document.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.haproxy-lint'] },
    }), 'fix-all action') as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.haproxy-lint']);
    const fixed = applyWorkspaceEdit(document, actions[0]!);
    const expected = fix(SEED, { app: 'django' });
    expect(fixed).toBe(expected.output);

    // an incremental change: only the text the action edits, as the editor sends it
    const edit = (actions[0]!.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as TextEdit;
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: document.uri, version: 2 },
      contentChanges: [{ range: edit.range, text: edit.newText }],
    });
    document = TextDocument.update(document, [{ range: edit.range, text: edit.newText }], 2);
    const params = await diagnosticsFor(document.uri, (p) => p.version === 2);
    expect(params.diagnostics.map((d) => d.code)).toEqual(expected.findings.map((f) => f.ruleId));
    expect(params.diagnostics.map((d) => d.code)).toEqual(['http11-check-without-host']);
  });

  test('hover shows the manual entry of multi-word keywords', async () => {
    const lines = SEED.split('\n');
    const at = (text: string) => {
      const line = lines.findIndex((l) => l.includes(text));
      return { line, character: lines[line]!.indexOf(text) + 2 };
    };
    const hover = await within(connection.sendRequest('textDocument/hover', { textDocument: { uri: document.uri }, position: at('option httpchk') }), 'hover') as Hover;
    const contents = hover.contents as MarkupContent;
    expect(contents.kind).toBe('markdown');
    expect(contents.value).toContain('**option httpchk**');
    expect(contents.value).toContain('Enables HTTP protocol to check on the servers health');
    const line = at('option httpchk').line;
    expect(hover.range).toEqual({ start: { line, character: 4 }, end: { line, character: 18 } });

    // the second word of a multi-word keyword gives the same entry
    const send = at('http-check send');
    const sendHover = await within(connection.sendRequest('textDocument/hover', { textDocument: { uri: document.uri }, position: { line: send.line, character: send.character + 11 } }), 'hover') as Hover;
    expect((sendHover.contents as MarkupContent).value).toContain('**http-check send**');
    const timeout = await within(connection.sendRequest('textDocument/hover', { textDocument: { uri: document.uri }, position: at('timeout connect') }), 'hover') as Hover;
    expect((timeout.contents as MarkupContent).value).toContain('Set the maximum time to wait for a connection attempt to a server to succeed');
    // a server option, and nothing on a plain argument
    const check = at(' check ');
    const checkHover = await within(connection.sendRequest('textDocument/hover', { textDocument: { uri: document.uri }, position: check }), 'hover') as Hover;
    expect((checkHover.contents as MarkupContent).value).toContain('This option enables health checks on a server');
    const nothing = await within(connection.sendRequest('textDocument/hover', { textDocument: { uri: document.uri }, position: { line: at('maxconn').line, character: 13 } }), 'hover');
    expect(nothing).toBeNull();
  });

  test('a .haproxy-lint.json above the document applies, under the editor settings', async () => {
    const uri = uriOf(join(dir, 'edge/haproxy.cfg'));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version: 7, text: SEED } });
    const params = await diagnosticsFor(uri);
    // rstatus-plain-number is off there; app=django still comes from the editor
    expect(params.diagnostics.map((d) => d.code)).toEqual(['healthcheck-uri-redirect', 'http11-check-without-host', 'malformed-mime-type']);
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await diagnosticsFor(uri, (p) => p.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
  });

  test('changed settings re-lint open documents; a bad setting is reported once and skipped', async () => {
    clientSettings = { app: 'django', rules: { 'http11-check-without-host': 'off' }, select: ['healthcheck', 'no-such-rule'] };
    const before = published.length;
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const params = await diagnosticsFor(document.uri, (p) => published.indexOf(p) >= before);
    expect(params.version).toBe(2);
    expect(params.diagnostics).toEqual([]);
    expect(shownMessages).toEqual([expect.stringContaining("select: 'no-such-rule' is neither a rule id nor a group")]);
  });

  test('shutdown and exit end the process', async () => {
    await within(connection.sendRequest('shutdown'), 'shutdown');
    await connection.sendNotification('exit');
    const { code } = await within(client.exited, 'the server process to exit', 5_000);
    expect(code).toBe(0);
    expect(client.stderr()).toBe('');
  });
});
