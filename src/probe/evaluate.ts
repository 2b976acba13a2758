import type { ExchangeResult, ParsedResponse } from './net.js';
import type { Expectation } from './request.js';
import type { RegexTester } from './regex.js';

/** HAProxy's check status codes (show stat `check_status`). */
export type CheckStatus = 'L4OK' | 'L4TOUT' | 'L4CON' | 'L7OK' | 'L7OKC' | 'L7TOUT' | 'L7RSP' | 'L7STS';

export interface Verdict {
  /** UP: the check passes; NOLB: conditionally (disable-on-404: no new traffic); DOWN: it fails */
  state: 'UP' | 'DOWN' | 'NOLB';
  checkStatus: CheckStatus;
  /** HAProxy's own wording, as in its log: `Layer7 wrong status, code: 301, info: "Moved Permanently"` */
  message: string;
  code?: number;
  /** the expectation that decided, when one did */
  expectation?: Expectation;
}

const info = (text: string | undefined) => (text ? `, info: "${text}"` : '');

function wrongStatus(response: ParsedResponse, expectation?: Expectation): Verdict {
  return { state: 'DOWN', checkStatus: 'L7STS', code: response.status, message: `Layer7 wrong status, code: ${response.status}${info(response.reason)}`, ...(expectation ? { expectation } : {}) };
}

function invalid(text: string | undefined, expectation?: Expectation): Verdict {
  return { state: 'DOWN', checkStatus: 'L7RSP', message: `Layer7 invalid response${info(text)}`, ...(expectation ? { expectation } : {}) };
}

/** The verdict on a plain connect check. */
export function judgeConnect(result: ExchangeResult): Verdict {
  if (result.kind === 'connected') return { state: 'UP', checkStatus: 'L4OK', message: 'Layer4 check passed' };
  return layer4(result) ?? { state: 'DOWN', checkStatus: 'L4CON', message: 'Layer4 connection problem' };
}

function layer4(result: ExchangeResult): Verdict | undefined {
  if (result.kind === 'connect-timeout') return { state: 'DOWN', checkStatus: 'L4TOUT', message: 'Layer4 timeout' };
  if (result.kind === 'connect-error') return { state: 'DOWN', checkStatus: 'L4CON', message: `Layer4 connection problem${info(result.message)}` };
  return undefined;
}

/** The verdict on an HTTP check's exchange, as tcpcheck_eval_expect_http() judges it (2.6). */
/** `regex`: how `rstatus`/`rstring`/`-m reg` patterns are matched (the probe bounds them in time: src/probe/regex.ts). */
export function judgeHttp(result: ExchangeResult, expects: Expectation[], disableOn404: boolean, regex: RegexTester = regexTest): Verdict {
  const l4 = layer4(result);
  if (l4) return l4;
  if (result.kind === 'read-timeout') return { state: 'DOWN', checkStatus: 'L7TOUT', message: 'Layer7 timeout' };
  if (result.kind !== 'response') return invalid(undefined);
  const response = result.response;
  if (disableOn404 && response.status === 404) {
    return { state: 'NOLB', checkStatus: 'L7OKC', code: 404, message: `Layer7 check conditionally passed, code: 404${info(response.reason)}` };
  }
  for (const expectation of expects) {
    const failed = evaluate(expectation, response, regex);
    if (failed) return failed;
  }
  return { state: 'UP', checkStatus: 'L7OK', code: response.status, message: `Layer7 check passed, code: ${response.status}` };
}

/** undefined when the expectation holds, else the failure. */
function evaluate(expectation: Expectation, response: ParsedResponse, regexTest: RegexTester): Verdict | undefined {
  const { match, pattern, negated } = expectation;
  switch (match) {
    case 'status':
    case 'rstatus': {
      const matched = match === 'status' ? statusMatches(pattern, response.status) : regexTest(pattern, String(response.status));
      return matched !== negated ? undefined : wrongStatus(response, expectation);
    }
    case 'string':
    case 'rstring': {
      if (response.body.length === 0) return invalid('HTTP content check could not find a response body', expectation);
      const body = response.body.toString('latin1');
      const matched = match === 'string' ? body.includes(Buffer.from(pattern, 'utf8').toString('latin1')) : regexTest(pattern, body);
      if (matched === negated) return invalid(negated ? 'HTTP check matched unwanted content' : 'HTTP content check did not match', expectation);
      return undefined;
    }
    case 'hdr':
    case 'fhdr': {
      const matched = headerMatches(expectation.header!, response, regexTest);
      return matched !== negated ? undefined : wrongStatus(response, expectation);
    }
  }
  return undefined;
}

/** `200`, `200,301`, `200-399` (tcpcheck: a comma list of codes and ranges). */
export function statusMatches(list: string, status: number): boolean {
  for (const item of list.split(',')) {
    const range = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(item);
    if (!range) continue;
    const low = Number(range[1]);
    const high = range[2] ? Number(range[2]) : low;
    if (status >= low && status <= high) return true;
  }
  return false;
}

/** PCRE-ish regex, unanchored as HAProxy's regex_exec(); a pattern JavaScript cannot compile never matches. Unbounded in time. */
export function regexTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return false;
  }
}

function methodMatches(method: string, wanted: string, actual: string, caseless: boolean, regexTest: RegexTester): boolean {
  const a = caseless ? actual.toLowerCase() : actual;
  const w = caseless ? wanted.toLowerCase() : wanted;
  switch (method) {
    case 'beg': return a.startsWith(w);
    case 'end': return a.endsWith(w);
    case 'sub': return a.includes(w);
    case 'reg': return regexTest(wanted, actual);
    default: return a === w;
  }
}

function headerMatches(header: NonNullable<Expectation['header']>, response: ParsedResponse, regexTest: RegexTester): boolean {
  const named = response.headers.filter((h) => methodMatches(header.nameMethod, header.name, h.name, true, regexTest));
  if (named.length === 0) return false;
  if (header.value === undefined) return true;
  // `hdr` splits values on commas, `fhdr` takes the full line
  const values = named.flatMap((h) => (header.full ? [h.value] : h.value.split(',').map((v) => v.trim())));
  return values.some((v) => methodMatches(header.valueMethod, header.value!, v, false, regexTest));
}
