import type { Line, Word } from '../../parser/ast.js';
import { decodeWord } from '../../parser/word.js';
import { parseSend } from './syntax.js';
import { doubleQuoted } from '../shared/words.js';

/** Headers whose values are media types (or lists of them). */
const MIME_HEADERS = new Set(['accept', 'content-type']);

/**
 * `type\subtype` as written in the source: a registered top-level type (or `*`), one or two
 * backslashes, then the first character of a subtype. Inside a word's raw text, so `\t`, `\n`, `\r`
 * and `\x` (which HAProxy would read as escapes: `text\tab-separated-values`) are caught too.
 */
const TYPES = 'application|text|image|audio|video|multipart|message|font|model|example|\\*';
const MIME_BACKSLASH = new RegExp(`(^|[^A-Za-z0-9.+*-])(${TYPES})(\\\\\\\\|\\\\)(?=[A-Za-z0-9*])`, 'gi');
/** the same mistake in a decoded value */
const VALUE_MIME_BACKSLASH = new RegExp(`(^|[^A-Za-z0-9.+*-])(${TYPES})\\\\(?=[A-Za-z0-9*])`, 'i');

export interface MimeTarget {
  /** the header name word */
  name: Word;
  value: Word;
  /** `http-check send hdr`: the fix also writes the value in double quotes (see unquoted-header-value) */
  healthCheck: boolean;
}

/** The Accept/Content-Type values of a line: `http-check send … hdr`, `http-request|http-response|http-after-response set-header|add-header`. */
export function mimeTargets(line: Line): MimeTarget[] {
  if (line.kind !== 'keyword') return [];
  if (line.keyword === 'http-check send') {
    return parseSend(line).hdrs
      .filter((h) => MIME_HEADERS.has(h.name.value.toLowerCase()))
      .map((h) => ({ name: h.name, value: h.value, healthCheck: true }));
  }
  if (line.keyword === 'http-request' || line.keyword === 'http-response' || line.keyword === 'http-after-response') {
    const [action, name, value] = line.args;
    if (!action || !name || !value) return [];
    if (action.value !== 'set-header' && action.value !== 'add-header') return [];
    if (!MIME_HEADERS.has(name.value.toLowerCase())) return [];
    return [{ name, value, healthCheck: false }];
  }
  return [];
}

export interface MimeFix {
  /** the new text of the value word */
  text: string;
  /** the value HAProxy will see after the fix */
  value: string;
  /** the media types as written wrong, e.g. `application\json` */
  wrong: string[];
}

/**
 * The corrected word when its value has a backslash where a media type's `/` belongs, verified
 * with the tokenizer: the new word decodes cleanly, and differs only by `/` in place of the backslashes.
 * Undefined when there is nothing to fix or the word uses environment variables.
 */
export function mimeFix(target: MimeTarget): MimeFix | undefined {
  const word = target.value;
  if (word.envRefs.length > 0) return undefined;
  const wrong: string[] = [];
  const raw = word.raw.replace(MIME_BACKSLASH, (_all, before: string, type: string, slashes: string, offset: number, whole: string) => {
    const subtype = /^[A-Za-z0-9.+*_-]*/.exec(whole.slice(offset + before.length + type.length + slashes.length))![0];
    wrong.push(`${type}${slashes}${subtype}`);
    return `${before}${type}/`;
  });
  if (wrong.length === 0) return undefined;
  const decoded = decodeWord(raw);
  if (decoded.problems.length > 0 || decoded.envRefs.length > 0) return undefined;
  if (VALUE_MIME_BACKSLASH.test(decoded.value)) return undefined;
  let text = raw;
  if (target.healthCheck && word.quoting === 'none') {
    const quoted = doubleQuoted(decoded.value);
    if (!quoted) return undefined;
    text = quoted;
  }
  return { text, value: decoded.value, wrong };
}
