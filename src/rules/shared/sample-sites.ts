/**
 * Where a configuration holds sample expressions and log-format strings, shared by the rules that
 * judge them (invalid-sample-expression, deprecated-sample-fetch).
 */
import type { ConfigFile, Line, Word } from '../../parser/ast.js';
import { conditionIndex } from '../model/conditions.js';
import { memo } from './memo.js';
import { keywordHead } from './words.js';

export interface ExpressionSite {
  line: Line;
  word: Word;
  /** index in `word.value` where the expression starts */
  from: number;
  /** `acl`: an ACL's first word (ACL keywords allowed); `fetch`: a whole word; `log-format`: after `%[`, up to a `]` */
  context: 'acl' | 'fetch' | 'log-format';
}

/** Keywords (or keyword heads) whose arguments before the condition are log-format strings or carry them. */
const LOG_FORMAT_HEADS = new Set([
  'http-request', 'http-response', 'http-after-response', 'tcp-request', 'tcp-response',
  'log-format', 'log-format-sd', 'error-log-format', 'unique-id-format', 'use_backend', 'use-server', 'redirect',
]);

/** Actions whose next word is a whole sample expression */
const EXPRESSION_ACTIONS = /^(?:set-var\([^)]*\)|track-sc\d+|set-src|set-dst|set-src-port|set-dst-port|capture|set-priority-class|set-priority-offset)$/;
const RULE_HEADS = new Set(['http-request', 'http-response', 'http-after-response', 'tcp-request', 'tcp-response']);


/** Whether the word can be judged: no environment variable, no quoting or escaping left inside. */
export function judgeable(word: Word): boolean {
  return word.envRefs.length === 0 && !/["'\\$]/.test(word.value);
}

const STICK_EXPRESSION = /^stick (?:on|match|store-request|store-response)$/;

function addSite(sites: ExpressionSite[], line: Line, word: Word | undefined, context: ExpressionSite['context']): void {
  if (word && judgeable(word)) sites.push({ line, word, from: 0, context });
}

const sitesCache = new WeakMap<ConfigFile, ExpressionSite[]>();

/** Every sample expression of the file, in order. */
export function expressionSites(file: ConfigFile): ExpressionSite[] {
  return memo(sitesCache, file, () => {
    const sites: ExpressionSite[] = [];
    for (const line of file.lines) {
      if (line.kind !== 'keyword') continue;
      const args = line.args;
      const cond = conditionIndex(line);
      if (line.keyword === 'acl' && args.length >= 2) addSite(sites, line, args[1], 'acl');
      if (cond !== undefined) {
        for (let i = cond + 1; i < args.length - 1; i++) {
          if (args[i]!.value === '{' && args[i]!.quoting === 'none') addSite(sites, line, args[i + 1], 'acl');
        }
      }
      const actionEnd = cond ?? args.length;
      const h = keywordHead(line.keyword);
      if (RULE_HEADS.has(h)) {
        // the action is the first or, after `tcp-request content` and the like, a later word
        for (let i = 0; i < Math.min(actionEnd - 1, 3); i++) {
          if (EXPRESSION_ACTIONS.test(args[i]!.value)) {
            addSite(sites, line, args[i + 1], 'fetch');
            break;
          }
        }
      }
      if (STICK_EXPRESSION.test(line.keyword)) addSite(sites, line, args[0], 'fetch');
      if (LOG_FORMAT_HEADS.has(h)) {
        for (let i = 0; i < actionEnd; i++) {
          const word = args[i]!;
          if (!word.value.includes('%') || !judgeable(word)) continue;
          for (const from of logFormatExpressionStarts(word.value)) sites.push({ line, word, from, context: 'log-format' });
        }
      }
    }
    return sites;
  });
}

/**
 * The `%[…]` sample expressions of a log-format string (`%{flags}[…]` too; `%%` is a literal percent
 * sign): `[from, to)` with `from` just after the `[` and `to` at the first `]` after it, or -1 when the
 * expression is never closed (then nothing after it is read as a format).
 */
export function logFormatExpressions(value: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') continue;
    if (value[i + 1] === '%') {
      i++;
      continue;
    }
    let j = i + 1;
    if (value[j] === '{') {
      const close = value.indexOf('}', j);
      if (close < 0) break;
      j = close + 1;
    }
    if (value[j] !== '[') continue;
    const close = value.indexOf(']', j + 1);
    found.push([j + 1, close]);
    if (close < 0) break;
    i = close;
  }
  return found;
}

/** Indexes just after each `%[` (or `%{flags}[`) of a log-format string. */
export function logFormatExpressionStarts(value: string): number[] {
  return logFormatExpressions(value).map(([from]) => from);
}

/** Keywords whose arguments are whole log-format strings, and actions whose last argument is one. */
const FORMAT_KEYWORDS = new Set(['log-format', 'log-format-sd', 'error-log-format', 'unique-id-format']);
const HEADER_ACTIONS = new Set(['set-header', 'add-header']);

const formatCache = new WeakMap<ConfigFile, Word[]>();

/** The words that are certainly log-format strings: `log-format` and friends, `set-header`/`add-header` values. */
export function logFormatWords(file: ConfigFile): Word[] {
  return memo(formatCache, file, () => {
    const words: Word[] = [];
    for (const line of file.lines) {
      if (line.kind !== 'keyword' || line.modifier) continue;
      if (FORMAT_KEYWORDS.has(line.keyword)) {
        words.push(...line.args.filter(judgeable));
        continue;
      }
      if (!RULE_HEADS.has(keywordHead(line.keyword)) || line.keyword.includes(' ')) continue;
      const action = line.args[0]?.value;
      if (action && HEADER_ACTIONS.has(action) && line.args[2] && judgeable(line.args[2])) words.push(line.args[2]);
    }
    return words;
  });
}
