/**
 * Shared keyword knowledge for the keyword rules (unknown-keyword, keyword-wrong-section,
 * removed-keyword, unknown-server-option, unknown-bind-option, wrong-argument-count).
 *
 * Everything here answers "in ANY version" or "in THIS version" questions over the generated
 * grammar (src/grammar), plus a few hand-kept facts the manuals do not state, verified against
 * the HAProxy 2.6.12 binary (`haproxy -c`, `haproxy -dKall`).
 */
import {
  VERSIONS,
  familyMembers,
  isKeywordAllowed,
  isSectionKind,
  removedKeyword,
  sectionKeywords,
  sectionKinds,
  type RemovedKeyword,
  type Version,
} from '../../grammar/index.js';
import type { Line, Word } from '../../parser/ast.js';
import { compareVersions, versionLabel } from '../../grammar/versions.js';
import { editDistance } from '../../grammar/suggest.js';
import { keywordHead } from '../shared/words.js';
import type { TargetVersion } from '../../engine/types.js';

import { PROXY_KINDS } from '../shared/proxies.js';

export { PROXY_KINDS };

/** Section kinds whose keyword lists the grammar covers; lines of other kinds are left alone. */
const COVERED_KINDS = new Set([
  'global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers', 'mailers', 'program',
  'http-errors', 'ring', 'cache', 'log-forward', 'fcgi-app', 'crt-store', 'traces', 'log-profile', 'acme', 'healthcheck',
]);

export function isCoveredSection(kind: string): boolean {
  return COVERED_KINDS.has(kind);
}

/** Rule-set actions HAProxy registers by prefix (`set-var(txn.x)`, `sc-inc-gpc0(1)`, `track-sc5`) or from addons. */
const ACTION_PREFIXES = ['set-var', 'set-var-fmt', 'unset-var', 'sc-inc-gpc', 'sc-set-gpt', 'sc-add-gpc', 'track-sc', 'add-acl', 'del-acl', 'set-map', 'del-map', 'lua.', 'ot-group', 'do-resolve'];

/** Families whose member is the second word of the keyword (`option httpchk`). */
export const FAMILY_HEADS = new Set([
  'option', 'timeout', 'http-check', 'tcp-check', 'stats', 'stick', 'email-alert', 'external-check', 'persist',
  'rate-limit', 'monitor', 'declare', 'tcp-request', 'tcp-response', 'capture',
]);

/** Rule-set keywords whose first argument is an action. */
export const RULE_SETS: Record<string, string> = {
  'http-request': 'http-request',
  'http-response': 'http-response',
  'http-after-response': 'http-after-response',
  'tcp-request connection': 'tcp-request connection',
  'tcp-request session': 'tcp-request session',
  'tcp-request content': 'tcp-request content',
  'tcp-response content': 'tcp-response content',
  'quic-initial': 'quic-initial',
};

export function toVersion(target: TargetVersion): Version {
  return target as Version;
}

export { compareVersions, versionLabel };

/** `set-var(txn.x)` → `set-var`: the part HAProxy looks up. */
export function stripParens(word: string): string {
  const i = word.indexOf('(');
  return i > 0 ? word.slice(0, i) : word;
}

/** The keyword as the grammar names it: parenthesised suffixes dropped (`http-check set-var(check.x)`). */
export function normalizedKeyword(line: Line): string {
  if (!line.keyword.includes('(')) return line.keyword;
  const parts = line.keyword.split(' ');
  parts[parts.length - 1] = stripParens(parts[parts.length - 1]!);
  return parts.join(' ');
}

const memo = new Map<string, unknown>();
function cached<T>(key: string, build: () => T): T {
  if (!memo.has(key)) memo.set(key, build());
  return memo.get(key) as T;
}

/**
 * Answers asked once per line are kept under two plain keys (no key string built per line): `a` → `b` → answer.
 * Versions, section kinds and keyword names are few, so these tables stay small.
 */
type Table2<T> = Map<string, Map<string, T>>;

function get2<T>(table: Table2<T>, a: string, b: string): T | undefined {
  return table.get(a)?.get(b);
}

function set2<T>(table: Table2<T>, a: string, b: string, value: T): T {
  let inner = table.get(a);
  if (!inner) table.set(a, (inner = new Map()));
  inner.set(b, value);
  return value;
}

const versionsInSectionTable: Table2<Version[]> = new Map();

/** Versions in which `kind` accepts `keyword` (proxy kinds: exact names; others: heads too). */
export function versionsInSection(kind: string, keyword: string): Version[] {
  return get2(versionsInSectionTable, kind, keyword) ?? set2(versionsInSectionTable, kind, keyword, VERSIONS.filter((v) => isKeywordAllowed(kind, keyword, v)));
}

const versionsInAnyProxyTable = new Map<string, Version[]>();

/** Versions in which any proxy section accepts `keyword`. */
export function versionsInAnyProxy(keyword: string): Version[] {
  let versions = versionsInAnyProxyTable.get(keyword);
  if (!versions) {
    const set = new Set<Version>();
    for (const kind of PROXY_KINDS) for (const v of versionsInSection(kind, keyword)) set.add(v);
    versions = VERSIONS.filter((v) => set.has(v));
    versionsInAnyProxyTable.set(keyword, versions);
  }
  return versions;
}

export { keywordHead };

/** Every keyword of a section kind in any version (for suggestions). */
export function allSectionKeywords(kind: string): string[] {
  return cached(`ask:${kind}`, () => {
    const set = new Set<string>();
    const kinds = PROXY_KINDS.has(kind) ? [...PROXY_KINDS] : [kind];
    for (const k of kinds) for (const v of VERSIONS) for (const kw of sectionKeywords(k, v)) set.add(kw);
    return [...set].sort();
  });
}

/** First words of a section kind's keywords (any version), for "did you mean" on the first word. */
export function allFirstWords(kind: string): string[] {
  return cached(`afw:${kind}`, () => [...new Set(allSectionKeywords(kind).map((k) => k.split(' ')[0]!))].sort());
}

/** Members of a keyword family across the keywords of a section kind (any version): 'option' → ['abortonclose', …]. */
const familyMembersTable: Table2<string[]> = new Map();

export function familyMembersIn(kind: string, head: string): string[] {
  const known = get2(familyMembersTable, kind, head);
  if (known) return known;
  const set = new Set<string>();
  for (const kw of allSectionKeywords(kind)) if (kw.startsWith(head + ' ')) set.add(kw.slice(head.length + 1));
  return set2(familyMembersTable, kind, head, [...set].sort());
}

/** Every section kind in any version. */
export function allSectionKinds(): string[] {
  return cached('kinds', () => sectionKinds());
}

export function sectionKindVersions(kind: string): Version[] {
  return VERSIONS.filter((v) => isSectionKind(kind, v));
}

/** Versions in which a rule set knows an action. */
const actionVersionsTable: Table2<Version[]> = new Map();

export function actionVersions(ruleSet: string, action: string): Version[] {
  return get2(actionVersionsTable, ruleSet, action) ?? set2(actionVersionsTable, ruleSet, action, VERSIONS.filter((v) => familyMembers(ruleSet, v).includes(action)));
}

export function allActions(ruleSet: string): string[] {
  return cached(`acts:${ruleSet}`, () => {
    const set = new Set<string>();
    for (const v of VERSIONS) for (const a of familyMembers(ruleSet, v)) set.add(a);
    return [...set].sort();
  });
}

export function isPrefixAction(action: string): boolean {
  for (const prefix of ACTION_PREFIXES) if (action.startsWith(prefix)) return true;
  return false;
}

/** The removed/deprecated entry for a line's keyword (full name first, then the first word). */
export function removedFor(line: Line): RemovedKeyword | undefined {
  const kw = normalizedKeyword(line);
  const first = line.words[line.keywordWordCount - 1] ? keywordHead(line.keyword) : kw;
  if (kw === 'mode' && line.args[0]?.value === 'health') return removedKeyword('mode health');
  return removedKeyword(kw) ?? (first !== kw ? removedKeyword(first) : undefined);
}

/** Whether the text HAProxy sees for this word depends on the environment. */
export function hasEnv(word: Word | undefined): boolean {
  return !!word && (word.envRefs.length > 0 || (word.raw.includes('$') && ENV_REFERENCE.test(word.raw)));
}

const ENV_REFERENCE = /\$\{?[A-Za-z_]/;

/**
 * The one close match worth an automatic (unsafe) fix: the only candidate, or the candidate
 * strictly closer than all the others (`set-heder` → `set-header`, not `del-header`).
 */
export function uniqueBest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  const lower = word.toLowerCase();
  const [a, b] = [editDistance(lower, candidates[0]!.toLowerCase()), editDistance(lower, candidates[1]!.toLowerCase())];
  return a < b ? candidates[0] : undefined;
}
