import type { ConfigFile, Line, Section, Word } from '../parser/ast.js';
import { hasOwnChecks, parseExpect, parseHttpchkOption, parseSend, type HttpCheckExpect } from '../rules/http-check/syntax.js';
import { defaultsOf, keywordLines } from '../rules/shared/proxies.js';
import { pushAll } from '../util/arrays.js';

/**
 * The health check HAProxy runs for a backend, as far as the probe reproduces it: which kind of check,
 * the HTTP request it sends (byte for byte as HAProxy 2.6's H1 mux writes it) and the `http-check expect`
 * rules that judge the response (src/tcpcheck.c; /work/shared/docs/haproxy-language.md §3).
 */

export interface Header {
  name: string;
  value: string;
}

export interface CheckRequest {
  method: string;
  uri: string;
  version: string;
  /** the headers HAProxy's check ruleset holds, before the H1 mux rewrites them on the wire */
  headers: Header[];
  body?: string;
  /** `http-check send-state`: the X-Haproxy-Server-State header is added per server */
  sendState: boolean;
}

/** A `http-check expect` rule the probe can evaluate, or an implicit one. */
export interface Expectation {
  /** the expect line, undefined for the implicit `status 200-399` */
  line?: Line;
  /** how it reads in the configuration */
  text: string;
  negated: boolean;
  match: string;
  pattern: string;
  /** `hdr`/`fhdr`: name, optional value, and their matching methods */
  header?: { name: string; nameMethod: string; value?: string; valueMethod: string; full: boolean };
}

export type CheckPlan =
  | { kind: 'none'; reason: string }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'tcp'; notes: string[] }
  | { kind: 'http'; request: CheckRequest; expects: Expectation[]; disableOn404: boolean; notes: string[]; rulesFrom: Section };

/** The other check types (each `option` replaces the previous one); the probe only speaks HTTP and plain TCP. */
const OTHER_CHECKS = new Set([
  'option ssl-hello-chk', 'option smtpchk', 'option mysql-check', 'option pgsql-check', 'option redis-check',
  'option ldap-check', 'option spop-check', 'option external-check', 'option tcp-check',
]);

/** The check type a section selects last (`no option httpchk` → `none`), undefined when it says nothing. */
function ownCheckType(section: Section): { type: string; line: Line } | undefined {
  let found: { type: string; line: Line } | undefined;
  for (const line of keywordLines(section)) {
    if (line.keyword === 'option httpchk' || OTHER_CHECKS.has(line.keyword)) {
      if (line.modifier === 'no') {
        if (found?.type === line.keyword) found = { type: 'none', line };
      } else if (!line.modifier) found = { type: line.keyword, line };
    }
  }
  return found;
}

/** Decodes a log-format string where it is plain text (`%%` → `%`); reports what it cannot evaluate. */
export function logFormatText(value: string, notes: string[], what: string): string {
  if (!/%(?!%)/.test(value.replace(/%%/g, ''))) return value.replace(/%%/g, '%');
  notes.push(`${what} is a log-format expression the probe cannot evaluate (${JSON.stringify(value)}); it is sent as written`);
  return value;
}

/** The health check of a backend or listen section. */
export function checkPlan(file: ConfigFile, section: Section): CheckPlan {
  const defaults = defaultsOf(file, section);
  const type = ownCheckType(section) ?? (defaults ? ownCheckType(defaults) : undefined);
  const notes: string[] = [];
  if (!type || type.type === 'none') return { kind: 'tcp', notes };
  if (type.type === 'option tcp-check') {
    const tcpRules = (s: Section | undefined) => (s ? keywordLines(s).filter((l) => l.keyword.startsWith('tcp-check ')) : []);
    const rules = tcpRules(section).length > 0 ? tcpRules(section) : tcpRules(defaults);
    if (rules.length === 0) return { kind: 'tcp', notes };
    return { kind: 'unsupported', reason: `a tcp-check sequence (line ${rules[0]!.line}): the probe only reproduces HTTP and plain connect checks` };
  }
  if (type.type !== 'option httpchk') return { kind: 'unsupported', reason: `\`${type.type}\` (line ${type.line.line}): the probe only reproduces HTTP and plain connect checks` };

  const rulesFrom = hasOwnChecks(section) || !defaults ? section : defaults;
  const lines = keywordLines(rulesFrom);
  const option = lines.filter((l) => l.keyword === 'option httpchk' && !l.modifier).at(-1);
  const httpchk = option ? parseHttpchkOption(option) : undefined;

  let method = httpchk?.meth?.value ?? 'OPTIONS';
  let uri = httpchk?.uri?.value ?? '/';
  let version = httpchk?.version ?? 'HTTP/1.0';
  const headers: Header[] = [];
  let body: string | undefined;
  if (httpchk?.hidden) {
    if (httpchk.hidden.headerText !== undefined && !httpchk.hidden.headers) notes.push('the headers hidden after the version in `option httpchk` are not plain `Name: value` lines; they are left out');
    pushAll(headers, httpchk.hidden.headers ?? []);
    if (httpchk.hidden.body !== undefined) body = httpchk.hidden.body;
  }
  if (httpchk?.host) headers.push({ name: 'host', value: logFormatText(httpchk.host.value, notes, 'the `option httpchk` host') });

  const sends = lines.filter((l) => l.keyword === 'http-check send');
  const steps = lines.filter((l) => l.keyword === 'http-check send' || l.keyword === 'http-check connect');
  if (sends.length > 1 || lines.some((l) => l.keyword === 'http-check connect')) {
    notes.push(`the check has ${steps.length} steps (\`http-check send\`/\`connect\`); only the first request and the expectations before the second step are probed`);
  }
  const first = sends[0] ? parseSend(sends[0]) : undefined;
  if (first) {
    if (first.meth) method = first.meth.value;
    if (first.uri) uri = first.uri.value;
    if (first.uriLf) uri = logFormatText(first.uriLf.value, notes, '`uri-lf`');
    if (first.ver) version = first.ver.value;
    for (const hdr of first.hdrs) headers.push({ name: hdr.name.value, value: logFormatText(hdr.value.value, notes, `the value of header ${hdr.name.value}`) });
    if (first.body) body = first.body.value;
    if (first.bodyLf) body = logFormatText(first.bodyLf.value, notes, '`body-lf`');
  }
  for (const word of [httpchk?.meth, httpchk?.uri, httpchk?.versionWord, first?.meth, first?.uri, first?.ver, first?.body].filter((w): w is Word => !!w)) {
    if (word.envRefs.length > 0) notes.push(`${word.raw} uses environment variables: the probe sends them unexpanded`);
  }

  // the expectations of the first step: up to the second send/connect
  const secondStep = steps[1] ? lines.indexOf(steps[1]) : lines.length;
  const expectLines = lines.slice(0, secondStep).filter((l) => l.keyword === 'http-check expect');
  const expects: Expectation[] = [];
  for (const line of expectLines) {
    const expectation = readExpect(parseExpect(line), notes);
    if (expectation) expects.push(expectation);
  }
  const lastIsSend = expectLines.length === 0;
  if (lastIsSend && steps.length <= 1) expects.push({ text: 'http-check expect status 200-399 (implicit: there is no http-check expect)', negated: false, match: 'status', pattern: '200-399' });

  return {
    kind: 'http',
    request: { method, uri, version, headers, ...(body !== undefined ? { body } : {}), sendState: lines.some((l) => l.keyword === 'http-check send-state') },
    expects,
    disableOn404: lines.some((l) => l.keyword === 'http-check disable-on-404'),
    notes,
    rulesFrom,
  };
}

const EVALUATED = new Set(['status', 'rstatus', 'string', 'rstring', 'hdr', 'fhdr']);

function readExpect(expect: HttpCheckExpect, notes: string[]): Expectation | undefined {
  const { line, bang, match, pattern } = expect;
  const text = line.words.map((w) => w.raw).join(' ');
  if (!match || !pattern) {
    notes.push(`line ${line.line}: \`${text}\` cannot be read; not evaluated`);
    return undefined;
  }
  if (!EVALUATED.has(match.value)) {
    notes.push(`line ${line.line}: \`${text}\`: the probe does not evaluate \`${match.value}\``);
    return undefined;
  }
  const options = line.args.slice(0, line.args.indexOf(match)).map((w) => w.value);
  for (const option of ['ok-status', 'error-status', 'tout-status', 'min-recv']) {
    if (options.includes(option)) notes.push(`line ${line.line}: \`${option}\` is not taken into account`);
  }
  const expectation: Expectation = { line, text, negated: !!bang, match: match.value, pattern: pattern.value };
  if (match.value === 'hdr' || match.value === 'fhdr') {
    const rest = line.args.slice(line.args.indexOf(match) + 1).map((w) => w.value);
    const header = { name: '', nameMethod: 'str', valueMethod: 'str', full: match.value === 'fhdr' } as NonNullable<Expectation['header']>;
    let i = 0;
    const take = (kind: 'name' | 'value'): string | undefined => {
      const keyword = rest[i];
      if (keyword !== kind && keyword !== `${kind}-lf`) return undefined;
      if (keyword.endsWith('-lf')) notes.push(`line ${line.line}: \`${keyword}\` is evaluated as plain text`);
      i++;
      let method = 'str';
      if (rest[i] === '-m') {
        method = rest[i + 1] ?? 'str';
        i += 2;
      }
      const value = rest[i++];
      if (kind === 'name') header.nameMethod = method;
      else header.valueMethod = method;
      return value;
    };
    const name = take('name');
    if (name === undefined) {
      notes.push(`line ${line.line}: \`${text}\` cannot be read; not evaluated`);
      return undefined;
    }
    header.name = name;
    const value = take('value');
    if (value !== undefined) header.value = value;
    expectation.header = header;
  }
  return expectation;
}
