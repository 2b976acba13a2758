import { internJoin } from './intern.js';
import type { SectionKind } from './ast.js';

/**
 * How many words make up a keyword, from its first word. HAProxy names keywords like
 * `option httpchk`, `timeout connect`, `http-check send` or `capture request header`; the
 * words after them are arguments. `http-request` and friends take their action as an argument.
 */
const FAMILIES_WITH_ONE_SUBWORD = new Set([
  'option', 'timeout', 'http-check', 'tcp-check', 'stats', 'stick', 'email-alert', 'external-check',
  'persist', 'rate-limit', 'monitor', 'declare', 'tcp-request', 'tcp-response',
]);

/** Words that modify the keyword after them (`no option httplog`, `default log`). */
const MODIFIERS = new Set(['no', 'default']);

export interface KeywordShape {
  keyword: string;
  keywordWordCount: number;
  modifier?: 'no' | 'default';
}

/** `value(i)` gives the value of word i of the line, `length` how many words it has. */
export function keywordShape(length: number, value: (i: number) => string | undefined): KeywordShape {
  let index = 0;
  let modifier: 'no' | 'default' | undefined;
  if (length > 1 && MODIFIERS.has(value(0)!)) {
    modifier = value(0) as 'no' | 'default';
    index = 1;
  }
  const first = value(index) ?? '';
  let count = 1;
  if (FAMILIES_WITH_ONE_SUBWORD.has(first) && length > index + 1) count = 2;
  else if (first === 'capture' && length > index + 1) {
    const kind = value(index + 1);
    count = (kind === 'request' || kind === 'response') && value(index + 2) === 'header' ? 3 : 2;
  }
  const keyword = count === 1 ? first : count === 2 ? internJoin(first, value(index + 1)!) : internJoin(internJoin(first, value(index + 1)!), value(index + 2)!);
  return { keyword, keywordWordCount: index + count, modifier };
}

/** Every section keyword HAProxy has registered in 2.6 → 3.x (which version has which is a rule's business). */
export const SECTION_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers', 'mailers',
  'program', 'http-errors', 'ring', 'cache', 'log-forward', 'fcgi-app', 'namespace_list', 'crt-store',
  'traces', 'log-profile', 'acme', 'healthcheck',
]);

/** Sections whose header names the section with its first argument. */
export const NAMED_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers', 'mailers', 'program', 'http-errors',
  'ring', 'cache', 'log-forward', 'fcgi-app', 'crt-store', 'log-profile', 'acme', 'healthcheck',
]);

export const PROXY_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['defaults', 'frontend', 'backend', 'listen']);
