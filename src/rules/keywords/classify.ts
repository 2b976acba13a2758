import { memo } from '../shared/memo.js';
/**
 * One pass over a file that decides, for every keyword line, which keyword rule (if any) has
 * something to say about it, so that a line gets at most one keyword finding:
 * removed-keyword > keyword-wrong-section > unknown-keyword (including "not in this version").
 */
import type { ConfigFile, Line, Section, Word } from '../../parser/ast.js';
import type { TargetVersion } from '../../engine/types.js';
import { familyMemberRecord, ignoredInSection, isNamedDefaultsOnly, removedKeyword, suggest, VERSIONS, type RemovedKeyword, type Version } from '../../grammar/index.js';

import {
  FAMILY_HEADS,
  PROXY_KINDS,
  RULE_SETS,
  actionVersions,
  allActions,
  allFirstWords,
  allSectionKeywords,
  allSectionKinds,
  compareVersions,
  familyMembersIn,
  hasEnv,
  isCoveredSection,
  isPrefixAction,
  keywordHead,
  normalizedKeyword,
  removedFor,
  sectionKindVersions,
  stripParens,
  toVersion,
  versionLabel,
  versionsInAnyProxy,
  versionsInSection,
} from './knowledge.js';

export type Verdict =
  | { kind: 'removed'; line: Line; section: Section; entry: RemovedKeyword; keyword: string }
  | { kind: 'wrong-section'; line: Line; section: Section; keyword: string; message: string; fatal: boolean }
  | { kind: 'unknown'; line: Line; section: Section; word: Word; message: string; candidates: string[]; severity: 'error' | 'warning'; replaceWith?: (s: string) => string }
  | { kind: 'newer'; line: Line; section: Section; word: Word; message: string; severity: 'error' | 'warning' }
  /** known up to an older version than the target, and in no removed-keywords.json entry */
  | { kind: 'dropped'; line: Line; section: Section; word: Word; keyword: string; last: Version };

/** Placements HAProxy (2.6.12, verified with haproxy -c) refuses instead of ignoring with a warning. */
const FATAL_IN: Record<string, ReadonlySet<string>> = {
  frontend: new Set(['server', 'server-template', 'default-server', 'use-fcgi-app', 'retry-on', 'tcp-response content', 'tcp-response inspect-delay']),
  backend: new Set(['declare capture', 'tcp-request connection', 'tcp-request session']),
};

const NON_PROXY_ORDER = ['global', 'userlist', 'peers', 'resolvers', 'mailers', 'program', 'http-errors', 'ring', 'cache', 'log-forward', 'fcgi-app', 'crt-store', 'traces', 'log-profile', 'acme', 'healthcheck'];

const cache = new WeakMap<ConfigFile, Map<TargetVersion, Verdict[]>>();

export function classify(file: ConfigFile, target: TargetVersion): Verdict[] {
  return memo(memo(cache, file, () => new Map()), target, () => {
    const verdicts: Verdict[] = [];
    for (const section of file.sections) {
      const header = classifyHeader(section, target);
      if (header) verdicts.push(header);
      if (!isCoveredSection(section.kind)) continue;
      for (const line of section.lines) {
        if (line.kind !== 'keyword') continue;
        const verdict = classifyLine(section, line, target);
        if (verdict) verdicts.push(verdict);
      }
    }
    return verdicts;
  });
}

const claimedCache = new WeakMap<ConfigFile, Map<TargetVersion, Set<Line>>>();

/** The lines a keyword rule already reports (a `server` line in a frontend…): the option and argument rules skip them. */
export function claimedLines(file: ConfigFile, target: TargetVersion): Set<Line> {
  return memo(memo(claimedCache, file, () => new Map()), target, () => new Set(classify(file, target).map((v) => v.line)));
}

function classifyHeader(section: Section, targetVersion: TargetVersion): Verdict | undefined {
  const word = section.header.words[0]!;
  const entry = removedKeyword(section.kind);
  if (entry && entry.context === 'section') return { kind: 'removed', line: section.header, section, entry, keyword: section.kind };
  const versions = sectionKindVersions(section.kind);
  if (versions.length === 0) return undefined; // namespace_list and other build-dependent sections
  return newerVerdict(section, section.header, word, `the '${section.kind}' section`, versions, toVersion(targetVersion), section.kind);
}

function sectionLabel(kind: string): string {
  return `'${kind}'`;
}

/** Other section kinds (in a sensible order) accepting the keyword in some version. */
function otherHomes(kind: string, keyword: string): string[] {
  const homes: string[] = [];
  for (const k of PROXY_KINDS) if (k !== kind && versionsInSection(k, keyword).length > 0) homes.push(k);
  for (const k of NON_PROXY_ORDER) if (k !== kind && exactlyIn(k, keyword)) homes.push(k);
  return homes;
}

/** Listed under its full name in a non-proxy section (not just through its family head). */
function exactlyIn(kind: string, keyword: string): boolean {
  if (versionsInSection(kind, keyword).length === 0) return false;
  return !keyword.includes(' ') || allSectionKeywords(kind).includes(keyword);
}

/**
 * A keyword the target does not know although another version does: newer than the target (whether the
 * version that adds it is a release or the development branch, the target refuses it), or dropped before it.
 * A keyword missing only in between (a gap of the manuals) stays silent.
 */
function newerVerdict(section: Section, line: Line, word: Word, name: string, versions: Version[], target: Version, keyword = name): Verdict | undefined {
  if (versions.length === 0 || versions.includes(target)) return undefined;
  if (line.condDepth > 0) return undefined; // likely guarded by `.if version_atleast(...)`
  const first = versions[0]!;
  const last = versions[versions.length - 1]!;
  if (compareVersions(last, target) < 0) return { kind: 'dropped', line, section, word, keyword, last };
  if (compareVersions(first, target) < 0) return undefined;
  return {
    kind: 'newer',
    line,
    section,
    word,
    severity: 'error',
    message: `${name} is not available before HAProxy ${versionLabel(first)} (target version ${versionLabel(target)})`,
  };
}

function removedApplies(entry: RemovedKeyword, kind: string): boolean {
  switch (entry.context) {
    case 'proxy':
      return PROXY_KINDS.has(kind);
    case 'global':
    case 'resolvers':
      return entry.context === kind;
    default:
      return false;
  }
}

function sinceIndex(since: string | undefined): number {
  if (!since) return -1;
  const [maj, min] = since.split('.').map(Number);
  return (maj ?? 0) * 100 + (min ?? 0);
}

export function versionNumber(v: string): number {
  return sinceIndex(v);
}

function classifyLine(section: Section, line: Line, targetVersion: TargetVersion): Verdict | undefined {
  const target = toVersion(targetVersion);
  // the keyword's own words (after a `no`/`default` modifier), read in place
  const words = line.words;
  const kwFrom = line.modifier ? 1 : 0;
  const kwCount = Math.max(0, Math.min(line.keywordWordCount, words.length) - kwFrom);
  const first = words[kwFrom];
  if (!first || kwCount === 0 || first.value === '') return undefined;
  for (let i = kwFrom; i < kwFrom + kwCount; i++) if (hasEnv(words[i])) return undefined;
  const kind = section.kind;
  const keyword = normalizedKeyword(line);
  const isProxy = PROXY_KINDS.has(kind);

  // removed / deprecated keywords first
  const entry = removedFor(line);
  if (entry && removedApplies(entry, kind) && !(entry.name === 'master-worker' && line.args.length > 0)) {
    return { kind: 'removed', line, section, entry, keyword: entry.name };
  }

  // non-proxy sections listing a family's members (global `stats socket|timeout|maxconn`, ring `timeout connect|server`):
  // a member they do not list is unknown even though the family head is accepted
  const head0 = keywordHead(keyword);
  const unlistedMember = !isProxy && kwCount >= 2 && familyMembersIn(kind, head0).length > 0 && !familyMembersIn(kind, head0).includes(keyword.slice(head0.length + 1));
  const here = unlistedMember ? [] : versionsInSection(kind, keyword);
  const ignored = ignoredInSection(kind, keyword);
  if (ignored) {
    const message = `'${keyword}' is ignored in a ${kind} section (HAProxy warns "${ignored}")`;
    return { kind: 'wrong-section', line, section, keyword, fatal: false, message };
  }
  if (here.length > 0) {
    if (kind === 'defaults' && !section.name && VERSIONS.some((v) => isNamedDefaultsOnly(keyword, v))) {
      return {
        kind: 'wrong-section', line, section, keyword, fatal: true,
        message: `'${keyword}' is not allowed in an anonymous 'defaults' section: name the defaults section (defaults <name>) and refer to it with 'from <name>', or move the rule to the frontend/backend`,
      };
    }
    const newer = newerVerdict(section, line, first, `'${keyword}'`, here, target, keyword);
    if (newer) {
      // in another proxy kind it may exist for this version (manual matrix gaps): stay silent then
      if (!(isProxy && versionsInAnyProxy(keyword).includes(target))) return newer;
      return undefined;
    }
    return classifyAction(section, line, keyword, target);
  }

  // known elsewhere?
  const homes = otherHomes(kind, keyword);
  if (homes.length > 0) {
    const proxyHomes = homes.filter((h) => PROXY_KINDS.has(h));
    const refusedOption = isProxy && refusesMisplacedOption(keyword, target);
    const laterRefused = isProxy && refusesMisplacedOption(keyword, '3.2') ? ' (HAProxy 3.2 and later refuse it)' : '';
    const fatal = !isProxy || proxyHomes.length === 0 || kind === 'defaults' || (FATAL_IN[kind]?.has(keyword) ?? false) || refusedOption;
    const where = proxyHomes.length > 0 ? proxyHomes : homes;
    const message = isProxy && proxyHomes.length > 0 && !fatal
      ? `'${keyword}' is ignored in a ${kind} section: it only applies to ${listKinds(where)} sections${laterRefused}`
      : refusedOption
        ? `'${keyword}' is not allowed in a ${sectionLabel(kind)} section: it only applies to ${listKinds(where)} sections, and HAProxy 3.2 and later refuse it ("unknown option '${keyword.slice(7)}'")`
        : `'${keyword}' is not allowed in a ${sectionLabel(kind)} section: it belongs in ${listKinds(where)}`;
    return { kind: 'wrong-section', line, section, keyword, fatal, message };
  }

  // unknown: a family member, or the first word
  const head = keywordHead(keyword);
  const familyKind = isProxy ? 'listen' : kind;
  if (kwCount >= 2 && FAMILY_HEADS.has(head) && familyMembersIn(isProxy ? 'defaults' : kind, head).length + familyMembersIn(familyKind, head).length > 0) {
    const memberWord = words[kwFrom + 1]!;
    const member = stripParens(memberWord.value);
    const candidates = suggest(member, [...new Set([...familyMembersIn(familyKind, head), ...(isProxy ? familyMembersIn('defaults', head) : [])])]);
    const what = head === 'option' ? `option '${member}'` : `'${head}' keyword '${member}'`;
    return {
      kind: 'unknown', line, section, word: memberWord, candidates, severity: 'error',
      message: `unknown ${what} in ${sectionLabel(kind)} section`,
      replaceWith: memberWord.value.includes('(') ? (s) => s + memberWord.value.slice(memberWord.value.indexOf('(')) : undefined,
    };
  }
  if (kind === 'global' && head.startsWith('tune.')) {
    const candidates = suggest(head, allFirstWords('global').filter((w) => w.startsWith('tune.')));
    return {
      kind: 'unknown', line, section, word: first, candidates, severity: 'warning',
      message: `unknown global keyword '${head}' (not in any HAProxy manual from 2.6 on; some tune.* settings are undocumented)`,
    };
  }
  const candidates = suggest(head, [...allFirstWords(isProxy ? 'listen' : kind), ...allFirstWords(isProxy ? 'defaults' : kind), ...allSectionKinds()]);
  return {
    kind: 'unknown', line, section, word: first, candidates, severity: 'error',
    message: `unknown keyword '${head}' in ${sectionLabel(kind)} section`,
  };
}

/**
 * From 3.2.0 an argument-less option of HAProxy's option table in a proxy lacking its capability (a
 * backend-only option in a frontend, a frontend-only one in a backend) is refused ("unknown option
 * 'persist'"); older releases ignore it with a warning.
 */
function refusesMisplacedOption(keyword: string, target: Version): boolean {
  if (!keyword.startsWith('option ') || compareVersions(target, '3.2') < 0) return false;
  return familyMemberRecord('option', keyword.slice('option '.length))?.registered?.includes(target) ?? false;
}

function listKinds(kinds: string[]): string {
  const names = kinds.map((k) => `'${k}'`);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function classifyAction(section: Section, line: Line, keyword: string, target: Version): Verdict | undefined {
  const ruleSet = RULE_SETS[keyword];
  if (!ruleSet) return undefined;
  const word = line.args[0];
  if (!word || hasEnv(word) || word.value === '') return undefined;
  const action = stripParens(word.value);
  if (action === 'if' || action === 'unless') return undefined;
  if (isPrefixAction(action)) return undefined;
  const versions = actionVersions(ruleSet, action);
  if (versions.length > 0) return newerVerdict(section, line, word, `'${ruleSet} ${action}'`, versions, target, `${ruleSet} ${action}`);
  const elsewhere = Object.values(RULE_SETS).filter((rs) => rs !== ruleSet && actionVersions(rs, action).length > 0);
  const candidates = suggest(action, allActions(ruleSet));
  return {
    kind: 'unknown', line, section, word, candidates, severity: 'error',
    message: elsewhere.length > 0
      ? `'${action}' is not a '${ruleSet}' action (it exists for ${elsewhere.map((e) => `'${e}'`).join(', ')})`
      : `unknown '${ruleSet}' action '${action}'`,
    replaceWith: word.value.includes('(') ? (s) => s + word.value.slice(word.value.indexOf('(')) : undefined,
  };
}

