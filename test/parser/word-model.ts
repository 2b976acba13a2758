/**
 * The first, character-at-a-time implementation of HAProxy's word decoding, kept as a model:
 * the optimised decoder in src/parser/word.ts must agree with it on every input. Environment
 * references are read by the production `readEnvRef`, which the optimisation did not touch.
 */
import { readEnvRef } from '../../src/parser/word.js';
import type { EnvRef, Quoting } from '../../src/parser/ast.js';

/** A problem HAProxy's tokenizer reports in a word; offsets are relative to the word's start. */
interface WordProblem {
  code: string;
  message: string;
  offset: number;
  end: number;
}

interface DecodedWord {
  value: string;
  quoting: Quoting;
  envRefs: EnvRef[];
  problems: WordProblem[];
}

const SIMPLE_WORD = /^[^\\"'$]*$/;
const HEX = /^[0-9a-fA-F]{2}$/;

/**
 * Decodes one word exactly as HAProxy's parse_line() does with ENV, DQUOTE, SQUOTE, BKSLASH and
 * WORD_EXPAND enabled: escapes are resolved outside single quotes, unknown escapes keep their
 * backslash, `$VAR` is a variable only inside double quotes. Environment variables are not
 * expanded: their reference text is kept in the value.
 */
export function referenceDecodeWord(raw: string): DecodedWord {
  if (SIMPLE_WORD.test(raw)) return { value: raw, quoting: 'none', envRefs: [], problems: [] };

  let value = '';
  let quote: '' | '"' | "'" = '';
  let quoteStart = 0;
  const styles = new Set<'none' | 'double' | 'single'>();
  const envRefs: EnvRef[] = [];
  const problems: WordProblem[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else value += c;
      i++;
      continue;
    }
    if (quote === '' && c !== '"' && c !== "'") styles.add('none');
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
      styles.add('double');
      i++;
      continue;
    }
    if (c === "'" && quote === '') {
      quote = "'";
      quoteStart = i;
      styles.add('single');
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
    value += c;
    i++;
  }
  if (quote !== '') {
    problems.push({ code: 'syntax/unterminated-quote', message: `unmatched quote ${quote} at position ${quoteStart + 1} of the word`, offset: quoteStart, end: raw.length });
  }
  const quoting: Quoting = styles.size === 1 ? [...styles][0]! : styles.size === 0 ? 'none' : 'mixed';
  return { value, quoting, envRefs, problems };
}
