/**
 * The names a configuration defines and where it uses them, for navigation (definition, references,
 * highlights, rename, outline, workspace symbols, semantic tokens).
 *
 * One table per file, built from the parse tree and the configuration model. Features look names up
 * through a `SymbolIndex` over several tables, so navigation crosses files as soon as the index holds
 * every file of a configuration set.
 *
 * A symbol's key is `<namespace>\0<scope>\0<name>`: proxies, sections and tables live in the global
 * scope; ACLs in their proxy's scope; servers in their backend's (named so that `track be/srv` and
 * `use-server srv` find them).
 */
import type { ConfigFile, Line, Section, Word } from '../../parser/ast.js';
import { configModel, isDynamicName, type Proxy } from '../../rules/model/config-model.js';

export type SymbolKind =
  | 'frontend' | 'backend' | 'listen' | 'defaults' | 'acl' | 'server' | 'userlist' | 'resolvers' | 'peers'
  | 'cache' | 'ring' | 'http-errors' | 'table' | 'mailers' | 'fcgi-app' | 'log-forward' | 'program' | 'crt-store';

/** Named section kinds other than proxies: each its own namespace. */
const NAMED_KINDS: ReadonlySet<string> = new Set(['userlist', 'resolvers', 'peers', 'cache', 'ring', 'http-errors', 'mailers', 'fcgi-app', 'log-forward', 'program', 'crt-store']);

/** A name in a document: `start`/`end` are the offsets of the name. */
export interface SymbolRef {
  key: string;
  name: string;
  kind: SymbolKind;
  uri: string;
  start: number;
  end: number;
}

export interface SymbolDef extends SymbolRef {
  /** the whole definition: the section, or the defining line */
  fullStart: number;
  fullEnd: number;
  /** the section holding a line definition (`backend app`) */
  container?: string;
}

export interface SymbolTable {
  uri: string;
  definitions: SymbolDef[];
  references: SymbolRef[];
}

export const symbolKey = (namespace: string, scope: string, name: string) => `${namespace}\0${scope}\0${name}`;

/** The namespace references look definitions up in (a listen is a backend for `use_backend`). */
function namespaceOf(kind: SymbolKind): string {
  return kind === 'listen' ? 'backend' : kind;
}

/** How a proxy's ACLs are scoped: by kind and name, or by header line for an unnamed defaults section. */
function proxyScope(proxy: Proxy): string {
  return `${proxy.kind}:${proxy.name ?? `@${proxy.section.header.line}`}`;
}

/** Whether the word's value is its raw text (so a part of the value has a range in the document). */
const plain = (word: Word) => word.quoting === 'none' && word.raw === word.value;

export function buildSymbolTable(uri: string, file: ConfigFile): SymbolTable {
  const definitions: SymbolDef[] = [];
  const references: SymbolRef[] = [];
  const model = configModel(file);
  const define = (kind: SymbolKind, namespace: string, scope: string, word: Word, full: { start: number; end: number }, container?: string) => {
    if (isDynamicName(word)) return;
    definitions.push({ key: symbolKey(namespace, scope, word.value), name: word.value, kind, uri, start: word.start, end: word.end, fullStart: full.start, fullEnd: full.end, container });
  };
  const refer = (kind: SymbolKind, scope: string, name: string, start: number, end: number) => {
    if (name === '' || /[$%{}]/.test(name)) return;
    references.push({ key: symbolKey(namespaceOf(kind), scope, name), name, kind, uri, start, end });
  };
  const referWord = (kind: SymbolKind, scope: string, word: Word | undefined) => {
    if (word && !isDynamicName(word)) refer(kind, scope, word.value, word.start, word.end);
  };
  /** a reference written inside a word (`ring@name`, `be/srv`, `table_cnt(name)`), when its range is known */
  const referPart = (kind: SymbolKind, scope: string, word: Word, offset: number, name: string) => {
    if (plain(word)) refer(kind, scope, name, word.start + offset, word.start + offset + name.length);
  };

  for (const section of file.sections) {
    const full = { start: section.start, end: lastContentEnd(section) };
    const name = section.name;
    if (section.from) referWord('defaults', '', section.from);
    const proxy = model.proxyOf(section);
    if (proxy) {
      if (name) define(section.kind as SymbolKind, namespaceOf(section.kind as SymbolKind), '', name, full);
      if (name && proxy.hasStickTable) define('table', 'table', '', name, full);
      proxyReferences(proxy, define, referWord, referPart);
    } else if (name && NAMED_KINDS.has(section.kind)) {
      define(section.kind as SymbolKind, section.kind, '', name, full);
      if (section.kind === 'peers') {
        // `table <name>` lines of a peers section declare stick tables
        for (const line of section.lines) {
          if (line.kind === 'keyword' && line.keyword === 'table' && line.args[0]) define('table', 'table', '', line.args[0], line, `peers ${name.value}`);
        }
      }
    }
  }
  return { uri, definitions, references };
}

type Define = (kind: SymbolKind, namespace: string, scope: string, word: Word, full: { start: number; end: number }, container?: string) => void;
type ReferWord = (kind: SymbolKind, scope: string, word: Word | undefined) => void;
type ReferPart = (kind: SymbolKind, scope: string, word: Word, offset: number, name: string) => void;

const SERVER_NAME_ARG: Record<string, number> = { server: 0, 'server-template': 0 };

function proxyReferences(proxy: Proxy, define: Define, referWord: ReferWord, referPart: ReferPart): void {
  const scope = proxyScope(proxy);
  const container = `${proxy.kind} ${proxy.name ?? ''}`.trim();
  const backendScope = proxy.name ?? '';
  for (const acl of proxy.acls) define('acl', 'acl', scope, acl.word, acl.line, container);
  for (const server of proxy.servers) define('server', 'server', backendScope, server.word, server.line, container);
  const seen = new Set<Word>();
  for (const use of [...proxy.aclUses, ...proxy.looseAclUses]) {
    if (seen.has(use.word) && !use.viaFetch) continue;
    seen.add(use.word);
    if (use.viaFetch) {
      const at = use.word.value.indexOf(use.name, use.word.value.indexOf('acl('));
      if (at >= 0) referPart('acl', scope, use.word, at, use.name);
    } else {
      const offset = use.word.value.length - use.name.length;
      if (offset === 0) referWord('acl', scope, use.word);
      else referPart('acl', scope, use.word, offset, use.name);
    }
  }
  for (const ref of proxy.backendRefs) if (!ref.dynamic) referWord('backend', '', ref.word);
  for (const line of proxy.lines) lineReferences(line, backendScope, referWord, referPart);
}

/** References on one line of a proxy: servers, tables, sections named by keywords and options. */
function lineReferences(line: Line, backendScope: string, referWord: ReferWord, referPart: ReferPart): void {
  const args = line.args;
  switch (line.keyword) {
    case 'use-server':
      referWord('server', backendScope, args[0]);
      break;
    case 'errorfiles':
      referWord('http-errors', '', args[0]);
      break;
    case 'use-fcgi-app':
      referWord('fcgi-app', '', args[0]);
      break;
    case 'email-alert mailers':
      referWord('mailers', '', args[0]);
      break;
    case 'filter':
      if (args[0]?.value === 'cache') referWord('cache', '', args[1]);
      break;
  }
  const head = line.keyword.split(' ')[0];
  if ((head === 'http-request' || head === 'http-response') && /^cache-(use|store)$/.test(args[0]?.value ?? '')) referWord('cache', '', args[1]);
  if (line.keyword === 'stick-table') {
    const peers = args.findIndex((w) => w.value === 'peers');
    if (peers >= 0) referWord('peers', '', args[peers + 1]);
  }
  const serverArgs = SERVER_NAME_ARG[line.keyword];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const value = word.value;
    const previous = args[i - 1]?.value;
    if (previous === 'table' && i > 0 && word.quoting === 'none') referWord('table', '', word);
    if (serverArgs !== undefined && i > serverArgs) {
      if (previous === 'track' && word.quoting === 'none') {
        const slash = value.indexOf('/');
        if (slash < 0) referWord('server', backendScope, word);
        else {
          referPart('backend', '', word, 0, value.slice(0, slash));
          referPart('server', value.slice(0, slash), word, slash + 1, value.slice(slash + 1));
        }
      }
      if (previous === 'resolvers') referWord('resolvers', '', word);
    }
    if (line.keyword === 'log' || line.keyword === 'log-forward') {
      const ring = /^ring@(.+)$/.exec(value);
      if (ring) referPart('ring', '', word, 5, ring[1]!);
    }
    // sample fetches and converters naming a table or a userlist: `table_cnt(t)`, `sc_get_gpc0(0,t)`, `http_auth(users)`
    if (value.includes('(')) {
      for (const match of value.matchAll(/\b(http_auth(?:_group)?|table_[a-z0-9_]+|sc\d*_[a-z0-9_]+|src_[a-z0-9_]+)\(([^)]*)\)/g)) {
        const fn = match[1]!;
        const parts = match[2]!.split(',');
        const argIndex = fn.startsWith('http_auth') || fn.startsWith('table_') || fn.startsWith('src_') ? 0 : fn.startsWith('sc_') ? 1 : 0;
        const name = parts[argIndex]?.trim();
        if (!name || /^\d+$/.test(name)) continue;
        const offset = match.index! + fn.length + 1 + parts.slice(0, argIndex).reduce((n, p) => n + p.length + 1, 0) + (parts[argIndex]!.length - parts[argIndex]!.trimStart().length);
        referPart(fn.startsWith('http_auth') ? 'userlist' : 'table', '', word, offset, name);
      }
    }
    if (head === 'http-request' && i === 0 && value.startsWith('do-resolve(')) {
      const inner = /^do-resolve\(([^,)]*),([^,)]*)/.exec(value);
      if (inner) referPart('resolvers', '', word, 'do-resolve('.length + inner[1]!.length + 1, inner[2]!);
    }
  }
}

/**
 * The end of a section's last line of content (the section's useful extent): trailing blank lines,
 * comments and `.if` lines opening a block for what follows do not count, nor an `.endif` closing
 * a block opened before the section.
 */
export function lastContentEnd(section: Section): number {
  for (let i = section.lines.length - 1; i >= 0; i--) {
    const line = section.lines[i]!;
    if (line.kind === 'blank' || line.kind === 'comment') continue;
    if (line.kind === 'directive') {
      const directive = line.words[0]!.value;
      if (directive === '.if' || directive === '.elif' || directive === '.else') continue;
      if (directive === '.endif' && line.condDepth < section.header.condDepth) continue;
    }
    return line.contentEnd;
  }
  return section.header.contentEnd;
}

/**
 * Definitions and references across files. Today the language server fills it with the open
 * documents of a directory; a configuration-set model can fill it with the files of a set.
 */
export class SymbolIndex {
  private readonly byKey = new Map<string, { definitions: SymbolDef[]; references: SymbolRef[] }>();

  constructor(readonly tables: readonly SymbolTable[]) {
    for (const table of tables) {
      for (const def of table.definitions) this.entry(def.key).definitions.push(def);
      for (const ref of table.references) this.entry(ref.key).references.push(ref);
    }
  }

  private entry(key: string) {
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { definitions: [], references: [] }));
    return entry;
  }

  definitionsOf(key: string): SymbolDef[] {
    return this.byKey.get(key)?.definitions ?? [];
  }

  referencesOf(key: string): SymbolRef[] {
    return this.byKey.get(key)?.references ?? [];
  }

  allDefinitions(): SymbolDef[] {
    return this.tables.flatMap((t) => t.definitions);
  }

  /** The definition or reference at an offset of a document. */
  at(uri: string, offset: number): { def?: SymbolDef; ref?: SymbolRef } | undefined {
    const table = this.tables.find((t) => t.uri === uri);
    if (!table) return undefined;
    const inside = (s: { start: number; end: number }) => s.start <= offset && offset <= s.end;
    const def = table.definitions.find(inside);
    if (def) return { def };
    const ref = table.references.find(inside);
    return ref ? { ref } : undefined;
  }

  /** Every key the symbol at a position stands for (a backend with a stick table is also a table). */
  keysAt(uri: string, offset: number): { keys: string[]; name: string; start: number; end: number } | undefined {
    const found = this.at(uri, offset);
    if (!found) return undefined;
    const target = found.def ?? found.ref!;
    const keys = new Set([target.key]);
    // definitions sharing the same word stand for the same thing
    for (const key of [...keys]) {
      for (const def of this.definitionsOf(key)) {
        for (const table of this.tables) {
          for (const other of table.definitions) if (other.uri === def.uri && other.start === def.start) keys.add(other.key);
        }
      }
    }
    return { keys: [...keys], name: target.name, start: target.start, end: target.end };
  }
}
