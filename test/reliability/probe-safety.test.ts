/**
 * The probe cannot be turned against local services by a configuration from someone else (#17): unix
 * sockets only with --allow-unix, methods other than GET/HEAD/OPTIONS and bodies only with
 * --allow-unsafe-requests. Listeners record every byte that reaches them: nothing, unless the flag is given.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeConfig } from '../../src/probe/index.js';
import { runInProcess } from './cli.js';

interface Recorder {
  received: string[];
  connections: number;
  server: Server;
}

function recorder(listen: (server: Server, ready: () => void) => void): Promise<Recorder> {
  const recorded: Recorder = { received: [], connections: 0, server: undefined as unknown as Server };
  recorded.server = createServer((socket) => {
    recorded.connections++;
    socket.on('error', () => undefined);
    socket.on('data', (data) => {
      recorded.received.push(data.toString('latin1'));
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    });
  });
  return new Promise((resolve) => listen(recorded.server, () => resolve(recorded)));
}

let dir: string;
let unix: Recorder;
let tcp: Recorder;
let port: number;
const socketPath = () => join(dir, 'docker.sock');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hl-probe-safety-'));
  unix = await recorder((server, ready) => server.listen(socketPath(), ready));
  tcp = await recorder((server, ready) => server.listen(0, '127.0.0.1', ready));
  const address = tcp.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await Promise.all([unix, tcp].map((r) => new Promise((resolve) => r.server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

const config = (check: string, address: string) => `defaults
    mode http
    timeout connect 1s
    timeout client 5s
    timeout server 5s

backend app
    option httpchk
${check}
    server s ${address} check
`;

const POST_BODY = '    http-check send meth POST uri /v1.41/containers/create hdr Content-Type application/json body "{\\"Image\\":\\"alpine\\"}"';

describe('probe: refusals by default, per server, saying why', () => {
  it('a unix socket is not contacted without --allow-unix, even for a GET', async () => {
    const before = unix.connections;
    const report = await probeConfig(config('    http-check send meth GET uri /_ping', `unix@${socketPath()}`));
    expect(report.servers[0]).toMatchObject({ state: 'skipped' });
    expect(report.servers[0]!.skipReason).toMatch(/unix socket.*--allow-unix/);
    expect(unix.connections).toBe(before);
  });

  it('a POST with a body to a unix socket reaches nothing without both flags', async () => {
    const before = unix.connections;
    for (const options of [{}, { allowUnix: true }, { allowUnsafeRequests: true }]) {
      const report = await probeConfig(config(POST_BODY, `unix@${socketPath()}`), options);
      expect(report.servers[0]!.state).toBe('skipped');
    }
    expect(unix.connections).toBe(before);
  });

  it('loopback TCP: a POST, a PUT, a body or a smuggled line break are refused; GET, HEAD, OPTIONS are sent', async () => {
    const before = tcp.connections;
    const unsafe = [
      ['    http-check send meth POST uri /v1/agent/service/register', /method is POST.*--allow-unsafe-requests/],
      ['    http-check send meth PUT uri /v1/kv/x', /method is PUT/],
      ['    http-check send meth DELETE uri /x', /method is DELETE/],
      ['    http-check send meth GET uri / body "x=1"', /has a body/],
      ['    http-check send meth GET uri "/ HTTP/1.1\\r\\nHost: x\\r\\n\\r\\nPOST /containers/create"', /line break/],
      ['    http-check send meth GET uri / hdr X-A "1\\r\\n\\r\\nPOST / HTTP/1.1"', /line break/],
    ] as const;
    for (const [check, reason] of unsafe) {
      const report = await probeConfig(config(check, `127.0.0.1:${port}`));
      expect(report.servers[0]!.state, check).toBe('skipped');
      expect(report.servers[0]!.skipReason, check).toMatch(reason);
    }
    expect(tcp.connections).toBe(before);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      const report = await probeConfig(config(`    http-check send meth ${method} uri /health`, `127.0.0.1:${port}`));
      expect(report.servers[0]!.state, method).toBe('UP');
    }
    expect(tcp.connections).toBe(before + 3);
  });

  it('with the flags, the request is delivered byte for byte (the user vouches for the configuration)', async () => {
    const beforeUnix = unix.received.length;
    const report = await probeConfig(config(POST_BODY, `unix@${socketPath()}`), { allowUnix: true, allowUnsafeRequests: true });
    expect(report.servers[0]!.state).toBe('UP');
    expect(unix.received.slice(beforeUnix).join('')).toMatch(/^POST \/v1\.41\/containers\/create HTTP\/1\.0\r\n[^]*\r\n\r\n\{"Image":"alpine"\}$/);
  });

  it('the command line: refused without the flags (exit 0, nothing probed), sent with --allow-unix --allow-unsafe-requests', async () => {
    const file = join(dir, 'haproxy.cfg');
    writeFileSync(file, config(POST_BODY, `unix@${socketPath()}`));
    const before = unix.connections;
    const refused = await runInProcess(['probe', 'haproxy.cfg'], dir);
    expect(refused.stdout).toContain('skipped (a unix socket');
    expect(unix.connections).toBe(before);
    const unixOnly = await runInProcess(['probe', '--allow-unix', 'haproxy.cfg'], dir);
    expect(unixOnly.stdout).toMatch(/skipped \(the check's method is POST.*--allow-unsafe-requests/);
    expect(unix.connections).toBe(before);
    const allowed = await runInProcess(['probe', '--allow-unix', '--allow-unsafe-requests', 'haproxy.cfg'], dir);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain('UP: Layer7 check passed');
    expect(unix.connections).toBe(before + 1);
  });
});
