import { connect, isIP, type Socket } from 'node:net';
import { lookup } from 'node:dns';
import type { Target } from './servers.js';

/** Loopback addresses only: 127.0.0.0/8, ::1 and IPv4-mapped 127.x (`::ffff:127.0.0.1`). */
export function isLoopbackIp(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/i.exec(address);
  if (v4) return isIP(v4.slice(1).join('.')) === 4 && v4[1] === '127';
  if (isIP(address) !== 6) return false;
  const expanded = expandIpv6(address);
  return expanded === '0000:0000:0000:0000:0000:0000:0000:0001';
}

function expandIpv6(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('::') as [string, string | undefined];
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headParts.length - tailParts.length;
  const parts = tail === undefined ? headParts : [...headParts, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailParts];
  return parts.map((p) => p.padStart(4, '0')).join(':');
}

/** Whether the probe may connect to this host without --allow-remote: a loopback IP, or `localhost`. */
export function isLoopbackHost(host: string): boolean {
  return host.toLowerCase() === 'localhost' || isLoopbackIp(host);
}

export interface ExchangeOptions {
  target: Target;
  /** bytes to write once connected; undefined for a plain connect check */
  request?: Buffer;
  connectTimeoutMs: number;
  /** from the connection on, until the whole response is read */
  readTimeoutMs: number;
  /** only loopback (checked again here, also after name resolution) */
  allowRemote: boolean;
  /** the request is HEAD: the response has no body */
  head?: boolean;
  /** the most HAProxy reads into its check buffer (tune.bufsize) */
  maxBytes?: number;
}

export type ExchangeResult =
  | { kind: 'connect-error'; code: string; message: string }
  | { kind: 'connect-timeout' }
  | { kind: 'connected' }
  | { kind: 'read-timeout'; raw: Buffer }
  | { kind: 'closed'; raw: Buffer }
  | { kind: 'response'; raw: Buffer; response: ParsedResponse };

export interface ParsedResponse {
  statusLine: string;
  version: string;
  status: number;
  reason: string;
  headers: { name: string; value: string }[];
  body: Buffer;
  /** the body was cut at maxBytes */
  truncated: boolean;
}

/** strerror() texts HAProxy prints in "Layer4 connection problem, info: ..." */
const STRERROR: Record<string, string> = {
  ECONNREFUSED: 'Connection refused',
  ECONNRESET: 'Connection reset by peer',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPIPE: 'Broken pipe',
  ETIMEDOUT: 'Connection timed out',
};

/** a setTimeout delay: at least 1 ms, at most what a timer can hold (2^31 - 1 ms; more overflows to 1 ms) */
const boundedDelay = (ms: number) => Math.min(2_147_483_647, Math.max(1, Number.isFinite(ms) ? ms : 2_147_483_647));

/** Connects, writes the request, reads the response: one exchange, bounded in time and size. */
export function exchange(options: ExchangeOptions): Promise<ExchangeResult> {
  const { target, request, connectTimeoutMs, readTimeoutMs, allowRemote, head = false, maxBytes = 16_384 } = options;
  return new Promise((resolve) => {
    let socket: Socket;
    let settled = false;
    let connected = false;
    let chunks: Buffer[] = [];
    let size = 0;
    const timers: NodeJS.Timeout[] = [];
    const finish = (result: ExchangeResult) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      socket?.destroy();
      resolve(result);
    };
    const raw = () => Buffer.concat(chunks);
    if ('path' in target) {
      socket = connect({ path: target.path });
    } else {
      if (!allowRemote && !isLoopbackHost(target.host)) {
        resolve({ kind: 'connect-error', code: 'EREMOTE', message: `${target.host} is not a loopback address` });
        return;
      }
      socket = connect({
        host: target.host,
        port: target.port,
        // a name (localhost) must resolve to loopback unless remote targets are allowed
        lookup: (hostname, opts, callback) => {
          lookup(hostname, opts, (error, address, family) => {
            const addresses = Array.isArray(address) ? address.map((a: { address: string }) => a.address) : [String(address)];
            const remote = addresses.find((a) => !isLoopbackIp(a));
            if (!error && !allowRemote && remote !== undefined) {
              (callback as (e: Error) => void)(Object.assign(new Error(`${hostname} resolves to ${remote}, not a loopback address`), { code: 'EREMOTE' }));
              return;
            }
            (callback as (e: Error | null, a: unknown, f?: number) => void)(error, address, family);
          });
        },
      });
    }
    timers.push(setTimeout(() => finish(connected ? { kind: 'read-timeout', raw: raw() } : { kind: 'connect-timeout' }), boundedDelay(connectTimeoutMs)));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected) finish({ kind: 'connect-error', code: error.code ?? 'ERROR', message: STRERROR[error.code ?? ''] ?? error.message });
      else finish({ kind: 'closed', raw: raw() });
    });
    socket.on('connect', () => {
      connected = true;
      for (const t of timers.splice(0)) clearTimeout(t);
      if (!request) {
        finish({ kind: 'connected' });
        return;
      }
      timers.push(setTimeout(() => finish({ kind: 'read-timeout', raw: raw() }), boundedDelay(readTimeoutMs)));
      socket.write(request);
    });
    socket.on('data', (data: Buffer) => {
      chunks.push(data);
      size += data.length;
      const parsed = parseResponse(raw(), head, maxBytes, false);
      if (parsed === 'invalid') finish({ kind: 'closed', raw: raw() });
      else if (parsed) finish({ kind: 'response', raw: raw(), response: parsed });
      else if (size >= maxBytes) {
        chunks = [raw().subarray(0, maxBytes)];
        const cut = parseResponse(raw(), head, maxBytes, true);
        finish(cut && cut !== 'invalid' ? { kind: 'response', raw: raw(), response: cut } : { kind: 'closed', raw: raw() });
      }
    });
    socket.on('end', () => {
      const parsed = parseResponse(raw(), head, maxBytes, true);
      finish(parsed && parsed !== 'invalid' ? { kind: 'response', raw: raw(), response: parsed } : { kind: 'closed', raw: raw() });
    });
  });
}

/**
 * Parses an HTTP/1.x response: undefined while incomplete, 'invalid' when it cannot be one.
 * `ended`: the connection closed (or the buffer is full), so what is there is all there is.
 */
export function parseResponse(raw: Buffer, head: boolean, maxBytes: number, ended: boolean): ParsedResponse | 'invalid' | undefined {
  let headerEnd = raw.indexOf('\r\n\r\n');
  let separator = 4;
  if (headerEnd < 0) {
    headerEnd = raw.indexOf('\n\n');
    separator = 2;
  }
  const firstLineEnd = raw.indexOf('\n');
  if (firstLineEnd >= 0 || raw.length >= 16) {
    const firstLine = raw.subarray(0, firstLineEnd >= 0 ? firstLineEnd : raw.length).toString('latin1').replace(/\r$/, '');
    if (!/^HTTP\/\d\.\d(?: |$)/.test(firstLine) && !(firstLineEnd < 0 && /^H(?:T(?:T(?:P(?:\/\d?)?)?)?)?$/.test(firstLine))) return 'invalid';
  }
  if (headerEnd < 0) return ended ? 'invalid' : undefined;
  const lines = raw.subarray(0, headerEnd).toString('latin1').split(/\r?\n/);
  const statusLine = lines[0]!;
  const status = /^(HTTP\/\d\.\d) (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!status) return 'invalid';
  const code = Number(status[2]);
  const headers: { name: string; value: string }[] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return 'invalid';
    headers.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  // interim responses (100 Continue…) come before the real one
  if (code >= 100 && code < 200) {
    const rest = raw.subarray(headerEnd + separator);
    return rest.length === 0 ? (ended ? 'invalid' : undefined) : parseResponse(rest, head, maxBytes, ended);
  }
  const bodyStart = headerEnd + separator;
  const available = raw.subarray(bodyStart);
  const header = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  const base = { statusLine, version: status[1]!, status: code, reason: status[3] ?? '', headers };
  if (head || code === 204 || code === 304) return { ...base, body: Buffer.alloc(0), truncated: false };
  const transfer = header('transfer-encoding');
  if (transfer && /chunked/i.test(transfer)) {
    const decoded = dechunk(available);
    if (decoded.done) return { ...base, body: decoded.body, truncated: false };
    return ended ? { ...base, body: decoded.body, truncated: true } : undefined;
  }
  const length = header('content-length');
  if (length !== undefined && /^\d+$/.test(length)) {
    const wanted = Number(length);
    if (available.length >= wanted) return { ...base, body: available.subarray(0, wanted), truncated: false };
    return ended ? { ...base, body: available, truncated: raw.length >= maxBytes } : undefined;
  }
  return ended ? { ...base, body: available, truncated: raw.length >= maxBytes } : undefined;
}

function dechunk(data: Buffer): { body: Buffer; done: boolean } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return { body: Buffer.concat(parts), done: false };
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size)) return { body: Buffer.concat(parts), done: false };
    if (size === 0) return { body: Buffer.concat(parts), done: true };
    const start = lineEnd + 2;
    if (data.length < start + size) {
      parts.push(data.subarray(start));
      return { body: Buffer.concat(parts), done: false };
    }
    parts.push(data.subarray(start, start + size));
    at = start + size + 2;
  }
}
