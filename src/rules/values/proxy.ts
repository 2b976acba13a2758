/** Arguments of proxy keywords: cookie, balance, hash-type, stick-table, capture, health-check send/expect/connect, and keywords with one closed or required value (the `option` family is in ./options.ts). */
import type { LineChecker } from './problems.js';
import { checkTime, expectOneOf, isUnsigned, listOf, unexpected } from './helpers.js';
import { optionChecker } from './options.js';
import { LOG_LEVELS } from './global.js';
import { EXPECT_OPTIONS } from './status.js';

const COOKIE_FLAGS = ['rewrite', 'insert', 'prefix', 'indirect', 'nocache', 'postonly', 'preserve', 'httponly', 'secure', 'dynamic'];
const COOKIE_VALUED = ['domain', 'maxidle', 'maxlife', 'attr'];
const COOKIE_MODES = ['rewrite', 'insert', 'prefix'];

/** `cookie <name> [ rewrite | insert | prefix ] [ indirect ] … [ domain <d> ]* [ maxidle <t> ] [ maxlife <t> ] [ dynamic ] [ attr <v> ]*` */
const cookie: LineChecker = (ctx) => {
  const args = ctx.line.args;
  if (args.length === 0) {
    ctx.problem('missing', "'cookie' expects the name of the cookie (cookie <name> [options])", ctx.keywordSpan);
    return;
  }
  let mode: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const word = args[i]!;
    const v = word.value;
    if (COOKIE_VALUED.includes(v)) {
      const value = args[i + 1];
      if (!value) {
        ctx.problem('missing', `cookie option '${v}' expects a value`, word);
        return;
      }
      if (v === 'maxidle' || v === 'maxlife') checkTime(ctx, value, `cookie option '${v}'`, 's');
      i++;
      continue;
    }
    if (COOKIE_MODES.includes(v)) {
      if (mode && mode !== v) ctx.problem('value', `cookie modes '${mode}' and '${v}' are incompatible: choose one of 'rewrite', 'insert' and 'prefix'`, word);
      mode = v;
      continue;
    }
    if (COOKIE_FLAGS.includes(v)) continue;
    expectOneOf(ctx, word, [...COOKIE_FLAGS, ...COOKIE_VALUED], "'cookie'");
    return;
  }
};

/** `balance <algorithm> [<arguments>]`: the arguments of the algorithms that take some (the name is wrong-argument-count's). */
const balance: LineChecker = (ctx) => {
  const args = ctx.line.args;
  const algo = args[0];
  if (!algo) return;
  const v = algo.value;
  if (v === 'url_param') {
    const name = args[1];
    if (!name) {
      ctx.problem('missing', "'balance url_param' expects the name of a URL parameter", algo);
      return;
    }
    if (args[2] && args[2].value !== 'check_post') ctx.problem('value', `'balance url_param' accepts only the 'check_post' modifier after the parameter name, not '${args[2].value}'`, args[2]);
  } else if (v === 'hdr' || v === 'hdr()') {
    ctx.problem('missing', "'balance hdr' expects the name of a header in parentheses: hdr(<name>)", algo);
  } else if (/^hdr\(.+\)$/.test(v)) {
    if (args[1] && args[1].value !== 'use_domain_only') ctx.problem('value', `'balance ${v}' accepts only the 'use_domain_only' modifier, not '${args[1].value}'`, args[1]);
  } else if (v === 'rdp-cookie()') {
    ctx.problem('missing', "'balance rdp-cookie()' expects a cookie name in the parentheses (or none: rdp-cookie)", algo);
  } else if (v.startsWith('random(')) {
    const m = /^random\((.*)\)$/.exec(v);
    const draws = m?.[1] ?? '';
    if (!isUnsigned(draws)) ctx.problem('value', `'balance random(<draws>)' expects a number of draws, not '${draws}'`, algo);
    else if (Number(draws) < 1) ctx.problem('range', "'balance random(<draws>)': the number of draws must be at least 1", algo);
  } else if (v === 'uri') {
    for (let i = 1; i < args.length; i++) {
      const word = args[i]!;
      if (word.value === 'whole' || word.value === 'path-only') continue;
      if (word.value === 'len' || word.value === 'depth') {
        const n = args[i + 1];
        if (!n) ctx.problem('missing', `'balance uri ${word.value}' expects a positive integer`, word);
        else if (!isUnsigned(n.value) || Number(n.value) < 1) ctx.problem('value', `'balance uri ${word.value}' expects a positive integer, not '${n.value}'`, n);
        i++;
        continue;
      }
      ctx.problem('value', `'balance uri' accepts only 'len', 'depth', 'path-only' and 'whole', not '${word.value}'`, word);
      return;
    }
  } else if (v === 'hash' && args.length === 1) {
    ctx.problem('missing', "'balance hash' expects a sample expression (e.g. balance hash req.cookie(id))", algo);
  }
};

/** `hash-type <method> [<function> [<modifier>]]` */
const hashType: LineChecker = (ctx) => {
  const [method, fn, modifier] = ctx.line.args;
  if (!method) {
    ctx.problem('missing', "'hash-type' expects 'map-based' or 'consistent'", ctx.keywordSpan);
    return;
  }
  if (!expectOneOf(ctx, method, ['map-based', 'consistent'], "'hash-type'")) return;
  if (fn) {
    const functions = ['sdbm', 'djb2', 'wt6', 'crc32', ...(ctx.atLeast('2.9') ? ['none'] : [])];
    if (fn.value === 'none' && !ctx.atLeast('2.9')) {
      ctx.problem('value', "hash function 'none' of 'hash-type' is not available before HAProxy 2.9: 2.6 and 2.8 support 'sdbm', 'djb2', 'crc32' and 'wt6'", fn);
      return;
    }
    if (!expectOneOf(ctx, fn, functions, "the hash function of 'hash-type'")) return;
  }
  if (modifier) expectOneOf(ctx, modifier, ['avalanche'], "the modifier of 'hash-type'");
};

/** a keyword taking one value out of a closed set */
const oneOf = (allowed: readonly string[]): LineChecker => (ctx) => {
  const value = ctx.line.args[0];
  const what = `'${ctx.line.keyword}'`;
  if (!value) ctx.problem('missing', `${what} expects ${listOf(allowed)}`, ctx.keywordSpan);
  else if (expectOneOf(ctx, value, allowed, what)) unexpected(ctx, ctx.line.args, 1, what);
};

/** a keyword whose first argument is required (free text) */
const required = (what: string): LineChecker => (ctx) => {
  if (ctx.line.args.length === 0) ctx.problem('missing', `'${ctx.line.keyword}' expects ${what}`, ctx.keywordSpan);
};

/** a keyword taking one time value, a bare number being in `unit` */
const timeValue = (unit: 'ms' | 's'): LineChecker => (ctx) => {
  const t = ctx.line.args[0];
  if (t) checkTime(ctx, t, `'${ctx.line.keyword}'`, unit);
};

/** `compression algo|algo-req|algo-res <algorithm>…` */
const compression: LineChecker = (ctx) => {
  const [sub, ...algos] = ctx.line.args;
  if (!sub || !['algo', 'algo-req', 'algo-res'].includes(sub.value)) return;
  for (const algo of algos) if (!expectOneOf(ctx, algo, ['identity', 'gzip', 'deflate', 'raw-deflate'], `'compression ${sub.value}'`)) return;
};

const STICK_TABLE_TYPES = ['ip', 'ipv6', 'integer', 'string', 'binary'];

/** `stick-table type <type> [len <n>] size <size> [expire <time>] …`: the type, the size and the expire time */
const stickTable: LineChecker = (ctx) => {
  const args = ctx.line.args;
  let type: string | undefined;
  let size = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const value = args[i + 1];
    if (word.value === 'type') {
      // `ipv4` came with 3.2 (where `ip` became its alias)
      const types = ctx.atLeast('3.2') ? [...STICK_TABLE_TYPES, 'ipv4'] : STICK_TABLE_TYPES;
      if (!value) return ctx.problem('missing', `'stick-table type' expects ${listOf(types)}`, word);
      if (!expectOneOf(ctx, value, types, "'stick-table type'")) return;
      type = value.value;
      i++;
      if ((type === 'string' || type === 'binary') && args[i + 1]?.value === 'len') i += 2;
    } else if (word.value === 'size') {
      if (!value) return ctx.problem('missing', "'stick-table size' expects a number of entries (e.g. 100k, 1m)", word);
      const m = /^(\d*)([kKmMgG]?)(.*)$/.exec(value.value)!;
      if (m[1] === '' || m[3] !== '') return ctx.problem('value', `'stick-table size' expects a number of entries with an optional k, m or g suffix, not '${value.value}'`, value);
      size = Number(m[1]) > 0;
      i++;
    } else if (word.value === 'expire') {
      if (value) checkTime(ctx, value, "'stick-table expire'");
      i++;
    } else if (['peers', 'store', 'srvkey', 'write-to'].includes(word.value)) {
      i++;
    }
  }
  if (!type) ctx.problem('missing', "'stick-table' expects a type (stick-table type <type> size <size>)", ctx.keywordSpan);
  else if (!size) ctx.problem('missing', "'stick-table' expects a size greater than 0 (stick-table type <type> size <size>)", ctx.keywordSpan);
};

/** `capture request|response header <name> len <n>`, `capture cookie <name> len <n>` (the parser names `capture request header` as one keyword) */
const capture: LineChecker = (ctx) => {
  if (ctx.section.kind !== 'frontend' && ctx.section.kind !== 'listen') return;
  const args = ctx.line.args;
  const kw = ctx.line.keyword;
  const what = `'${kw.replace(/ header$/, '')}'`;
  const expected = kw === 'capture cookie' ? '<name> len <length>' : 'header <name> len <length>';
  if (kw === 'capture request' || kw === 'capture response' || !args[0] || args[1]?.value !== 'len' || !args[2]) {
    ctx.problem('missing', `${what} expects ${expected}`, args[0] ?? ctx.keywordSpan);
    return;
  }
  unexpected(ctx, args, 3, what);
};

/** `server-template <prefix> <num | range> <fqdn>[:<port>] [params*]` */
const serverTemplate: LineChecker = (ctx) => {
  const n = ctx.line.args[1];
  if (n && !/^\d+(-\d+)?$/.test(n.value)) ctx.problem('value', `'server-template' expects a number of servers or a range (e.g. 5, 1-5), not '${n.value}'`, n);
};

/** `rate-limit sessions <n>` */
const rateLimit: LineChecker = (ctx) => {
  const n = ctx.line.args[0];
  if (n && !isUnsigned(n.value)) ctx.problem('value', `'rate-limit sessions' expects a number of sessions per second, not '${n.value}'`, n);
};

/** `http-check send [meth <m>] [uri <u> | uri-lf <fmt>] [ver <v>] [hdr <name> <fmt>]* [body <s> | body-lf <fmt>] [comment <msg>]` */
const httpCheckSend: LineChecker = (ctx) => {
  const args = ctx.line.args;
  const single = ['meth', 'uri', 'uri-lf', 'ver', 'body', 'body-lf', 'comment'];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const n = word.value === 'hdr' ? 2 : single.includes(word.value) ? 1 : 0;
    if (n === 0) {
      expectOneOf(ctx, word, [...single.slice(0, 4), 'hdr', ...single.slice(4)], "'http-check send'");
      return;
    }
    if (i + n >= args.length) {
      ctx.problem('missing', `'http-check send ${word.value}' expects ${n === 2 ? 'a header name and a value' : 'a value'}`, word);
      return;
    }
    i += n;
  }
};

/** `http-check expect` / `tcp-check expect [options] [!] <match> <pattern>`: the match and its pattern */
const checkExpect: LineChecker = (ctx) => {
  const args = ctx.line.args;
  let i = 0;
  while (args[i] && EXPECT_OPTIONS.has(args[i]!.value)) i += 2;
  if (args[i]?.value === '!') i++;
  const match = args[i];
  if (!match) {
    ctx.problem('missing', `'${ctx.line.keyword}' expects a match and a pattern (e.g. status 200, string OK)`, args[args.length - 1] ?? ctx.keywordSpan);
  } else if (!args[i + 1] && match.value !== 'hdr' && match.value !== 'fhdr') {
    ctx.problem('missing', `'${ctx.line.keyword} ${match.value}' expects a pattern`, match);
  }
};

/** `tcp-check send <data>`, `tcp-check send-binary <hex>` and their `-lf` forms */
const tcpCheckSend: LineChecker = (ctx) => {
  if (ctx.line.args.length === 0) ctx.problem('missing', `'${ctx.line.keyword}' expects the data to send`, ctx.keywordSpan);
};

/** `stick on|match|store-request|store-response <pattern> …` */
const stick: LineChecker = (ctx) => {
  const first = ctx.line.args[0];
  if (!first || ['table', 'if', 'unless'].includes(first.value)) ctx.problem('missing', `'${ctx.line.keyword}' expects a sample expression (e.g. src)`, first ?? ctx.keywordSpan);
};

/** `acl <name> <criterion> [flags] [operator] [<value>]…` */
const acl: LineChecker = (ctx) => {
  const args = ctx.line.args;
  if (args.length === 1) ctx.problem('missing', `'acl ${args[0]!.value}' expects a criterion (a sample fetch, e.g. path_beg /api)`, args[0]!);
};

/** `errorfile <code> <file>`, `errorloc* <code> <url>` */
const twoArguments = (what: string): LineChecker => (ctx) => {
  if (ctx.line.args.length < 2) ctx.problem('missing', `'${ctx.line.keyword}' expects ${what}`, ctx.line.args[0] ?? ctx.keywordSpan);
};

/** `id <n>` of a proxy: a number greater than 0 */
const proxyId: LineChecker = (ctx) => {
  const n = ctx.line.args[0];
  if (!n) ctx.problem('missing', "'id' expects a number greater than 0", ctx.keywordSpan);
  else if (!/^\d+$/.test(n.value) || Number(n.value) === 0) ctx.problem(/^\d+$/.test(n.value) ? 'range' : 'value', `'id' expects a number greater than 0, not '${n.value}'`, n);
};

/** `persist rdp-cookie` or `persist rdp-cookie(<name>)` */
const persist: LineChecker = (ctx) => {
  const v = ctx.line.args[0];
  if (v && v.value.startsWith('rdp-cookie(') && !/^rdp-cookie\([^()]+\)$/.test(v.value)) ctx.problem('value', "'persist rdp-cookie(<name>)' expects a cookie name in the parentheses", v);
};

/** keywords taking no argument ("'disabled' cannot handle unexpected argument") */
const noArgument: LineChecker = (ctx) => unexpected(ctx, ctx.line.args, 0, `'${ctx.line.keyword}'`);

/** `http-check connect` / `tcp-check connect [port <port|expr>] …`: a number must be a TCP port */
const checkConnect: LineChecker = (ctx) => {
  const args = ctx.line.args;
  const at = args.findIndex((w) => w.value === 'port');
  const port = at >= 0 ? args[at + 1] : undefined;
  if (port && /^\d+$/.test(port.value) && (Number(port.value) < 1 || Number(port.value) > 65535)) {
    ctx.problem('range', `'${ctx.line.keyword} port' expects a TCP port from 1 to 65535 (or a sample expression), not ${port.value}`, port);
  }
};

const PROXY_CHECKERS: Record<string, LineChecker> = {
  disabled: noArgument,
  enabled: noArgument,
  'http-check disable-on-404': noArgument,
  'http-check send-state': noArgument,
  'http-check connect': checkConnect,
  'tcp-check connect': checkConnect,
  'http-check send': httpCheckSend,
  'http-check expect': checkExpect,
  'tcp-check expect': checkExpect,
  'tcp-check send': tcpCheckSend,
  'tcp-check send-lf': tcpCheckSend,
  'tcp-check send-binary': tcpCheckSend,
  'tcp-check send-binary-lf': tcpCheckSend,
  'stick on': stick,
  'stick match': stick,
  'stick store-request': stick,
  'stick store-response': stick,
  acl,
  errorfile: twoArguments('a status code and a file'),
  errorloc: twoArguments('a status code and a URL'),
  errorloc302: twoArguments('a status code and a URL'),
  errorloc303: twoArguments('a status code and a URL'),
  'http-error': required("'status <code>'"),
  description: required('a text'),
  id: proxyId,
  retries: required('a number of retries'),
  fullconn: required('a number of connections'),
  persist,
  cookie,
  balance,
  'hash-type': hashType,
  'email-alert level': oneOf(LOG_LEVELS),
  'http-reuse': oneOf(['never', 'safe', 'aggressive', 'always']),
  'load-server-state-from-file': oneOf(['global', 'local', 'none']),
  compression,
  'stick-table': stickTable,
  'capture cookie': capture,
  'capture request': capture,
  'capture response': capture,
  'capture request header': capture,
  'capture response header': capture,
  'server-template': serverTemplate,
  'rate-limit sessions': rateLimit,
  'tcp-request inspect-delay': timeValue('ms'),
  'tcp-response inspect-delay': timeValue('ms'),
  'stats refresh': timeValue('s'),
  'stats realm': required('a realm name'),
  'stats uri': required('a URI prefix'),
  'monitor-uri': required('a URI'),
  'unique-id-header': required('a header name'),
  'http-send-name-header': required('a header name'),
  'dynamic-cookie-key': required('a secret key'),
};

export function proxyChecker(keyword: string): LineChecker | undefined {
  if (keyword.startsWith('option ')) return optionChecker;
  return PROXY_CHECKERS[keyword];
}
