/**
 * Completion and signature help, from the grammar data of the document's target version and the
 * names the configuration defines. What is offered depends on where the cursor is:
 *
 * - first word of a line: the section kinds and the keywords of the section (multi-word keywords
 *   one word at a time: `timeout`, then `connect`), `option`/`http-request`… members after their head;
 * - server/bind lines: their options, and the values of an option (`ssl-min-ver`, `resolvers`, `track`);
 * - enumerated arguments (`balance`, `mode`, `hash-type`…);
 * - names: backends after `use_backend`/`default_backend`, servers after `use-server`, defaults
 *   after `from`, ACLs in conditions, and the sections `errorfiles`, `filter cache`… name;
 * - sample fetches in an ACL, an anonymous ACL `{ … }` or `%[…]`, converters after a comma;
 * - log-format aliases after `%` in a log-format string.
 *
 * Keywords HAProxy removed before the target version are never offered; deprecated ones are tagged.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Connection,
  type ServerCapabilities,
  type SignatureHelp,
} from 'vscode-languageserver';
import {
  aclKeywords,
  bindOptions,
  converters,
  familyMembers,
  familyNames,
  isVersion,
  keywordInfo,
  removedKeyword,
  sampleFetches,
  sectionKeywords,
  sectionKinds,
  serverOptions,
  VERSIONS,
  type Version,
} from '../../grammar/index.js';
import { KEYWORD_VALUES, LOG_FORMAT_ALIASES } from '../../grammar/values.js';
import type { ConfigFile, Line, Section } from '../../parser/ast.js';
import type { SymbolIndex, SymbolKind } from '../symbols/table.js';
import { symbolKey } from '../symbols/table.js';
import type { FeatureContext } from './context.js';

export const completionCapabilities: ServerCapabilities = {
  completionProvider: { triggerCharacters: [' ', '%', '[', ',', '(', '/', '@'], resolveProvider: true },
  signatureHelpProvider: { triggerCharacters: [' ', '(', ','], retriggerCharacters: [','] },
};

const DEFAULT_VERSION: Version = '3.2';
const DIRECTIVES = ['.if', '.elif', '.else', '.endif', '.diag', '.notice', '.warning', '.alert'];
const SERVER_LIKE: Record<string, { namespace: 'server' | 'bind'; leading: number }> = {
  server: { namespace: 'server', leading: 2 },
  'default-server': { namespace: 'server', leading: 0 },
  'server-template': { namespace: 'server', leading: 3 },
  bind: { namespace: 'bind', leading: 1 },
};
/** Keywords whose first argument names a section defined elsewhere. */
const NAME_ARGS: Record<string, SymbolKind> = {
  use_backend: 'backend', default_backend: 'backend', 'use-server': 'server', errorfiles: 'http-errors',
  'use-fcgi-app': 'fcgi-app', 'email-alert mailers': 'mailers',
};
/** Actions whose argument is a sample expression. */
const SAMPLE_ARGS = /^(stick (on|match|store-request|store-response)|track-sc\d|set-var\(|set-var-fmt\(|set-dst|set-src|capture)$/;

export interface CompletionData {
  namespace: string;
  name: string;
}

export function targetVersionOf(value: string | undefined): Version {
  return value && isVersion(value) ? value : DEFAULT_VERSION;
}

/** Where the cursor is: its line, its section, the words before it and the word being typed. */
interface Cursor {
  line?: Line;
  section?: Section;
  before: string[];
  prefix: string;
  prefixStart: number;
}

function cursorAt(file: ConfigFile, offset: number): Cursor {
  const line = file.lines.find((l) => l.start <= offset && offset <= l.contentEnd);
  const section = line ? [...file.sections].reverse().find((s) => s.start <= line.start) : undefined;
  if (!line) return { before: [], prefix: '', prefixStart: offset };
  // the word the cursor is in or right after is the one being typed
  const current = line.words.find((w) => w.start < offset && offset <= w.end);
  const before = line.words.filter((w) => w.end <= offset && w !== current).map((w) => w.value);
  if (line.comment && line.comment.start < offset) return { line, section, before: ['#'], prefix: '', prefixStart: offset };
  const prefixStart = current ? current.start : offset;
  return { line, section: line.kind === 'section' ? undefined : section, before, prefix: file.text.slice(prefixStart, offset), prefixStart };
}

export function registerCompletion(connection: Connection, context: FeatureContext): void {
  connection.onCompletion(async (params) => {
    const model = context.models.get(params.textDocument.uri);
    if (!model) return null;
    const version = targetVersionOf(await context.targetVersion(params.textDocument.uri));
    const offset = model.document.offsetAt(params.position);
    const items = completionsAt(model.file, offset, version, context.models.indexFor(params.textDocument.uri));
    const range = (start: number) => ({ start: model.document.positionAt(start), end: params.position });
    return {
      isIncomplete: false,
      items: items.map(({ item, replaceFrom }) => ({ ...item, textEdit: { range: range(replaceFrom), newText: item.insertText ?? item.label }, insertText: undefined })),
    };
  });

  connection.onCompletionResolve((item) => {
    const data = item.data as CompletionData | undefined;
    if (!data) return item;
    const info = keywordInfo(data.name, data.namespace);
    if (info?.doc?.text) item.documentation = { kind: MarkupKind.Markdown, value: `\`\`\`text\n${info.doc.text.slice(0, 3000)}\n\`\`\`` };
    return item;
  });

  connection.onSignatureHelp(async (params) => {
    const model = context.models.get(params.textDocument.uri);
    if (!model) return null;
    return signatureAt(model.file, model.document.offsetAt(params.position));
  });
}

interface Candidate {
  item: CompletionItem;
  replaceFrom: number;
}

export function completionsAt(file: ConfigFile, offset: number, version: Version, index: SymbolIndex): Candidate[] {
  const cursor = cursorAt(file, offset);
  if (cursor.before[0] === '#') return [];
  const out: Candidate[] = [];
  const add = (item: CompletionItem, replaceFrom = cursor.prefixStart) => out.push({ item, replaceFrom });
  const kind = cursor.section?.kind;
  const before = cursor.before;
  const prefix = cursor.prefix;

  // inside a sample expression: `%[fetch,conv]`, `{ fetch }`, `acl name fetch`
  const sample = sampleContext(cursor, prefix);
  if (sample) {
    const from = cursor.prefixStart + sample.offset;
    if (sample.what === 'converter') for (const name of converters(version)) add(sampleItem(name, 'converter', version), from);
    else {
      for (const name of sampleFetches(version)) add(sampleItem(name, 'fetch', version), from);
      if (sample.acl) for (const name of aclKeywords(version)) add(sampleItem(name, 'acl', version), from);
    }
    return out;
  }
  // log-format aliases: `%c` → `%ci`
  const alias = /%[A-Za-z]*$/.exec(prefix);
  if (alias && before.length > 0) {
    for (const [name, meaning] of Object.entries(LOG_FORMAT_ALIASES)) add({ label: name, kind: CompletionItemKind.Variable, detail: meaning }, cursor.prefixStart + alias.index);
    return out;
  }

  if (before.length === 0) {
    // a new line: section kinds at column 0, the section's keywords, conditional directives
    const atColumn0 = cursor.line ? cursor.prefixStart === cursor.line.start || cursor.line.kind === 'section' : true;
    for (const name of sectionKinds(version)) add({ label: name, kind: CompletionItemKind.Module, detail: 'section', sortText: `${atColumn0 || !kind ? '0' : '2'}${name}`, data: { namespace: 'section', name } satisfies CompletionData });
    if (kind) for (const item of keywordContinuations(kind, [], version)) add(item);
    for (const name of DIRECTIVES) add({ label: name, kind: CompletionItemKind.Keyword, detail: 'conditional block', sortText: `3${name}` });
    return out;
  }
  const line = cursor.line!;
  // `from <defaults>` on a section header
  if (line.kind === 'section') {
    if (before[before.length - 1] === 'from') names(index, 'defaults', '', add);
    return out;
  }
  if (!kind) return out;
  // the words of a multi-word keyword, and a family's members (`option `, `http-request `)
  const typed = before.join(' ');
  const continuations = keywordContinuations(kind, before, version);
  const family = familyNames().includes(typed) ? familyMembers(typed, version) : [];
  if (continuations.length > 0 || family.length > 0) {
    for (const item of continuations) add(item);
    const seen = new Set(continuations.map((c) => c.label));
    for (const member of family) {
      if (seen.has(member)) continue;
      add(memberItem(typed, member, version));
    }
    return out;
  }

  const keyword = line.kind === 'keyword' ? line.keyword : '';
  const argIndex = before.length - line.keywordWordCount;
  const previous = before[before.length - 1]!;
  const nameKind = NAME_ARGS[keyword];
  if (nameKind && argIndex === 0) {
    names(index, nameKind, nameKind === 'server' ? cursor.section?.name?.value ?? '' : '', add);
    return out;
  }
  if (keyword === 'filter' && previous === 'cache') return names(index, 'cache', '', add), out;
  if (/^http-(request|response)$/.test(keyword) && /^cache-(use|store)$/.test(previous)) return names(index, 'cache', '', add), out;
  // a condition: ACL names of this proxy, predefined ACLs
  const condition = before.lastIndexOf('if') >= 0 || before.lastIndexOf('unless') >= 0;
  if (condition && previous !== '{') {
    const scope = `${kind}:${cursor.section?.name?.value ?? `@${cursor.section?.header.line}`}`;
    const negated = prefix.startsWith('!') ? 1 : 0;
    names(index, 'acl', scope, (item) => add(item, cursor.prefixStart + negated));
    for (const name of aclKeywords(version).filter((n) => /^[A-Z]/.test(n))) add({ label: name, kind: CompletionItemKind.Constant, detail: 'predefined ACL', sortText: `1${name}` }, cursor.prefixStart + negated);
    for (const word of ['or', '||']) add({ label: word, kind: CompletionItemKind.Operator, sortText: `2${word}` });
    return out;
  }
  // server and bind options, and their values
  const serverLike = SERVER_LIKE[keyword];
  if (serverLike && argIndex >= serverLike.leading) {
    const options = serverLike.namespace === 'server' ? serverOptions(version) : bindOptions(version);
    const values = KEYWORD_VALUES[previous];
    if (options.get(previous)) {
      if (values) enumItems(values, add);
      else if (previous === 'track') names(index, 'server', cursor.section?.name?.value ?? '', add);
      else if (previous === 'resolvers') names(index, 'resolvers', '', add);
      return out;
    }
    for (const [name, takesArg] of options) {
      const info = keywordInfo(name, serverLike.namespace);
      add({
        label: name,
        kind: CompletionItemKind.Property,
        detail: `${serverLike.namespace} option${takesArg ? ' <value>' : ''}`,
        tags: info?.deprecated.includes(version) ? [CompletionItemTag.Deprecated] : undefined,
        data: { namespace: serverLike.namespace, name } satisfies CompletionData,
      });
    }
    return out;
  }
  // enumerated arguments: `balance`, `mode`, `hash-type`…
  const values = KEYWORD_VALUES[keyword];
  if (values && argIndex === 0) enumItems(values, add);
  return out;
}

/** The next word of the section's keywords starting with the words typed, one item per word. */
function keywordContinuations(kind: string, typed: string[], version: Version): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  // `no option foo` / `default option foo`: the keyword starts after the modifier
  const skip = typed[0] === 'no' || typed[0] === 'default' ? 1 : 0;
  const words = typed.slice(skip);
  const prefix = words.length > 0 ? `${words.join(' ')} ` : '';
  if (skip && words.length === 0) {
    for (const keyword of sectionKeywords(kind, version)) if (keyword.startsWith('option ')) items.set('option', { label: 'option', kind: CompletionItemKind.Keyword });
    return [...items.values()];
  }
  for (const keyword of sectionKeywords(kind, version)) {
    if (!keyword.startsWith(prefix)) continue;
    const removed = removedKeyword(keyword);
    if (removed?.status === 'removed' && removed.since && VERSIONS.indexOf(removed.since as Version) >= 0 && VERSIONS.indexOf(removed.since as Version) <= VERSIONS.indexOf(version)) continue;
    const rest = keyword.slice(prefix.length);
    const next = rest.split(' ')[0]!;
    if (items.has(next)) continue;
    const complete = rest === next;
    const info = complete ? keywordInfo(keyword, kind) : undefined;
    const deprecated = info ? info.deprecated.includes(version) || removed?.status === 'deprecated' : false;
    items.set(next, {
      label: next,
      kind: CompletionItemKind.Keyword,
      detail: complete ? signatureLine(info?.doc?.text) ?? keyword : `${prefix}${next} …`,
      tags: deprecated ? [CompletionItemTag.Deprecated] : undefined,
      data: complete ? ({ namespace: kind, name: keyword } satisfies CompletionData) : undefined,
    });
  }
  return [...items.values()];
}

function memberItem(family: string, member: string, version: Version): CompletionItem {
  const info = keywordInfo(`${family} ${member}`) ?? keywordInfo(member, 'action');
  return {
    label: member,
    kind: CompletionItemKind.Method,
    detail: signatureLine(info?.doc?.text) ?? `${family} ${member}`,
    tags: info?.deprecated.includes(version) ? [CompletionItemTag.Deprecated] : undefined,
    data: { namespace: 'action', name: `${family} ${member}` } satisfies CompletionData,
  };
}

function sampleItem(name: string, namespace: 'fetch' | 'converter' | 'acl', version: Version): CompletionItem {
  const info = keywordInfo(name, namespace);
  const signature = signatureLine(info?.doc?.text);
  const takesArgs = signature ? signature.startsWith(`${name}(`) : false;
  return {
    label: name,
    kind: namespace === 'converter' ? CompletionItemKind.Method : namespace === 'acl' ? CompletionItemKind.Constant : CompletionItemKind.Function,
    detail: signature ?? namespace,
    tags: info?.deprecated.includes(version) ? [CompletionItemTag.Deprecated] : undefined,
    insertText: takesArgs ? `${name}($1)` : undefined,
    insertTextFormat: takesArgs ? InsertTextFormat.Snippet : undefined,
    data: { namespace, name } satisfies CompletionData,
  };
}

function enumItems(values: Record<string, string>, add: (item: CompletionItem) => void): void {
  for (const [value, meaning] of Object.entries(values)) add({ label: value, kind: CompletionItemKind.EnumMember, detail: meaning });
}

/** The names of a kind defined in the configuration (in `scope` for ACLs and servers). */
function names(index: SymbolIndex, kind: SymbolKind, scope: string, add: (item: CompletionItem) => void): void {
  const namespace = kind === 'listen' ? 'backend' : kind;
  const seen = new Set<string>();
  for (const def of index.allDefinitions()) {
    if (seen.has(def.name) || def.key !== symbolKey(namespace, scope, def.name)) continue;
    seen.add(def.name);
    add({ label: def.name, kind: CompletionItemKind.Reference, detail: `${def.kind}${def.container ? ` in ${def.container}` : ''}`, sortText: `0${def.name}` });
  }
}

/** The first line of a manual entry when it shows the syntax: `balance <algorithm> [ <arguments> ]`. */
export function signatureLine(doc: string | undefined): string | undefined {
  const first = doc?.split('\n')[0]?.trim();
  return first && first.length < 120 ? first : undefined;
}

/** Whether the cursor is in a sample expression, and what it expects there. */
function sampleContext(cursor: Cursor, prefix: string): { what: 'fetch' | 'converter'; offset: number; acl: boolean } | undefined {
  const open = prefix.lastIndexOf('%[');
  if (open >= 0 && !prefix.slice(open).includes(']')) return expression(prefix, open + 2, false);
  const before = cursor.before;
  const line = cursor.line;
  if (!line || line.kind !== 'keyword') return undefined;
  const argIndex = before.length - line.keywordWordCount;
  const previous = before[before.length - 1];
  const inBraces = before.lastIndexOf('{') > before.lastIndexOf('}');
  if ((line.keyword === 'acl' && argIndex === 1) || inBraces) return expression(prefix, 0, true);
  if (previous !== undefined && SAMPLE_ARGS.test(previous)) return expression(prefix, 0, false);
  if (line.keyword.startsWith('stick ') && argIndex === 0) return expression(prefix, 0, false);
  return undefined;
}

/** In `fetch(args),conv1,conv` after `start`: a converter is expected after a top-level comma. */
function expression(prefix: string, start: number, acl: boolean): { what: 'fetch' | 'converter'; offset: number; acl: boolean } | undefined {
  let depth = 0;
  let lastComma = -1;
  for (let i = start; i < prefix.length; i++) {
    const c = prefix[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) lastComma = i;
  }
  // inside a function's arguments: nothing to offer
  if (depth > 0) return undefined;
  return lastComma >= 0 ? { what: 'converter', offset: lastComma + 1, acl: false } : { what: 'fetch', offset: start, acl };
}

/** Signature help: the syntax of the directive being typed, or of the fetch/converter whose arguments are. */
export function signatureAt(file: ConfigFile, offset: number): SignatureHelp | null {
  const cursor = cursorAt(file, offset);
  const line = cursor.line;
  if (!line || line.kind !== 'keyword' || !cursor.section) return null;
  // a call: `name(arg, arg` before the cursor
  const call = /([a-z0-9_.]+)\(([^()]*)$/i.exec(cursor.prefix);
  if (call) {
    const name = call[1]!;
    const info = keywordInfo(name, 'fetch') ?? keywordInfo(name, 'converter');
    const label = signatureLine(info?.doc?.text);
    if (info && label) {
      const params = parameterLabels(label);
      return { signatures: [{ label, documentation: info.doc?.text.split('\n').slice(1, 6).join('\n'), parameters: params.map((p) => ({ label: p })) }], activeSignature: 0, activeParameter: Math.min(call[2]!.split(',').length - 1, Math.max(0, params.length - 1)) };
    }
  }
  if (line.keywordWordCount === 0 || cursor.before.length < line.keywordWordCount) return null;
  const info = keywordInfo(line.keyword, cursor.section.kind);
  const lines = (info?.doc?.text ?? '').split('\n');
  const signatures = lines.slice(0, lines.findIndex((l) => /^\s/.test(l)) >>> 0).filter((l) => l.startsWith(line.keyword.split(' ')[0]!));
  if (signatures.length === 0) return null;
  const argIndex = Math.max(0, cursor.before.length - line.keywordWordCount);
  return {
    signatures: signatures.map((label) => {
      const params = label.slice(line.keyword.length).match(/<[^>]+>|\[[^\]]*\]/g) ?? [];
      return { label, parameters: params.map((p) => ({ label: p })) };
    }),
    activeSignature: 0,
    activeParameter: argIndex,
  };
}

function parameterLabels(signature: string): string[] {
  const inner = /\((.*)\)/.exec(signature)?.[1] ?? '';
  return (inner.match(/<[^>]+>/g) ?? []).map((p) => p);
}
