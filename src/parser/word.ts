import type { EnvRef, Quoting } from './ast.js';

/** A problem HAProxy's tokenizer reports in a word; offsets are relative to the word's start. */
export interface WordProblem {
  code: string;
  message: string;
  offset: number;
  end: number;
}

export interface DecodedWord {
  value: string;
  quoting: Quoting;
  envRefs: EnvRef[];
  problems: WordProblem[];
}

const SIMPLE_WORD = /^[^\\"'$]*$/;
const HEX = /^[0-9a-fA-F]{2}$/;
/** the characters that end a run of ordinary characters outside single quotes: \ " ' $ */
function isSpecial(code: number): boolean {
  return code === 92 || code === 34 || code === 39 || code === 36;
}
const ENV_NAME_START = /[A-Za-z_.]/;
const ENV_NAME_CHAR = /[A-Za-z0-9_]/;
const PSEUDO_VARIABLES = new Set(['.LINE', '.FILE', '.SECTION']);

/**
 * Decodes one word exactly as HAProxy's parse_line() does with ENV, DQUOTE, SQUOTE, BKSLASH and
 * WORD_EXPAND enabled: escapes are resolved outside single quotes, unknown escapes keep their
 * backslash, `$VAR` is a variable only inside double quotes. Environment variables are not
 * expanded: their reference text is kept in the value.
 */
export function decodeWord(raw: string): DecodedWord {
  if (SIMPLE_WORD.test(raw)) return { value: raw, quoting: 'none', envRefs: [], problems: [] };

  let value = '';
  let quote: '' | '"' | "'" = '';
  let quoteStart = 0;
  // quoting styles seen, as bits: 1 unquoted text, 2 double quotes, 4 single quotes
  let styles = 0;
  const envRefs: EnvRef[] = [];
  const problems: WordProblem[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (quote === "'") {
      // everything up to the closing quote is literal
      const close = raw.indexOf("'", i);
      const stop = close < 0 ? raw.length : close;
      value += raw.slice(i, stop);
      if (close >= 0) quote = '';
      i = stop + 1;
      continue;
    }
    if (quote === '' && c !== '"' && c !== "'") styles |= 1;
    if (c === '\\') {
      const next = raw[i + 1];
      switch (next) {
        case ' ': case '\\': case '#': case "'": case '"':
          value += next;
          i += 2;
          continue;
        case 't': value += '\t'; i += 2; continue;
        case 'n': value += '\n'; i += 2; continue;
        case 'r': value += '\r'; i += 2; continue;
        case 'x': {
          const hex = raw.slice(i + 2, i + 4);
          if (!HEX.test(hex)) {
            problems.push({ code: 'syntax/bad-hex-escape', message: 'truncated or invalid hexadecimal sequence', offset: i, end: Math.min(raw.length, i + 4) });
            value += '\\';
            i += 1;
            continue;
          }
          value += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          continue;
        }
        case '$':
          if (quote === '"') {
            value += '$';
            i += 2;
            continue;
          }
          break;
      }
      // any other escape keeps its backslash; the next character is then read normally
      value += '\\';
      i += 1;
      continue;
    }
    if (c === '"') {
      if (quote === '"') quote = '';
      else {
        quote = '"';
        quoteStart = i;
      }
      styles |= 2;
      i++;
      continue;
    }
    if (c === "'" && quote === '') {
      quote = "'";
      quoteStart = i;
      styles |= 4;
      i++;
      continue;
    }
    if (c === '$' && quote === '"') {
      const ref = readEnvRef(raw, i);
      if ('problem' in ref) {
        problems.push(ref.problem);
        value += raw.slice(i, ref.consumed);
        i = ref.consumed;
        continue;
      }
      envRefs.push(ref.envRef);
      value += raw.slice(ref.envRef.start, ref.envRef.end);
      i = ref.envRef.end;
      continue;
    }
    // a run of ordinary characters at once, not one string per character
    let j = i + 1;
    while (j < raw.length && !isSpecial(raw.charCodeAt(j))) j++;
    value += raw.slice(i, j);
    i = j;
  }
  if (quote !== '') {
    problems.push({ code: 'syntax/unterminated-quote', message: `unmatched quote ${quote} at position ${quoteStart + 1} of the word`, offset: quoteStart, end: raw.length });
  }
  const quoting: Quoting = styles === 2 ? 'double' : styles === 4 ? 'single' : styles <= 1 ? 'none' : 'mixed';
  return { value, quoting, envRefs, problems };
}

export type EnvRefResult = { envRef: EnvRef } | { problem: WordProblem; consumed: number };

/** Reads `$NAME`, `${NAME}`, `${NAME-default}` or `${NAME[*]}` at `dollar`, as parse_line() does. */
export function readEnvRef(raw: string, dollar: number): EnvRefResult {
  let i = dollar + 1;
  const braced = raw[i] === '{';
  if (braced) i++;
  const nameStart = i;
  if (i >= raw.length || !ENV_NAME_START.test(raw[i]!)) {
    return { problem: { code: 'syntax/bad-variable-name', message: "forbidden first char in environment variable name (use \"\\$\" or single quotes for a literal '$')", offset: dollar, end: Math.min(raw.length, i + 1) }, consumed: i };
  }
  if (raw[i] === '.') i++;
  while (i < raw.length && ENV_NAME_CHAR.test(raw[i]!)) i++;
  const name = raw.slice(nameStart, i);
  if (name.startsWith('.') && !PSEUDO_VARIABLES.has(name)) {
    return { problem: { code: 'syntax/bad-variable-name', message: `unknown pseudo-variable '${name}' (only .LINE, .FILE and .SECTION exist)`, offset: dollar, end: i }, consumed: i };
  }
  let wordExpansion = false;
  let defaultValue: string | undefined;
  if (braced) {
    if (raw[i] === '[') {
      if (raw.slice(i, i + 3) !== '[*]') {
        return { problem: { code: 'syntax/bad-word-expansion', message: 'truncated or invalid word expansion sequence (only [*] is allowed)', offset: dollar, end: Math.min(raw.length, i + 3) }, consumed: i };
      }
      wordExpansion = true;
      i += 3;
    }
    if (raw[i] === '-') {
      const close = raw.indexOf('}', i);
      if (close < 0) {
        return { problem: { code: 'syntax/unmatched-brace', message: 'unmatched brace in environment variable name', offset: dollar, end: raw.length }, consumed: i };
      }
      defaultValue = raw.slice(i + 1, close);
      i = close;
    }
    if (raw[i] !== '}') {
      return { problem: { code: 'syntax/unmatched-brace', message: 'unmatched brace in environment variable name', offset: dollar, end: Math.min(raw.length, i + 1) }, consumed: i };
    }
    i++;
  }
  return { envRef: { start: dollar, end: i, name, defaultValue, wordExpansion } };
}
