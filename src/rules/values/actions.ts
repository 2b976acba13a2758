/** Values of rule-set actions (`http-request set-log-level <level>`, `set-timeout <timer> <time>`). */
import type { LineChecker } from './problems.js';
import type { Version } from '../../grammar/versions.js';
import { checkTime, expectOneOf } from './helpers.js';
import { LOG_LEVELS as LEVELS } from './global.js';

const LOG_LEVELS = [...LEVELS, 'silent'];

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
