/**
 * Keyword entries inside a manual chapter.
 *
 * Every keyword reference in the manuals has the same shape: one or more
 * column-0 "synopsis" lines (alternate syntaxes, `no ` variants, aliases),
 * preceded by a blank line and followed by indented description text.
 * Free-text paragraphs are never followed by an indented line without a blank
 * in between, which is what tells the two apart. Some entries (2.6 actions,
 * a few fetches) put one blank line between synopsis and description; those
 * are accepted only when the synopsis really looks like one (see below).
 */
import type { Manual } from './manual.js';

export interface Entry {
  /** the column-0 synopsis lines, verbatim (trailing blanks trimmed) */
  synopsis: string[];
  /** 0-based line of the first synopsis line */
  line: number;
  /** synopsis + description up to the next entry or range end, trailing blanks removed */
  text: string;
}

const isBlank = (s: string | undefined): boolean => s === undefined || s.trim() === '';
const isIndented = (s: string | undefined): boolean => s !== undefined && /^\s+\S/.test(s);
/** a synopsis starts with a lowercase word or digit (a keyword), never with prose markers */
const SYNOPSIS_START = /^[a-z0-9][^\s:]*(?:\s|$|:)/;

/**
 * Stricter test for synopses separated from their text by a blank line, so
 * that a lowercase prose paragraph followed by an indented example is not
 * taken for an entry: no sentence ending, and either an argument notation or
 * at most a few words ("fc_src_port : integer", "http-request allow [ … ]").
 */
/** An indented synopsis continuation: "            [ { if | unless } <condition> ]". */
function isContinuation(line: string): boolean {
  return /^\s{6,}[[{<|]/.test(line);
}

function isStrictSynopsis(line: string): boolean {
  if (/[.,;]\s*$/.test(line)) return false;
  return /[<[{(]/.test(line) || line.trim().split(/\s+/).length <= 3;
}

export function findEntries(manual: Manual, start: number, end: number): Entry[] {
  const { lines } = manual;
  const heads: { line: number; count: number; synopsis: string[] }[] = [];
  let i = start;
  while (i < end) {
    if (!isBlank(lines[i]) && !isIndented(lines[i]) && (i === start || isBlank(lines[i - 1]))) {
      let j = i;
      const run: string[] = [];
      while (j < end && !isBlank(lines[j])) {
        if (!isIndented(lines[j])) run.push(lines[j]!.trimEnd());
        else if (isContinuation(lines[j]!)) run[run.length - 1] += ' ' + lines[j]!.trim();
        else break;
        j++;
      }
      const looksLikeSynopsis = run.every((l) => SYNOPSIS_START.test(l) && !/:\s*$/.test(l));
      const directText = j < end && isIndented(lines[j]);
      const gappedText = j + 1 < end && isBlank(lines[j]) && isIndented(lines[j + 1]) && run.every(isStrictSynopsis);
      if (looksLikeSynopsis && (directText || gappedText)) heads.push({ line: i, count: j - i, synopsis: run });
      i = j;
    } else i++;
  }
  return heads.map((h, k) => {
    let stop = k + 1 < heads.length ? heads[k + 1]!.line : end;
    while (stop > h.line && isBlank(lines[stop - 1])) stop--;
    return {
      synopsis: h.synopsis,
      line: h.line,
      text: lines.slice(h.line, stop).map((l) => l.trimEnd()).join('\n'),
    };
  });
}

/** Annotations that may trail a synopsis line and are not arguments. */
const ANNOTATION_RE = /\s*(?:\(deprecated\)|\[\s*EXPERIMENTAL\s*\]|\(experimental\))/gi;

export function isDeprecatedSynopsis(line: string): boolean {
  return /\(deprecated\)/i.test(line);
}

export function stripAnnotations(line: string): string {
  return line.replace(ANNOTATION_RE, '').trim();
}
