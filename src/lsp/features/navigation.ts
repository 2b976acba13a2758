/**
 * Navigation over the symbol index: go to definition, find references, document highlights,
 * rename (with prepareRename; a name that collides is refused) and workspace symbols.
 */
import {
  DocumentHighlightKind,
  ErrorCodes,
  ResponseError,
  SymbolKind as LspSymbolKind,
  type Connection,
  type Location,
  type ServerCapabilities,
  type TextEdit,
  type WorkspaceEdit,
  type WorkspaceSymbol,
} from 'vscode-languageserver';
import type { DocumentModels } from './documents.js';
import { symbolKey, type SymbolDef, type SymbolIndex, type SymbolKind } from '../symbols/table.js';

export const navigationCapabilities: ServerCapabilities = {
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  workspaceSymbolProvider: true,
};

/** Characters HAProxy accepts in proxy and section names; ACL and server names alike. */
const NAME = /^[A-Za-z0-9._:-]+$/;

export const LSP_KIND: Record<SymbolKind, LspSymbolKind> = {
  frontend: LspSymbolKind.Interface,
  backend: LspSymbolKind.Class,
  listen: LspSymbolKind.Class,
  defaults: LspSymbolKind.Namespace,
  acl: LspSymbolKind.Boolean,
  server: LspSymbolKind.Object,
  userlist: LspSymbolKind.Struct,
  resolvers: LspSymbolKind.Module,
  peers: LspSymbolKind.Module,
  cache: LspSymbolKind.Module,
  ring: LspSymbolKind.Module,
  'http-errors': LspSymbolKind.Module,
  table: LspSymbolKind.Array,
  mailers: LspSymbolKind.Module,
  'fcgi-app': LspSymbolKind.Module,
  'log-forward': LspSymbolKind.Module,
  program: LspSymbolKind.Module,
  'crt-store': LspSymbolKind.Module,
};

export function registerNavigation(connection: Connection, models: DocumentModels): void {
  const location = (uri: string, start: number, end: number): Location | undefined => {
    const document = models.document(uri);
    return document ? { uri, range: { start: document.positionAt(start), end: document.positionAt(end) } } : undefined;
  };
  const lookup = (uri: string, position: { line: number; character: number }) => {
    const model = models.get(uri);
    if (!model) return undefined;
    const index = models.indexFor(uri);
    const found = index.keysAt(uri, model.document.offsetAt(position));
    return found ? { index, found, model } : undefined;
  };

  connection.onDefinition((params) => {
    const hit = lookup(params.textDocument.uri, params.position);
    if (!hit) return null;
    const defs = hit.found.keys.flatMap((key) => hit.index.definitionsOf(key));
    return unique(defs).map((d) => location(d.uri, d.start, d.end)).filter((l): l is Location => l !== undefined);
  });

  connection.onReferences((params) => {
    const hit = lookup(params.textDocument.uri, params.position);
    if (!hit) return null;
    const spans = occurrences(hit.index, hit.found.keys, params.context.includeDeclaration);
    return spans.map((s) => location(s.uri, s.start, s.end)).filter((l): l is Location => l !== undefined);
  });

  connection.onDocumentHighlight((params) => {
    const hit = lookup(params.textDocument.uri, params.position);
    if (!hit) return null;
    const uri = params.textDocument.uri;
    const doc = hit.model.document;
    return occurrences(hit.index, hit.found.keys, true)
      .filter((s) => s.uri === uri)
      .map((s) => ({ range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) }, kind: s.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  });

  connection.onPrepareRename((params) => {
    const hit = lookup(params.textDocument.uri, params.position);
    if (!hit) return null;
    const defs = hit.found.keys.flatMap((key) => hit.index.definitionsOf(key));
    if (defs.length === 0) throw new ResponseError(ErrorCodes.InvalidRequest, `'${hit.found.name}' is not defined in this file or its configuration set: it cannot be renamed`);
    const doc = hit.model.document;
    return { range: { start: doc.positionAt(hit.found.start), end: doc.positionAt(hit.found.end) }, placeholder: hit.found.name };
  });

  connection.onRenameRequest((params) => {
    const hit = lookup(params.textDocument.uri, params.position);
    if (!hit) return null;
    const newName = params.newName;
    const defs = unique(hit.found.keys.flatMap((key) => hit.index.definitionsOf(key)));
    if (defs.length === 0) throw new ResponseError(ErrorCodes.InvalidRequest, `'${hit.found.name}' is not defined in this file or its configuration set: it cannot be renamed`);
    if (!NAME.test(newName)) throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is not a valid name: use letters, digits, '.', '_', ':' and '-'`);
    if (newName === hit.found.name) return { changes: {} };
    for (const key of hit.found.keys) {
      const [namespace, scope] = key.split('\0') as [string, string];
      const clash = collision(hit.index, namespace, scope, newName);
      if (clash) throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is already the name of ${clash.kind} ${clash.container ? `in ${clash.container} ` : ''}(line ${(models.document(clash.uri)?.positionAt(clash.start).line ?? 0) + 1}): rename refused`);
    }
    const changes: Record<string, TextEdit[]> = {};
    for (const span of occurrences(hit.index, hit.found.keys, true)) {
      const loc = location(span.uri, span.start, span.end);
      if (loc) (changes[span.uri] ??= []).push({ range: loc.range, newText: newName });
    }
    return { changes } satisfies WorkspaceEdit;
  });

  connection.onWorkspaceSymbol((params) => {
    const query = params.query.toLowerCase();
    const symbols: WorkspaceSymbol[] = [];
    for (const model of models.all()) {
      for (const def of model.table.definitions) {
        if (query && !fuzzy(def.name.toLowerCase(), query)) continue;
        const loc = location(def.uri, def.start, def.end);
        if (loc) symbols.push({ name: def.name, kind: LSP_KIND[def.kind], location: loc, containerName: def.container ?? def.kind });
      }
    }
    return symbols;
  });
}

/** Whether the characters of `query` appear in order in `name` (as editors filter symbols). */
function fuzzy(name: string, query: string): boolean {
  let at = 0;
  for (const c of query) {
    at = name.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

function unique(defs: SymbolDef[]): SymbolDef[] {
  const seen = new Set<string>();
  return defs.filter((d) => {
    const id = `${d.uri}#${d.start}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A definition the new name would collide with: same namespace and scope (any proxy, for proxies). */
function collision(index: SymbolIndex, namespace: string, scope: string, name: string): SymbolDef | undefined {
  // frontends, backends and listens share one namespace in HAProxy's proxy list
  const namespaces = namespace === 'backend' || namespace === 'frontend' ? ['backend', 'frontend'] : [namespace];
  for (const ns of namespaces) {
    const found = index.definitionsOf(symbolKey(ns, scope, name))[0];
    if (found) return found;
  }
  return undefined;
}

interface Occurrence {
  uri: string;
  start: number;
  end: number;
  definition: boolean;
}

/** Definitions and references of some keys, each span once, in document order. */
function occurrences(index: SymbolIndex, keys: readonly string[], includeDeclaration: boolean): Occurrence[] {
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  const add = (o: Occurrence) => {
    const id = `${o.uri}#${o.start}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push(o);
  };
  for (const key of keys) {
    if (includeDeclaration) for (const d of index.definitionsOf(key)) add({ uri: d.uri, start: d.start, end: d.end, definition: true });
    for (const r of index.referencesOf(key)) add({ uri: r.uri, start: r.start, end: r.end, definition: false });
  }
  return out.sort((a, b) => (a.uri === b.uri ? a.start - b.start : a.uri < b.uri ? -1 : 1));
}
