/**
 * `haproxy-lint format`: writes formatted files, --check exits 1 when a file would change (and
 * writes nothing), --diff prints the change, `.haproxy-lint.json` `format` sets the indentation,
 * --stdin prints the formatted text. One run spawns the built command for the real exit status.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MESSY = 'global\n  maxconn 10\nbackend app\n\tserver a 127.0.0.1:80   \n\n\n';
const TIDY = 'global\n    maxconn 10\n\nbackend app\n    server a 127.0.0.1:80\n';

let work: string;

function put(path: string, content: string): string {
  const full = join(work, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

async function cli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: work,
    env: {},
    stdin: (async function* () {
      if (input) yield Buffer.from(input);
    })(),
    stdout: { write: (t) => (stdout += t.toString()), isTTY: false },
    stderr: { write: (t) => (stderr += t.toString()), isTTY: false },
  });
  return { code, stdout, stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'haproxy-lint-format-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('haproxy-lint format', () => {
  test('--check exits 1 and names the file, writing nothing; exits 0 once formatted', async () => {
    const path = put('check/haproxy.cfg', MESSY);
    const result = await cli(['format', '--check', 'check']);
    expect(result).toMatchObject({ code: 1, stdout: 'Would reformat: check/haproxy.cfg\n1 file would be reformatted\n' });
    expect(readFileSync(path, 'utf8')).toBe(MESSY);
    writeFileSync(path, TIDY);
    expect(await cli(['format', '--check', 'check'])).toMatchObject({ code: 0, stdout: '1 file already formatted\n' });
  });

  test('writes the formatted files and says how many', async () => {
    const a = put('write/haproxy.cfg', MESSY);
    const b = put('write/haproxy-b.cfg', TIDY);
    expect(await cli(['format', 'write'])).toMatchObject({ code: 0, stdout: '1 file reformatted, 1 file left unchanged\n' });
    expect(readFileSync(a, 'utf8')).toBe(TIDY);
    expect(readFileSync(b, 'utf8')).toBe(TIDY);
  });

  test('--diff prints a unified diff and exits 1, writing nothing', async () => {
    const path = put('diff/haproxy.cfg', MESSY);
    const result = await cli(['format', '--diff', 'diff/haproxy.cfg']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^--- a\/diff\/haproxy\.cfg\n\+\+\+ b\/diff\/haproxy\.cfg\n@@ [^\n]+\n global\n-  maxconn 10\n/);
    expect(result.stdout).toContain('\n+    maxconn 10\n');
    expect(result.stderr).toBe('1 file would be reformatted\n');
    expect(readFileSync(path, 'utf8')).toBe(MESSY);
  });

  test('the indentation comes from .haproxy-lint.json; a bad value is a one-line error naming the key', async () => {
    put('tabbed/.haproxy-lint.json', JSON.stringify({ format: { indent: 'tab', alignServers: true } }));
    const path = put('tabbed/haproxy.cfg', MESSY);
    expect((await cli(['format', 'tabbed'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(TIDY.replace(/^ {4}/gm, '\t'));
    put('bad/.haproxy-lint.json', JSON.stringify({ format: { indent: 3.5 } }));
    put('bad/haproxy.cfg', MESSY);
    const bad = await cli(['format', 'bad']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^haproxy-lint: bad\/\.haproxy-lint\.json:1:\d+: format\.indent: must be a number of spaces \(1 to 8\) or "tab"\n$/);
  });

  test('--stdin prints the formatted text; with --check only the exit code and a notice', async () => {
    expect(await cli(['format', '--stdin'], MESSY)).toMatchObject({ code: 0, stdout: TIDY });
    expect(await cli(['format', '--stdin', '--check'], MESSY)).toMatchObject({ code: 1, stdout: '', stderr: 'Would reformat: <stdin>\n' });
  });

  test('the built command exits 1 with --check on an unformatted file', () => {
    put('spawned/haproxy.cfg', MESSY);
    const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'format', '--check', 'spawned'], { cwd: work, encoding: 'utf8' });
    expect(result.stdout).toContain('Would reformat: spawned/haproxy.cfg');
    expect(result.status).toBe(1);
  });
});
