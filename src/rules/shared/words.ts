import type { Word } from '../../parser/ast.js';
import { decodeWord } from '../../parser/word.js';

/** Reading and writing single HAProxy words, as its tokenizer (parse_line()) reads them. */

/**
 * The offset in the source of the character at index `valueIndex` of `word.value` (or just after
 * the last one when `valueIndex === value.length`), when the word is written so that value and raw
 * text map one to one (no escapes, at most one pair of surrounding quotes). Undefined otherwise.
 */
export function sourceOffset(word: Word, valueIndex: number): number | undefined {
  const raw = word.raw;
  if (raw.includes('\\')) return undefined;
  if (word.quoting === 'none') return raw === word.value ? word.start + valueIndex : undefined;
  if (word.quoting === 'double' || word.quoting === 'single') {
    const quote = word.quoting === 'double' ? '"' : "'";
    if (raw.length >= 2 && raw.startsWith(quote) && raw.endsWith(quote) && raw.slice(1, -1) === word.value) return word.start + 1 + valueIndex;
  }
  return undefined;
}

/** Escapes that parse_line() resolves outside single quotes (`\xHH` is checked apart). */
const KNOWN_ESCAPES = new Set([' ', '\\', '#', "'", '"', 't', 'n', 'r']);

/**
 * Backslashes written outside any quotes that are not escapes, so HAProxy keeps them literally
 * (`application\json` → `application\json`). Offsets are relative to the word's start.
 */
export function literalBackslashes(raw: string): number[] {
  const found: number[] = [];
  let quote: '' | '"' | "'" = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === '\\') {
      const next = raw[i + 1];
      if (next !== undefined && KNOWN_ESCAPES.has(next)) {
        i++;
        continue;
      }
      if (next === 'x') {
        if (/^[0-9a-fA-F]{2}$/.test(raw.slice(i + 2, i + 4))) i += 3;
        continue; // an invalid \x is a fatal syntax error, reported elsewhere
      }
      if (next === '$' && quote === '"') {
        i++;
        continue;
      }
      if (quote === '') found.push(i);
      continue;
    }
    if (c === '"') quote = quote === '"' ? '' : '"';
    else if (c === "'" && quote === '') quote = "'";
  }
  return found;
}

/**
 * Writes a value as a double-quoted HAProxy word whose decoded value is exactly `value`
 * (escaping `\`, `"`, `$` and control characters), or undefined when that cannot be done.
 */
export function doubleQuoted(value: string): string | undefined {
  if (value.includes('\0')) return undefined;
  let out = '"';
  for (const c of value) {
    if (c === '\\' || c === '"' || c === '$') out += `\\${c}`;
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c < ' ' || c === '\x7f') out += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += c;
  }
  out += '"';
  return decodesTo(out, value) ? out : undefined;
}

/** Writes a value as one HAProxy word: bare when nothing needs protecting, else double-quoted. */
export function asWord(value: string): string | undefined {
  if (value === '') return undefined; // an empty word ends HAProxy's argument list
  if (/^[^\s#"'\\$\x00-\x1f\x7f]+$/.test(value)) return value;
  return doubleQuoted(value);
}

/** Whether `raw`, read by HAProxy's tokenizer as one word, gives `value` without problems. */
export function decodesTo(raw: string, value: string): boolean {
  const decoded = decodeWord(raw);
  return decoded.problems.length === 0 && decoded.envRefs.length === 0 && decoded.value === value;
}

/** A short, printable rendering of a value for messages. */
export function show(value: string): string {
  const printable = value.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return printable.length > 60 ? `${printable.slice(0, 57)}…` : printable;
}

const keywordHeads = new Map<string, string>();

/** A keyword's first word (`option httpchk` → `option`), cut once per keyword name rather than once per line. */
export function keywordHead(keyword: string): string {
  let head = keywordHeads.get(keyword);
  if (head === undefined) {
    const space = keyword.indexOf(' ');
    keywordHeads.set(keyword, (head = space < 0 ? keyword : keyword.slice(0, space)));
  }
  return head;
}
