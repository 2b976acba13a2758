import type { ConfigFile, Line, Word } from '../../parser/ast.js';
import type { Applicability, Fix } from '../../engine/types.js';
import { memo } from './memo.js';
import type { ConfigModel, Proxy } from '../model/config-model.js';
import { conditionIndex } from '../model/conditions.js';

/**
 * Where a listening address can be reached from: `local` (loopback, UNIX or abstract sockets, inherited
 * file descriptors), `network` (any other address, `*` and an empty host included) or `unknown` (built
 * from the environment).
 */
export type Reach = 'local' | 'network' | 'unknown';

const LOCAL_FAMILIES = /^(?:unix|abns|abnsz|fd|sockpair|uxst|uxdg)@/;
const NETWORK_FAMILIES = /^(?:ipv4|ipv6|tcp|tcp4|tcp6|udp|udp4|udp6|quic4|quic6|quic|rhttp)@/;

/** The reach of one address as written on a bind or stats socket line (`127.0.0.1:80`, `*:9000`, `/run/x.sock`). */
export function addressReach(address: string): Reach {
  if (address.includes('$')) return 'unknown';
  if (LOCAL_FAMILIES.test(address) || address.startsWith('/') || address.startsWith('.')) return 'local';
  const bare = address.replace(NETWORK_FAMILIES, '');
  let host: string;
  const bracketed = /^\[([^\]]*)\]/.exec(bare);
  if (bracketed) host = bracketed[1]!;
  else {
    const colon = bare.lastIndexOf(':');
    host = colon >= 0 ? bare.slice(0, colon) : bare;
  }
  host = host.toLowerCase();
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1' || host === 'localhost' || host === '0:0:0:0:0:0:0:1' || host === '::ffff:127.0.0.1') return 'local';
  return 'network';
}

/** The reach of a bind line: its addresses (comma-separated) together; `network` when any of them is. */
export function bindReach(line: Line): Reach {
  const address = line.args[0];
  if (!address) return 'unknown';
  if (address.envRefs.length > 0) return 'unknown';
  let reach: Reach = 'local';
  for (const part of address.value.split(',')) {
    const one = addressReach(part);
    if (one === 'network') return 'network';
    if (one === 'unknown') reach = 'unknown';
  }
  return reach;
}

/** The bind lines of a proxy reachable from the network (none for backends and defaults). */
export function networkBinds(proxy: Proxy): Line[] {
  return proxy.lines.filter((line) => line.keyword === 'bind' && !line.modifier && bindReach(line) === 'network');
}

/** The proxy and the defaults sections it inherits from, nearest first. */
export function inheritanceChain(proxy: Proxy): Proxy[] {
  const chain: Proxy[] = [];
  for (let p: Proxy | undefined = proxy; p && !chain.includes(p); p = p.defaults) chain.push(p);
  return chain;
}

const GUARD_ACTIONS = new Set(['deny', 'reject', 'tarpit', 'silent-drop', 'auth', 'allow', 'accept', 'return', 'redirect']);

/**
 * A line that lets only some traffic through: `http-request deny|auth|allow … if/unless …`,
 * `tcp-request connection|content|session reject|accept … if …`, any `stats http-request` rule,
 * `http-request auth` (unconditional too). Such a line is taken as an access restriction without
 * judging its condition: the point is to stay quiet wherever someone has thought about access.
 */
export function isAccessGuard(line: Line): boolean {
  if (line.modifier) return false;
  if (line.keyword === 'stats http-request' || line.keyword === 'stats auth') return true;
  let action: Word | undefined;
  if (line.keyword === 'http-request') action = line.args[0];
  else if (line.keyword.startsWith('tcp-request ')) action = line.args[0];
  else if (line.keyword === 'tcp-request') action = line.args[1];
  else if (line.keyword === 'block') return true;
  if (!action) return false;
  const name = action.value.replace(/\(.*$/, '');
  if (!GUARD_ACTIONS.has(name)) return false;
  if (line.keyword === 'http-request' && name === 'auth') return true;
  return conditionIndex(line) !== undefined;
}

/** Whether the proxy or a defaults section it inherits from has an access guard (see isAccessGuard). */
export function hasAccessGuard(proxy: Proxy): boolean {
  return inheritanceChain(proxy).some((p) => p.lines.some(isAccessGuard));
}

/** Whether the proxy (or its defaults) asks for a password before the stats page: `stats auth`, an `auth` rule. */
export function hasStatsAuth(proxy: Proxy): boolean {
  return inheritanceChain(proxy).some((p) => p.lines.some((line) => !line.modifier && (
    line.keyword === 'stats auth'
    || ((line.keyword === 'stats http-request' || line.keyword === 'http-request') && line.args[0]?.value === 'auth'))));
}

/** The lines that turn the stats page on in a proxy or its defaults (`stats enable`, `stats uri`). */
export function statsPageLines(proxy: Proxy): Line[] {
  return inheritanceChain(proxy).flatMap((p) => p.lines.filter((line) => !line.modifier && (line.keyword === 'stats enable' || line.keyword === 'stats uri')));
}

/** Whether a proxy runs in HTTP mode for sure (its own or inherited `mode http`). */
export function isHttpProxy(model: ConfigModel, proxy: Proxy): boolean {
  const setting = model.effective(proxy, 'mode');
  return !setting.uncertain && setting.value === 'http';
}

/**
 * An edit inserting `newLine` as a line of its own after `line`, indented like the first indented
 * keyword line of `indentFrom` (4 spaces when none is), with the file's line ending.
 */
export function insertLineAfter(source: string, line: Line, indentFrom: readonly Line[], newLine: string): { start: number; end: number; text: string } {
  const sample = indentFrom.find((l) => l.kind === 'keyword' && l.indent.end > l.indent.start);
  const indent = sample ? source.slice(sample.indent.start, sample.indent.end) : '    ';
  const eol = line.eol === '' ? '\n' : line.eol;
  return { start: line.contentEnd, end: line.contentEnd, text: `${eol}${indent}${newLine}` };
}

/** The HTTP response header rules (`http-response`/`http-after-response` set-header|add-header) of a file, by lower-case header name. */
export function responseHeadersSet(file: ConfigFile): Map<string, Line[]> {
  return memo(responseHeaderCache, file, () => {
    const byName = new Map<string, Line[]>();
    for (const line of file.lines) {
      if (line.kind !== 'keyword' || line.modifier) continue;
      if (line.keyword !== 'http-response' && line.keyword !== 'http-after-response') continue;
      const action = line.args[0]?.value;
      if (action !== 'set-header' && action !== 'add-header' && action !== 'del-header' && action !== 'replace-header' && action !== 'replace-value') continue;
      const name = line.args[1]?.value.toLowerCase();
      if (!name) continue;
      const list = byName.get(name) ?? [];
      list.push(line);
      byName.set(name, list);
    }
    return byName;
  });
}
const responseHeaderCache = new WeakMap<ConfigFile, Map<string, Line[]>>();

/** Whether a bind line terminates TLS (`ssl`, or a QUIC address). */
export function isTlsBind(line: Line): boolean {
  return line.args.slice(1).some((w) => w.value === 'ssl') || /^quic/.test(line.args[0]?.value ?? '');
}

/** Whether a proxy passes traffic on to servers (its own, or backends it names), rather than only serving HAProxy's pages. */
export function forwardsTraffic(proxy: Proxy): boolean {
  return proxy.servers.length > 0 || proxy.backendRefs.length > 0 || inheritanceChain(proxy).some((p) => p.backendRefs.length > 0);
}

/**
 * Frontends and listens in HTTP mode serving some bind reachable from the network: the proxies at the
 * edge; with `forwarding`, only those passing traffic to servers (not a bare stats page).
 */
export function edgeHttpProxies(model: ConfigModel, forwarding = false): { proxy: Proxy; binds: Line[] }[] {
  const out: { proxy: Proxy; binds: Line[] }[] = [];
  for (const proxy of model.proxies) {
    if (!proxy.isFrontend || proxy.disabled) continue;
    if (forwarding && !forwardsTraffic(proxy)) continue;
    const binds = networkBinds(proxy);
    if (binds.length > 0 && isHttpProxy(model, proxy)) out.push({ proxy, binds });
  }
  return out;
}

/** The last bind line of a proxy, where lines meant to run first are inserted. */
export function lastBind(proxy: Proxy): Line | undefined {
  return proxy.lines.filter((l) => l.keyword === 'bind').at(-1);
}

/**
 * A fix adding `newLine` after the proxy's last bind (so it runs before the proxy's other rules), or
 * undefined when that bind sits inside an `.if` block, where the new line would be conditional too.
 */
export function fixAfterLastBind(source: string, proxy: Proxy, newLine: string, description: string, applicability: Applicability): Fix | undefined {
  const bind = lastBind(proxy);
  if (!bind || bind.condDepth > 0) return undefined;
  return { description, applicability, edits: [insertLineAfter(source, bind, proxy.lines, newLine)] };
}
