import { hostname } from 'node:os';
import type { ConfigFile, Section } from '../parser/ast.js';
import type { Finding, LintOptions } from '../engine/types.js';
import { lint } from '../api.js';
import { ruleById } from '../rules/index.js';
import { defaultsOf, keywordLines } from '../rules/shared/proxies.js';
import { judgeConnect, judgeHttp, type CheckStatus } from './evaluate.js';
import { BoundedRegex } from './regex.js';
import { exchange, isLoopbackHost, isLoopbackIp, type ExchangeResult } from './net.js';
import { checkPlan, type CheckPlan, type CheckRequest, type Header } from './request.js';
import { serversOf, splitAddress, type ServerEntry, type Target } from './servers.js';
import { parseTime } from './time.js';
import { serializeRequest } from './wire.js';
import { pushAll } from '../util/arrays.js';

/**
 * `haproxy-lint probe`: sends each server the health-check request HAProxy would send and judges the
 * answer with the backend's `http-check expect` rules, in HAProxy's words. Loopback only unless
 * `allowRemote`: a server elsewhere is reported as skipped and never connected to.
 */

export interface ProbeOptions extends LintOptions {
  /** only this backend (or listen) section */
  backend?: string;
  /** where to send a server's check instead of its configured address: `server` or `backend/server` → `host:port` */
  serverAddresses?: Record<string, string>;
  /** connect to non-loopback addresses too (the user's own infrastructure) */
  allowRemote?: boolean;
  /** connect to unix sockets (a configuration could name the Docker or another local control socket) */
  allowUnix?: boolean;
  /** send methods other than GET, HEAD and OPTIONS, and request bodies */
  allowUnsafeRequests?: boolean;
  /** connect and read timeout for every check, instead of the configuration's `inter`/`timeout check` */
  timeoutMs?: number;
  /** upper bound on any timeout taken from the configuration (default 10 s) */
  maxTimeoutMs?: number;
}

/** A problem with the request (unknown backend, bad --server-address, a file HAProxy refuses): exit 2. */
export class ProbeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProbeError';
  }
}

export interface ServerProbe {
  backend: string;
  server: string;
  /** line of the `server` line */
  line: number;
  /** the address as configured */
  configuredAddress: string;
  /** where the probe connected (`127.0.0.1:8000`, `/run/app.sock`) */
  target?: string;
  /** `skipped`: not probed (see skipReason) */
  state: 'UP' | 'DOWN' | 'NOLB' | 'skipped';
  skipReason?: string;
  check?: 'http' | 'tcp';
  /** the exact request bytes sent (latin1-safe string) */
  request?: string;
  requestLine?: string;
  response?: { statusLine: string; status: number; reason: string; headers: { name: string; value: string }[]; body: string; truncated: boolean };
  checkStatus?: CheckStatus;
  /** HAProxy's wording: `Layer7 wrong status, code: 301, info: "Moved Permanently"` */
  message?: string;
  code?: number;
  /** the `http-check expect` that failed */
  failedExpectation?: { line?: number; text: string };
  /** how HAProxy would act: fall/rise */
  consequence?: string;
  notes: string[];
  /** linter findings for this backend, when the check fails */
  findings: Finding[];
  durationMs?: number;
  timeouts?: { connectMs: number; readMs: number };
}

export interface ProbeReport {
  servers: ServerProbe[];
  summary: { probed: number; up: number; down: number; nolb: number; skipped: number };
  /** 0: every probed server passes; 1: at least one fails */
  exitCode: 0 | 1;
}

const DEFAULT_INTER_MS = 2_000;
const DEFAULT_MAX_TIMEOUT_MS = 10_000;
const CONCURRENCY = 8;

function timeoutOf(section: Section, defaults: Section | undefined, name: string): number | undefined {
  for (const s of [section, defaults]) {
    if (!s) continue;
    const line = keywordLines(s).filter((l) => l.keyword === `timeout ${name}` && !l.modifier).at(-1);
    if (line) return parseTime(line.args[0]?.value);
  }
  return undefined;
}

interface Prepared {
  entry: ServerProbe;
  run?: () => Promise<void>;
}

/** Probes the servers of a configuration. Throws ProbeError for what makes the request itself wrong. */
export async function probeConfig(text: string, options: ProbeOptions = {}): Promise<ProbeReport> {
  if (options.timeoutMs !== undefined && !(options.timeoutMs >= 1 && options.timeoutMs <= 3_600_000)) throw new ProbeError(`timeout ${options.timeoutMs} ms: must be between 1 ms and 1 hour`);
  const { findings, file } = lint(text, options);
  const fatal = file.syntaxErrors.filter((e) => e.fatal);
  if (fatal.length > 0) {
    throw new ProbeError(`HAProxy would refuse this configuration: ${fatal.slice(0, 3).map((e) => `${e.line}:${e.column}: ${e.message}`).join('; ')}${fatal.length > 3 ? ` (and ${fatal.length - 3} more)` : ''}`);
  }
  const proxies = file.sections.filter((s) => (s.kind === 'backend' || s.kind === 'listen') && s.name);
  const selected = options.backend === undefined ? proxies : proxies.filter((s) => s.name!.value === options.backend);
  if (options.backend !== undefined && selected.length === 0) {
    const names = proxies.map((s) => s.name!.value);
    throw new ProbeError(`no backend or listen section named '${options.backend}'${names.length > 0 ? ` (there are: ${names.join(', ')})` : ''}`);
  }
  const overrides = readOverrides(file, selected, options.serverAddresses ?? {});

  const prepared: Prepared[] = [];
  for (const section of selected) {
    const plan = checkPlan(file, section);
    const { servers, templates } = serversOf(file, section);
    const backend = section.name!.value;
    const inSection: Prepared[] = [];
    for (const template of templates) {
      inSection.push({ entry: { backend, server: template.args[0]?.value ?? '', line: template.line, configuredAddress: template.args[2]?.value ?? '', state: 'skipped', skipReason: '`server-template`: the servers it creates are not probed', notes: [], findings: [] } });
    }
    for (const server of servers) inSection.push(prepare(file, section, plan, server, servers, overrides, options));
    pushAll(prepared, inSection.sort((a, b) => a.entry.line - b.entry.line));
  }
  if (prepared.length === 0) throw new ProbeError(options.backend !== undefined ? `backend '${options.backend}' has no server to probe` : 'the configuration has no backend with servers to probe');

  // bounded parallelism: every exchange is bounded in time, so is the whole probe
  const queue = prepared.filter((p) => p.run);
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await next.run!();
  }));

  const bySection = new Map<string, Finding[]>();
  for (const p of prepared) {
    const e = p.entry;
    if (e.state !== 'DOWN' && e.state !== 'NOLB') continue;
    if (!bySection.has(e.backend)) bySection.set(e.backend, findingsFor(file, selected.find((s) => s.name!.value === e.backend)!, findings));
    e.findings = bySection.get(e.backend)!;
  }
  const servers = prepared.map((p) => p.entry);
  const count = (state: ServerProbe['state']) => servers.filter((s) => s.state === state).length;
  const summary = { probed: servers.length - count('skipped'), up: count('UP'), down: count('DOWN'), nolb: count('NOLB'), skipped: count('skipped') };
  return { servers, summary, exitCode: summary.down + summary.nolb > 0 ? 1 : 0 };
}

/** `--server-address` keys resolved to `backend/server`; an unknown or ambiguous name is an error. */
function readOverrides(file: ConfigFile, sections: Section[], raw: Record<string, string>): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const [key, address] of Object.entries(raw)) {
    const matches: string[] = [];
    for (const section of sections) {
      for (const server of serversOf(file, section).servers) {
        const full = `${section.name!.value}/${server.name}`;
        if (key === full || key === server.name) matches.push(full);
      }
    }
    if (matches.length === 0) throw new ProbeError(`--server-address ${key}=${address}: no server named '${key}'${key.includes('/') ? '' : " (use 'backend/server' or a server name)"}`);
    if (matches.length > 1 && !key.includes('/')) throw new ProbeError(`--server-address ${key}=${address}: several servers are named '${key}' (${matches.join(', ')}); use 'backend/server'`);
    const split = splitAddress(address);
    if (typeof split === 'string') throw new ProbeError(`--server-address ${key}=${address}: ${split}`);
    if ('path' in split) {
      for (const m of matches) out.set(m, split);
      continue;
    }
    const port = Number(split.port);
    if (!split.port || !/^\d+$/.test(split.port) || port < 1 || port > 65535) throw new ProbeError(`--server-address ${key}=${address}: expected host:port`);
    for (const m of matches) out.set(m, { host: split.host, port });
  }
  return out;
}

const showTarget = (target: Target) => ('path' in target ? target.path : target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`);

function prepare(
  file: ConfigFile,
  section: Section,
  plan: CheckPlan,
  server: ServerEntry,
  all: ServerEntry[],
  overrides: Map<string, Target>,
  options: ProbeOptions,
): Prepared {
  const backend = section.name!.value;
  const entry: ServerProbe = { backend, server: server.name, line: server.line.line, configuredAddress: server.address, state: 'skipped', notes: [], findings: [] };
  const skip = (reason: string): Prepared => ((entry.skipReason = reason), { entry });
  if (!server.check) return skip('no health check: the server line has no `check`');
  if (server.disabled) return skip('the server is `disabled`');
  if (plan.kind === 'unsupported') return skip(plan.reason);
  if (plan.kind === 'none') return skip(plan.reason);
  if (server.checkSsl) return skip('TLS check (`ssl`/`check-ssl`): the probe speaks plain HTTP only');
  if (server.unsupported.length > 0) return skip(`\`${server.unsupported.join('`, `')}\` is not reproduced by the probe`);

  let target = overrides.get(`${backend}/${server.name}`);
  if (target) entry.notes.push(`address given with --server-address (configured: ${server.address})`);
  else {
    if (server.usesEnv) return skip('the address uses environment variables');
    const split = splitAddress(server.checkAddr ?? server.address);
    if (typeof split === 'string') return skip(split);
    if ('path' in split) target = split;
    else {
      const portText = server.checkPort ?? (server.checkAddr !== undefined ? splitAddress(server.address) : split);
      const port = typeof portText === 'string' ? portText : typeof portText === 'object' && 'port' in portText ? portText.port : undefined;
      if (port === undefined || !/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
        return skip(port === undefined || port === '' ? 'no port to check (the address has none and there is no `port`)' : `port \`${port}\` is not a fixed port (set \`port\` for the check)`);
      }
      target = { host: split.host, port: Number(port) };
    }
  }
  entry.target = showTarget(target);
  if ('path' in target && !options.allowUnix) {
    return skip('a unix socket: local services listen on those (the Docker socket…); pass --allow-unix to probe it');
  }
  if (!('path' in target) && !options.allowRemote && !isLoopbackHost(target.host)) {
    return skip('not loopback; pass --allow-remote to probe it');
  }
  if (plan.kind === 'http' && !options.allowUnsafeRequests) {
    const refused = unsafeRequest(plan.request);
    if (refused) return skip(`${refused}: a configuration could make it drive a local service; pass --allow-unsafe-requests to send it`);
  }

  const defaults = defaultsOf(file, section);
  const inter = server.interMs ?? DEFAULT_INTER_MS;
  const check = timeoutOf(section, defaults, 'check');
  const connect = timeoutOf(section, defaults, 'connect');
  const max = options.maxTimeoutMs ?? DEFAULT_MAX_TIMEOUT_MS;
  let connectMs = check !== undefined ? Math.min(connect ?? inter, inter) : inter;
  let readMs = check ?? inter;
  if (options.timeoutMs !== undefined) connectMs = readMs = options.timeoutMs;
  else if (connectMs > max || readMs > max) {
    entry.notes.push(`timeouts capped at ${max} ms (the configuration says ${connectMs} ms to connect, ${readMs} ms to answer)`);
    connectMs = Math.min(connectMs, max);
    readMs = Math.min(readMs, max);
  }
  entry.timeouts = { connectMs, readMs };
  const consequence = (state: string) =>
    state === 'UP' ? `HAProxy marks it UP after ${server.rise} passing check${server.rise > 1 ? 's' : ''} in a row (rise ${server.rise})` : state === 'DOWN' ? `HAProxy marks it DOWN after ${server.fall} failed check${server.fall > 1 ? 's' : ''} in a row (fall ${server.fall})` : 'HAProxy stops sending it new traffic (http-check disable-on-404)';

  if (plan.kind === 'tcp') {
    entry.check = 'tcp';
    pushAll(entry.notes, plan.notes);
    return {
      entry,
      run: async () => {
        const started = Date.now();
        const result = await exchange({ target: target!, connectTimeoutMs: connectMs, readTimeoutMs: readMs, allowRemote: options.allowRemote === true });
        entry.durationMs = Date.now() - started;
        const verdict = judgeConnect(result);
        Object.assign(entry, { state: verdict.state, checkStatus: verdict.checkStatus, message: verdict.message, consequence: consequence(verdict.state) });
      },
    };
  }

  entry.check = 'http';
  pushAll(entry.notes, plan.notes);
  const extra: Header[] = [];
  if (plan.request.sendState) {
    const totalWeight = all.filter((s) => !s.disabled).reduce((sum, s) => sum + s.weight, 0);
    const address = 'path' in target ? target.path : target.host;
    const port = 'path' in target ? 0 : target.port;
    // the state before the first check: UP, health at `rise` (srv_hlt_st "UP %d/%d")
    const state = server.fall > 1 ? `UP 1/${server.fall}` : 'UP';
    const node = nodeName(file);
    extra.push({ name: 'X-Haproxy-Server-State', value: `${state}; address=${address}; port=${port}; name=${backend}/${server.name}; node=${node}; weight=${server.weight}/${totalWeight}; scur=0/0; qcur=0` });
    entry.notes.push('X-Haproxy-Server-State (http-check send-state) is reproduced for a server that has just started');
  }
  const request = serializeRequest(plan.request, extra);
  entry.request = request;
  entry.requestLine = request.slice(0, request.indexOf('\r\n'));
  const head = plan.request.method.toUpperCase() === 'HEAD';
  return {
    entry,
    run: async () => {
      const started = Date.now();
      const result: ExchangeResult = await exchange({
        target: target!,
        request: Buffer.from(request, 'utf8'),
        connectTimeoutMs: connectMs,
        readTimeoutMs: readMs,
        allowRemote: options.allowRemote === true,
        head,
      });
      entry.durationMs = Date.now() - started;
      if (result.kind === 'response') {
        const r = result.response;
        entry.response = { statusLine: r.statusLine, status: r.status, reason: r.reason, headers: r.headers, body: r.body.toString('utf8'), truncated: r.truncated };
      } else if ((result.kind === 'closed' || result.kind === 'read-timeout') && result.raw.length > 0) {
        const firstLine = result.raw.toString('latin1').split(/\r?\n/)[0]!;
        entry.notes.push(`received ${result.raw.length} byte${result.raw.length > 1 ? 's' : ''} that are not a complete HTTP response, starting with ${JSON.stringify(firstLine.slice(0, 80))}`);
      } else if (result.kind === 'closed') entry.notes.push('the server closed the connection without answering');
      // regex matches run in a worker, bounded by the check's read timeout; judged again once they are known
      const regex = new BoundedRegex(readMs);
      let verdict = judgeHttp(result, plan.expects, plan.disableOn404, regex.tester);
      try {
        while (regex.pending) {
          await regex.resolve();
          verdict = judgeHttp(result, plan.expects, plan.disableOn404, regex.tester);
        }
      } finally {
        await regex.close();
      }
      for (const pattern of new Set(regex.timedOut)) entry.notes.push(`the regex ${JSON.stringify(pattern)} was stopped after ${readMs} ms and counts as not matching (HAProxy's PCRE stops at its match limit)`);
      Object.assign(entry, {
        state: verdict.state,
        checkStatus: verdict.checkStatus,
        message: verdict.message,
        ...(verdict.code !== undefined ? { code: verdict.code } : {}),
        ...(verdict.expectation ? { failedExpectation: { ...(verdict.expectation.line ? { line: verdict.expectation.line.line } : {}), text: verdict.expectation.text } } : {}),
        consequence: consequence(verdict.state),
      });
    },
  };
}

/** Methods that read only: a check that sends anything else (or a body) could change a local service's state. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why the check request is not a plain read, or undefined when it is one. */
function unsafeRequest(request: CheckRequest): string | undefined {
  if (!SAFE_METHODS.has(request.method)) return `the check's method is ${request.method} (only GET, HEAD and OPTIONS are sent by default)`;
  if (request.body !== undefined && request.body !== '') return 'the check request has a body';
  // a CR or LF in the request line or a header would end it early and start a second request
  const parts = [request.method, request.uri, request.version, ...request.headers.flatMap((h) => [h.name, h.value])];
  if (parts.some((part) => /[\r\n\0]/.test(part))) return 'the check request has a line break inside its request line or a header (a second request could follow it)';
  return undefined;
}

/** `node` from the global section, else the host name (what HAProxy puts in X-Haproxy-Server-State). */
function nodeName(file: ConfigFile): string {
  for (const section of file.sections) {
    if (section.kind !== 'global') continue;
    const line = keywordLines(section).filter((l) => l.keyword === 'node').at(-1);
    if (line?.args[0]) return line.args[0].value;
  }
  return hostname();
}

/** The findings that can explain a failing check: those in the backend, and the health-check ones of its defaults. */
function findingsFor(file: ConfigFile, section: Section, findings: Finding[]): Finding[] {
  const defaults = defaultsOf(file, section);
  const inside = (f: Finding, s: Section) => f.start >= s.start && f.start < s.end;
  return findings.filter((f) => inside(f, section) || (defaults !== undefined && inside(f, defaults) && ruleById(f.ruleId)?.group === 'healthcheck'));
}

export { isLoopbackIp, isLoopbackHost };
