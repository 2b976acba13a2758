/** Values of rule-set actions (`http-request set-log-level <level>`, `set-timeout <timer> <time>`). */
import type { LineChecker } from './problems.js';
import type { Version } from '../../grammar/versions.js';
import { checkTime, expectOneOf } from './helpers.js';
import { LOG_LEVELS as LEVELS } from './global.js';

const LOG_LEVELS = [...LEVELS, 'silent'];

/**
 * The number of arguments an action needs before its condition (2.6.12: "expects exactly 2 arguments",
 * "expects at least 1 argument", "missing fetch method"). Only too few are reported here: more words than
 * an action takes are usually an unquoted value with spaces (unquoted-value-spaces).
 */
const ACTION_ARGUMENTS: Record<string, { count: number; what: string }> = {
  'set-header': { count: 2, what: 'a header name and a value' },
  'add-header': { count: 2, what: 'a header name and a value' },
  'early-hint': { count: 2, what: 'a header name and a value' },
  'replace-header': { count: 3, what: 'a header name, a regex and a replacement' },
  'replace-value': { count: 3, what: 'a header name, a regex and a replacement' },
  'del-header': { count: 1, what: 'a header name' },
  'set-path': { count: 1, what: 'a format string' },
  'set-pathq': { count: 1, what: 'a format string' },
  'set-uri': { count: 1, what: 'a format string' },
  'set-query': { count: 1, what: 'a format string' },
  'set-method': { count: 1, what: 'a format string' },
  'replace-path': { count: 2, what: 'a regex and a replacement' },
  'replace-pathq': { count: 2, what: 'a regex and a replacement' },
  'replace-uri': { count: 2, what: 'a regex and a replacement' },
  'set-nice': { count: 1, what: 'a value' },
  'set-mark': { count: 1, what: 'a value' },
  'set-tos': { count: 1, what: 'a value' },
  'set-log-level': { count: 1, what: 'a log level' },
  'set-src': { count: 1, what: 'a sample expression' },
  'set-src-port': { count: 1, what: 'a sample expression' },
  'set-dst': { count: 1, what: 'a sample expression' },
  'set-dst-port': { count: 1, what: 'a sample expression' },
  'set-priority-class': { count: 1, what: 'a sample expression' },
  'set-priority-offset': { count: 1, what: 'a sample expression' },
  'set-var': { count: 1, what: 'a sample expression' },
  capture: { count: 3, what: "a sample expression and 'len <length>' or 'id <slot>'" },
  'cache-use': { count: 1, what: 'a cache name' },
  'cache-store': { count: 1, what: 'a cache name' },
  'use-service': { count: 1, what: 'a service name' },
  redirect: { count: 2, what: "a redirect type ('location', 'prefix' or 'scheme') and its value" },
  'wait-for-body': { count: 2, what: "'time <time>'" },
  'set-status': { count: 1, what: 'a status code' },
};

/** `set-var(txn.x)` → `set-var` */
function actionName(word: string): string {
  const i = word.indexOf('(');
  return i > 0 ? word.slice(0, i) : word;
}

export const actionArguments: LineChecker = (ctx) => {
  const args = ctx.line.args;
  const action = args[0];
  if (!action) return;
  const needed = ACTION_ARGUMENTS[actionName(action.value)];
  if (!needed) return;
  let count = 0;
  while (count + 1 < args.length && !['if', 'unless'].includes(args[count + 1]!.value)) count++;
  if (count < needed.count) ctx.problem('missing', `'${ctx.line.keyword} ${action.value}' expects ${needed.what}`, action);
};

export const actionValues: LineChecker = (ctx) => {
  const [action, value, second] = ctx.line.args;
  if (!action || !value || value.value === 'if' || value.value === 'unless') return;
  if (action.value === 'set-log-level') {
    expectOneOf(ctx, value, LOG_LEVELS, `'${ctx.line.keyword} set-log-level'`);
  } else if (action.value === 'set-timeout' && ctx.line.keyword === 'http-request') {
    // `client` from 2.9 (in the 3.0 manual), `connect`, `queue`, `tarpit` in the 3.4 manual (3.3 undocumented: left alone)
    const since: Record<string, Version> = { server: '2.6', tunnel: '2.6', client: '2.9', connect: '3.3', queue: '3.3', tarpit: '3.3' };
    const known = since[value.value];
    if (known && !ctx.atLeast(known)) {
      ctx.problem('value', `'http-request set-timeout ${value.value}' is not available before HAProxy ${known === '3.3' ? '3.4' : '3.0'} (target ${ctx.target}: 'server' or 'tunnel'${ctx.atLeast('2.9') ? " or 'client'" : ''})`, value);
      return;
    }
    const timers = Object.keys(since).filter((t) => ctx.atLeast(since[t]!));
    if (!expectOneOf(ctx, value, timers, "'http-request set-timeout'")) return;
    if (second && /^\d/.test(second.value) && !second.value.includes('(')) checkTime(ctx, second, `'http-request set-timeout ${value.value}'`);
  }
};
