import type { ConfigFile, Line, Section } from '../parser/ast.js';
import { defaultsOf, keywordLines } from '../rules/shared/proxies.js';
import { parseTime } from './time.js';

/** A `server` line with the settings that matter to its health check (`default-server` lines merged in). */
export interface ServerEntry {
  name: string;
  line: Line;
  /** the address as written */
  address: string;
  check: boolean;
  disabled: boolean;
  ssl: boolean;
  checkSsl: boolean;
  /** `addr`, `port`: where the check goes when it differs from the traffic */
  checkAddr?: string;
  checkPort?: string;
  interMs?: number;
  rise: number;
  fall: number;
  weight: number;
  /** check options the probe does not reproduce (`check-send-proxy`, `check-proto h2`, `check-via-socks4`) */
  unsupported: string[];
  /** the address or an option uses an environment variable */
  usesEnv: boolean;
}

/** server keywords followed by one argument (src/server.c and friends, 2.6 … 3.x) */
const WITH_ARG = new Set([
  'addr', 'agent-addr', 'agent-inter', 'agent-port', 'agent-send', 'alpn', 'ca-file', 'check-alpn', 'check-proto', 'check-sni',
  'ciphers', 'ciphersuites', 'cookie', 'crl-file', 'crt', 'downinter', 'error-limit', 'fall', 'fastinter', 'id', 'init-addr',
  'inter', 'log-proto', 'max-reuse', 'maxconn', 'maxqueue', 'minconn', 'namespace', 'npn', 'observe', 'on-error',
  'on-marked-down', 'on-marked-up', 'pool-low-conn', 'pool-max-conn', 'pool-purge-delay', 'port', 'proto',
  'proxy-v2-options', 'redir', 'resolve-net', 'resolve-opts', 'resolve-prefer', 'resolvers', 'rise', 'slowstart', 'sni',
  'socks4', 'source', 'ssl-max-ver', 'ssl-min-ver', 'tcp-ut', 'track', 'usesrc', 'verify', 'verifyhost', 'weight', 'ws',
  'curves', 'sigalgs', 'client-sigalgs', 'hash-key', 'guid', 'shard', 'init-state', 'log-bufsize', 'pool-conn-name',
  'check-pool-conn-name', 'set-proxy-v2-tlv-fmt', 'quic-cc-algo', 'cc', 'tcp-md5sig', 'healthcheck',
]);

interface Settings {
  check?: boolean;
  disabled?: boolean;
  ssl?: boolean;
  checkSsl?: boolean;
  checkAddr?: string;
  checkPort?: string;
  inter?: string;
  rise?: string;
  fall?: string;
  weight?: string;
  unsupported: string[];
  usesEnv: boolean;
}

function readOptions(line: Line, from: number, into: Settings): void {
  const args = line.args;
  for (let i = from; i < args.length; i++) {
    const word = args[i]!;
    const key = word.value;
    const next = args[i + 1];
    if (word.envRefs.length > 0) into.usesEnv = true;
    switch (key) {
      case 'check': into.check = true; break;
      case 'no-check': into.check = false; break;
      case 'disabled': into.disabled = true; break;
      case 'enabled': into.disabled = false; break;
      case 'ssl': into.ssl = true; break;
      case 'no-ssl': into.ssl = false; break;
      case 'check-ssl': into.checkSsl = true; break;
      case 'no-check-ssl': into.checkSsl = false; break;
      case 'check-send-proxy': into.unsupported.push('check-send-proxy'); break;
      case 'check-via-socks4': into.unsupported.push('check-via-socks4'); break;
      default:
        if (!WITH_ARG.has(key)) break;
        if (next) {
          if (next.envRefs.length > 0 && ['addr', 'port', 'inter'].includes(key)) into.usesEnv = true;
          if (key === 'addr') into.checkAddr = next.value;
          else if (key === 'port') into.checkPort = next.value;
          else if (key === 'inter') into.inter = next.value;
          else if (key === 'rise') into.rise = next.value;
          else if (key === 'fall') into.fall = next.value;
          else if (key === 'weight') into.weight = next.value;
          else if (key === 'check-proto' && next.value !== 'h1') into.unsupported.push(`check-proto ${next.value}`);
        }
        i++;
    }
  }
}

/** The servers of a backend or listen section, in order. `server-template` lines are returned apart. */
export function serversOf(file: ConfigFile, section: Section): { servers: ServerEntry[]; templates: Line[] } {
  const base: Settings = { unsupported: [], usesEnv: false };
  const defaults = defaultsOf(file, section);
  const defaultServerLines = [...(defaults ? keywordLines(defaults) : []), ...keywordLines(section)].filter((l) => l.keyword === 'default-server' && !l.modifier);
  for (const line of defaultServerLines) readOptions(line, 0, base);
  const servers: ServerEntry[] = [];
  const templates: Line[] = [];
  for (const line of keywordLines(section)) {
    if (line.keyword === 'server-template') templates.push(line);
    if (line.keyword !== 'server' || line.modifier) continue;
    const [name, address] = line.args;
    if (!name) continue;
    const settings: Settings = { ...base, unsupported: [...base.unsupported] };
    if (address && address.envRefs.length > 0) settings.usesEnv = true;
    readOptions(line, 2, settings);
    const rise = Number(settings.rise ?? 2);
    const fall = Number(settings.fall ?? 3);
    const weight = Number(settings.weight ?? 1);
    servers.push({
      name: name.value,
      line,
      address: address?.value ?? '',
      check: settings.check === true,
      disabled: settings.disabled === true,
      ssl: settings.ssl === true,
      // `ssl` servers are checked over TLS too, unless the check goes to another port or address
      checkSsl: settings.checkSsl ?? (settings.ssl === true && settings.checkPort === undefined && settings.checkAddr === undefined),
      ...(settings.checkAddr !== undefined ? { checkAddr: settings.checkAddr } : {}),
      ...(settings.checkPort !== undefined ? { checkPort: settings.checkPort } : {}),
      ...(parseTime(settings.inter) !== undefined ? { interMs: parseTime(settings.inter) } : {}),
      rise: Number.isFinite(rise) && rise > 0 ? rise : 2,
      fall: Number.isFinite(fall) && fall > 0 ? fall : 3,
      weight: Number.isFinite(weight) ? weight : 1,
      unsupported: settings.unsupported,
      usesEnv: settings.usesEnv,
    });
  }
  return { servers, templates };
}

/** A check target: a TCP host and port, or a unix socket path. */
export type Target = { host: string; port: number } | { path: string };

/**
 * Splits a HAProxy address (`127.0.0.1:8000`, `[::1]:8000`, `ipv4@host:80`, `unix@/run/app.sock`, `/run/app.sock`)
 * into host and port. The port may be missing or be an offset/range (then only a `port` option can say where
 * the check goes). Returns a reason string when the address cannot be probed.
 */
export function splitAddress(address: string): { host: string; port?: string } | { path: string } | string {
  let value = address;
  const prefix = /^([a-z][a-z0-9]*)@(.*)$/.exec(value);
  if (prefix) {
    const [, family, rest] = prefix as unknown as [string, string, string];
    if (family === 'unix') return { path: rest };
    if (!['ipv4', 'ipv6', 'tcp', 'tcp4', 'tcp6'].includes(family)) return `the address family \`${family}@\` is not probed`;
    value = rest;
  }
  if (value.startsWith('/')) return { path: value };
  if (value === '') return 'the server has no address';
  const bracket = /^\[([^\]]*)\](?::(.*))?$/.exec(value);
  if (bracket) return { host: bracket[1]!, ...(bracket[2] !== undefined ? { port: bracket[2] } : {}) };
  const colon = value.lastIndexOf(':');
  if (colon < 0) return { host: value };
  return { host: value.slice(0, colon), port: value.slice(colon + 1) };
}
