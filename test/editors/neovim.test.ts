/**
 * The shipped Neovim setup (editors/neovim/haproxy-lint.lua), run headless by Debian's neovim
 * (0.7.2 in Debian 12) against the built server: the filetype is set, the client attaches with
 * settings sent as an object (never `[]`), diagnostics arrive, and writing the file applies the
 * safe fixes and formats it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireProgram } from '../helpers/programs.js';
import { fix } from '../../src/index.js';
import { formatText } from '../../src/format/format.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const nvim = requireProgram('nvim');
/** one safe fix (`srvtimeout` was removed: `timeout server`) and badly indented lines */
const CONFIG = 'defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\nbackend app\n        srvtimeout 5s\n        server a 127.0.0.1:8000\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-nvim-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!nvim)('Neovim (headless)', () => {
  test('diagnostics arrive; writing applies the safe fixes and formats', () => {
    mkdirSync(join(dir, 'haproxy'));
    const config = join(dir, 'haproxy', 'site.cfg');
    writeFileSync(config, CONFIG);
    const resultPath = join(dir, 'result.json');
    const run = spawnSync(nvim!, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test/editors/neovim.lua')}`], {
      cwd: dir,
      env: { ...process.env, RESULT: resultPath, CONFIG: config, SERVER: join(ROOT, 'dist/lsp/main.js'), SETUP: join(ROOT, 'editors/neovim/haproxy-lint.lua'), HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const result = JSON.parse(readFileSync(resultPath, 'utf8')) as { error?: string; filetype: string; attached: boolean; settings: string; diagnostics: { code: string; source: string }[]; written: string; messages: string };
    expect(result.error, run.stderr).toBeUndefined();
    expect(result.filetype).toBe('haproxy');
    expect(result.attached).toBe(true);
    expect(result.settings).toBe('{}');
    expect(result.diagnostics.map((d) => d.code)).toContain('removed-keyword');
    expect(result.diagnostics.every((d) => d.source === 'haproxy-lint')).toBe(true);
    const expected = formatText(fix(CONFIG).output);
    expect(expected).toContain('    timeout server 5s\n');
    expect(result.written).toBe(expected);
    expect(result.messages).not.toMatch(/settings must be an object/);
  });
});
