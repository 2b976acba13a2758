/** Arguments of global keywords and of `log` lines (global, proxies, log-forward). */
import type { LineChecker } from './problems.js';
import { checkTime, expectOneOf, isUnsigned, unexpected } from './helpers.js';
import type { Version } from '../../grammar/versions.js';

const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'auth2', 'ftp', 'ntp', 'audit', 'alert', 'cron2', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];
const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
const FORMATS = ['local', 'rfc3164', 'rfc5424', 'priority', 'short', 'timed', 'iso', 'raw'];

/** `log <target> [len <n>] [format <f>] [sample <ranges>:<size>] [profile <p>] <facility> [<level> [<minlevel>]]`, `log global` */
export const LOG_LEVELS = LEVELS;

export const log: LineChecker = (ctx) => {
  const args = ctx.line.args;
  if (ctx.line.modifier) return;
  if (args.length === 0) {
    ctx.problem('missing', "'log' expects a target and a facility (log <target> <facility>) or 'global'", ctx.keywordSpan);
    return;
  }
  if (args[0]!.value === 'global' && ctx.section.kind !== 'global') {
    unexpected(ctx, args, 1, "'log global'");
    return;
  }
  let i = 1;
  for (; i < args.length; i += 2) {
    const word = args[i]!;
    const v = word.value;
    if (v !== 'len' && v !== 'format' && v !== 'sample' && v !== 'profile') break;
    const value = args[i + 1];
    if (v === 'profile' && !ctx.atLeast('3.1')) {
      ctx.problem('value', "'profile' on 'log' lines (log profiles) is not available before HAProxy 3.1: HAProxy reads it as an unknown facility", word);
      return;
    }
    if (!value) {
      ctx.problem('missing', `'log ${v}' expects a value`, word);
      return;
    }
    if (v === 'len' && (!isUnsigned(value.value) || Number(value.value) < 80 || Number(value.value) > 65535)) {
      ctx.problem(isUnsigned(value.value) ? 'range' : 'value', `invalid log length '${value.value}': it must be between 80 and 65535`, value);
    } else if (v === 'format') {
      expectOneOf(ctx, value, FORMATS, "'log … format'");
    }
  }
  const facility = args[i];
  if (!facility) {
    ctx.problem('missing', `'log' expects a facility after the target (${FACILITIES.slice(0, 4).join(', ')}, …, local0 to local7)`, args[args.length - 1]!);
    return;
  }
  if (!expectOneOf(ctx, facility, FACILITIES, "the facility of 'log'")) return;
  const [level, minLevel] = [args[i + 1], args[i + 2]];
  if (level && !expectOneOf(ctx, level, LEVELS, "the level of 'log'")) return;
  if (minLevel && !expectOneOf(ctx, minLevel, LEVELS, "the minimum level of 'log'")) return;
  unexpected(ctx, args, i + 3, "'log'");
};

/** Global keywords that take no argument, and the version from which one takes some (`set-dumpable [on|off|libs]` in 3.4). */
const NO_ARGUMENT_GLOBAL: Record<string, Version | undefined> = {
  daemon: undefined,
  noepoll: undefined,
  nokqueue: undefined,
  noevports: undefined,
  nopoll: undefined,
  nosplice: undefined,
  nogetaddrinfo: undefined,
  noreuseport: undefined,
  quiet: undefined,
  'zero-warning': undefined,
  'busy-polling': undefined,
  'strict-limits': undefined,
  'insecure-fork-wanted': undefined,
  'insecure-setuid-wanted': undefined,
  'no-memory-trimming': undefined,
  'set-dumpable': '3.3',
  'external-check': '2.9',
};

const noArgument: LineChecker = (ctx) => {
  const since = NO_ARGUMENT_GLOBAL[ctx.line.keyword];
  if (since && ctx.atLeast(since)) return;
  unexpected(ctx, ctx.line.args, 0, `'${ctx.line.keyword}'`);
};

const masterWorker: LineChecker = (ctx) => {
  const args = ctx.line.args;
  if (args[0] && expectOneOf(ctx, args[0], ['no-exit-on-failure'], "'master-worker'")) unexpected(ctx, args, 1, "'master-worker'");
};

/** `stats socket <address> [param*]`: the `level` value */
const statsSocket: LineChecker = (ctx) => {
  const args = ctx.line.args;
  for (let i = 1; i < args.length; i++) {
    if (args[i]!.value !== 'level') continue;
    const value = args[i + 1];
    if (!value) ctx.problem('missing', "'stats socket … level' expects 'user', 'operator' or 'admin'", args[i]!);
    else expectOneOf(ctx, value, ['user', 'operator', 'admin'], "'stats socket … level'");
    return;
  }
};

/** `nbthread <n>`: at least 1 (the maximum depends on the build) */
const nbthread: LineChecker = (ctx) => {
  const n = ctx.line.args[0];
  if (!n) return;
  if (!isUnsigned(n.value)) ctx.problem('value', `'nbthread' expects a number of threads, not '${n.value}'`, n);
  else if (Number(n.value) < 1) ctx.problem('range', "'nbthread' must be at least 1", n);
};

const spreadChecks: LineChecker = (ctx) => {
  const n = ctx.line.args[0];
  if (n && isUnsigned(n.value) && Number(n.value) > 50) ctx.problem('range', `'spread-checks' must be between 0 and 50 (percent), not ${n.value}`, n);
};

const globalTime = (name: string): LineChecker => (ctx) => {
  const t = ctx.line.args[0];
  if (t) checkTime(ctx, t, `'${name}'`);
};

const TLS_VERSIONS = ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** the options `ssl-default-bind-options` and `ssl-default-server-options` take in 2.6.12 (verified one by one) */
const SSL_DEFAULT_FLAGS = ['no-sslv3', 'no-tlsv10', 'no-tlsv11', 'no-tlsv12', 'no-tlsv13', 'force-sslv3', 'force-tlsv10', 'force-tlsv11', 'force-tlsv12', 'force-tlsv13', 'no-tls-tickets'];

/**
 * `ssl-default-bind-options` / `ssl-default-server-options`: the versions of `ssl-min-ver` and `ssl-max-ver`;
 * at target 2.6 the options themselves; up to 3.0 `strict-sni` (accepted from 3.2, as the verdicts show).
 */
const sslDefaultOptions: LineChecker = (ctx) => {
  const args = ctx.line.args;
  const bind = ctx.line.keyword === 'ssl-default-bind-options';
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word.value === 'ssl-min-ver' || word.value === 'ssl-max-ver') {
      const value = args[i + 1];
      if (!value) ctx.problem('missing', `'${word.value}' expects a TLS version (${TLS_VERSIONS.join(', ')})`, word);
      else expectOneOf(ctx, value, TLS_VERSIONS, `'${ctx.line.keyword} ${word.value}'`);
      i++;
      continue;
    }
    const known = [...SSL_DEFAULT_FLAGS, ...(bind ? ['prefer-client-ciphers'] : [])];
    const refused = ctx.target === '2.6' ? !known.includes(word.value) : word.value === 'strict-sni' && !ctx.atLeast('3.1');
    if (!refused) continue;
    const message = ctx.target === '2.6'
      ? `unknown option '${word.value}' of '${ctx.line.keyword}': HAProxy 2.6 accepts ${known.map((k) => `'${k}'`).join(', ')}, 'ssl-min-ver' and 'ssl-max-ver'`
      : `'strict-sni' is not accepted by '${ctx.line.keyword}' before HAProxy 3.2 (target ${ctx.target}): set it on the bind lines`;
    ctx.problem('value', message, word);
  }
};

const quicSocketOwner: LineChecker = (ctx) => {
  const value = ctx.line.args[0];
  if (value) expectOneOf(ctx, value, ['connection', 'listener'], "'tune.quic.socket-owner'");
};

export function globalChecker(keyword: string): LineChecker | undefined {
  if (keyword in NO_ARGUMENT_GLOBAL) return noArgument;
  switch (keyword) {
    case 'master-worker':
      return masterWorker;
    case 'stats socket':
      return statsSocket;
    case 'nbthread':
      return nbthread;
    case 'spread-checks':
      return spreadChecks;
    case 'hard-stop-after':
    case 'stats timeout':
      return globalTime(keyword);
    case 'log':
      return log;
    case 'ssl-default-bind-options':
    case 'ssl-default-server-options':
      return sslDefaultOptions;
    case 'tune.quic.socket-owner':
      return quicSocketOwner;
  }
  return undefined;
}
