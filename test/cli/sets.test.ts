/**
 * The command line over configuration sets: a directory of fragments, `--load`, the settings'
 * `configurations`, a file of a set named alone (as pre-commit does), a set mixed with a
 * standalone file, `--fix` per file, `--print-config`. Runs the CLI in process (`run()`).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

const root = mkdtempSync(join(tmpdir(), 'haproxy-lint-sets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let work: string;
let n = 0;
beforeEach(() => {
  work = join(root, `case-${n++}`);
  mkdirSync(work);
});

function put(path: string, text: string): string {
  const full = join(work, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: work,
    env: {},
    stdin: (async function* () {})(),
    stdout: { write: (t) => (stdout += String(t)), isTTY: false },
    stderr: { write: (t) => (stderr += String(t)), isTTY: false },
  });
  return { code, stdout, stderr };
}

const DEFAULTS = 'global\n    log stdout format raw local0\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n';
const FRONTEND = 'frontend www\n    bind 127.0.0.1:8080\n    use_backend api if { path_beg /api }\n    default_backend static\n';
const BACKENDS = 'backend api\n    server api1 127.0.0.1:9000\n\nbackend static\n    server static1 127.0.0.1:9001\n';

function splitLayout(dir = 'conf.d'): void {
  put(`${dir}/00-global.cfg`, DEFAULTS);
  put(`${dir}/10-fe.cfg`, FRONTEND);
  put(`${dir}/20-be.cfg`, BACKENDS);
}

describe('a directory of fragments is one configuration', () => {
  it('haproxy-lint conf.d/ lints conf.d/*.cfg as one set: exit 0 (was exit 2, "no HAProxy configuration files found")', async () => {
    splitLayout();
    const result = await cli(['conf.d/', '-f', 'unix']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('files of a conf.d named one by one (a shell glob, pre-commit) are linted with their directory', async () => {
    splitLayout();
    expect((await cli(['conf.d/00-global.cfg', 'conf.d/10-fe.cfg', 'conf.d/20-be.cfg'])).code).toBe(0);
    const one = await cli(['conf.d/10-fe.cfg', '-f', 'unix']);
    expect(one.stdout).toBe('');
    expect(one.code).toBe(0);
  });

  it('reports a real cross-file problem in the file it is in', async () => {
    splitLayout();
    put('conf.d/30-more.cfg', 'backend api\n    server api2 127.0.0.1:9002\n');
    const result = await cli(['conf.d/', '-f', 'unix']);
    expect(result.stdout).toMatch(/^conf\.d\/30-more\.cfg:1:9: error: backend 'api' has the same name as the backend declared at conf\.d\/20-be\.cfg:1.*\[duplicate-name\]\n$/);
    expect(result.code).toBe(1);
  });

  it('a directory holding haproxy*.cfg is searched as before, each configuration alone', async () => {
    put('haproxy/haproxy.cfg', DEFAULTS + '\n' + FRONTEND + '\n' + BACKENDS);
    put('haproxy/haproxy-staging.cfg', DEFAULTS + '\n' + FRONTEND + '\n' + BACKENDS);
    const result = await cli(['haproxy/', '-f', 'unix']);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('--load', () => {
  it('loads files and directories in order, as haproxy -f does', async () => {
    put('haproxy.cfg', DEFAULTS);
    put('sites/10-fe.cfg', FRONTEND);
    put('sites/20-be.cfg', BACKENDS);
    expect((await cli(['--load', 'haproxy.cfg', '--load', 'sites/'])).code).toBe(0);
    // each alone: false errors
    const alone = await cli(['sites/10-fe.cfg', '-f', 'unix']);
    expect(alone.stdout).toContain('undefined-reference');
    // named with --load: reported with the set, and only that file
    const named = await cli(['--load', 'haproxy.cfg', '--load', 'sites/', 'sites/10-fe.cfg', '-f', 'json']);
    const files = (JSON.parse(named.stdout) as { filePath: string; messages: unknown[] }[]);
    expect(files.map((f) => [f.filePath.endsWith('sites/10-fe.cfg'), f.messages.length])).toEqual([[true, 0]]);
    expect(named.code).toBe(0);
  });

  it('the order matters: defaults loaded last do not apply', async () => {
    put('haproxy.cfg', DEFAULTS);
    put('sites/10-fe.cfg', FRONTEND);
    put('sites/20-be.cfg', BACKENDS);
    const result = await cli(['--load', 'sites/', '--load', 'haproxy.cfg', '-f', 'unix']);
    expect(result.stdout.match(/missing-timeouts/g)).toHaveLength(3);
  });

  it('a path that does not exist is exit 2 with one line', async () => {
    const result = await cli(['--load', 'nope.cfg']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('haproxy-lint: --load nope.cfg: no such file or directory\n');
  });
});

describe('"configurations" in .haproxy-lint.json', () => {
  it('lints a file of a set with its whole set; a file in no set alone', async () => {
    put('.haproxy-lint.json', JSON.stringify({ configurations: [{ load: ['haproxy.cfg', 'sites/'], targetVersion: '2.6' }] }));
    put('haproxy.cfg', DEFAULTS);
    put('sites/10-fe.cfg', FRONTEND);
    put('sites/20-be.cfg', BACKENDS);
    put('standalone/haproxy-other.cfg', FRONTEND);
    const result = await cli(['sites/10-fe.cfg', 'standalone/haproxy-other.cfg', '-f', 'unix']);
    expect(result.stdout.split('\n').filter(Boolean).map((l) => l.replace(/:.*\[/, ' ['))).toEqual([
      'standalone/haproxy-other.cfg [missing-timeouts]',
      'standalone/haproxy-other.cfg [undefined-reference]',
      'standalone/haproxy-other.cfg [undefined-reference]',
    ]);
    // searching the directory finds the set's files, whatever their names
    const all = await cli(['.', '-f', 'json']);
    const paths = (JSON.parse(all.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(work.length + 1));
    expect(paths).toEqual(['haproxy.cfg', 'sites/10-fe.cfg', 'sites/20-be.cfg', 'standalone/haproxy-other.cfg']);
  });

  it('--print-config shows the set and its target version', async () => {
    put('.haproxy-lint.json', JSON.stringify({ targetVersion: '3.2', configurations: [{ load: ['haproxy.cfg', 'sites/'], targetVersion: '2.6' }] }));
    put('haproxy.cfg', DEFAULTS);
    put('sites/10-fe.cfg', FRONTEND);
    const printed = JSON.parse((await cli(['--print-config', 'sites/10-fe.cfg'])).stdout) as { targetVersion: string; configuration: { load: string[] } };
    expect(printed.targetVersion).toBe('2.6');
    expect(printed.configuration.load).toEqual(['haproxy.cfg', 'sites/10-fe.cfg']);
  });

  it('bad entries are exit 2 naming the key', async () => {
    put('.haproxy-lint.json', '{"configurations": [{"load": []}]}');
    put('haproxy.cfg', DEFAULTS);
    const result = await cli(['haproxy.cfg']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^haproxy-lint: \.haproxy-lint\.json:1:\d+: configurations\[0\]\.load: must be a non-empty array/);
  });
});

describe('--fix over a set', () => {
  it('writes each changed file, and only the files named', async () => {
    put('conf.d/00-global.cfg', DEFAULTS);
    const fe = put('conf.d/10-fe.cfg', FRONTEND.replace(/\n$/, ''));
    const be = put('conf.d/20-be.cfg', BACKENDS.replace(/\n$/, ''));
    const one = await cli(['conf.d/10-fe.cfg', '--fix', '-f', 'unix']);
    expect(one.code).toBe(0);
    expect(readFileSync(fe, 'utf8')).toBe(FRONTEND);
    expect(readFileSync(be, 'utf8')).toBe(BACKENDS.replace(/\n$/, ''));
    expect((await cli(['conf.d/', '--fix'])).code).toBe(0);
    expect(readFileSync(be, 'utf8')).toBe(BACKENDS);
  });
});
