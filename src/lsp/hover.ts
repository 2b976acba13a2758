/**
 * Hover: the HAProxy manual's entry for the keyword under the cursor (multi-word keywords such as
 * `option httpchk`, `timeout connect`, `http-check send` as one), for a rule action
 * (`http-request set-header`), and for server and bind options.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigFile, Line, Section, Word } from '../parser/ast.js';
import { keywordInfo, type KeywordInfo } from '../grammar/index.js';
import { rangeOf } from './diagnostics.js';

/** the manual text shown at most (a few entries run to pages) */
const MAX_DOC = 6000;

export interface Located {
  line: Line;
  section?: Section;
  word: Word;
  index: number;
}

/** The line, section and word at an offset (a cursor just after a word still counts). */
export function wordAt(file: ConfigFile, offset: number): Located | undefined {
  const lines = file.lines;
  let low = 0;
  let high = lines.length - 1;
  let found: Line | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const line = lines[mid]!;
    if (offset < line.start) high = mid - 1;
    else if (offset > line.contentEnd) low = mid + 1;
    else {
      found = line;
      break;
    }
  }
  if (!found) return undefined;
  const words = found.words;
  let index = words.findIndex((w) => w.start <= offset && offset < w.end);
  if (index === -1) index = words.findIndex((w) => w.end === offset);
  if (index === -1) return undefined;
  const section = file.sections.find((s) => s.start <= found!.start && found!.start < s.end);
  return { line: found, section, word: words[index]!, index };
}

/** Positions of the arguments that are names and addresses rather than options. */
const LEADING_ARGS: Record<string, number> = { server: 2, 'server-template': 3, 'default-server': 0, bind: 1 };

function lookup(name: string, context: string | undefined): KeywordInfo | undefined {
  return (context ? keywordInfo(name, context) : undefined) ?? keywordInfo(name);
}

/** What the hovered word documents and the span it stands for. */
function resolve(located: Located): { info: KeywordInfo; start: number; end: number; label: string } | undefined {
  const { line, section, word, index } = located;
  if (line.kind === 'section') {
    if (index !== 0) return undefined;
    const info = keywordInfo(word.value, 'section');
    return info ? { info, start: word.start, end: word.end, label: `${word.value} section` } : undefined;
  }
  if (line.kind !== 'keyword' || line.keyword === '') return undefined;
  const context = section?.kind;
  if (index < line.keywordWordCount) {
    const first = line.words[0]!;
    const last = line.words[line.keywordWordCount - 1]!;
    const info = lookup(line.keyword, context);
    return info ? { info, start: first.start, end: last.end, label: line.keyword } : undefined;
  }
  const argIndex = index - line.keywordWordCount;
  if (argIndex === 0) {
    // a rule action: `http-request set-header`, `tcp-request content accept`
    const action = keywordInfo(`${line.keyword} ${word.value}`);
    if (action?.namespace === 'action') return { info: action, start: word.start, end: word.end, label: `${line.keyword} ${word.value}` };
  }
  const leading = LEADING_ARGS[line.keyword];
  if (leading !== undefined && argIndex >= leading) {
    const namespace = line.keyword === 'bind' ? 'bind' : 'server';
    const info = keywordInfo(word.value, namespace);
    if (info) return { info, start: word.start, end: word.end, label: `${word.value} (${namespace} option)` };
  }
  return undefined;
}

function versionRange(info: KeywordInfo): string | undefined {
  if (!info.firstVersion) return undefined;
  return info.firstVersion === info.lastVersion ? `HAProxy ${info.firstVersion}` : `HAProxy ${info.firstVersion} – ${info.lastVersion}`;
}

function fence(text: string): string {
  let marker = '```';
  while (text.includes(marker)) marker += '`';
  return `${marker}text\n${text}\n${marker}`;
}

/** The hover text for a keyword, in Markdown or plain text. */
export function renderKeyword(info: KeywordInfo, label: string, markdown: boolean): string {
  const facts: string[] = [];
  const versions = versionRange(info);
  if (versions) facts.push(versions);
  if (info.sections && info.sections.length > 0) facts.push(`sections: ${info.sections.join(', ')}`);
  const notes: string[] = [];
  if (info.removed) {
    const r = info.removed;
    notes.push(`${r.status === 'removed' ? 'Removed' : 'Deprecated'}${r.since ? ` since HAProxy ${r.since}` : ''}${r.replacement ? `; use ${markdown ? `\`${r.replacement}\`` : `"${r.replacement}"`} instead` : ''}${r.note ? `. ${r.note}` : ''}`);
  } else if (info.deprecated.length > 0) {
    notes.push(`Deprecated in HAProxy ${info.deprecated.join(', ')}${info.deprecation ? `: ${info.deprecation}` : ''}`);
  }
  let doc = info.doc?.text;
  if (doc && doc.length > MAX_DOC) doc = `${doc.slice(0, MAX_DOC).replace(/\s+\S*$/, '')}\n…`;
  const source = info.doc ? `HAProxy ${info.doc.version} configuration manual, section ${info.doc.chapter}` : undefined;
  if (!markdown) {
    return [[label, ...facts].join(' — '), ...notes, ...(doc ? ['', doc] : []), ...(source ? ['', `(${source})`] : [])].join('\n');
  }
  const parts = [`**${label}**${facts.length > 0 ? ` — ${facts.join(' · ')}` : ''}`];
  for (const note of notes) parts.push(`⚠ ${note}`);
  if (doc) parts.push(fence(doc));
  if (source) parts.push(`*${source}*`);
  return parts.join('\n\n');
}

export function hoverAt(document: TextDocument, file: ConfigFile, offset: number, markdown: boolean): Hover | null {
  const located = wordAt(file, offset);
  if (!located) return null;
  const resolved = resolve(located);
  if (!resolved) return null;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: renderKeyword(resolved.info, resolved.label, markdown) },
    range: rangeOf(document, resolved.start, resolved.end),
  };
}
