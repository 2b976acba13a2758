/**
 * Hover beyond keywords (src/lsp/hover.ts): names (where the name is defined, with the defining
 * line or the section's first lines), sample fetches, converters and ACL criteria under the cursor
 * (manual text and signature), enumerated values (`roundrobin`) and log-format aliases (`%ci`).
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { keywordInfo } from '../../grammar/index.js';
import { KEYWORD_VALUES, LOG_FORMAT_ALIASES } from '../../grammar/values.js';
import { renderKeyword, wordAt } from '../hover.js';
import type { FeatureContext } from './context.js';

const PREVIEW_LINES = 8;

export function extraHover(context: FeatureContext, uri: string, position: { line: number; character: number }): Hover | null {
  const model = context.models.get(uri);
  if (!model) return null;
  const document = model.document;
  const offset = document.offsetAt(position);
  const markdown = context.markdown();
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const content = (value: string): Hover['contents'] => ({ kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value });

  // a name: its definition and a preview
  const index = context.models.indexFor(uri);
  const found = index.keysAt(uri, offset);
  if (found) {
    const defs = found.keys.flatMap((key) => index.definitionsOf(key));
    const def = defs[0];
    const where = def ? context.models.document(def.uri) : undefined;
    if (def && where) {
      const line = where.positionAt(def.fullStart).line;
      const lines = where.getText().slice(def.fullStart, def.fullEnd).split('\n');
      const preview = lines.slice(0, PREVIEW_LINES).join('\n') + (lines.length > PREVIEW_LINES ? '\n…' : '');
      const file = def.uri === uri ? '' : ` in ${decodeURIComponent(def.uri.slice(def.uri.lastIndexOf('/') + 1))}`;
      const title = `${def.kind} ${def.name} — defined at line ${line + 1}${file}${defs.length > 1 ? ` (and ${defs.length - 1} more)` : ''}`;
      return { contents: content(markdown ? `**${title}**\n\n\`\`\`haproxy\n${preview}\n\`\`\`` : `${title}\n\n${preview}`), range: range(found.start, found.end) };
    }
    return { contents: content(`${found.name}: not defined in the files open here`), range: range(found.start, found.end) };
  }

  const located = wordAt(model.file, offset);
  if (!located) return null;
  const { word, line } = located;
  // an identifier inside the word: a fetch, converter or ACL criterion, or a log-format alias
  const text = word.raw;
  const at = offset - word.start;
  const alias = /%[A-Za-z]+/g;
  for (const match of text.matchAll(alias)) {
    if (match.index! <= at && at <= match.index! + match[0].length && LOG_FORMAT_ALIASES[match[0]]) {
      return { contents: content(`${match[0]}: ${LOG_FORMAT_ALIASES[match[0]]}`), range: range(word.start + match.index!, word.start + match.index! + match[0].length) };
    }
  }
  for (const match of text.matchAll(/[A-Za-z_][A-Za-z0-9_.]*/g)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (at < start || at > end) continue;
    const name = match[0];
    const valueMeaning = KEYWORD_VALUES[line.keyword]?.[name] ?? KEYWORD_VALUES[located.line.words[located.index - 1]?.value ?? '']?.[name];
    if (valueMeaning) return { contents: content(markdown ? `**${name}** (${line.keyword}): ${valueMeaning}` : `${name} (${line.keyword}): ${valueMeaning}`), range: range(word.start + start, word.start + end) };
    // after a comma a converter; otherwise a fetch, then an ACL criterion
    const afterComma = text[start - 1] === ',';
    const order = afterComma ? ['converter', 'fetch'] : ['fetch', 'acl', 'converter'];
    for (const namespace of order) {
      const info = keywordInfo(name, namespace);
      if (info && (located.index >= located.line.keywordWordCount || line.kind !== 'keyword')) {
        return { contents: content(renderKeyword(info, `${name} (${namespace === 'fetch' ? 'sample fetch' : namespace === 'acl' ? 'ACL criterion' : 'converter'})`, markdown)), range: range(word.start + start, word.start + end) };
      }
    }
  }
  return null;
}
