// The haproxy-lint VS Code extension: the `haproxy` language (file patterns, comments, a TextMate
// grammar) and a client for the haproxy-lint language server, which does everything else
// (diagnostics, quick fixes, "fix all" on save via source.fixAll.haproxy-lint, hover docs,
// completion, navigation, outline, formatting, reference-count lenses, links to the files a
// configuration names). esbuild bundles this file with the client.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** The same documents the server lints on its own: the haproxy language and the file names it claims. */
const DOCUMENT_SELECTOR = [
  { language: 'haproxy' },
  { scheme: 'file', pattern: '**/haproxy*.cfg' },
  { scheme: 'file', pattern: '**/haproxy/**/*.cfg' },
];

/**
 * Which server to run: `haproxy-lint.server.path` (a command), else the workspace's own
 * node_modules/haproxy-lint (so the version the project pins lints it), else haproxy-lint-lsp on PATH.
 * Nothing from the workspace runs unless the workspace is trusted.
 */
function serverOptions() {
  const trusted = vscode.workspace.isTrusted;
  const configured = vscode.workspace.getConfiguration('haproxy-lint').get('server.path');
  if (trusted && typeof configured === 'string' && configured !== '') {
    // the client appends --stdio
    return { command: configured, transport: TransportKind.stdio };
  }
  if (trusted) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const local = path.join(folder.uri.fsPath, 'node_modules', 'haproxy-lint', 'bundle', 'haproxy-lint-lsp.mjs');
      if (fs.existsSync(local)) return { module: local, transport: TransportKind.ipc };
    }
  }
  return { command: 'haproxy-lint-lsp', transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
}

async function activate(context) {
  client = new LanguageClient('haproxy-lint', 'haproxy-lint', serverOptions(), {
    documentSelector: DOCUMENT_SELECTOR,
    // the server asks for the `haproxy-lint` section (workspace/configuration) and re-lints when it changes
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.haproxy-lint.json,package.json}') },
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('haproxy-lint.restartServer', async () => {
      if (client) await client.restart();
    }),
    // what the server's code lenses ("3 references") run: the editor's own references view
    vscode.commands.registerCommand('haproxy-lint.showReferences', (uri, position) =>
      vscode.commands.executeCommand('editor.action.findReferences', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character)),
    ),
  );
  await client.start();
}

async function deactivate() {
  if (client) await client.stop();
  client = undefined;
}

module.exports = { activate, deactivate };
