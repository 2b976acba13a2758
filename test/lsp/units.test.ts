/** The language server's pieces in-process: suppression edits, fix-all, settings, hover; and `haproxy-lint lsp`. */
import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { applyEdits, lint, parseConfig, RULES } from '../../src/index.js';
import type { Finding } from '../../src/index.js';
import { codeActions, disableFileEdit, disableLineEdit, fixAllEdit, minimalEdit } from '../../src/lsp/actions.js';
import { hoverAt } from '../../src/lsp/hover.js';
import { isHaproxyDocument, lintOptionsFor, resolveSettings, DEFAULT_SETTINGS } from '../../src/lsp/settings.js';
import type { LoadedConfig } from '../../src/cli/config.js';
import { GlobSet } from '../../src/cli/glob.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const BASE = `global
    maxconn 100

defaults
    mode http
    timeout connect 5s
    timeout client 5s
    timeout server 5s

frontend web
    bind 127.0.0.1:8080
    default_backend app

backend app
    option httpchk
    http-check send meth GET uri /health/ hdr Accept application\\json
    server s1 127.0.0.1:8000 check
`;

function finding(text: string, ruleId: string): Finding {
  const found = lint(text).findings.find((f) => f.ruleId === ruleId);
  if (!found) throw new Error(`no ${ruleId} finding in ${lint(text).findings.map((f) => f.ruleId).join(', ')}`);
  return found;
}

function suppress(text: string, ruleId: string): string {
  const edit = disableLineEdit(parseConfig(text), finding(text, ruleId))!;
  return applyEdits(text, [edit]);
}

describe('suppression comments', () => {
  test('appended to a line without a comment; the finding goes, nothing else appears', () => {
    expect(lint(BASE).findings.map((f) => f.ruleId)).toEqual(['malformed-mime-type']);
    const out = suppress(BASE, 'malformed-mime-type');
    expect(out).toBe(BASE.replace('application\\json\n', 'application\\json # haproxy-lint-disable-line malformed-mime-type\n'));
    expect(lint(out).findings).toEqual([]);
  });

  test('a line that has a comment gets the next-line form, indented and with its line ending', () => {
    const text = BASE.replace('application\\json\n', 'application\\json # why not\n').replace(/\n/g, '\r\n');
    const out = suppress(text, 'malformed-mime-type');
    expect(out).toContain('\r\n    # haproxy-lint-disable-next-line malformed-mime-type\r\n    http-check send');
    expect(lint(out).findings).toEqual([]);
  });

  test('existing directives are extended, before their reason', () => {
    const sameLine = BASE.replace('application\\json\n', 'application\\json # haproxy-lint-disable-line unused-acl -- not here\n');
    const out = suppress(sameLine, 'malformed-mime-type');
    expect(out).toContain('# haproxy-lint-disable-line unused-acl, malformed-mime-type -- not here\n');
    expect(lint(out).findings.map((f) => f.ruleId)).toEqual(['unused-suppression']);

    const nextLine = BASE.replace('    http-check send', '    # haproxy-lint-disable-next-line unused-acl\n    http-check send').replace('application\\json\n', 'application\\json # x\n');
    expect(suppress(nextLine, 'malformed-mime-type')).toContain('# haproxy-lint-disable-next-line unused-acl, malformed-mime-type\n');
  });

  test('a line the parser cannot read (an open quote) is not touched', () => {
    const text = BASE.replace('    server s1', '    http-request set-header X-A "open\n    server s1');
    const broken = finding(text, 'syntax-error');
    const edit = disableLineEdit(parseConfig(text), broken)!;
    expect(edit.text).toBe('    # haproxy-lint-disable-next-line syntax-error\n');
  });

  test('the file form goes first (after a BOM), or joins one there', () => {
    const bom = `\uFEFF${BASE}`;
    const out = applyEdits(bom, [disableFileEdit(parseConfig(bom), 'malformed-mime-type')!]);
    expect(out.startsWith('\uFEFF# haproxy-lint-disable-file malformed-mime-type\nglobal')).toBe(true);
    expect(lint(out).findings.map((f) => f.ruleId)).toEqual(['byte-order-mark']);
    const again = applyEdits(out, [disableFileEdit(parseConfig(out), 'unused-acl')!]);
    expect(again.startsWith('\uFEFF# haproxy-lint-disable-file malformed-mime-type, unused-acl\n')).toBe(true);
  });
});

describe('fix actions', () => {
  test('fix all is one minimal edit; a surrogate pair is never split', () => {
    const text = `# café 😀\n${BASE}`;
    const document = TextDocument.create('file:///x/haproxy.cfg', 'haproxy', 1, text);
    const file = parseConfig(text);
    const snapshot = { document, version: 1, file, findings: lint(text).findings, options: {} };
    const edit = fixAllEdit(snapshot)!;
    expect(edit.text).toBe('"application/json"');
    expect(minimalEdit('a😀b', 'a😁b')).toEqual({ start: 1, end: 3, text: '😁' });
    expect(minimalEdit('same', 'same')).toBeUndefined();

    const actions = codeActions(snapshot, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [] }, { documentChanges: false });
    // nothing under the cursor on line 1: no quick fix and no fix-all next to them
    expect(actions).toEqual([]);
    const only = codeActions(snapshot, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source'] }, { documentChanges: false });
    expect(only.map((a) => a.kind)).toEqual(['source.fixAll.haproxy-lint']);
    expect(only[0]!.edit!.changes!['file:///x/haproxy.cfg']).toHaveLength(1);
    expect(codeActions(snapshot, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['refactor'] }, { documentChanges: false })).toEqual([]);
  });

  test('quick fixes for the findings under the cursor, unsafe ones labelled', () => {
    const text = BASE;
    const document = TextDocument.create('file:///x/haproxy.cfg', 'haproxy', 3, text);
    const snapshot = { document, version: 3, file: parseConfig(text), findings: lint(text).findings, options: {} };
    const line = text.split('\n').findIndex((l) => l.includes('application'));
    const actions = codeActions(snapshot, { start: { line, character: 62 }, end: { line, character: 62 } }, { diagnostics: [] }, { documentChanges: true });
    expect(actions.map((a) => a.title)).toEqual([
      expect.stringMatching(/^Fix: .*\(malformed-mime-type\)$/),
      'Disable malformed-mime-type for this line',
      'Disable malformed-mime-type for the entire file',
      'Fix all safe problems (haproxy-lint)',
    ]);
    expect(actions[0]!.edit!.documentChanges![0]).toMatchObject({ textDocument: { uri: document.uri, version: 3 } });
  });
});

describe('settings', () => {
  test('bad values are dropped one by one, the rest applies', () => {
    const { settings, problems } = resolveSettings({
      app: 'django', targetVersion: '9.9', rules: { 'no-such-rule': 'off' }, select: 'healthcheck, bogus', ignore: [], run: 'sometimes', enable: true,
    }, RULES);
    expect(settings.data).toEqual({ app: 'django' });
    expect(settings.select).toEqual(['healthcheck']);
    expect(settings.run).toBe('onType');
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/targetVersion: must be one of/);
    expect(problems.join('\n')).toMatch(/rules\.no-such-rule: unknown rule 'no-such-rule'/);
    expect(resolveSettings({ app: '', apps: {}, rules: {}, targetVersion: null }, RULES)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(resolveSettings('nonsense', RULES).problems).toHaveLength(1);
  });

  test('editor settings win over the configuration file, keeping rule options it gives', () => {
    const config: LoadedConfig = {
      path: '/p/.haproxy-lint.json', dir: '/p',
      data: { app: 'flask', targetVersion: '2.6', rules: { 'rstatus-plain-number': ['error', {}], 'unused-acl': 'off' }, apps: { api: 'rails' } },
      include: new GlobSet([]), exclude: new GlobSet([]),
      overrides: [{ files: new GlobSet(['edge/*.cfg']), data: { files: ['edge/*.cfg'], app: 'rails' } }],
    };
    const { settings } = resolveSettings({ app: 'django', rules: { 'rstatus-plain-number': 'warning' }, apps: { web: 'django' } }, RULES);
    expect(lintOptionsFor(settings, config, '/p/haproxy.cfg')).toEqual({
      app: 'django', targetVersion: '2.6', appByBackend: { api: 'rails', web: 'django' },
      rules: { 'rstatus-plain-number': ['warning', {}], 'unused-acl': 'off' },
    });
    const plain = resolveSettings({}, RULES).settings;
    expect(lintOptionsFor(plain, config, '/p/edge/haproxy.cfg').app).toBe('rails');
    expect(lintOptionsFor({ ...plain, useConfigFile: false }, config, '/p/haproxy.cfg')).toEqual({});
  });

  test('which documents are HAProxy configurations', () => {
    expect(isHaproxyDocument('haproxy', undefined, undefined)).toBe(true);
    expect(isHaproxyDocument('plaintext', '/etc/haproxy/conf.d/web.cfg', undefined)).toBe(true);
    expect(isHaproxyDocument('plaintext', '/srv/haproxy-edge.cfg', undefined)).toBe(true);
    expect(isHaproxyDocument('plaintext', '/srv/setup.cfg', undefined)).toBe(false);
    expect(isHaproxyDocument('plaintext', undefined, undefined)).toBe(false);
    const config = { dir: '/srv', include: new GlobSet(['lb/*.cfg']) } as LoadedConfig;
    expect(isHaproxyDocument('plaintext', '/srv/lb/setup.cfg', config)).toBe(true);
  });
});

describe('hover', () => {
  const text = `backend app\n    no option httpchk\n    http-request set-header X-A b\n    reqadd X-A:\\ b\n    bind 127.0.0.1:80 ssl\n`;
  const document = TextDocument.create('file:///x/haproxy.cfg', 'haproxy', 1, text);
  const file = parseConfig(text);
  const hover = (needle: string, delta = 0, markdown = true) => hoverAt(document, file, text.indexOf(needle) + delta, markdown) as Hover | null;
  const value = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

  test('keywords with their modifier, actions, removed keywords, options, sections', () => {
    const no = hover('no option');
    expect(value(no)).toContain('**option httpchk**');
    expect(no!.range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 21 } });
    expect(value(hover('set-header'))).toContain('**http-request set-header**');
    expect(value(hover('http-request'))).toContain('**http-request**');
    expect(value(hover('reqadd'))).toMatch(/Removed since HAProxy 2\.1; use `http-request add-header` instead/);
    expect(value(hover('ssl'))).toContain('(bind option)');
    expect(value(hover('backend'))).toContain('**backend section**');
    expect(hover('X-A b')).toBeNull();
    expect(hover('127.0.0.1')).toBeNull();
    // a cursor just after the word still counts; blank space does not
    expect(value(hover('httpchk', 7))).toContain('**option httpchk**');
    expect(hoverAt(document, file, text.indexOf('    no'), true)).toBeNull();
  });

  test('plain text for clients without Markdown', () => {
    const plain = hover('option', 0, false)!;
    expect((plain.contents as MarkupContent).kind).toBe('plaintext');
    expect(value(plain)).toMatch(/^option httpchk — HAProxy /);
    expect(value(plain)).not.toContain('**');
  });
});

test('`haproxy-lint lsp` starts the same server on stdio', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const bounded = <T>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 15_000))]);
  try {
    const result = await bounded(connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo: { name: string } };
    expect(result.serverInfo.name).toBe('haproxy-lint');
    await bounded(connection.sendRequest('shutdown'));
    await connection.sendNotification('exit');
    expect(await bounded(exited)).toBe(0);
  } finally {
    connection.dispose();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
