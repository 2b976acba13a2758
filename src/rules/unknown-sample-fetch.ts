import type { Word } from '../parser/ast.js';
import type { Rule, RuleContext } from '../engine/types.js';
import { compareVersions } from '../grammar/versions.js';
import { aclKeywords, converters, sampleFetches, suggest, VERSIONS, type Version } from '../grammar/index.js';
import { conditionIndex } from './model/conditions.js';
import { keywordHead, sourceOffset } from './shared/words.js';
import { logFormatExpressions } from './shared/sample-sites.js';

/** Names registered at run time (Lua) or by optional build modules (51Degrees, WURFL, DeviceAtlas, OpenTracing). */
function dynamicName(name: string): boolean {
  return /^(lua\.|51d\.|wurfl-|da-|ot\.)/.test(name);
}

const VAR_SCOPES = /^(proc|sess|txn|req|res|check)\./;

interface Names {
  fetches: Set<string>;
  acl: Set<string>;
  converters: Set<string>;
}

const namesCache = new Map<Version, Names>();
function namesFor(version: Version): Names {
  let names = namesCache.get(version);
  if (!names) {
    const fetches = new Set(sampleFetches(version));
    names = {
      fetches,
      acl: new Set([...fetches, ...aclKeywords(version)]),
      converters: new Set(converters(version)),
    };
    namesCache.set(version, names);
  }
  return names;
}

/** One name in a sample expression: offset in the expression string, and its first argument when it has any. */
interface ExprName {
  name: string;
  at: number;
  firstArg?: string;
  /** every argument, trimmed */
  args?: string[];
}

/**
 * Splits a sample expression `fetch(args),conv(args),conv` into its fetch and converters, as
 * sample_parse_expr() reads it. `end` is the index where the expression stops (exclusive). Returns
 * undefined when the expression is not plain enough to judge (unbalanced parentheses, env refs, quotes).
 */
/** `(`, `)`, `,` or a blank (what `\s` matches): the end of a fetch or converter name. */
function endsName(code: number): boolean {
  if (code === 0x28 || code === 0x29 || code === 0x2c || code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export function splitExpression(text: string, from = 0, end = text.length): { fetch: ExprName; converters: ExprName[] } | undefined {
  const items: ExprName[] = [];
  let i = from;
  for (;;) {
    const at = i;
    while (i < end && !endsName(text.charCodeAt(i))) i++;
    const name = text.slice(at, i);
    if (name === '') return undefined;
    const item: ExprName = { name, at };
    if (text[i] === '(') {
      let depth = 0;
      const argStart = i + 1;
      for (; i < end; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) break;
      }
      if (i >= end) return undefined;
      item.args = text.slice(argStart, i).split(',').map((a) => a.trim());
      item.firstArg = item.args[0]!;
      i++;
    }
    items.push(item);
    if (i >= end) break;
    if (text[i] !== ',') return undefined;
    i++;
  }
  const [fetch, ...convs] = items;
  return fetch ? { fetch, converters: convs } : undefined;
}

/** Keywords (or keyword heads) whose arguments before the condition are log-format strings or carry them. */
const LOG_FORMAT_HEADS = new Set([
  'http-request', 'http-response', 'http-after-response', 'tcp-request', 'tcp-response',
  'log-format', 'log-format-sd', 'error-log-format', 'unique-id-format', 'use_backend', 'use-server', 'redirect',
]);



function describeUnknown(name: string, kind: keyof Names, target: Version): string {
  const noun = kind === 'converters' ? 'converter' : 'sample fetch';
  const haproxySays = kind === 'converters' ? `unknown converter '${name}'` : `unknown fetch method '${name}'`;
  const known = VERSIONS.filter((v) => namesFor(v)[kind].has(name));
  if (known.length > 0) {
    const later = known.find((v) => VERSIONS.indexOf(v) > VERSIONS.indexOf(target));
    const when = later ? `it first appears in HAProxy ${later}${later === VERSIONS[VERSIONS.length - 1] ? '-dev' : ''}` : `it was removed after HAProxy ${known[known.length - 1]}`;
    return `${noun} '${name}' does not exist in HAProxy ${target} (${when}): HAProxy refuses this ("${haproxySays}")`;
  }
  const hint = suggest(name, [...namesFor(target)[kind]]);
  return `unknown ${noun} '${name}': HAProxy refuses this ("${haproxySays}")${hint.length ? `; did you mean '${hint[0]}'?` : ''}`;
}

export const rule: Rule = {
  id: 'unknown-sample-fetch',
  description: 'A sample expression uses a fetch or converter that the target HAProxy version does not have',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what:
      'Reads the sample expressions of `acl` lines, anonymous ACLs (`{ fetch … }`), `set-var(…)` actions and `%[…]` blocks in log-format arguments (`http-request set-header X-Host %[req.hdr(host),lower]`, `use_backend %[…]`) and reports a fetch or converter name the target version does not register, and a `var()` fetch whose variable name has no scope (`var(host)` instead of `var(txn.host)`). Names registered by Lua (`lua.…`) and by optional build modules (51Degrees, WURFL, DeviceAtlas) are never reported.',
    why:
      'HAProxy resolves every fetch and converter name while reading the configuration and refuses the whole file on an unknown one ("unknown fetch method \'fc_glitches\'", "unknown converter \'has_ctl\'"). Many of them are recent: a configuration written against the newest manual fails on the HAProxy the distribution ships.',
    bad: 'frontend www\n    bind :80\n    acl is_api req.hdr(host),lowercase -m str api.example.com\n    http-request set-header X-Host %[var(host)]\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    acl is_api req.hdr(host),lower -m str api.example.com\n    http-request set-header X-Host %[var(txn.host)]\n    default_backend app\n',
    fixSafety: 'No automatic fix: the intended fetch or converter cannot be known (the message suggests the nearest name).',
  },
  check(ctx) {
    const target = ctx.targetVersion as Version;
    const names = namesFor(target);
    for (const line of ctx.file.lines) {
      if (line.kind !== 'keyword') continue;
      const cond = conditionIndex(line);
      const args = line.args;
      // `acl <name> <expr> …`
      if (line.keyword === 'acl' && args.length >= 2) checkExpression(ctx, target, names, args[1]!, 0, args[1]!.value.length, 'acl');
      // anonymous ACLs in the condition
      if (cond !== undefined) {
        for (let i = cond + 1; i < args.length - 1; i++) {
          if (args[i]!.value === '{' && args[i]!.quoting === 'none') checkExpression(ctx, target, names, args[i + 1]!, 0, args[i + 1]!.value.length, 'acl');
        }
      }
      const actionEnd = cond ?? args.length;
      // `set-var(<name>) <expr>`
      for (let i = 0; i < Math.min(actionEnd - 1, 3); i++) {
        if (/^set-var\([^)]*\)$/.test(args[i]!.value) && LOG_FORMAT_HEADS.has(keywordHead(line.keyword))) {
          checkExpression(ctx, target, names, args[i + 1]!, 0, args[i + 1]!.value.length, 'fetch');
          break;
        }
      }
      // `%[…]` in log-format arguments
      if (LOG_FORMAT_HEADS.has(keywordHead(line.keyword))) {
        for (let i = 0; i < actionEnd; i++) {
          const word = args[i]!;
          if (!word.value.includes('[')) continue;
          for (const [start, end] of logFormatExpressions(word.value)) if (end >= 0) checkExpression(ctx, target, names, word, start, end, 'fetch');
        }
      }
    }
  },
};

function checkExpression(ctx: RuleContext, target: Version, names: Names, word: Word, start: number, end: number, where: 'acl' | 'fetch'): void {
  const text = word.value;
  const body = text.slice(start, end);
  if (word.envRefs.length > 0 || body.includes('$') || body.includes('"') || body.includes("'") || body.startsWith('-')) return;
  const expr = splitExpression(text, start, end);
  if (!expr) return;
  const report = (item: ExprName, message: string): void => {
    const from = sourceOffset(word, item.at);
    const to = sourceOffset(word, item.at + item.name.length);
    // unknown at the target is refused there, even when only the development branch has the name
    ctx.report({ message, start: from ?? word.start, end: to ?? word.end });
  };
  const fetch = expr.fetch;
  const known = where === 'acl' ? names.acl : names.fetches;
  if (!dynamicName(fetch.name)) {
    if (!known.has(fetch.name)) {
      report(fetch, describeUnknown(fetch.name, where === 'acl' ? 'acl' : 'fetches', target));
      return;
    }
    if (fetch.name === 'var' && fetch.firstArg !== undefined && fetch.firstArg !== '' && !VAR_SCOPES.test(fetch.firstArg)) {
      report(
        fetch,
        `variable name '${fetch.firstArg}' has no scope: HAProxy refuses this ("invalid variable name '${fetch.firstArg}'. A variable name must be start by its scope"); write var(txn.${fetch.firstArg}) (or proc., sess., req., res., check.)`,
      );
    }
  }
  for (const conv of expr.converters) {
    const argumentProblem = names.converters.has(conv.name) ? versionedArgumentProblem(conv, target) : undefined;
    if (argumentProblem) {
      report(conv, argumentProblem);
      continue;
    }
    if (dynamicName(conv.name) || names.converters.has(conv.name)) continue;
    report(conv, describeUnknown(conv.name, 'converters', target));
  }
}

/** Converter arguments whose accepted forms changed between versions (verified with the releases' verdicts). */
function versionedArgumentProblem(conv: ExprName, target: Version): string | undefined {
  const args = conv.args ?? [];
  switch (conv.name) {
    case 'bytes':
      return bytesLengthProblem(conv, target);
    case 'aes_gcm_enc':
    case 'aes_gcm_dec':
      // the fifth argument (additional authenticated data) came in 3.3
      return args.length > 4 && compareVersions(target, '3.3') < 0
        ? `'${conv.name}' takes at most 4 arguments before HAProxy 3.3 (the AAD argument is new in 3.3): HAProxy refuses this`
        : undefined;
    case 'param':
      // a delimiter written in more than one character (`0x26`) is accepted from 3.5
      return args[1] !== undefined && args[1].length !== 1 && compareVersions(target, '3.5') < 0
        ? `'param' delimiter '${args[1]}' must be exactly one character before HAProxy 3.5-dev: HAProxy refuses this ("Delimiter must be exactly 1 character")`
        : undefined;
    default:
      return undefined;
  }
}

/** `bytes(<offset>[,<length>])`: from 2.9 (the 2.9.0 verdicts) a literal length of zero or less, or a negative offset, is refused; before, it gave an empty sample. */
function bytesLengthProblem(conv: ExprName, target: Version): string | undefined {
  const [offset, length] = conv.args ?? [];
  if (compareVersions(target, '2.9') < 0) {
    // variables as offset/length came in 2.9 too
    const variable = [offset, length].find((a) => a !== undefined && a !== '' && !/^-?\d+$/.test(a));
    return variable ? `'bytes' takes integers before HAProxy 2.9 (variables such as '${variable}' from 2.9): HAProxy refuses this` : undefined;
  }
  if (length !== undefined && /^-?\d+$/.test(length) && Number(length) <= 0) {
    return `'bytes' length ${length} is not a positive number: HAProxy 2.9 and later refuse this`;
  }
  if (offset !== undefined && /^-\d+$/.test(offset)) return `'bytes' offset ${offset} is negative: HAProxy 2.9 and later refuse this`;
  return undefined;
}
