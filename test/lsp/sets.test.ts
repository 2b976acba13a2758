/** The language server's view of configuration sets (src/lsp/sets.ts): which set an open file belongs to, and linting it with the open documents' text. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintInSet, setForPath } from '../../src/lsp/sets.js';
import { loadConfigFile } from '../../src/settings/config.js';
import { RULES } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-lsp-sets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (path: string, text: string) => {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
};

const DEFAULTS = 'defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n';
const FRONTEND = 'frontend www\n    bind 127.0.0.1:8080\n    default_backend app\n';
const BACKEND = 'backend app\n    server app1 127.0.0.1:9000\n';

describe('language server and configuration sets', () => {
  it('a file of a conf.d is linted with its siblings, the open documents\' unsaved text first', () => {
    put('conf.d/00-defaults.cfg', DEFAULTS);
    const fe = put('conf.d/10-fe.cfg', FRONTEND);
    const be = put('conf.d/20-be.cfg', BACKEND);
    const set = setForPath(fe, undefined)!;
    expect(set.files).toEqual([join(dir, 'conf.d/00-defaults.cfg'), fe, be]);
    expect(lintInSet(fe, FRONTEND, set, {}, () => undefined).findings).toEqual([]);
    // the backend renamed in an open, unsaved editor: the frontend's reference breaks
    const renamed = lintInSet(fe, FRONTEND, set, {}, (path) => (path === be ? BACKEND.replace('app', 'api') : undefined));
    expect(renamed.findings.map((f) => [f.line, f.ruleId])).toEqual([[3, 'undefined-reference']]);
  });

  it('a configured set wins; a file in no set is linted alone', () => {
    put('site/haproxy.cfg', DEFAULTS);
    const fe = put('site/frontends/www.cfg', FRONTEND);
    put('site/backends/app.cfg', BACKEND);
    const config = loadConfigFile(put('site/.haproxy-lint.json', JSON.stringify({ configurations: [{ load: ['haproxy.cfg', 'frontends/', 'backends/'] }] })), RULES);
    const set = setForPath(fe, config)!;
    expect(set.files.map((f) => f.slice(dir.length + 1))).toEqual(['site/haproxy.cfg', 'site/frontends/www.cfg', 'site/backends/app.cfg']);
    expect(lintInSet(fe, FRONTEND, set, {}, () => undefined).findings).toEqual([]);
    expect(setForPath(put('alone/haproxy.cfg', FRONTEND), undefined)).toBeUndefined();
  });
});
