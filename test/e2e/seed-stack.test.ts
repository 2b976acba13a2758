/**
 * The story, end to end, on loopback: Django (CommonMiddleware, APPEND_SLASH) under uWSGI, HAProxy in
 * front with the user's health check. The broken config loads and its server goes DOWN with
 * "Layer7 wrong status, code: 301"; after `haproxy-lint --fix --app django` (the built CLI, spawned as a
 * user would run it) the server stays UP and Django receives `Accept: application/json`; the accepted
 * online answer (nameless servers) is rejected by `haproxy -c` and loads after the fix.
 *
 * Every process is started here, on 127.0.0.1 and free ports, and stopped by its own pid in afterAll.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/oracle/haproxy-check.js';
import { freePort, httpGet, requirePrograms, stopAllProcesses, waitFor, type ManagedProcess } from '../helpers/programs.js';
import { checkSummary, localizeConfig, serverStats, startHaproxy, startUwsgi, waitForHaproxy } from './stack.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** the built CLI; HAPROXY_LINT_CLI may point at another build of it (e.g. an installed package) */
const CLI = process.env.HAPROXY_LINT_CLI ?? join(ROOT, 'dist', 'cli', 'main.js');
const SEED = join(ROOT, 'fixtures', 'seed');
const BACKEND = 'django';

const programs = requirePrograms(['haproxy', 'uwsgi', 'uwsgi-python3', 'python3-django']);

interface RecordedRequest {
  path: string;
  accept: string | null;
  host: string | null;
  status: number;
}

describe.skipIf(!programs.ok)('the story: Django behind uWSGI behind HAProxy', () => {
  let dir = '';
  let uwsgiPort = 0;
  let uwsgi: ManagedProcess | undefined;
  const haproxyBin = (): string => programs.paths.haproxy as string;
  const requestLog = (): string => join(dir, 'requests.jsonl');
  const acceptLog = (): string => join(dir, 'accept.log');

  const readLines = (path: string): string[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);
  const requests = (): RecordedRequest[] => readLines(requestLog()).map((l) => JSON.parse(l) as RecordedRequest);

  /** a fresh working folder with the seed config localized to loopback */
  const prepare = async (seed: 'question.cfg' | 'answer.cfg', name: string) => {
    const work = join(dir, name);
    mkdirSync(work, { recursive: true });
    const frontendPort = await freePort();
    const statsSocket = join(work, 'admin.sock');
    const cfgPath = join(work, 'haproxy.cfg');
    // the first server address is the uWSGI app; any other gets a free port nothing listens on
    const serverPorts = [uwsgiPort, await freePort(), await freePort()];
    const text = localizeConfig(readFileSync(join(SEED, seed), 'utf8'), { serverPorts, frontendPort, statsSocket });
    writeFileSync(cfgPath, text);
    return { work, cfgPath, frontendPort, statsSocket, text };
  };

  /** `haproxy-lint --fix --app django haproxy.cfg`, run by the built CLI as a user would */
  const runLintFix = (work: string): { status: number | null; output: string } => {
    if (!existsSync(CLI)) throw new Error(`the CLI is not built: ${CLI} is missing (run \`npm run compile\`)`);
    const r = spawnSync(process.execPath, [CLI, '--fix', '--app', 'django', 'haproxy.cfg'], {
      cwd: work,
      encoding: 'utf8',
      timeout: 30_000,
    });
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.error) throw new Error(`haproxy-lint did not run: ${r.error.message}\n${output}`);
    return { status: r.status, output };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-e2e-'));
    uwsgiPort = await freePort();
    uwsgi = startUwsgi({
      uwsgi: programs.paths.uwsgi as string,
      port: uwsgiPort,
      requestLog: requestLog(),
      acceptLog: acceptLog(),
    });
    const app = uwsgi;
    await waitFor(
      async () => {
        if (app.hasExited()) throw new Error(`uwsgi exited:\n${app.output()}`);
        return (await httpGet(uwsgiPort, '/')).status === 200;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'Django under uWSGI to answer GET /' },
    );
  });

  afterAll(async () => {
    await stopAllProcesses();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a: the question config loads, yet its server goes DOWN with "Layer7 wrong status, code: 301"', async () => {
    const { cfgPath, statsSocket, text } = await prepare('question.cfg', 'a');
    expect((await checkConfigText(text)).verdict).toBe('accepted');

    const haproxy = startHaproxy(haproxyBin(), cfgPath);
    try {
      await waitForHaproxy(haproxy, statsSocket);
      const down = await waitFor(
        // on a loaded machine the first checks may time out (inter 500 ms) before Django answers: wait for the
        // verdict on an answered check rather than for the first DOWN
        async () => (await serverStats(statsSocket, BACKEND)).find((r) => r.svname === 'app1' && r.status === 'DOWN' && r.check_status === 'L7STS'),
        { timeoutMs: 30_000, intervalMs: 200, what: 'server django/app1 to go DOWN on a wrong status' },
      );
      expect(checkSummary(down)).toBe('Layer7 wrong status, code: 301');
      expect(down.check_status).toBe('L7STS');
      // HAProxy's own log line says the same
      // (HAProxy logs the check that took the server DOWN; on a loaded machine that may be an early timeout)
      await waitFor(() => /Layer7 wrong status, code: 301|is DOWN, reason: Layer7 timeout/.test(haproxy.output()), {
        timeoutMs: 5_000,
        what: 'the health-check failure in the HAProxy log',
      });
      // what reached Django: the slashless path (answered 301 by APPEND_SLASH) with the mangled Accept
      const checks = requests().filter((r) => r.path === '/health-check');
      expect(checks.length).toBeGreaterThan(0);
      for (const r of checks) {
        expect(r.status).toBe(301);
        expect(r.accept).toBe('application\\json'); // HAProxy keeps the unquoted `\j` literally
        expect(r.host).toBeNull(); // and sends no Host header: see django_app/storysite/settings.py
      }
    } finally {
      await haproxy.stop();
    }
  });

  it('b: after haproxy-lint --fix --app django the server stays UP and Django gets Accept: application/json', async () => {
    const { work, cfgPath, frontendPort, statsSocket, text } = await prepare('question.cfg', 'b');
    const lint = runLintFix(work);
    expect([0, 1], `haproxy-lint exit status\n${lint.output}`).toContain(lint.status);
    const fixed = readFileSync(cfgPath, 'utf8');
    expect(fixed, lint.output).not.toBe(text);
    expect(fixed).toMatch(/\buri\s+\/health-check\/(\s|$)/m);
    expect(fixed).toMatch(/\bhdr\s+Accept\s+"application\/json"/);
    const oracle = await checkConfigText(fixed);
    expect(oracle.verdict, JSON.stringify(oracle.alerts)).toBe('accepted');

    const acceptBefore = readLines(acceptLog()).length;
    const haproxy = startHaproxy(haproxyBin(), cfgPath);
    try {
      await waitForHaproxy(haproxy, statsSocket);
      // rise 3: wait until Django has answered at least three checks, then the server must be UP and healthy
      await waitFor(() => readLines(acceptLog()).length - acceptBefore >= 3, {
        timeoutMs: 15_000,
        intervalMs: 100,
        what: 'three health checks to reach /health-check/',
      });
      const [row] = (await serverStats(statsSocket, BACKEND)).filter((r) => r.svname === 'app1');
      expect(row, 'server app1 in show stat').toBeDefined();
      expect(row?.status).toBe('UP');
      expect(row?.check_status).toBe('L7OK');
      expect(row?.check_code).toBe('200');
      expect(row?.chkfail).toBe('0');

      const response = await httpGet(frontendPort, '/');
      expect(response.status).toBe(200);
      expect(response.body).toContain('hello from django');

      const accepts = readLines(acceptLog()).slice(acceptBefore);
      expect(new Set(accepts)).toEqual(new Set(['application/json']));
    } finally {
      await haproxy.stop();
    }
  });

  it('c: the answer config (nameless servers) is rejected by haproxy -c, and loads after haproxy-lint --fix', async () => {
    const { work, cfgPath, text } = await prepare('answer.cfg', 'c');
    const before = await checkConfigText(text);
    expect(before.verdict).toBe('rejected-syntax');
    expect(before.alerts.some((a) => a.message.includes("could not resolve address 'check'"))).toBe(true);

    const lint = runLintFix(work);
    expect([0, 1], `haproxy-lint exit status\n${lint.output}`).toContain(lint.status);
    const fixed = readFileSync(cfgPath, 'utf8');
    const after = await checkConfigText(fixed);
    expect(after.verdict, `${JSON.stringify(after.alerts)}\n${fixed}`).toBe('accepted');
    for (const line of fixed.split('\n').filter((l) => /^\s*server\s/.test(l))) {
      expect(line.trim().split(/\s+/)[1], line).not.toMatch(/^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/);
    }
  });
});
