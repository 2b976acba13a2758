/**
 * The parse tree and symbol table of each open document (rebuilt when its version changes), and the
 * symbol index a document navigates in: the open documents of its directory, until a configuration
 * set provides the files that belong together (`setIndexProvider`).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigFile } from '../../parser/ast.js';
import { parseConfig } from '../../parser/parse.js';
import { buildSymbolTable, SymbolIndex, type SymbolTable } from '../symbols/table.js';

export interface DocumentModel {
  document: TextDocument;
  /** the version parsed (the document object itself is updated in place) */
  version: number;
  file: ConfigFile;
  table: SymbolTable;
}

/** The URIs whose symbols a document sees, given the open ones; the default groups by directory. */
export type IndexProvider = (uri: string, open: readonly string[]) => string[];

function directoryOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export const sameDirectory: IndexProvider = (uri, open) => {
  const dir = directoryOf(uri);
  return dir === undefined ? [uri] : open.filter((other) => other === uri || directoryOf(other) === dir);
};

export class DocumentModels {
  private readonly cache = new Map<string, DocumentModel>();
  private provider: IndexProvider = sameDirectory;

  constructor(private readonly documents: TextDocuments<TextDocument>, private readonly parsed?: (document: TextDocument) => ConfigFile | undefined) {}

  setIndexProvider(provider: IndexProvider): void {
    this.provider = provider;
  }

  get(uri: string): DocumentModel | undefined {
    const document = this.documents.get(uri);
    if (!document) {
      this.cache.delete(uri);
      return undefined;
    }
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.document === document) return cached;
    const file = this.parsed?.(document) ?? parseConfig(document.getText());
    const model = { document, version: document.version, file, table: buildSymbolTable(uri, file) };
    this.cache.set(uri, model);
    return model;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The index of the files a document belongs with (itself first). */
  indexFor(uri: string): SymbolIndex {
    const uris = this.provider(uri, this.documents.keys());
    const tables = uris.map((u) => this.get(u)?.table).filter((t): t is SymbolTable => t !== undefined);
    return new SymbolIndex(tables);
  }

  /** Every open document's index entries (for workspace symbols). */
  all(): DocumentModel[] {
    return this.documents.keys().map((uri) => this.get(uri)).filter((m): m is DocumentModel => m !== undefined);
  }

  document(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }
}
