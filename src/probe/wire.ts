import type { CheckRequest, Header } from './request.js';

/**
 * The bytes HAProxy 2.6 writes on the wire for a check request, as its H1 mux serializes the ruleset's
 * HTX message (verified against a raw listener with haproxy 2.6.12):
 * - header names are lowercased (`Accept` → `accept`), values are sent as HAProxy's tokenizer decoded them;
 * - tcpcheck adds `Connection: close` when the request has no Connection header, and `Content-Length`
 *   after the headers when there is a body (also for HEAD);
 * - the mux takes `close` and `keep-alive` out of Connection headers (a header left empty is dropped)
 *   and writes the connection mode last: `connection: close` for HTTP/1.1, `connection: keep-alive` for
 *   HTTP/1.0 (the defaults of each version are not written).
 */
export function serializeRequest(request: CheckRequest, extraHeaders: Header[] = []): string {
  const headers = [...request.headers, ...extraHeaders];
  const http10 = /^HTTP\/1\.0$/i.test(request.version);
  let close = false;
  let keepAlive = false;
  const out: string[] = [`${request.method} ${request.uri} ${request.version}`];
  const hasConnection = headers.some((h) => h.name.toLowerCase() === 'connection');
  if (!hasConnection) close = true;
  for (const header of headers) {
    const name = header.name.toLowerCase();
    if (name === 'connection') {
      const kept: string[] = [];
      for (const token of header.value.split(',').map((t) => t.trim()).filter((t) => t !== '')) {
        const lower = token.toLowerCase();
        if (lower === 'close') close = true;
        else if (lower === 'keep-alive') keepAlive = true;
        else kept.push(token);
      }
      if (kept.length > 0) out.push(`connection: ${kept.join(', ')}`);
      continue;
    }
    out.push(`${name}: ${header.value}`);
  }
  const body = request.body;
  if (body !== undefined && body !== '') out.push(`content-length: ${Buffer.byteLength(body, 'utf8')}`);
  if (close && !http10) out.push('connection: close');
  else if (keepAlive && !close && http10) out.push('connection: keep-alive');
  return `${out.join('\r\n')}\r\n\r\n${body ?? ''}`;
}
