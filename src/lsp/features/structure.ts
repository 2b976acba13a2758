/**
 * The shape of a document: outline (sections with their servers, ACLs and binds), folding ranges
 * (sections, `.if` blocks, comment runs), selection ranges (word → line → section → file) and
 * semantic tokens (keywords, names defined and referenced, strings, environment variables, comments).
 */
import {
  FoldingRangeKind,
  SemanticTokensBuilder,
  SymbolKind as LspSymbolKind,
  type Connection,
  type DocumentSymbol,
  type FoldingRange,
  type SelectionRange,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigFile, Line } from '../../parser/ast.js';
import type { DocumentModels } from './documents.js';
import { lastContentEnd, type SymbolKind, type SymbolTable } from '../symbols/table.js';
import { LSP_KIND } from './navigation.js';

export const TOKEN_TYPES = ['keyword', 'class', 'variable', 'string', 'comment', 'macro', 'property', 'namespace', 'function'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'definition', 'deprecated'] as const;

export const structureCapabilities: ServerCapabilities = {
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
};

export function registerStructure(connection: Connection, models: DocumentModels): void {
  connection.onDocumentSymbol((params) => {
    const model = models.get(params.textDocument.uri);
    return model ? documentSymbols(model.document, model.file) : null;
  });
  connection.onFoldingRanges((params) => {
    const model = models.get(params.textDocument.uri);
    return model ? foldingRanges(model.document, model.file) : null;
  });
  connection.onSelectionRanges((params) => {
    const model = models.get(params.textDocument.uri);
    if (!model) return null;
    return params.positions.map((p) => selectionRange(model.document, model.file, model.document.offsetAt(p)));
  });
  connection.languages.semanticTokens.on((params) => {
    const model = models.get(params.textDocument.uri);
    return model ? semanticTokens(model.document, model.file, model.table) : { data: [] };
  });
}

const SECTION_KIND: Partial<Record<string, LspSymbolKind>> = { global: LspSymbolKind.Namespace };

function range(document: TextDocument, start: number, end: number) {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function documentSymbols(document: TextDocument, file: ConfigFile): DocumentSymbol[] {
  return file.sections.map((section) => {
    const end = lastContentEnd(section);
    const children: DocumentSymbol[] = [];
    for (const line of section.lines) {
      if (line.kind !== 'keyword') continue;
      const child = childSymbol(document, line);
      if (child) children.push(child);
    }
    const name = section.name?.value;
    const kind = LSP_KIND[section.kind as SymbolKind] ?? SECTION_KIND[section.kind] ?? LspSymbolKind.Module;
    return {
      name: name ? `${section.kind} ${name}` : section.kind,
      detail: section.from ? `from ${section.from.value}` : undefined,
      kind,
      range: range(document, section.start, end),
      selectionRange: range(document, (section.name ?? section.header.words[0]!).start, (section.name ?? section.header.words[0]!).end),
      children,
    };
  });
}

function childSymbol(document: TextDocument, line: Line): DocumentSymbol | undefined {
  const first = line.args[0];
  const full = range(document, line.words[0]!.start, line.contentEnd);
  switch (line.keyword) {
    case 'server':
    case 'server-template':
      if (!first) return undefined;
      return { name: first.value, detail: line.args.slice(1, line.keyword === 'server' ? 2 : 3).map((w) => w.value).join(' '), kind: LspSymbolKind.Object, range: full, selectionRange: range(document, first.start, first.end) };
    case 'acl':
      if (!first) return undefined;
      return { name: first.value, detail: line.args.slice(1).map((w) => w.value).join(' '), kind: LspSymbolKind.Boolean, range: full, selectionRange: range(document, first.start, first.end) };
    case 'bind':
      if (!first) return undefined;
      return { name: `bind ${first.value}`, kind: LspSymbolKind.Interface, range: full, selectionRange: range(document, first.start, first.end) };
    case 'table':
      if (!first) return undefined;
      return { name: `table ${first.value}`, kind: LspSymbolKind.Array, range: full, selectionRange: range(document, first.start, first.end) };
    case 'user':
    case 'group':
    case 'peer':
    case 'nameserver':
    case 'mailer':
      if (!first) return undefined;
      return { name: `${line.keyword} ${first.value}`, kind: LspSymbolKind.Field, range: full, selectionRange: range(document, first.start, first.end) };
  }
  return undefined;
}

export function foldingRanges(document: TextDocument, file: ConfigFile): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const lineOf = (offset: number) => document.positionAt(offset).line;
  for (const section of file.sections) {
    const start = lineOf(section.header.start);
    const end = lineOf(lastContentEnd(section));
    if (end > start) ranges.push({ startLine: start, endLine: end });
  }
  // `.if` … `.endif` (with `.elif`/`.else` splitting the block)
  const open: number[] = [];
  for (const line of file.lines) {
    if (line.kind !== 'directive') continue;
    const directive = line.words[0]!.value;
    if (directive === '.if') open.push(line.line - 1);
    else if (directive === '.elif' || directive === '.else') {
      const start = open.pop();
      if (start !== undefined && line.line - 2 > start) ranges.push({ startLine: start, endLine: line.line - 2 });
      open.push(line.line - 1);
    } else if (directive === '.endif') {
      const start = open.pop();
      if (start !== undefined && line.line - 1 > start) ranges.push({ startLine: start, endLine: line.line - 1 });
    }
  }
  // runs of two or more comment lines
  let runStart = -1;
  const lines = file.lines;
  for (let i = 0; i <= lines.length; i++) {
    const comment = i < lines.length && lines[i]!.kind === 'comment';
    if (comment && runStart < 0) runStart = i;
    if (!comment && runStart >= 0) {
      if (i - 1 > runStart) ranges.push({ startLine: runStart, endLine: i - 1, kind: FoldingRangeKind.Comment });
      runStart = -1;
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

export function selectionRange(document: TextDocument, file: ConfigFile, offset: number): SelectionRange {
  const fileRange: SelectionRange = { range: range(document, 0, file.text.length) };
  const section = file.sections.find((s) => s.start <= offset && offset <= s.end);
  const sectionRange: SelectionRange = section ? { range: range(document, section.start, lastContentEnd(section)), parent: fileRange } : fileRange;
  const line = file.lines.find((l) => l.start <= offset && offset <= l.contentEnd);
  if (!line || line.kind === 'blank') return sectionRange;
  const from = line.words[0]?.start ?? line.comment?.start ?? line.start;
  const lineRange: SelectionRange = { range: range(document, from, line.contentEnd), parent: sectionRange };
  const word = line.words.find((w) => w.start <= offset && offset <= w.end);
  if (!word) return lineRange;
  return { range: range(document, word.start, word.end), parent: lineRange };
}

const TYPE_OF_SYMBOL: Record<SymbolKind, (typeof TOKEN_TYPES)[number]> = {
  frontend: 'class', backend: 'class', listen: 'class', defaults: 'namespace', acl: 'function', server: 'property',
  userlist: 'namespace', resolvers: 'namespace', peers: 'namespace', cache: 'namespace', ring: 'namespace',
  'http-errors': 'namespace', table: 'variable', mailers: 'namespace', 'fcgi-app': 'namespace', 'log-forward': 'namespace',
  program: 'namespace', 'crt-store': 'namespace',
};

export function semanticTokens(document: TextDocument, file: ConfigFile, table: SymbolTable) {
  interface Token { start: number; end: number; type: number; modifiers: number }
  const tokens: Token[] = [];
  const type = (name: (typeof TOKEN_TYPES)[number]) => TOKEN_TYPES.indexOf(name);
  // the names on each line, defined (declaration + definition modifiers) or referenced
  const namedByLine = new Map<number, Token[]>();
  const addNamed = (start: number, end: number, kind: SymbolKind, modifiers: number) => {
    const line = file.positionAt(start).line;
    const list = namedByLine.get(line) ?? [];
    if (!list.some((t) => t.start === start)) list.push({ start, end, type: type(TYPE_OF_SYMBOL[kind]), modifiers });
    namedByLine.set(line, list);
  };
  for (const def of table.definitions) addNamed(def.start, def.end, def.kind, 1 | 2);
  for (const ref of table.references) addNamed(ref.start, ref.end, ref.kind, 0);
  for (const line of file.lines) {
    if (line.kind === 'keyword' || line.kind === 'section' || line.kind === 'directive') {
      const words = line.words;
      const named = namedByLine.get(line.line) ?? [];
      const count = line.kind === 'keyword' ? line.keywordWordCount : 1;
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        if (i < count) {
          tokens.push({ start: word.start, end: word.end, type: type(line.kind === 'directive' ? 'macro' : 'keyword'), modifiers: 0 });
          continue;
        }
        // a name, or names inside a word (`be/srv`, `ring@name`, `table_cnt(t)`)
        const inner = named.filter((t) => t.start >= word.start && t.end <= word.end);
        if (inner.length > 0) tokens.push(...inner);
        else if (word.envRefs.length > 0) for (const ref of word.envRefs) tokens.push({ start: ref.start, end: ref.end, type: type('variable'), modifiers: 0 });
        else if (word.quoting !== 'none') tokens.push({ start: word.start, end: word.end, type: type('string'), modifiers: 0 });
      }
    }
    if (line.comment) tokens.push({ start: line.comment.start, end: line.comment.end, type: type('comment'), modifiers: 0 });
  }
  tokens.sort((a, b) => a.start - b.start || a.end - b.end);
  const builder = new SemanticTokensBuilder();
  let lastEnd = -1;
  for (const token of tokens) {
    // tokens never overlap (a string holding a variable: the string is cut at the variable)
    if (token.start < lastEnd) continue;
    const start = document.positionAt(token.start);
    const end = document.positionAt(token.end);
    if (start.line !== end.line) continue;
    builder.push(start.line, start.character, end.character - start.character, token.type, token.modifiers);
    lastEnd = token.end;
  }
  return builder.build();
}

