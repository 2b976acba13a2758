import { memo } from '../shared/memo.js';
import type { ConfigFile, Line, Section, Word } from '../../parser/ast.js';
import { keywordLines } from '../shared/proxies.js';

/**
 * Readers for the health-check keywords, with references to the words as written:
 * `http-check send`, `http-check expect` and `option httpchk` (src/tcpcheck.c, identical keyword
 * sets in 2.6 and 3.x; /work/shared/docs/haproxy-language.md §3).
 */

export interface SendHeader {
  /** the `hdr` word */
  keyword: Word;
  name: Word;
  /** a log-format string */
  value: Word;
}

export interface HttpCheckSend {
  line: Line;
  meth?: Word;
  uri?: Word;
  uriLf?: Word;
  ver?: Word;
  hdrs: SendHeader[];
  body?: Word;
  bodyLf?: Word;
  comment?: Word;
}

const sendCache = new WeakMap<Line, HttpCheckSend>();

/**
 * Reads `http-check send` options like parse_tcpcheck_send_http(): key/value pairs, `hdr` takes two; an
 * empty word ends the list. Read once per line and shared by the rules (do not modify the result).
 */
export function parseSend(line: Line): HttpCheckSend {
  let send = sendCache.get(line);
  if (!send) sendCache.set(line, (send = readSend(line)));
  return send;
}

function readSend(line: Line): HttpCheckSend {
  const send: HttpCheckSend = { line, hdrs: [] };
  const args = line.args;
  for (let i = 0; i < args.length; i++) {
    const key = args[i]!;
    if (key.value === '') break;
    const next = args[i + 1];
    switch (key.value) {
      case 'meth': if (next) send.meth = next; i++; break;
      case 'uri': if (next) send.uri = next; i++; break;
      case 'uri-lf': if (next) send.uriLf = next; i++; break;
      case 'ver': if (next) send.ver = next; i++; break;
      case 'body': if (next) send.body = next; i++; break;
      case 'body-lf': if (next) send.bodyLf = next; i++; break;
      case 'comment': if (next) send.comment = next; i++; break;
      case 'hdr': {
        const value = args[i + 2];
        if (next && value) send.hdrs.push({ keyword: key, name: next, value });
        i += 2;
        break;
      }
      default:
        return send; // HAProxy refuses the line; another rule's business
    }
  }
  return send;
}

export interface HttpchkOption {
  line: Line;
  meth?: Word;
  uri?: Word;
  /** the version word as written, possibly with headers and a body hidden after a CRLF */
  versionWord?: Word;
  /** the 3.1+ `<host>` argument */
  host?: Word;
  /** the version as HAProxy sends it on the request line (cut at the first CRLF) */
  version?: string;
  /** headers and body hidden after the version (the deprecated form), as HAProxy splits them */
  hidden?: HiddenRequest;
}

export interface HiddenRequest {
  /** the text after the first CRLF and before an empty line, undefined when there is none */
  headerText?: string;
  /** parsed `Name: value` pairs, undefined when the text is not a plain list of header lines */
  headers?: { name: string; value: string }[];
  body?: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Reads `option httpchk [[<meth>] <uri> [<version> [<host>]]]` like proxy_parse_httpchk_req(). */
export function parseHttpchkOption(line: Line): HttpchkOption {
  const option: HttpchkOption = { line };
  const args: Word[] = [];
  for (const word of line.args) {
    if (word.value === '') break;
    args.push(word);
  }
  if (args.length === 1) option.uri = args[0];
  else if (args.length >= 2) {
    option.meth = args[0];
    option.uri = args[1];
  }
  if (args.length >= 3) {
    const word = args[2]!;
    option.versionWord = word;
    const value = word.value;
    let headerStart = value.indexOf('\r\n');
    const bodyStart = value.indexOf('\r\n\r\n');
    if (headerStart === bodyStart) headerStart = -1;
    const versionEnd = headerStart >= 0 ? headerStart : bodyStart >= 0 ? bodyStart : value.length;
    option.version = value.slice(0, versionEnd);
    if (headerStart >= 0 || bodyStart >= 0) {
      const hidden: HiddenRequest = {};
      if (headerStart >= 0) {
        hidden.headerText = value.slice(headerStart + 2, bodyStart >= 0 ? bodyStart : value.length);
        hidden.headers = splitHeaderLines(hidden.headerText);
      }
      if (bodyStart >= 0) hidden.body = value.slice(bodyStart + 4);
      option.hidden = hidden;
    }
  }
  if (args.length >= 4) option.host = args[3];
  return option;
}

/** `Name: value` lines separated by CRLF (a final CRLF allowed); undefined when anything else is there. */
function splitHeaderLines(text: string): { name: string; value: string }[] | undefined {
  const pieces = text.split('\r\n');
  if (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
  const headers: { name: string; value: string }[] = [];
  for (const piece of pieces) {
    if (/[\r\n\0]/.test(piece)) return undefined;
    const colon = piece.indexOf(':');
    if (colon <= 0) return undefined;
    const name = piece.slice(0, colon);
    if (!TOKEN.test(name)) return undefined;
    headers.push({ name, value: piece.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '') });
  }
  return headers;
}

export interface HttpCheckExpect {
  line: Line;
  /** the `!` word, when negated */
  bang?: Word;
  /** `status`, `rstatus`, `string`, `hdr`… */
  match?: Word;
  pattern?: Word;
}

const EXPECT_OPTIONS_WITH_ARG = new Set(['min-recv', 'comment', 'ok-status', 'error-status', 'tout-status', 'on-success', 'on-error', 'status-code']);

/** Reads `http-check expect [options] [!] <match> <pattern>` (parse_tcpcheck_expect()). */
export function parseExpect(line: Line): HttpCheckExpect {
  const expect: HttpCheckExpect = { line };
  const args = line.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word.value === '') break;
    if (EXPECT_OPTIONS_WITH_ARG.has(word.value)) {
      i++;
      continue;
    }
    if (word.value === '!') {
      expect.bang = word;
      continue;
    }
    if (word.value.startsWith('!') && word.value.length > 1) return expect; // glued `!status`: HAProxy refuses it
    expect.match = word;
    expect.pattern = args[i + 1];
    return expect;
  }
  return expect;
}

/** The health-check lines of a section, in order. */
export interface CheckLines {
  section: Section;
  /** the `option httpchk` lines (without a `no`/`default` modifier) */
  options: Line[];
  /** every `http-check <rule>` line: connect, send, expect, comment, set-var, unset-var… */
  rules: Line[];
  sends: Line[];
  expects: Line[];
  connects: Line[];
}

const CHECK_SECTIONS = new Set(['defaults', 'backend', 'listen']);
/** `http-check` keywords that are settings, not steps of the check sequence */
const NOT_RULES = new Set(['http-check disable-on-404', 'http-check send-state']);

const checkSectionsCache = new WeakMap<ConfigFile, CheckLines[]>();

/** The sections with health-check lines, read once per file and shared by the rules (do not modify the result). */
export function checkSections(file: ConfigFile): CheckLines[] {
  return memo(checkSectionsCache, file, () => readCheckSections(file));
}

function readCheckSections(file: ConfigFile): CheckLines[] {
  const out: CheckLines[] = [];
  for (const section of file.sections) {
    if (!CHECK_SECTIONS.has(section.kind)) continue;
    const lines: CheckLines = { section, options: [], rules: [], sends: [], expects: [], connects: [] };
    for (const line of section.lines) {
      if (line.kind !== 'keyword') continue;
      if (line.keyword === 'option httpchk' && !line.modifier) lines.options.push(line);
      else if (line.keyword.startsWith('http-check ') && !NOT_RULES.has(line.keyword)) {
        lines.rules.push(line);
        if (line.keyword === 'http-check send') lines.sends.push(line);
        else if (line.keyword === 'http-check expect') lines.expects.push(line);
        else if (line.keyword === 'http-check connect') lines.connects.push(line);
      }
    }
    if (lines.options.length > 0 || lines.rules.length > 0) out.push(lines);
  }
  return out;
}

/** The source text of a line's indentation. */
export function indentOf(file: ConfigFile, line: Line): string {
  return file.text.slice(line.indent.start, line.indent.end);
}

export { fileEol } from '../../parser/eol.js';

/** `option httpchk` or any `http-check …` line: the lines that make up a proxy's HTTP check ruleset. */
export function isHttpCheckLine(line: Line): boolean {
  return line.keyword === 'option httpchk' || line.keyword === 'http-check' || line.keyword.startsWith('http-check ');
}

/**
 * A proxy with its own `option httpchk` or `http-check` line does not inherit the defaults'
 * check ruleset (checked with HAProxy 2.6.12): the rules and the probe both rely on this.
 */
export function hasOwnChecks(section: Section): boolean {
  return keywordLines(section).some(isHttpCheckLine);
}
