/**
 * The health-check probe against small servers this test starts on 127.0.0.1 (free ports): the request
 * bytes are HAProxy's, the verdicts are in HAProxy's words, non-loopback servers are never contacted, and
 * (when haproxy is installed) the bytes equal what HAProxy 2.6 itself sends to the same raw listener.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkPlan, isLoopbackHost, isLoopbackIp, probeConfig, serializeRequest, type ProbeReport } from '../../src/probe/index.js';
import { exchange } from '../../src/probe/net.js';
import { parseConfig } from '../../src/parser/parse.js';
import { freePort, requirePrograms, startProcess, stopAllProcesses, waitFor } from '../helpers/programs.js';
import { localizeConfig } from '../e2e/stack.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SEED = join(ROOT, 'fixtures', 'seed');
const question = readFileSync(join(SEED, 'question.cfg'), 'utf8');
const questionFixed = readFileSync(join(SEED, 'question.fixed.cfg'), 'utf8');

// ---------------------------------------------------------------------------------------------
// a raw HTTP/1.x listener that records every request's bytes and answers by path

interface RawServer {
  port: number;
  /** complete requests, as received */
  requests: string[];
  connections: number;
  close(): Promise<void>;
}

type Responder = (request: string, path: string) => string | undefined;

/** answers like Django's APPEND_SLASH: 301 for /health-check, 200 for /health-check/ */
const djangoLike: Responder = (_request, path) =>
  path === '/health-check'
    ? 'HTTP/1.1 301 Moved Permanently\r\nLocation: /health-check/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'
    : path === '/health-check/'
      ? 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\nConnection: close\r\n\r\n{"status":"ok"}'
      : 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

const servers: RawServer[] = [];

function rawServer(respond: Responder = djangoLike): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const recorded: RawServer = { port: 0, requests: [], connections: 0, close: async () => undefined };
  const server: Server = createServer((socket) => {
    recorded.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      const request = buffer.subarray(0, end + 4 + length).toString('latin1');
      buffer = Buffer.alloc(0);
      recorded.requests.push(request);
      const path = head.split(' ')[1] ?? '';
      const answer = respond(request, path);
      if (answer !== undefined) socket.end(answer);
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      recorded.port = typeof address === 'object' && address ? address.port : 0;
      recorded.close = () =>
        new Promise((r) => {
          for (const s of sockets) s.destroy();
          server.close(() => r());
        });
      servers.push(recorded);
      resolvePromise(recorded);
    });
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await stopAllProcesses();
});

const configWith = (backend: string, extraDefaults = '') => `global
    maxconn 100

defaults
    mode http
    timeout connect 1s
    timeout client 5s
    timeout server 5s
${extraDefaults}
frontend web
    bind 127.0.0.1:8080
    default_backend app

${backend}`;

const only = (report: ProbeReport) => {
  expect(report.servers).toHaveLength(1);
  return report.servers[0]!;
};

// ---------------------------------------------------------------------------------------------

describe('probe: the seed story', () => {
  it('question.cfg: the request HAProxy sends gets a 301, the server would go DOWN, and the findings say why', async () => {
    const app = await rawServer();
    const report = await probeConfig(question, { app: 'django', serverAddresses: { app1: `127.0.0.1:${app.port}` } });
    const server = only(report);
    expect(server.state).toBe('DOWN');
    expect(server.checkStatus).toBe('L7STS');
    expect(server.message).toBe('Layer7 wrong status, code: 301, info: "Moved Permanently"');
    expect(server.message).toContain('Layer7 wrong status, code: 301');
    expect(server.requestLine).toBe('GET /health-check HTTP/1.1');
    expect(server.response?.statusLine).toBe('HTTP/1.1 301 Moved Permanently');
    expect(server.failedExpectation).toEqual({ line: 27, text: 'http-check expect rstatus 200' });
    expect(server.findings.map((f) => f.ruleId)).toContain('healthcheck-uri-redirect');
    expect(server.findings.map((f) => f.ruleId)).toContain('malformed-mime-type');
    expect(report.exitCode).toBe(1);
    // exactly what HAProxy 2.6 writes: lowercased names, the backslash kept, Connection: close, nothing else
    expect(app.requests).toEqual(['GET /health-check HTTP/1.1\r\naccept: application\\json\r\nconnection: close\r\n\r\n']);
    expect(server.request).toBe(app.requests[0]);
  });

  it('question.fixed.cfg: the check reaches /health-check/ with Accept: application/json and passes', async () => {
    const app = await rawServer();
    const report = await probeConfig(questionFixed, { app: 'django', serverAddresses: { 'django/app1': `127.0.0.1:${app.port}` } });
    const server = only(report);
    expect(server.state).toBe('UP');
    expect(server.checkStatus).toBe('L7OK');
    expect(server.message).toBe('Layer7 check passed, code: 200');
    expect(server.response?.status).toBe(200);
    expect(server.findings).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(app.requests).toEqual(['GET /health-check/ HTTP/1.1\r\naccept: application/json\r\nconnection: close\r\n\r\n']);
  });

  it('without --server-address the story servers (192.168.0.11) are skipped, never contacted', async () => {
    const report = await probeConfig(question, { app: 'django' });
    const server = only(report);
    expect(server.state).toBe('skipped');
    expect(server.skipReason).toBe('not loopback; pass --allow-remote to probe it');
    expect(report.summary).toEqual({ probed: 0, up: 0, down: 0, nolb: 0, skipped: 1 });
    expect(report.exitCode).toBe(0);
  });
});

describe('probe: safety (loopback only)', () => {
  it('a TEST-NET address, a remote host name and an override to a remote address are skipped instantly', async () => {
    const text = configWith(`backend app
    option httpchk GET /health
    server a 192.0.2.1:80 check
    server b db.example.com:8000 check
    server c 127.0.0.1:1 check
    server d [2001:db8::1]:80 check
    server e 0.0.0.0:80 check
`);
    const report = await probeConfig(text, { serverAddresses: { c: '192.0.2.7:8080' }, timeoutMs: 5_000 });
    expect(report.servers.map((s) => [s.server, s.state, s.skipReason])).toEqual([
      ['a', 'skipped', 'not loopback; pass --allow-remote to probe it'],
      ['b', 'skipped', 'not loopback; pass --allow-remote to probe it'],
      ['c', 'skipped', 'not loopback; pass --allow-remote to probe it'],
      ['d', 'skipped', 'not loopback; pass --allow-remote to probe it'],
      ['e', 'skipped', 'not loopback; pass --allow-remote to probe it'],
    ]);
    // the request that would have been sent is not even built for a skipped server
    expect(report.servers.every((s) => s.request === undefined && s.durationMs === undefined)).toBe(true);
  });

  it('the socket layer refuses a non-loopback target by itself, before any connection', async () => {
    const result = await exchange({ target: { host: '192.0.2.1', port: 80 }, connectTimeoutMs: 5_000, readTimeoutMs: 5_000, allowRemote: false });
    expect(result).toEqual({ kind: 'connect-error', code: 'EREMOTE', message: '192.0.2.1 is not a loopback address' });
  });

  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) expect(isLoopbackIp(a), a).toBe(true);
    for (const a of ['128.0.0.1', '10.0.0.1', '192.0.2.1', '0.0.0.0', '::', '::2', 'fe80::1', '::ffff:10.0.0.1', 'localhost']) expect(isLoopbackIp(a), a).toBe(false);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('LocalHost')).toBe(true);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });

  it('localhost is probed (it resolves to loopback)', async () => {
    const app = await rawServer();
    const report = await probeConfig(configWith(`backend app
    option httpchk GET /health-check/
    server a localhost:${app.port} check
`));
    const server = only(report);
    // localhost may resolve to ::1 first, where nothing listens: either way it was loopback
    expect(server.state === 'UP' || server.message?.startsWith('Layer4 connection problem')).toBe(true);
  });
});

describe('probe: requests as HAProxy builds them', () => {
  const requestFor = (backend: string, extraDefaults = '') => {
    const file = parseConfig(configWith(backend, extraDefaults));
    const section = file.sections.find((s) => s.kind === 'backend')!;
    const plan = checkPlan(file, section);
    if (plan.kind !== 'http') throw new Error(`not an http check: ${plan.kind}`);
    return serializeRequest(plan.request);
  };

  it('option httpchk alone: OPTIONS / HTTP/1.0, no Connection header (close is HTTP/1.0\'s default)', () => {
    expect(requestFor('backend app\n    option httpchk\n    server s 127.0.0.1:1 check\n')).toBe('OPTIONS / HTTP/1.0\r\n\r\n');
    expect(requestFor('backend app\n    option httpchk /ping\n    server s 127.0.0.1:1 check\n')).toBe('OPTIONS /ping HTTP/1.0\r\n\r\n');
  });

  it('headers hidden after the version (the deprecated form) are sent, lowercased', () => {
    expect(requestFor('backend app\n    option httpchk HEAD /ping HTTP/1.1\\r\\nHost:\\ www.example.com\\r\\nX-A:\\ 1\n    server s 127.0.0.1:1 check\n'))
      .toBe('HEAD /ping HTTP/1.1\r\nhost: www.example.com\r\nx-a: 1\r\nconnection: close\r\n\r\n');
  });

  it('the first http-check send merges with the option line; a body gets Content-Length; log-format %% is %', () => {
    expect(requestFor('backend app\n    option httpchk POST /ping HTTP/1.1\n    http-check send hdr Host foo body "hello"\n    server s 127.0.0.1:1 check\n'))
      .toBe('POST /ping HTTP/1.1\r\nhost: foo\r\ncontent-length: 5\r\nconnection: close\r\n\r\nhello');
    expect(requestFor('backend app\n    option httpchk GET /a\n    http-check send uri /b hdr X-Pct "50%% off"\n    server s 127.0.0.1:1 check\n'))
      .toBe('GET /b HTTP/1.0\r\nx-pct: 50% off\r\n\r\n');
  });

  it('Connection headers: keep-alive and close are the mux\'s business, other tokens stay', () => {
    expect(requestFor('backend app\n    option httpchk\n    http-check send meth GET uri / ver HTTP/1.1 hdr Connection keep-alive\n    server s 127.0.0.1:1 check\n'))
      .toBe('GET / HTTP/1.1\r\n\r\n');
    expect(requestFor('backend app\n    option httpchk\n    http-check send meth GET uri / ver HTTP/1.0 hdr Connection keep-alive\n    server s 127.0.0.1:1 check\n'))
      .toBe('GET / HTTP/1.0\r\nconnection: keep-alive\r\n\r\n');
    expect(requestFor('backend app\n    option httpchk\n    http-check send meth GET uri / ver HTTP/1.1 hdr Connection "foo, close" hdr X-B 2\n    server s 127.0.0.1:1 check\n'))
      .toBe('GET / HTTP/1.1\r\nconnection: foo\r\nx-b: 2\r\nconnection: close\r\n\r\n');
  });

  it('a backend with its own check lines drops the defaults\' ruleset; one without inherits it', () => {
    const defaults = '    option httpchk\n    http-check send meth GET uri /from-defaults ver HTTP/1.1\n';
    expect(requestFor('backend app\n    http-check expect status 200\n    server s 127.0.0.1:1 check\n', defaults)).toBe('OPTIONS / HTTP/1.0\r\n\r\n');
    expect(requestFor('backend app\n    server s 127.0.0.1:1 check\n', defaults)).toBe('GET /from-defaults HTTP/1.1\r\nconnection: close\r\n\r\n');
  });
});

describe('probe: verdicts in HAProxy\'s words', () => {
  const probeOne = async (checkLines: string, respond: Responder, options: { timeoutMs?: number; serverOptions?: string } = {}) => {
    const app = await rawServer(respond);
    const text = configWith(`backend app\n${checkLines}    server s 127.0.0.1:${app.port} check${options.serverOptions ?? ''}\n`);
    return { server: only(await probeConfig(text, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {})), app };
  };
  const ok = (body = 'hello', headers = 'Content-Type: text/plain\r\n') => () => `HTTP/1.1 200 OK\r\n${headers}Content-Length: ${body.length}\r\n\r\n${body}`;

  it('the implicit status 200-399 accepts a redirect', async () => {
    const { server } = await probeOne('    option httpchk GET /health-check\n', djangoLike);
    expect([server.state, server.message]).toEqual(['UP', 'Layer7 check passed, code: 301']);
  });

  it('status lists and ranges, negation', async () => {
    expect((await probeOne('    option httpchk\n    http-check expect status 200,204\n', ok())).server.state).toBe('UP');
    const { server } = await probeOne('    option httpchk\n    http-check expect ! status 200-299\n', ok());
    expect([server.state, server.message]).toEqual(['DOWN', 'Layer7 wrong status, code: 200, info: "OK"']);
  });

  it('rstatus is an unanchored regex', async () => {
    expect((await probeOne('    option httpchk\n    http-check expect rstatus 0\n', ok())).server.state).toBe('UP');
    expect((await probeOne('    option httpchk\n    http-check expect rstatus ^3\n', ok())).server.message).toBe('Layer7 wrong status, code: 200, info: "OK"');
  });

  it('string and rstring on the body', async () => {
    expect((await probeOne('    option httpchk\n    http-check expect string hello\n', ok())).server.state).toBe('UP');
    expect((await probeOne('    option httpchk\n    http-check expect rstring hel+o\n', ok())).server.state).toBe('UP');
    expect((await probeOne('    option httpchk\n    http-check expect string world\n', ok())).server.message).toBe('Layer7 invalid response, info: "HTTP content check did not match"');
    expect((await probeOne('    option httpchk\n    http-check expect ! string hello\n', ok())).server.message).toBe('Layer7 invalid response, info: "HTTP check matched unwanted content"');
    expect((await probeOne('    option httpchk\n    http-check expect string hello\n', ok(''))).server.message).toBe('Layer7 invalid response, info: "HTTP content check could not find a response body"');
  });

  it('hdr name/value', async () => {
    expect((await probeOne('    option httpchk\n    http-check expect hdr name content-type value text/plain\n', ok())).server.state).toBe('UP');
    expect((await probeOne('    option httpchk\n    http-check expect hdr name content-type value -m beg text/\n', ok())).server.state).toBe('UP');
    const { server } = await probeOne('    option httpchk\n    http-check expect hdr name content-type value text/html\n', ok());
    expect([server.state, server.message]).toEqual(['DOWN', 'Layer7 wrong status, code: 200, info: "OK"']);
  });

  it('every expect must hold, in order; the first failing one is reported', async () => {
    const { server } = await probeOne('    option httpchk\n    http-check expect status 200\n    http-check expect string nope\n', ok());
    expect(server.message).toBe('Layer7 invalid response, info: "HTTP content check did not match"');
    expect(server.failedExpectation?.text).toBe('http-check expect string nope');
  });

  it('chunked bodies are decoded', async () => {
    const { server } = await probeOne('    option httpchk\n    http-check expect string world\n', () => 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n');
    expect(server.state).toBe('UP');
  });

  it('no answer within the timeout: Layer7 timeout; garbage or a closed connection: Layer7 invalid response', async () => {
    expect((await probeOne('    option httpchk\n', () => undefined, { timeoutMs: 200 })).server.message).toBe('Layer7 timeout');
    expect((await probeOne('    option httpchk\n', () => 'garbage\r\n\r\n')).server.message).toBe('Layer7 invalid response');
    expect((await probeOne('    option httpchk\n', () => '')).server.message).toBe('Layer7 invalid response');
  });

  it('the configured inter bounds the check', async () => {
    const { server } = await probeOne('    option httpchk\n', () => undefined, { serverOptions: ' inter 300' });
    expect(server.message).toBe('Layer7 timeout');
    expect(server.timeouts).toEqual({ connectMs: 300, readMs: 300 });
  });

  it('nothing listening: Layer4 connection problem, info: "Connection refused"', async () => {
    const port = await freePort();
    const report = await probeConfig(configWith(`backend app\n    option httpchk\n    server s 127.0.0.1:${port} check\n`));
    expect(only(report).message).toBe('Layer4 connection problem, info: "Connection refused"');
    expect(report.exitCode).toBe(1);
  });

  it('without option httpchk the check is a plain connect', async () => {
    const app = await rawServer();
    const server = only(await probeConfig(configWith(`backend app\n    server s 127.0.0.1:${app.port} check\n`)));
    expect([server.check, server.state, server.message]).toEqual(['tcp', 'UP', 'Layer4 check passed']);
    expect(app.requests).toEqual([]);
  });

  it('disable-on-404: a 404 puts the server in NOLB', async () => {
    const { server } = await probeOne('    option httpchk GET /gone\n    http-check disable-on-404\n', djangoLike);
    expect([server.state, server.message]).toEqual(['NOLB', 'Layer7 check conditionally passed, code: 404, info: "Not Found"']);
  });

  it('servers without check, TLS checks, other check types and templates are skipped with a reason', async () => {
    const report = await probeConfig(configWith(`backend app
    option httpchk
    server a 127.0.0.1:1
    server b 127.0.0.1:2 check ssl verify none
    server c 127.0.0.1:3 check check-ssl
    server d 127.0.0.1:4 check disabled
    server-template web 3 127.0.0.1:5 check

backend db
    option mysql-check user haproxy
    server m 127.0.0.1:6 check
`));
    expect(report.servers.map((s) => [s.backend, s.server, s.skipReason])).toEqual([
      ['app', 'a', 'no health check: the server line has no `check`'],
      ['app', 'b', 'TLS check (`ssl`/`check-ssl`): the probe speaks plain HTTP only'],
      ['app', 'c', 'TLS check (`ssl`/`check-ssl`): the probe speaks plain HTTP only'],
      ['app', 'd', 'the server is `disabled`'],
      ['app', 'web', '`server-template`: the servers it creates are not probed'],
      ['db', 'm', '`option mysql-check` (line 23): the probe only reproduces HTTP and plain connect checks'],
    ]);
  });

  it('the `port` option and default-server settings are honoured', async () => {
    const app = await rawServer();
    const report = await probeConfig(configWith(`backend app
    option httpchk GET /health-check/
    default-server check inter 400
    server s 127.0.0.1:1 port ${app.port}
`));
    const server = only(report);
    expect([server.state, server.target, server.timeouts]).toEqual(['UP', `127.0.0.1:${app.port}`, { connectMs: 400, readMs: 400 }]);
  });

  it('errors about the request itself', async () => {
    await expect(probeConfig(question, { backend: 'nope' })).rejects.toThrow("no backend or listen section named 'nope' (there are: django)");
    await expect(probeConfig(question, { serverAddresses: { app9: '127.0.0.1:1' } })).rejects.toThrow("no server named 'app9'");
    await expect(probeConfig(question, { serverAddresses: { app1: '127.0.0.1' } })).rejects.toThrow('expected host:port');
    await expect(probeConfig('global\n    .notice "unterminated\n')).rejects.toThrow('HAProxy would refuse this configuration');
  });
});

// ---------------------------------------------------------------------------------------------

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** the built CLI, spawned asynchronously (the test's servers run in this process) and bounded in time */
function runCli(args: string[], timeoutMs = 20_000): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`haproxy-lint ${args.join(' ')} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

describe('probe: the CLI', () => {
  it('exit 1 and HAProxy\'s verdict for the question, exit 0 for the fixed config', async () => {
    const app = await rawServer();
    const down = await runCli(['probe', '--app', 'django', 'fixtures/seed/question.cfg', '--server-address', `app1=127.0.0.1:${app.port}`]);
    expect(down.code, down.stderr).toBe(1);
    expect(down.stdout).toContain('> GET /health-check HTTP/1.1');
    expect(down.stdout).toContain('> accept: application\\json');
    expect(down.stdout).toContain('< HTTP/1.1 301 Moved Permanently');
    expect(down.stdout).toContain('DOWN: Layer7 wrong status, code: 301');
    expect(down.stdout).toContain('[healthcheck-uri-redirect]');
    const up = await runCli(['probe', '--app', 'django', 'fixtures/seed/question.fixed.cfg', '--server-address', `django/app1=127.0.0.1:${app.port}`]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain('UP: Layer7 check passed, code: 200');
    expect(up.stdout).toContain('1 server probed: 1 UP, 0 DOWN');
  });

  it('--format json', async () => {
    const app = await rawServer();
    const run = await runCli(['probe', '--format', 'json', '--app', 'django', 'fixtures/seed/question.cfg', '--server-address', `app1=127.0.0.1:${app.port}`]);
    expect(run.code, run.stderr).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.file).toBe('fixtures/seed/question.cfg');
    expect(json.exitCode).toBe(1);
    expect(json.servers[0]).toMatchObject({ backend: 'django', server: 'app1', state: 'DOWN', checkStatus: 'L7STS', code: 301, requestLine: 'GET /health-check HTTP/1.1' });
    expect(json.servers[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('healthcheck-uri-redirect');
  });

  it('skipped servers: exit 0 and the reason; usage and config errors: exit 2', async () => {
    const skipped = await runCli(['probe', 'fixtures/seed/question.cfg']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain('server app1 192.168.0.11:8000: skipped (not loopback; pass --allow-remote to probe it)');
    const unknown = await runCli(['probe', 'fixtures/seed/question.cfg', '--backend', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no backend or listen section named 'nope'");
    const badSpec = await runCli(['probe', 'fixtures/seed/question.cfg', '--server-address', 'app1']);
    expect(badSpec.code).toBe(2);
    expect((await runCli(['probe', 'fixtures/seed/no-such.cfg'])).code).toBe(2);
    expect((await runCli(['probe', '--format', 'sarif', 'fixtures/seed/question.cfg'])).code).toBe(2);
    expect((await runCli(['probe'])).code).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------

const programs = requirePrograms(['haproxy']);

describe.skipIf(!programs.ok)('probe: the same bytes as HAProxy 2.6', () => {
  let dir = '';
  afterAll(async () => {
    await stopAllProcesses();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** runs haproxy on the config until every listener has recorded a check request; returns its output */
  const haproxyRequests = async (text: string, listeners: RawServer[]) => {
    dir ||= mkdtempSync(join(tmpdir(), 'haproxy-lint-probe-'));
    const cfgPath = join(dir, `haproxy-${Date.now()}.cfg`);
    writeFileSync(cfgPath, text);
    const haproxy = startProcess([programs.paths.haproxy as string, '-db', '-f', cfgPath], { name: 'haproxy', cwd: dir });
    try {
      await waitFor(
        () => {
          if (haproxy.hasExited()) throw new Error(`haproxy exited:\n${haproxy.output()}`);
          return listeners.every((l) => l.requests.length > 0);
        },
        { timeoutMs: 10_000, intervalMs: 50, what: 'HAProxy\'s health checks to reach every listener' },
      );
      return haproxy;
    } catch (error) {
      await haproxy.stop();
      throw error;
    }
  };

  it('the seed backend: byte for byte, and the same verdict in HAProxy\'s log', async () => {
    const app = await rawServer();
    const text = localizeConfig(question, { serverPorts: [app.port], frontendPort: await freePort() });
    const haproxy = await haproxyRequests(text, [app]);
    try {
      const fromHaproxy = app.requests[0]!;
      const report = await probeConfig(text, { app: 'django' });
      const server = only(report);
      expect(server.request).toBe(fromHaproxy);
      expect(app.requests.at(-1)).toBe(fromHaproxy);
      // HAProxy's log says what the probe says (fall 2, inter 500: DOWN within about a second)
      await waitFor(() => haproxy.output().includes('is DOWN'), { timeoutMs: 10_000, what: 'HAProxy to mark django/app1 DOWN' });
      expect(haproxy.output()).toContain(`reason: ${server.message}`);
    } finally {
      await haproxy.stop();
    }
  });

  it('request variants: option forms, hidden headers, bodies, Connection handling, HTTP/1.0 and 1.1', async () => {
    const variants = [
      '    option httpchk',
      '    option httpchk /ping',
      '    option httpchk HEAD /ping HTTP/1.1\\r\\nHost:\\ www.example.com\\r\\nX-A:\\ 1',
      '    option httpchk POST /ping HTTP/1.1\n    http-check send hdr Host foo hdr Connection keep-alive body-lf "x"',
      '    option httpchk GET /a\n    http-check send uri /b?x=1 hdr X-Pct "50%% %%"',
      '    option httpchk\n    http-check send meth POST uri /a ver HTTP/1.0 hdr Connection keep-alive body abc',
      '    option httpchk GET /a HTTP/1.1\n    http-check send hdr Connection "foo, close" hdr X-B 2 hdr Accept "*/*"',
      '    option httpchk GET /a HTTP/1.1\n    http-check send hdr Connection foo',
      '    option httpchk HEAD /ping HTTP/1.0\\r\\nX-A:\\ 1\\r\\n\\r\\nbodytext',
      '    option httpchk\n    http-check send meth GET uri /health-check ver HTTP/1.1 hdr Accept application\\json hdr User-Agent "probe \\"x\\""',
    ];
    const listeners = await Promise.all(variants.map(() => rawServer(() => 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')));
    const backends = variants.map((v, i) => `backend b${i}\n${v}\n    server s 127.0.0.1:${listeners[i]!.port} check inter 1000\n`).join('\n');
    const text = `global\n    log stdout format raw local0\n\ndefaults\n    log global\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n\nfrontend web\n    bind 127.0.0.1:${await freePort()}\n    default_backend b0\n\n${backends}`;
    const haproxy = await haproxyRequests(text, listeners);
    await haproxy.stop();
    const report = await probeConfig(text, { allowUnsafeRequests: true });
    expect(report.servers).toHaveLength(variants.length);
    report.servers.forEach((server, i) => {
      expect(server.request, `backend b${i}:\n${variants[i]}`).toBe(listeners[i]!.requests[0]);
      expect(server.state, `backend b${i}`).toBe('UP');
    });
  });
});
