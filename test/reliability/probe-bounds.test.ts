/**
 * The probe is bounded in time (#16): a catastrophic regex from the configuration meets a hostile body and
 * is stopped at the check's timeout (counted as not matching, with a note); `--timeout` takes 1 ms – 1 h.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeConfig } from '../../src/probe/index.js';
import { BoundedRegex } from '../../src/probe/regex.js';
import { runInProcess } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-probe-bounds-'));
let server: Server;
let port = 0;
// `^(a+)+$` backtracks 2^n times on n a's followed by a b: this body would take longer than the universe
const EVIL_BODY = `${'a'.repeat(64)}b`;

beforeAll(async () => {
  server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.on('data', () => socket.end(`HTTP/1.1 200 OK\r\nContent-Length: ${EVIL_BODY.length}\r\nX-Evil: ${EVIL_BODY}\r\n\r\n${EVIL_BODY}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const config = (expect: string) => `defaults
    mode http
    timeout connect 1s
    timeout check 300ms
    timeout client 5s
    timeout server 5s

backend app
    option httpchk GET /
    http-check expect ${expect}
    server s 127.0.0.1:${port} check
`;

describe('regex matches are bounded by the check timeout', () => {
  it('rstring ^(a+)+$ on a hostile body: stopped, not matching, with a note', async () => {
    const report = await probeConfig(config('rstring ^(a+)+$'));
    const s = report.servers[0]!;
    expect(s.state).toBe('DOWN');
    expect(s.message).toBe('Layer7 invalid response, info: "HTTP content check did not match"');
    expect(s.notes.join('\n')).toMatch(/the regex "\^\(a\+\)\+\$" was stopped after 300 ms and counts as not matching/);
  }, 30_000);

  it('negated: ! rstring ^(a+)+$ passes (a regex stopped at its limit does not match)', async () => {
    const report = await probeConfig(config('! rstring ^(a+)+$'));
    expect(report.servers[0]!.state).toBe('UP');
  }, 30_000);

  it('hdr value -m reg: bounded the same way', async () => {
    const report = await probeConfig(config('hdr name x-evil value -m reg ^(a+)+$'));
    expect(report.servers[0]!.state).toBe('DOWN');
    expect(report.servers[0]!.notes.join('\n')).toMatch(/was stopped after 300 ms/);
  }, 30_000);

  it('ordinary regexes answer as before', async () => {
    const regex = new BoundedRegex(5_000);
    expect(regex.tester('^a+b$', EVIL_BODY)).toBe(false);
    expect(regex.pending).toBe(true);
    await regex.resolve();
    expect(regex.tester('^a+b$', EVIL_BODY)).toBe(true);
    expect(regex.tester('^a+b$', 'x')).toBe(false);
    await regex.resolve();
    expect(regex.tester('[', 'x')).toBe(false);
    await regex.resolve();
    await regex.close();
    expect(regex.timedOut).toEqual([]);
  });
});

describe('--timeout is validated', () => {
  it('30d, 0, 500us and nonsense are refused; 1ms and 1h are taken', async () => {
    writeFileSync(join(dir, 'haproxy.cfg'), config('status 200'));
    for (const value of ['30d', '2h', '0', '500us', 'soon']) {
      const result = await runInProcess(['probe', '--timeout', value, 'haproxy.cfg'], dir);
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toMatch(new RegExp(`^haproxy-lint: --timeout '${value}': (must be between 1ms and 1h|expected a duration)`));
    }
    for (const value of ['1ms', '1h']) {
      const result = await runInProcess(['probe', '--timeout', value, 'haproxy.cfg'], dir);
      expect(result.stderr, value).toBe('');
      expect([0, 1], value).toContain(result.code);
    }
    await expect(probeConfig(config('status 200'), { timeoutMs: 40 * 86_400_000 })).rejects.toThrow(/must be between 1 ms and 1 hour/);
  }, 30_000);
});
