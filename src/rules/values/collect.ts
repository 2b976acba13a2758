/** Runs the value checkers over a file, once per target version (memoized for the six rules that share them). */
import type { ConfigFile, Line, Section } from '../../parser/ast.js';
import type { TargetVersion } from '../../engine/types.js';
import { compareVersions, type Version } from '../../grammar/versions.js';
import { memo } from '../shared/memo.js';
import { PROXY_KINDS } from '../shared/proxies.js';
import { classify } from '../keywords/classify.js';
import { hasEnv } from '../keywords/knowledge.js';
import type { LineChecker, LineContext, ProblemKind, ValueProblem } from './problems.js';
import { proxyChecker } from './proxy.js';
import { globalChecker, log } from './global.js';
import { serverChecker } from './server.js';
import { statusChecker } from './status.js';
import { actionArguments, actionValues } from './actions.js';
import { RULE_SETS } from '../keywords/knowledge.js';
import { checkTime, unexpected } from './helpers.js';

/** a timeout value wrong-argument-count accepts as written: only its size is checked here */
const TIME_SYNTAX = /^\d+(us|ms|s|m|h|d)?$/;

const timeout: LineChecker = (ctx) => {
  const args = ctx.line.args;
  if (args.length === 1 && TIME_SYNTAX.test(args[0]!.value)) checkTime(ctx, args[0]!, `'${ctx.line.keyword}'`);
};

/** `filter spoe [engine <name>] config <file>` */
const filter: LineChecker = (ctx) => {
  const args = ctx.line.args;
  if (args[0]?.value !== 'spoe') return;
  const config = args.findIndex((w) => w.value === 'config');
  if (config < 0) ctx.problem('missing', "'filter spoe' expects 'config <file>' (the SPOE configuration file)", args[0]);
  else if (!args[config + 1]) ctx.problem('missing', "'filter spoe … config' expects a file name", args[config]!);
};

/** a rule-set line: its action's status code and values */
const ruleLine: LineChecker = (ctx) => {
  statusChecker(ctx.line.keyword)?.(ctx);
  actionValues(ctx);
  actionArguments(ctx);
};

function checkerFor(section: Section, line: Line): LineChecker | undefined {
  const kw = line.keyword;
  if (line.modifier) return undefined;
  if (kw === 'log') return section.kind === 'global' || section.kind === 'log-forward' || PROXY_KINDS.has(section.kind) ? log : undefined;
  if (section.kind === 'global') return globalChecker(kw);
  if (kw.startsWith('timeout ') && line.keywordWordCount === 2) return timeout;
  if (!PROXY_KINDS.has(section.kind)) {
    if (section.kind === 'http-errors' && kw === 'errorfile') return statusChecker(kw);
    if (kw === 'server' && (section.kind === 'peers' || section.kind === 'ring')) return serverChecker(kw);
    return undefined;
  }
  if (kw === 'filter') return filter;
  if (kw in RULE_SETS) return ruleLine;
  return proxyKeywordChecker(kw);
}

/** A proxy keyword's checkers depend on the keyword alone: combined once per keyword name, not per line. */
const proxyCheckers = new Map<string, LineChecker | undefined>();
function proxyKeywordChecker(kw: string): LineChecker | undefined {
  if (proxyCheckers.has(kw)) return proxyCheckers.get(kw);
  const checks = [proxyChecker(kw), serverChecker(kw), statusChecker(kw)].filter((c): c is LineChecker => c !== undefined);
  const combined: LineChecker | undefined = checks.length <= 1 ? checks[0] : (ctx) => checks.forEach((check) => check(ctx));
  // bounded: keyword names come from user files (a long-lived language server sees many)
  if (proxyCheckers.size < 1000) proxyCheckers.set(kw, combined);
  return combined;
}

/** Section headers taking exactly one name ("'peers' cannot handle unexpected argument"). */
const ONE_NAME_SECTIONS = new Set(['peers', 'userlist', 'cache', 'program']);

function checkHeader(section: Section, ctx: LineContext): void {
  if (ONE_NAME_SECTIONS.has(section.kind)) unexpected(ctx, section.header.words, 2, `'${section.kind}'`);
}

/**
 * Lines the keyword rules report (unknown, misplaced, newer or removed keywords), whose arguments are
 * not judged; a keyword only deprecated at the target (removed in a later version) is still judged.
 */
function reportedLines(file: ConfigFile, targetVersion: TargetVersion): Set<Line> {
  const lines = new Set<Line>();
  for (const v of classify(file, targetVersion)) {
    if (v.kind === 'removed' && v.entry.since && compareVersions(targetVersion as Version, v.entry.since as Version) < 0) continue;
    lines.add(v.line);
  }
  return lines;
}

const cache = new WeakMap<ConfigFile, Map<TargetVersion, ValueProblem[]>>();

/** Every value problem of the file's lines that the keyword rules do not already report, for one target. */
export function valueProblems(file: ConfigFile, targetVersion: TargetVersion): ValueProblem[] {
  return memo(memo(cache, file, () => new Map()), targetVersion, () => {
    const target = targetVersion as Version;
    const claimed = reportedLines(file, targetVersion);
    const problems: ValueProblem[] = [];
    const atLeast: LineContext['atLeast'] = (version) => compareVersions(target, version) >= 0;
    const problem: LineContext['problem'] = (kind, message, at, fix) => problems.push({ kind, message, start: at.start, end: at.end, fix });
    const contextFor = (section: Section, line: Line): LineContext => ({
      line,
      section,
      target,
      atLeast,
      problem,
      keywordSpan: { start: line.words[0]!.start, end: line.words[Math.max(1, line.keywordWordCount) - 1]!.end },
    });
    for (const section of file.sections) {
      if (!section.header.words.some((w) => hasEnv(w))) checkHeader(section, contextFor(section, section.header));
      for (const line of section.lines) {
        if (line.kind !== 'keyword' || claimed.has(line) || line.words.some((w) => hasEnv(w))) continue;
        checkerFor(section, line)?.(contextFor(section, line));
      }
    }
    return problems;
  });
}

export function problemsOfKind(file: ConfigFile, targetVersion: TargetVersion, kind: ProblemKind): ValueProblem[] {
  return valueProblems(file, targetVersion).filter((p) => p.kind === kind);
}
