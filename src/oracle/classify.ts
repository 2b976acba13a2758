/**
 * Sorts `haproxy -c` alerts by cause, and a whole run into one verdict.
 *
 * Per alert: missing-file (certificates, maps, Lua, error files, CA/CRL files), dns (a server address that
 * does not resolve), environment (an unknown user/group on this host, a feature this build lacks such as QUIC), summary (the "Fatal errors found"
 * trailer lines), syntax (any other alert HAProxy pins to a line of the file), other (the rest: semantic
 * errors reported against a proxy without a line, e.g. an unknown `use_backend` target).
 *
 * In a run, an alert that only follows from an earlier one takes that one's kind (`classifyAlerts`): a
 * `lua.<name>` action, service or filter HAProxy does not know after a `lua-load` it could not read (the
 * script registers those names), and "no such ACL 'x'" after the declaration of ACL 'x' was refused.
 *
 * Per run: exit 0 or 2 (2 = "no error but will not start (no listener)") is accepted. For exit 1 the verdict
 * is the first kind present in this order: syntax, missing-file, dns, other (environment counts as other).
 * Syntax comes first because a config with a real syntax error stays broken wherever it is deployed, while
 * missing files and unresolvable names depend on the machine.
 */
import type { Alert, AlertKind, Message, Verdict } from './types.js';

const MISSING_FILE: RegExp[] = [
  /No such file or directory/i,
  /unable to stat/i,
  /unable to load/i,
  /error opening file/i,
  /cannot open/i,
  /can't open/i,
  /couldn't open/i,
  /failed to open/i,
  /unable to open/i,
  /unable to read/i,
  /error in Lua file/i,
];

const DNS: RegExp[] = [
  /could not resolve address/i,
  /can't create DNS resolution/i,
  /Failed to initialize server\(s\) addr/i,
  /unable to resolve/i,
  // `log rsyslog:514`: log targets are resolved at parse time too, and only say "invalid address"
  /invalid address: '[A-Za-z_][A-Za-z0-9_.-]*' in /,
];

/** this host or this haproxy build, not the config: unknown users/groups, features not compiled in */
const ENVIRONMENT: RegExp[] = [
  /cannot find (user|group) id/i,
  /not compiled in/i,
  /invalid address: 'quic\+/i,
  // device-detection modules and zlib (Debian's 2.6 is built with SLZ): HAProxy only says "unknown keyword"
  /unknown keyword '(wurfl-|51degrees-|deviceatlas-|tune\.zlib\.)/i,
  /unknown fetch method '(wurfl-|51d\.|da-csv)/i,
];

const SUMMARY: RegExp[] = [
  /^Fatal errors found in configuration/i,
  /^Error\(s\) found in configuration file/i,
  /^error encountered while processing/i,
  /too many fatal errors/i,
];

/** server keywords that end up as the "address" when the server name is missing */
const SERVER_KEYWORDS = new Set([
  'check', 'backup', 'weight', 'inter', 'fastinter', 'downinter', 'rise', 'fall', 'port', 'ssl', 'verify',
  'maxconn', 'cookie', 'disabled', 'enabled', 'send-proxy', 'send-proxy-v2', 'resolvers', 'init-addr',
  'sni', 'track', 'id', 'slowstart', 'observe', 'on-error', 'on-marked-down', 'agent-check', 'proto', 'alpn',
]);

/**
 * `server 192.168.0.11:8000 check` (no name): HAProxy takes the address as the name and `check` as the
 * address, and reports "could not resolve address 'check'". That is a syntax error, not a DNS one.
 */
export function isNamelessServerAlert(text: string): boolean {
  const m = /'server [^'/]*\/([^']*)' : could not resolve address '([^']*)'/.exec(text);
  if (!m) return false;
  const name = m[1] ?? '';
  const address = m[2] ?? '';
  const nameLooksLikeAddress = /^(\d{1,3}(\.\d{1,3}){3}|\[?[0-9a-fA-F:]*:[0-9a-fA-F:.]*\]?)(:\d+)?$/.test(name);
  return nameLooksLikeAddress || SERVER_KEYWORDS.has(address);
}

export function classifyAlert(alert: Message): AlertKind {
  const text = alert.message;
  if (SUMMARY.some((re) => re.test(text))) return 'summary';
  if (isNamelessServerAlert(text)) return 'syntax';
  if (MISSING_FILE.some((re) => re.test(text))) return 'missing-file';
  if (DNS.some((re) => re.test(text))) return 'dns';
  if (ENVIRONMENT.some((re) => re.test(text))) return 'environment';
  if (alert.line !== undefined) return 'syntax';
  return 'other';
}

/** an alert about a Lua-registered name (`lua.cors`), which only exists once the `lua-load`ed script ran */
const LUA_NAME = /'lua\.[^'\s]+'/;
const LUA_LOAD_FAILED = /error in Lua file/i;
const ACL_REFUSED = /error detected while parsing ACL '([^']+)'/;
const NO_SUCH_ACL = /no such ACL : '([^']+)'/;

export function classifyAlerts(alerts: Message[]): Alert[] {
  let luaLoad: AlertKind | undefined;
  const refusedAcls = new Map<string, AlertKind>();
  return alerts.map((a) => {
    let kind = classifyAlert(a);
    if (kind === 'syntax' && luaLoad && LUA_NAME.test(a.message)) kind = luaLoad;
    const acl = NO_SUCH_ACL.exec(a.message)?.[1];
    if (kind === 'syntax' && acl !== undefined) kind = refusedAcls.get(acl) ?? kind;
    if (LUA_LOAD_FAILED.test(a.message)) luaLoad ??= kind;
    const refused = ACL_REFUSED.exec(a.message)?.[1];
    if (refused !== undefined && !refusedAcls.has(refused)) refusedAcls.set(refused, kind);
    return { ...a, kind };
  });
}

export function verdictOf(exitCode: number | null, timedOut: boolean, alerts: Alert[]): Verdict {
  if (timedOut) return 'timeout';
  if (exitCode === 0 || exitCode === 2) return 'accepted';
  const kinds = new Set(alerts.map((a) => a.kind));
  if (kinds.has('syntax')) return 'rejected-syntax';
  if (kinds.has('missing-file')) return 'rejected-missing-file';
  if (kinds.has('dns')) return 'rejected-dns';
  return 'rejected-other';
}

/**
 * A result classified again by the current rules (a cached result keeps the kinds of the classifier that
 * made it): alert kinds, and the verdict of a rejected run.
 */
export function reclassified<T extends { verdict: Verdict; exitCode: number | null; alerts: Alert[] }>(result: T): T {
  if (result.verdict === 'accepted' || result.verdict === 'timeout') return result;
  const alerts = classifyAlerts(result.alerts.map(({ kind: _kind, ...message }) => message));
  return { ...result, alerts, verdict: verdictOf(result.exitCode, false, alerts) };
}
