/**
 * Code lenses: above each backend, frontend, named defaults, ACL, userlist and other named section,
 * how many references it has over the document's configuration set ("3 references"), which the
 * client's `haproxy-lint.showReferences` command opens (the VS Code extension registers it).
 */
import type { CodeLens, Connection, ServerCapabilities } from 'vscode-languageserver';
import type { DocumentModels } from './documents.js';
import type { SymbolKind } from '../symbols/table.js';

export const lensCapabilities: ServerCapabilities = { codeLensProvider: { resolveProvider: false } };

/** The command a lens runs: arguments are the document URI and the position of the name. */
export const SHOW_REFERENCES_COMMAND = 'haproxy-lint.showReferences';

/** What gets a lens: things that are only useful when referred to (not servers, which serve by being there). */
const COUNTED: ReadonlySet<SymbolKind> = new Set<SymbolKind>([
  'backend', 'listen', 'defaults', 'acl', 'userlist', 'resolvers', 'peers', 'cache', 'ring', 'http-errors', 'mailers', 'fcgi-app', 'log-forward', 'crt-store',
]);

export function registerLenses(connection: Connection, models: DocumentModels): void {
  connection.onCodeLens((params) => {
    const uri = params.textDocument.uri;
    const model = models.get(uri);
    if (!model) return null;
    const index = models.indexFor(uri);
    const lenses: CodeLens[] = [];
    for (const def of model.table.definitions) {
      if (!COUNTED.has(def.kind)) continue;
      const spans = new Set(index.referencesOf(def.key).map((r) => `${r.uri}#${r.start}`));
      const count = spans.size;
      const range = { start: model.document.positionAt(def.start), end: model.document.positionAt(def.end) };
      lenses.push({ range, command: { title: count === 0 ? 'no references' : count === 1 ? '1 reference' : `${count} references`, command: SHOW_REFERENCES_COMMAND, arguments: [uri, range.start] } });
    }
    return lenses;
  });
}
