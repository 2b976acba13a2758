/**
 * Templated configurations (Jinja/Ansible, Go templates/Helm/confd, ERB): tags are masked before
 * parsing so that rules need no special case. A line holding only tags (`{% for … %}`,
 * `{{- if … }}`, `{{ extra | indent(4) }}`) becomes blank: control lines are transparent and both
 * branches of an `if` are linted as written. A tag inside a line becomes one opaque word of the
 * same length, written like an environment reference (`${___}`), which rules already treat as a
 * value only known later. The engine then drops findings and fixes that touch a tag.
 */
import type { Span } from '../parser/ast.js';

const TEMPLATE_EXTENSIONS = ['.j2', '.jinja', '.jinja2', '.tmpl', '.tpl', '.gotmpl', '.erb'];
const TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}|<%[\s\S]*?%>/g;
/** tags that produce no value in place: Jinja statements and comments, ERB code, Go actions */
const CONTROL_TAG = /^(?:\{%|\{#|<%(?!=)|\{\{-?\s*(?:(?:if|else|end|range|with|define|template|block|break|continue)\b|\/\*))/;

/** Whether a file is a template: by its name, else by a template tag in its text. */
export function isTemplate(path: string, text: string): boolean {
  const name = path.toLowerCase();
  if (TEMPLATE_EXTENSIONS.some((ext) => name.endsWith(ext))) return true;
  return new RegExp(TAG.source).test(text);
}

/** The text with its template tags masked (same length, same line breaks) and where the tags are. */
export function maskTemplate(text: string): { text: string; tags: Span[] } {
  const tags: Span[] = [];
  for (const match of text.matchAll(new RegExp(TAG.source, 'g'))) tags.push({ start: match.index!, end: match.index! + match[0].length });
  if (tags.length === 0) return { text, tags };
  const chars = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  const directives = blockDirectives(text, tags);
  for (const [index, tag] of tags.entries()) {
    const source = text.slice(tag.start, tag.end);
    const directive = directives.get(tag);
    // `{{-`/`{%-` first on a line trims the line break before it: what follows the tags continues the previous line
    if (/^(?:\{\{-|\{%-)/.test(source)) {
      const lineStart = text.lastIndexOf('\n', tag.start - 1);
      if (lineStart > 0 && !/\S/.test(text.slice(lineStart + 1, tag.start))) {
        chars[lineStart] = ' ';
        if (chars[lineStart - 1] === '\r') chars[lineStart - 1] = ' ';
      }
    }
    const alone = aloneOnItsLines(text, tags, index);
    if (directive && directive.length <= tag.end - tag.start) {
      // a block of the template is a conditional block for the rules (`.if …`/`.else`/`.endif`): its lines may not be rendered
      blank(tag.start, tag.end);
      for (let i = 0; i < directive.length; i++) chars[tag.start + i] = directive[i]!;
      continue;
    }
    // a control tag that ends a word (`}{{ end }}`) renders nothing there: blanking it leaves the word as written
    if (alone || (CONTROL_TAG.test(source) && (!insideWord(text, tag) || /\s/.test(text[tag.end] ?? ' ')))) {
      blank(tag.start, tag.end);
      continue;
    }
    if (CONTROL_TAG.test(source)) {
      // `:{{if .Port}}{{.Port}}{{else}}1936{{end}}`: the word stays one word
      for (let i = tag.start; i < tag.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = '_';
      continue;
    }
    // an opaque word: `${____}` (newlines inside the tag kept, so lines do not move)
    for (let i = tag.start; i < tag.end; i++) {
      if (chars[i] === '\n' || chars[i] === '\r') continue;
      chars[i] = i === tag.start ? '$' : i === tag.start + 1 ? '{' : i === tag.end - 1 ? '}' : '_';
    }
  }
  return { text: chars.join(''), tags };
}

type BlockRole = 'open' | 'open-other' | 'elif' | 'else' | 'close' | undefined;

/** What a control tag does to the template's blocks: opens a conditional or loop, another block, a branch, an end. */
function blockRole(source: string): BlockRole {
  const jinja = /^\{%[-+~]?\s*(\w+)/.exec(source);
  if (jinja) {
    const word = jinja[1]!;
    if (/^(?:if|for|with)$/.test(word)) return 'open';
    if (/^(?:macro|call|filter|block|raw|autoescape)$/.test(word)) return 'open-other';
    if (word === 'elif') return 'elif';
    if (word === 'else') return 'else';
    if (/^end(?:if|for|with|macro|call|filter|block|raw|autoescape)$/.test(word)) return 'close';
    return undefined;
  }
  const go = /^\{\{-?\s*(\w+)(\s+(?:if|with)\b)?/.exec(source);
  if (go) {
    const word = go[1]!;
    if (/^(?:if|range|with)$/.test(word)) return 'open';
    if (/^(?:define|block)$/.test(word)) return 'open-other';
    if (word === 'else') return go[2] ? 'elif' : 'else';
    if (word === 'end') return 'close';
    return undefined;
  }
  const erb = /^<%-?\s*(\w+)([\s\S]*?)-?%>$/.exec(source);
  if (erb && !source.startsWith('<%=')) {
    const word = erb[1]!;
    if (/^(?:if|unless|while|until|case)$/.test(word) || /\bdo(?:\s*\|[^|]*\|)?\s*$/.test(erb[2]!)) return 'open';
    if (word === 'elsif' || word === 'when') return 'elif';
    if (word === 'else') return 'else';
    if (word === 'end') return 'close';
  }
  return undefined;
}

/**
 * The `.if`/`.elif`/`.else`/`.endif` directive standing for each control tag of a conditional or
 * loop block whose every tag is alone on its line (so the nesting HAProxy's parser checks holds).
 */
function blockDirectives(text: string, tags: readonly Span[]): Map<Span, string> {
  const directives = new Map<Span, string>();
  const open: { tags: Span[]; conditional: boolean; alone: boolean }[] = [];
  for (const [index, tag] of tags.entries()) {
    const role = blockRole(text.slice(tag.start, tag.end));
    if (!role) continue;
    const alone = aloneOnItsLines(text, tags, index) && onlyTagOnItsLine(text, tags, index);
    if (role === 'open' || role === 'open-other') {
      open.push({ tags: [tag], conditional: role === 'open', alone });
      continue;
    }
    const block = open[open.length - 1];
    if (!block) continue;
    block.tags.push(tag);
    block.alone &&= alone;
    if (role !== 'close') continue;
    open.pop();
    if (!block.conditional || !block.alone) continue;
    block.tags.forEach((t, i) => {
      const r = blockRole(text.slice(t.start, t.end));
      directives.set(t, i === 0 ? '.if _' : r === 'elif' ? '.elif _' : r === 'else' ? '.else' : '.endif');
    });
  }
  return directives;
}

function onlyTagOnItsLine(text: string, tags: readonly Span[], index: number): boolean {
  return sameLineTags(text, tags, index).length === 1;
}

/** The tags sharing the lines of tags[index] (itself included), in order: its neighbours, as tags are sorted. */
function sameLineTags(text: string, tags: readonly Span[], index: number): Span[] {
  const tag = tags[index]!;
  const lineStart = text.lastIndexOf('\n', tag.start - 1) + 1;
  let lineEnd = text.indexOf('\n', tag.end);
  if (lineEnd < 0) lineEnd = text.length;
  let first = index;
  while (first > 0 && tags[first - 1]!.end > lineStart) first--;
  let last = index;
  while (last < tags.length - 1 && tags[last + 1]!.start < lineEnd) last++;
  return tags.slice(first, last + 1);
}

/** Whether a tag is glued to a word on either side. */
function insideWord(text: string, tag: Span): boolean {
  return /\S/.test(text[tag.start - 1] ?? ' ') || /\S/.test(text[tag.end] ?? ' ');
}

/** Whether nothing but blanks and other tags shares the lines of tags[index]. */
function aloneOnItsLines(text: string, tags: readonly Span[], index: number): boolean {
  const tag = tags[index]!;
  const lineStart = text.lastIndexOf('\n', tag.start - 1) + 1;
  let lineEnd = text.indexOf('\n', tag.end);
  if (lineEnd < 0) lineEnd = text.length;
  let i = lineStart;
  for (const other of sameLineTags(text, tags, index)) {
    if (/\S/.test(text.slice(i, other.start))) return false;
    i = Math.max(i, other.end);
  }
  return !/\S/.test(text.slice(i, lineEnd));
}

/** Line and column of an offset in the text as written (a masked template may have joined lines). */
export function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}
