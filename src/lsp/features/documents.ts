/**
 * The parse tree and symbol table of each open document (rebuilt when its version changes), and the
 * symbol index a document navigates in: the files of its configuration set (`setIndexProvider`;
 * files that are not open are read from disk, again when they change there), else the open
 * documents of its directory.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
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

/** The URIs whose symbols a document sees (itself included), given the open ones; the default groups by directory. */
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

/** Files larger than this are not read from disk for navigation (as the linter's document limit). */
const MAX_DISK_BYTES = 8 * 1024 * 1024;

export class DocumentModels {
  private readonly cache = new Map<string, DocumentModel>();
  /** models of files that are not open, with the size and time of the version read */
  private readonly disk = new Map<string, { size: number; mtimeMs: number; model: DocumentModel }>();
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

  /** An open document's model, else the file's as it is on disk (undefined when it cannot be read). */
  getAny(uri: string): DocumentModel | undefined {
    return this.get(uri) ?? this.fromDisk(uri);
  }

  private fromDisk(uri: string): DocumentModel | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const path = fileURLToPath(uri);
      const stat = statSync(path);
      if (!stat.isFile() || stat.size > MAX_DISK_BYTES) return undefined;
      const cached = this.disk.get(uri);
      if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.model;
      const document = TextDocument.create(uri, 'haproxy', 0, readFileSync(path, 'utf8'));
      const file = parseConfig(document.getText());
      const model = { document, version: 0, file, table: buildSymbolTable(uri, file) };
      this.disk.set(uri, { size: stat.size, mtimeMs: stat.mtimeMs, model });
      return model;
    } catch {
      return undefined;
    }
  }

  /** The URIs of the files a document belongs with: its configuration set in load order, else the open documents of its directory. */
  members(uri: string): string[] {
    return this.provider(uri, this.documents.keys());
  }

  /** The index of the files a document belongs with. */
  indexFor(uri: string): SymbolIndex {
    const uris = this.members(uri);
    const tables = uris.map((u) => this.getAny(u)?.table).filter((t): t is SymbolTable => t !== undefined);
    return new SymbolIndex(tables);
  }

  /** The models of every open document and of the files of their sets (for workspace symbols). */
  all(): DocumentModel[] {
    const open = this.documents.keys();
    const uris = new Set<string>();
    for (const uri of open) for (const member of this.provider(uri, open)) uris.add(member);
    return [...uris].map((uri) => this.getAny(uri)).filter((m): m is DocumentModel => m !== undefined);
  }

  /** An open document, else the file as read from disk. */
  document(uri: string): TextDocument | undefined {
    return this.documents.get(uri) ?? this.fromDisk(uri)?.document;
  }
}
