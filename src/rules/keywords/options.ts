/**
 * Walks the options of `server` / `default-server` / `server-template` and `bind` lines and
 * reports unknown options, options of the other kind, options newer than the target version and
 * options missing their argument.
 */
import type { Line, Section, Word } from '../../parser/ast.js';
import type { RuleContext, TargetVersion } from '../../engine/types.js';
import { bindOptions, familyMembers, manualOf, serverOptions, suggest, VERSIONS, type Version } from '../../grammar/index.js';
import { compareVersions, hasEnv, toVersion, uniqueBest, versionLabel } from './knowledge.js';
import { claimedLines } from './classify.js';
import { addressInsteadOfName } from '../shared/addresses.js';

export type OptionKind = 'server' | 'bind';

interface OptionInfo {
  versions: Version[];
  takesArg: boolean;
}

const tables = new Map<OptionKind, Map<string, OptionInfo>>();

function table(kind: OptionKind): Map<string, OptionInfo> {
  let t = tables.get(kind);
  if (!t) {
    t = new Map();
    for (const v of VERSIONS) {
      for (const [name, takesArg] of kind === 'server' ? serverOptions(v) : bindOptions(v)) {
        const info = t.get(name) ?? { versions: [], takesArg };
        info.versions.push(v);
        t.set(name, info);
      }
    }
    // "set-proxy-v2-tlv-fmt(<id>)" is looked up by its prefix
    tables.set(kind, t);
  }
  return t;
}

function lookup(kind: OptionKind, word: string): { name: string; info: OptionInfo } | undefined {
  const t = table(kind);
  const direct = t.get(word);
  if (direct) return { name: word, info: direct };
  const paren = word.indexOf('(');
  if (paren > 0) {
    const name = `${word.slice(0, paren)}(<id>)`;
    const info = t.get(name);
    if (info) return { name, info };
  }
  return undefined;
}

/** Where the options of a line start, or undefined when the line has no option list we understand. */
function optionsStart(kind: OptionKind, section: Section, line: Line): number | undefined {
  const kw = line.keyword;
  if (line.modifier) return undefined;
  if (kind === 'server') {
    // lines missing the server name or carrying a stray address: server-without-name reports them
    if (addressInsteadOfName(line)) return undefined;
    if (kw === 'default-server') return 0;
    if (kw === 'server-template') return 3;
    if (kw === 'server') {
      if (section.kind === 'peers') {
        // the local peer may have no address: `server <name> [<addr>] [options]`
        const second = line.args[1];
        return second && lookup('server', second.value) && !/[:@\/]/.test(second.value) ? 1 : 2;
      }
      return 2;
    }
    return undefined;
  }
  if (kw === 'bind') return 1;
  if (kw === 'default-bind' && section.kind === 'peers') return 0;
  return undefined;
}

export function checkOptions(kind: OptionKind, ctx: RuleContext): void {
  const { file, targetVersion } = ctx;
  const target = toVersion(targetVersion as TargetVersion);
  // lines already reported by the keyword rules (a `server` line in a frontend …) are skipped
  const claimed = claimedLines(file, targetVersion);
  const other: OptionKind = kind === 'server' ? 'bind' : 'server';
  for (const section of file.sections) {
    if (kind === 'bind' && section.kind === 'crt-store') {
      for (const line of section.lines) if (line.kind === 'keyword' && line.keyword === 'load' && !claimed.has(line)) checkCrtStoreLoad(ctx, target, line);
      continue;
    }
    if (kind === 'bind' && section.kind === 'global') {
      for (const line of section.lines) if (line.kind === 'keyword' && line.keyword === 'stats socket' && !claimed.has(line)) checkStatsSocket(ctx, target, line);
      continue;
    }
    if (!['defaults', 'frontend', 'backend', 'listen', 'peers', 'ring', 'log-forward'].includes(section.kind)) continue;
    for (const line of section.lines) {
      if (line.kind !== 'keyword' || claimed.has(line)) continue;
      const start = optionsStart(kind, section, line);
      if (start === undefined) continue;
      const args = line.args;
      if (args.slice(0, start).some((w) => hasEnv(w) && w.envRefs.some((r) => r.wordExpansion))) continue;
      for (let i = start; i < args.length; i++) {
        const word = args[i]!;
        if (hasEnv(word)) break; // "${OPTS[*]}" and friends: cannot know what follows
        const value = word.value;
        const found = lookup(kind, value);
        if (!found) {
          reportUnknown(kind, other, ctx, line, word);
          break;
        }
        const { name, info } = found;
        if (!info.versions.includes(target) && line.condDepth === 0 && !(kind === 'bind' && name === 'process')) {
          const first = info.versions[0]!;
          const last = info.versions[info.versions.length - 1]!;
          const label = `${kind} option '${name.replace(/\(.*$/, '')}'`;
          // newer than the target (a release or the development branch: the target refuses it either way), or dropped before it
          if (compareVersions(first, target) > 0) {
            ctx.report({ message: `${label} is not available before HAProxy ${versionLabel(first)} (target version ${versionLabel(target)})`, start: word.start, end: word.end });
          } else if (compareVersions(last, target) < 0) {
            ctx.report({ message: `${label} is not available after HAProxy ${versionLabel(last)} (target version ${versionLabel(target)})`, start: word.start, end: word.end });
          }
        }
        if (kind === 'bind' && name === 'process') reportBindProcess(ctx, target, word, args[i + 1]);
        if (name === 'proto' && args[i + 1]?.value === 'qmux' && compareVersions(target, '3.4') < 0) {
          ctx.report({ message: `the 'qmux' protocol of '${kind} … proto' is not available before HAProxy 3.4 (target version ${versionLabel(target)})`, start: args[i + 1]!.start, end: args[i + 1]!.end });
        }
        if (kind === 'server' && name === 'source') {
          i = skipSource(args, i);
          continue;
        }
        if (info.takesArg) {
          if (i + 1 >= args.length && !name.includes('(')) {
            ctx.report({ message: `${kind} option '${value}' expects an argument`, start: word.start, end: word.end });
            break;
          }
          i++;
        }
      }
    }
  }
}

/** `process` on bind lines (and `stats socket` lines): deprecated in 2.5/2.6 with a warning, refused from 2.7. */
function reportBindProcess(ctx: RuleContext, target: Version, word: Word, value: Word | undefined): void {
  const removed = compareVersions(target, '2.6') > 0;
  ctx.report({
    message: removed
      ? "bind option 'process' is not supported anymore since HAProxy 2.7: use 'thread' instead"
      : "bind option 'process' is deprecated and removed in HAProxy 2.7: use 'thread' instead",
    start: word.start,
    end: value?.end ?? word.end,
    severity: removed ? 'error' : 'warning',
  });
}

/** `stats socket <addr> [bind options]` in global: only `process` is checked (the other options are bind's, per build). */
function checkStatsSocket(ctx: RuleContext, target: Version, line: Line): void {
  const args = line.args;
  for (let i = 1; i < args.length; i++) {
    if (hasEnv(args[i])) return;
    if (args[i]!.value === 'process') reportBindProcess(ctx, target, args[i]!, args[i + 1]);
  }
}

/**
 * `load crt <file> [<option> <value>]…` in a crt-store: an option newer than the target (`jwt` from 3.3).
 * Only at targets with a manual of their own: the in-between versions' load options are not known exactly.
 */
function checkCrtStoreLoad(ctx: RuleContext, target: Version, line: Line): void {
  if (!manualOf(target)) return;
  const args = line.args;
  for (let i = 0; i + 1 < args.length; i += 2) {
    const word = args[i]!;
    if (hasEnv(word)) return;
    const versions = VERSIONS.filter((v) => familyMembers('crt-store load', v).includes(word.value));
    if (versions.length === 0 || versions.includes(target) || compareVersions(versions[0]!, target) < 0 || line.condDepth > 0) continue;
    ctx.report({ message: `crt-store load option '${word.value}' is not available before HAProxy ${versionLabel(versions[0]!)} (target version ${versionLabel(target)})`, start: word.start, end: word.end });
  }
}

/** `source <addr>[:<port>] [usesrc <addr>[:<port>]] [interface <name>]` */
function skipSource(args: Word[], i: number): number {
  i += 1; // the address
  while (args[i + 1] && (args[i + 1]!.value === 'usesrc' || args[i + 1]!.value === 'interface')) i += 2;
  return i;
}

function reportUnknown(kind: OptionKind, other: OptionKind, ctx: RuleContext, line: Line, word: Word): void {
  const value = word.value;
  if (lookup(other, value)) {
    ctx.report({
      message: `'${value}' is a ${other} option, not a ${kind} option (on '${line.keyword}' lines)`,
      start: word.start,
      end: word.end,
    });
    return;
  }
  const candidates = suggest(value, table(kind).keys());
  const hint = candidates.length > 0 ? `; did you mean ${candidates.map((c) => `'${c}'`).join(' or ')}?` : '';
  const only = uniqueBest(value, candidates);
  ctx.report({
    message: `unknown ${kind} option '${value}'${hint}`,
    start: word.start,
    end: word.end,
    fix: only && !only.includes('(')
      ? { description: `replace '${value}' with '${only}'`, applicability: 'unsafe', edits: [{ start: word.start, end: word.end, text: only }] }
      : undefined,
  });
}

/** One option of a server or bind line, with the words it takes (`source` takes its address and `usesrc`/`interface` pairs). */
export interface OptionUse {
  name: string;
  word: Word;
  /** the words after the option that belong to it (empty when it takes none, or when the line ends) */
  values: Word[];
}

/**
 * The known options of a server/default-server/server-template or bind line, in order, up to the first
 * unknown option or environment variable (which unknown-server-option and unknown-bind-option report).
 */
export function optionUses(kind: OptionKind, section: Section, line: Line): OptionUse[] {
  const start = optionsStart(kind, section, line);
  if (start === undefined) return [];
  const args = line.args;
  const uses: OptionUse[] = [];
  for (let i = start; i < args.length; i++) {
    const word = args[i]!;
    if (hasEnv(word)) break;
    const found = lookup(kind, word.value);
    if (!found) break;
    if (kind === 'server' && found.name === 'source') {
      const end = skipSource(args, i);
      uses.push({ name: found.name, word, values: args.slice(i + 1, end + 1) });
      i = end;
      continue;
    }
    const values = found.info.takesArg && args[i + 1] ? [args[i + 1]!] : [];
    uses.push({ name: found.name, word, values });
    i += values.length;
  }
  return uses;
}
