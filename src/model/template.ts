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
const CONTROL_TAG = /^(?:\{%|\{#|<%(?![=-]?=)|<%-|\{\{-?\s*(?:if|else|end|range|with|define|template|block|break|continue|\/\*)\b)/;

/** Whether a file is a template: by its name, else by a template tag in its text. */
export function isTemplate(path: string, text: string): boolean {
  const name = path.toLowerCase();
  if (TEMPLATE_EXTENSIONS.some((ext) => name.endsWith(ext))) return true;
  TAG.lastIndex = 0;
  return TAG.test(text);
}

/** The text with its template tags masked (same length, same line breaks) and where the tags are. */
export function maskTemplate(text: string): { text: string; tags: Span[] } {
  const tags: Span[] = [];
  for (const match of text.matchAll(TAG)) tags.push({ start: match.index!, end: match.index! + match[0].length });
  if (tags.length === 0) return { text, tags };
  const chars = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  for (const tag of tags) {
    const source = text.slice(tag.start, tag.end);
    if (CONTROL_TAG.test(source) || aloneOnItsLines(text, tag, tags)) {
      blank(tag.start, tag.end);
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

/** Whether nothing but blanks and other tags shares the lines of this tag. */
function aloneOnItsLines(text: string, tag: Span, tags: readonly Span[]): boolean {
  const lineStart = text.lastIndexOf('\n', tag.start - 1) + 1;
  let lineEnd = text.indexOf('\n', tag.end);
  if (lineEnd < 0) lineEnd = text.length;
  let i = lineStart;
  for (const other of tags) {
    if (other.end <= lineStart || other.start >= lineEnd) continue;
    if (/\S/.test(text.slice(i, other.start))) return false;
    i = Math.max(i, other.end);
  }
  return !/\S/.test(text.slice(i, lineEnd));
}
