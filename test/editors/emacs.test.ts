/**
 * The shipped Emacs setup (editors/emacs/haproxy-lint.el) with eglot (Debian 12: Emacs 28.2 and
 * the elpa-eglot package), run by `emacs --batch` against the built server: the mode is set,
 * eglot connects, diagnostics reach flymake, and saving applies the safe fixes and formats.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireProgram } from '../helpers/programs.js';
import { fix } from '../../src/index.js';
import { formatText } from '../../src/format/format.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const emacs = requireProgram('emacs');
const CONFIG = 'defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\nbackend app\n        srvtimeout 5s\n        server a 127.0.0.1:8000\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-emacs-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!emacs)('Emacs eglot (batch)', () => {
  test('diagnostics reach flymake; saving applies the safe fixes and formats', () => {
    const config = join(dir, 'haproxy.cfg');
    writeFileSync(config, CONFIG);
    const resultPath = join(dir, 'result.json');
    const run = spawnSync(emacs!, ['--batch', '-l', join(ROOT, 'test/editors/emacs.el')], {
      cwd: dir,
      env: { ...process.env, RESULT: resultPath, CONFIG: config, SERVER: join(ROOT, 'dist/lsp/main.js'), SETUP: join(ROOT, 'editors/emacs/haproxy-lint.el'), HOME: dir },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(existsSync(resultPath), `${run.stdout}\n${run.stderr}`).toBe(true);
    const result = JSON.parse(readFileSync(resultPath, 'utf8')) as { error?: string; mode: string; server: boolean; diagnostics: string[]; written: string };
    expect(result.error, run.stderr).toBeUndefined();
    expect(result.mode).toBe('haproxy-mode');
    expect(result.server).toBe(true);
    expect(result.diagnostics.some((d) => /srvtimeout/.test(d))).toBe(true);
    expect(result.written).toBe(formatText(fix(CONFIG).output));
  });
});
