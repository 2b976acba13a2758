/**
 * The installed `haproxy-lint` (bundle/haproxy-lint.mjs) runs the bundled CLI script with a V8 code
 * cache (src/util/code-cache.ts). The cache may only make it start sooner: the same output and exit
 * code with no cache, a fresh one, a kept one, a damaged one, or a directory it cannot write.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeCacheDirs } from '../../src/util/code-cache.js';
import { ROOT } from '../../scripts/bundle.mjs';

const BIN = join(ROOT, 'bundle/haproxy-lint.mjs');
const ARGS = ['--format', 'json', 'fixtures/seed/question.cfg', 'fixtures/seed/answer.cfg'];

const launch = (cacheDir: string, args = ARGS) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HAPROXY_LINT_CODE_CACHE: cacheDir } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const cacheFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.v8cache'));

describe('code cache of the installed command', () => {
  let work: string;
  let expected: ReturnType<typeof launch>;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'haproxy-lint-code-cache-'));
    expected = launch('off');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lints the same without a cache', () => {
    const dist = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...ARGS], { cwd: ROOT, encoding: 'utf8' });
    expect(expected.stderr).toBe('');
    expect(expected.status).toBe(1);
    expect(JSON.parse(expected.stdout)).toEqual(JSON.parse(dist.stdout));
  });

  it('writes the cache after a lint, then uses it as it is', () => {
    const dir = join(work, 'fresh');
    expect(launch(dir)).toEqual(expected);
    const [name] = cacheFiles(dir);
    expect(name).toMatch(/^haproxy-lint-cli\.cjs-[0-9a-f]{32}\.v8cache$/);
    const written = statSync(join(dir, name!), { bigint: true });
    expect(launch(dir)).toEqual(expected);
    // a cache V8 rejected would be written again (a new file renamed over it)
    const after = statSync(join(dir, name!), { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([written.ino, written.mtimeNs]);
    expect(cacheFiles(dir)).toEqual([name]);
  });

  it('writes no cache from a run that did not lint', () => {
    const dir = join(work, 'version');
    const r = launch(dir, ['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(() => readdirSync(dir)).toThrow();
  });

  it('replaces a damaged cache (V8 would crash on it) and a stale one', () => {
    const dir = join(work, 'damaged');
    launch(dir);
    const [name] = cacheFiles(dir);
    const path = join(dir, name!);
    const bytes = readFileSync(path);
    for (const at of [0, 40, Math.floor(bytes.length / 2), bytes.length - 8]) {
      const damaged = Buffer.from(bytes);
      damaged.fill(0xa5, at, at + 8);
      writeFileSync(path, damaged);
      expect(launch(dir)).toEqual(expected);
      expect(readFileSync(path).equals(damaged)).toBe(false);
    }
    writeFileSync(path, bytes.subarray(0, 1000));
    expect(launch(dir)).toEqual(expected);
    writeFileSync(join(dir, 'haproxy-lint-cli.cjs-00000000000000000000000000000000.v8cache'), 'from an older build');
    writeFileSync(path, '');
    expect(launch(dir)).toEqual(expected);
    expect(cacheFiles(dir)).toEqual([name]);
  });

  it('runs as well where it cannot write', () => {
    const file = join(work, 'a-file');
    writeFileSync(file, '');
    expect(launch(join(file, 'cache'))).toEqual(expected);
    const readOnly = join(work, 'read-only');
    mkdirSync(readOnly, { mode: 0o555 });
    expect(launch(readOnly)).toEqual(expected);
  });
});

/** One language server session through the launcher: initialize, shutdown, exit; what it answered and its exit code. */
function lspSession(cacheDir: string): Promise<{ initialized: boolean; code: number | null }> {
  const child = spawn(process.execPath, [join(ROOT, 'bundle/haproxy-lint-lsp.mjs'), '--stdio'], { cwd: ROOT, env: { ...process.env, HAPROXY_LINT_CODE_CACHE: cacheDir } });
  const send = (message: object) => {
    const text = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  };
  let output = '';
  let initialized = false;
  child.stdout.on('data', (data: Buffer) => {
    output += data.toString();
    if (!initialized && /"id":1,"result":\{"capabilities"/.test(output)) {
      initialized = true;
      send({ id: 2, method: 'shutdown' });
    }
    if (/"id":2,"result":null/.test(output)) send({ method: 'exit' });
  });
  send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const timer = setTimeout(() => child.kill(), 30_000);
  return new Promise((resolve) => child.on('exit', (code) => {
    clearTimeout(timer);
    resolve({ initialized, code });
  }));
}

describe('code cache of the installed language server', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'haproxy-lint-lsp-code-cache-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes none from --version, one from a session, then uses it', async () => {
    const version = spawnSync(process.execPath, [join(ROOT, 'bundle/haproxy-lint-lsp.mjs'), '--version'], { encoding: 'utf8', env: { ...process.env, HAPROXY_LINT_CODE_CACHE: work } });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(cacheFiles(work)).toEqual([]);
    expect(await lspSession(work)).toEqual({ initialized: true, code: 0 });
    const [name] = cacheFiles(work);
    expect(name).toMatch(/^haproxy-lint-lsp-server\.cjs-[0-9a-f]{32}\.v8cache$/);
    const written = statSync(join(work, name!), { bigint: true });
    expect(await lspSession(work)).toEqual({ initialized: true, code: 0 });
    const after = statSync(join(work, name!), { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([written.ino, written.mtimeNs]);
  });
});

describe('where the code cache lives', () => {
  const script = '/opt/haproxy-lint/bundle/haproxy-lint-cli.cjs';
  it('next to the script, else in the user cache directory', () => {
    expect(codeCacheDirs(script, { HOME: '/home/u' }, 'linux').map((d) => d.replaceAll('\\', '/'))[0]).toBe('/opt/haproxy-lint/bundle/.cache');
    expect(codeCacheDirs(script, { XDG_CACHE_HOME: '/xdg' }, 'linux').map((d) => d.replaceAll('\\', '/'))[1]).toBe('/xdg/haproxy-lint');
    expect(codeCacheDirs(script, { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toHaveLength(2);
  });
  it('HAPROXY_LINT_CODE_CACHE: one directory, or off', () => {
    expect(codeCacheDirs(script, { HAPROXY_LINT_CODE_CACHE: '/tmp/c' })).toEqual(['/tmp/c']);
    expect(codeCacheDirs(script, { HAPROXY_LINT_CODE_CACHE: 'off' })).toEqual([]);
    expect(codeCacheDirs(script, { HAPROXY_LINT_CODE_CACHE: '0' })).toEqual([]);
  });
});
