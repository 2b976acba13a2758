import { createToken, Lexer, type IToken } from 'chevrotain';

/*
 * Tokens of a haproxy.cfg file, as HAProxy's parse_line() splits a line (see docs in
 * ../shared/docs/haproxy-language.md §1). Every character belongs to exactly one token, so the
 * lexer never fails and the tokens give back the input byte for byte.
 */

/** `\n` or `\r\n`: ends a line. */
export const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, line_breaks: true });
/** A bare CR ends the line in HAProxy: everything after it up to the newline is never seen. */
export const CrTail = createToken({ name: 'CrTail', pattern: /\r[^\n]*/ });
/** A NUL byte truncates the line; HAProxy then stops reading the file. */
export const NulTail = createToken({ name: 'NulTail', pattern: /\0[^\n]*/ });
/** Blanks that separate words: SP, TAB, VT, FF (isspace() in the C locale, minus CR/LF). */
export const Blank = createToken({ name: 'Blank', pattern: /[ \t\v\f]+/ });
/** `#` outside quotes starts a comment anywhere, even in the middle of a word. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n\0]*/ });
/**
 * One word: glued pieces of unquoted text, backslash escapes, "double" and 'single' quoted
 * strings. An unterminated quote runs to the end of the line (reported when the word is decoded).
 * A backslash only protects the next character from splitting when that is one of ` #'"\`.
 */
export const Word = createToken({
  name: 'Word',
  pattern:
    /(?:[^ \t\v\f\r\n\0#"'\\]+|\\[ #'"\\]?|"(?:[^"\\\r\n\0]|\\[^\r\n\0])*"?|'[^'\r\n\0]*'?)+/,
});

export const allTokens = [Newline, CrTail, NulTail, Blank, Comment, Word];

/** Built once: chevrotain lexers are expensive to construct and cheap to reuse. */
export const configLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: true,
});

export function tokenize(text: string): IToken[] {
  return configLexer.tokenize(text).tokens;
}
