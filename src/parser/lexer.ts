import { createToken, Lexer, type IToken } from './chevrotain.js';

/*
 * Tokens of a haproxy.cfg file, as HAProxy's parse_line() splits a line (see docs in
 * ../shared/docs/haproxy-language.md §1). Every character belongs to exactly one token, so the
 * lexer never fails and the tokens give back the input byte for byte.
 */

/*
 * Every token but Newline also takes the line's terminator (`\n` or `\r\n`) when it is the last
 * thing on its line: most lines are then one token, which halves the work of the lexer and the
 * parser. `lineEnd(token)` tells how long that terminator is.
 */

/** `\n` or `\r\n` on a line with nothing else. */
export const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, line_breaks: true });
/** A bare CR ends the line in HAProxy: everything after it up to the newline is never seen. */
export const CrTail = createToken({ name: 'CrTail', pattern: /\r[^\n]*\n?/, line_breaks: true });
/** A NUL byte truncates the line; HAProxy then stops reading the file. */
export const NulTail = createToken({ name: 'NulTail', pattern: /\0[^\n]*\n?/, line_breaks: true });
/** `#` outside quotes starts a comment anywhere, even in the middle of a word. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n\0]*(?:\r?\n)?/, line_breaks: true });
/**
 * The words and blanks of a line up to a comment or the end of line: unquoted text, backslash
 * escapes, "double" and 'single' quoted strings (an unterminated quote runs to the end of the
 * line). A backslash always takes the next character with it here, so `\#` and `\"` never start a
 * comment or a quote. Words are split inside this token by `splitWords` (one token per line keeps
 * the lexer fast; words are cheap to find once comments and line ends are known).
 */
export const Content = createToken({
  name: 'Content',
  // the regex's source is what the syntax diagrams show (grammar/syntax-diagrams.html)
  pattern: { exec: matchContent, toJSON: () => CONTENT_PATTERN.source } as { exec: typeof matchContent },
  line_breaks: true,
});

/**
 * The source of CONTENT_PATTERN, kept as its specification. The lexer runs `matchContent`, a single
 * scan that matches exactly the same text: the regex keeps a backtracking entry per repetition, and
 * an 8 MB line of short pieces (`a\ a\ …`) overflowed its stack ("Maximum call stack size exceeded").
 */
export const CONTENT_PATTERN = /(?:[^\r\n\0#"'\\]+|\\[^\r\n\0]?|"(?:[^"\\\r\n\0]|\\[^\r\n\0])*"?|'[^'\r\n\0]*'?)+(?:\r?\n)?/y;

const CR = 13, LF = 10, NUL = 0, HASH = 35;
const endsLine = (code: number) => code === CR || code === LF || code === NUL;

/** CONTENT_PATTERN at `offset`, in one pass without backtracking (a chevrotain custom pattern). */
export function matchContent(text: string, offset: number): RegExpExecArray | null {
  const length = text.length;
  let i = offset;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (endsLine(c) || c === HASH) break;
    if (c === BACKSLASH) {
      i++;
      if (i < length && !endsLine(text.charCodeAt(i))) i++;
    } else if (c === DQUOTE) {
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d === DQUOTE) {
          i++;
          break;
        }
        if (endsLine(d)) break;
        if (d === BACKSLASH) {
          // an escape ending the line is not part of the string: the outer loop takes the backslash
          if (i + 1 >= length || endsLine(text.charCodeAt(i + 1))) break;
          i += 2;
        } else i++;
      }
    } else if (c === SQUOTE) {
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d === SQUOTE) {
          i++;
          break;
        }
        if (endsLine(d)) break;
        i++;
      }
    } else i++;
  }
  if (i === offset) return null;
  if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
  else if (text.charCodeAt(i) === LF) i++;
  return [text.slice(offset, i)] as unknown as RegExpExecArray;
}

/** How many characters at the end of a token are its line's terminator: 0, 1 (`\n`) or 2 (`\r\n`). */
export function lineEnd(token: IToken): number {
  const image = token.image;
  if (image.charCodeAt(image.length - 1) !== 10) return 0;
  return image.length > 1 && image.charCodeAt(image.length - 2) === 13 ? 2 : 1;
}

export const allTokens = [Newline, CrTail, NulTail, Comment, Content];

/**
 * Built once: chevrotain lexers are expensive to construct and cheap to reuse. `safeMode` skips the
 * first-character analysis (parsing the patterns' regexps, filling a 65,536-entry table), a cost at
 * every start for nothing: Content's custom pattern rules that optimisation out anyway (the lexer
 * tokenizes the same either way; test/parser/start-up-options.test.ts checks that this stays so).
 */
export const LEXER_OPTIONS = {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: true,
  safeMode: true,
} as const;
export const configLexer = new Lexer(allTokens, LEXER_OPTIONS);

export function tokenize(text: string): IToken[] {
  return configLexer.tokenize(text).tokens;
}

const SPACE = 32, TAB = 9, VT = 11, FF = 12, BACKSLASH = 92, DQUOTE = 34, SQUOTE = 39;

/** Blanks that separate words: SP, TAB, VT, FF (isspace() in the C locale, minus CR/LF). */
export function isBlankCode(code: number): boolean {
  return isBlank(code);
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === VT || code === FF;
}

/**
 * Word boundaries found by the last `splitWords` call: starts[i], ends[i], and plain[i] (1 when
 * the word has no escape and no quote, so its value is its text). Shared scratch space, reused by
 * every call, so splitting a line allocates nothing.
 */
export const scratch = { starts: new Int32Array(256), ends: new Int32Array(256), plain: new Uint8Array(256), indentEnd: 0 };

function grow(): void {
  const size = scratch.starts.length * 2;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const plain = new Uint8Array(size);
  starts.set(scratch.starts);
  ends.set(scratch.ends);
  plain.set(scratch.plain);
  Object.assign(scratch, { starts, ends, plain });
}

/**
 * Splits the Content token spanning [from, to) of `text` into words; returns how many, with their
 * absolute offsets in `scratch` (and where the leading blanks end in `scratch.indentEnd`). A word
 * is glued unquoted text, escapes and quoted strings; only backslash-SPACE protects a blank
 * (backslash-TAB is not an escape in HAProxy), and inside "…" a backslash takes the next
 * character with it. A char loop rather than a regex per word: this runs for every word of
 * every file.
 */
export function splitWords(text: string, from: number, to: number): number {
  let at = from;
  let count = 0;
  while (at < to && isBlank(text.charCodeAt(at))) at++;
  scratch.indentEnd = at;
  while (at < to) {
    const start = at;
    let plain = 1;
    while (at < to) {
      const code = text.charCodeAt(at);
      if (isBlank(code)) break;
      if (code === BACKSLASH) {
        plain = 0;
        const next = at + 1 < to ? text.charCodeAt(at + 1) : -1;
        at += next !== -1 && next !== TAB && next !== VT && next !== FF ? 2 : 1;
      } else if (code === DQUOTE) {
        plain = 0;
        at++;
        while (at < to) {
          const inner = text.charCodeAt(at);
          if (inner === DQUOTE) break;
          at += inner === BACKSLASH ? 2 : 1;
        }
        at = Math.min(at + 1, to);
      } else if (code === SQUOTE) {
        plain = 0;
        at++;
        while (at < to && text.charCodeAt(at) !== SQUOTE) at++;
        at = Math.min(at + 1, to);
      } else at++;
    }
    if (count === scratch.starts.length) grow();
    scratch.starts[count] = start;
    scratch.ends[count] = at;
    scratch.plain[count] = plain;
    count++;
    while (at < to && isBlank(text.charCodeAt(at))) at++;
  }
  return count;
}
