/** Values of server and bind options, and the address a server or bind line needs. */
import type { LineChecker, LineContext } from './problems.js';
import type { Word } from '../../parser/ast.js';
import { optionUses, type OptionKind } from '../keywords/options.js';
import { addressInsteadOfName } from '../shared/addresses.js';
import { checkTime, expectOneOf, isUnsigned } from './helpers.js';

const TLS_VERSIONS = ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
/** closed value sets of server options (2.6.12's messages: "'observe' expects one of 'none', 'layer4', 'layer7'") */
const SERVER_ENUMS: Record<string, readonly string[]> = {
  observe: ['none', 'layer4', 'layer7'],
  'on-error': ['fastinter', 'fail-check', 'sudden-death', 'mark-down'],
  'on-marked-down': ['shutdown-sessions'],
  'on-marked-up': ['shutdown-backup-sessions'],
  'resolve-prefer': ['ipv4', 'ipv6'],
  'ssl-min-ver': TLS_VERSIONS,
  'ssl-max-ver': TLS_VERSIONS,
  verify: ['none', 'required'],
  'log-proto': ['legacy', 'octet-count'],
  ws: ['auto', 'h1', 'h2'],
};
const BIND_ENUMS: Record<string, readonly string[]> = {
  'ssl-min-ver': TLS_VERSIONS,
  'ssl-max-ver': TLS_VERSIONS,
  verify: ['none', 'optional', 'required'],
};
/** time options refusing 0 ("invalid value 0 for argument 'inter'") */
const NONZERO_TIMES = new Set(['inter', 'fastinter', 'downinter', 'agent-inter']);
const TIMES = new Set([...NONZERO_TIMES, 'slowstart', 'pool-purge-delay']);
/** integer options that must be greater than 0 ("'rise' has to be > 0"); a non-number reads as 0 */
const POSITIVE = new Set(['rise', 'fall', 'error-limit', 'id']);

function checkServerOption(ctx: LineContext, name: string, word: Word, values: Word[]): void {
  const value = values[0];
  if (name === 'source') {
    checkSource(ctx, word, values);
    return;
  }
  if (!value) return; // a missing value is unknown-server-option's
  const allowed = SERVER_ENUMS[name];
  if (allowed) {
    expectOneOf(ctx, value, allowed, `server option '${name}'`);
  } else if (TIMES.has(name)) {
    checkTime(ctx, value, `server option '${name}'`, 'ms', NONZERO_TIMES.has(name));
  } else if (name === 'weight') {
    if (/^-?\d+$/.test(value.value) && (Number(value.value) < 0 || Number(value.value) > 256)) {
      ctx.problem('range', `the weight of a server must be between 0 and 256, not ${value.value}`, value);
    }
  } else if (POSITIVE.has(name)) {
    if (!isUnsigned(value.value) || Number(value.value) === 0) ctx.problem(isUnsigned(value.value) ? 'range' : 'value', `server option '${name}' must be a number greater than 0, not '${value.value}'`, value);
  } else if (name === 'init-addr') {
    for (const method of value.value.split(',')) {
      if (['libc', 'last', 'none'].includes(method) || /^[0-9A-Fa-f.:]+$/.test(method)) continue;
      ctx.problem('value', `unknown init-addr method '${method}': expected 'libc', 'last', 'none' or an IP address`, value);
      break;
    }
  }
}

/** `source <addr>[:<port>] [usesrc <addr>|client|clientip|hdr_ip(…)] [interface <name>]` */
function checkSource(ctx: LineContext, word: Word, values: Word[]): void {
  if (values.length === 0) {
    ctx.problem('missing', "'source' expects an address (source <addr>[:<port>] [usesrc …] [interface <name>])", word);
    return;
  }
  for (let i = 1; i < values.length; i += 2) {
    const sub = values[i]!;
    if (!values[i + 1]) ctx.problem('missing', sub.value === 'interface' ? "'source … interface' expects an interface name" : "'source … usesrc' expects an address, 'client', 'clientip' or 'hdr_ip(<name>[,<occ>])'", sub);
  }
}

function checkOptionValues(kind: OptionKind, ctx: LineContext): void {
  for (const use of optionUses(kind, ctx.section, ctx.line)) {
    if (kind === 'server') checkServerOption(ctx, use.name, use.word, use.values);
    else checkBindOption(ctx, use.name, use.values[0]);
  }
}

function checkBindOption(ctx: LineContext, name: string, value: Word | undefined): void {
  if (!value) return; // a missing value is unknown-bind-option's
  const allowed = BIND_ENUMS[name];
  if (allowed) expectOneOf(ctx, value, allowed, `bind option '${name}'`);
  else if (name === 'mode' && !/^[0-7]+$/.test(value.value)) ctx.problem('value', `bind option 'mode' expects an octal permission mode (e.g. 600), not '${value.value}'`, value);
  else if (name === 'tcp-ut') checkTime(ctx, value, "bind option 'tcp-ut'");
}

const server: LineChecker = (ctx) => {
  const { line, section } = ctx;
  if (line.keyword === 'server' && section.kind !== 'peers' && line.args.length === 1 && !addressInsteadOfName(line)) {
    ctx.problem('missing', `'server ${line.args[0]!.value}' expects an address (server <name> <address>[:<port>] [options])`, line.args[0]!);
    return;
  }
  checkOptionValues('server', ctx);
};

const bind: LineChecker = (ctx) => {
  if (ctx.line.args.length === 0) {
    ctx.problem('missing', "'bind' expects an address ([<address>]:<port>[-<end>], or a path) to listen on", ctx.keywordSpan);
    return;
  }
  checkOptionValues('bind', ctx);
};

export function serverChecker(keyword: string): LineChecker | undefined {
  if (keyword === 'server' || keyword === 'default-server' || keyword === 'server-template') return server;
  if (keyword === 'bind') return bind;
  return undefined;
}
