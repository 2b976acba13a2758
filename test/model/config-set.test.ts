/**
 * Configuration sets: the files HAProxy loads together (`haproxy -f a -f b …`) are linted as one
 * configuration. Every verdict below is also checked with `haproxy -c -f … -f …` when HAProxy is
 * installed (required with CI=true).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSet, lint, lintSet, fixSet, type Finding } from '../../src/index.js';
import { requireProgram } from '../helpers/programs.js';

const haproxy = requireProgram('haproxy');
const work = mkdtempSync(join(tmpdir(), 'haproxy-lint-set-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Files = [name: string, text: string][];

/** `haproxy -c -f f1 -f f2 …` on the files written to a fresh directory: its exit code and output. */
function haproxyCheck(files: Files): { valid: boolean; output: string } | undefined {
  if (!haproxy) return undefined;
  const dir = mkdtempSync(join(work, 'case-'));
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  const run = spawnSync(haproxy, ['-c', ...files.flatMap(([name]) => ['-f', name])], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const lintFiles = (files: Files, targetVersion: '2.6' | '3.2' = '2.6') =>
  lintSet(configSet(files.map(([path, text]) => ({ path, text }))), { targetVersion });
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const show = (findings: Finding[]) => findings.map((f) => `${f.file ?? ''}:${f.line} ${f.ruleId} ${f.message.slice(0, 60)}`);

const GLOBAL = `global
    log stdout format raw local0

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;
const FRONTEND = `frontend www
    bind 127.0.0.1:8080
    use_backend api if { path_beg /api }
    default_backend static
`;
const BACKENDS = `backend api
    server api1 127.0.0.1:9000

backend static
    server static1 127.0.0.1:9001
`;
const SPLIT: Files = [['00-global.cfg', GLOBAL], ['10-fe.cfg', FRONTEND], ['20-be.cfg', BACKENDS]];

describe('a split conf.d layout is one configuration', () => {
  it('gets no finding as a set, where each file alone gets false errors and warnings', () => {
    const alone = SPLIT.flatMap(([, text]) => lint(text, { targetVersion: '2.6' }).findings);
    // the false findings of linting file by file (what the issue reports): 2 undefined-reference, 3 missing-timeouts
    expect(alone.filter((f) => f.ruleId === 'undefined-reference')).toHaveLength(2);
    expect(alone.filter((f) => f.ruleId === 'missing-timeouts')).toHaveLength(3);
    const result = lintFiles(SPLIT);
    expect(show(result.findings)).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(['00-global.cfg', '10-fe.cfg', '20-be.cfg']);
  });

  it.skipIf(!haproxy)('haproxy -c says valid', () => {
    expect(haproxyCheck(SPLIT)!.valid).toBe(true);
  });

  const NAMED: Files = [
    ['00-global.cfg', `global\n    log stdout format raw local0\n\ndefaults web\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\ndefaults plain\n    mode tcp\n`],
    ['10-fe.cfg', `frontend www from web\n    bind 127.0.0.1:8080\n    use_backend api if { path_beg /api }\n    default_backend static\n`],
    ['20-be.cfg', `backend api from web\n    server api1 127.0.0.1:9000\n\nbackend static from web\n    server static1 127.0.0.1:9001\n`],
  ];

  it('resolves named defaults and `from` across files (no finding; the last defaults, tcp, would give mode-mismatch/timeouts)', () => {
    // only the true finding: `plain` is inherited by nothing (it is there to be the last defaults)
    expect(lintFiles(NAMED).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['00-global.cfg:10 unused-section']);
    // without `from`, the last defaults (plain: tcp, no timeouts) applies: findings, proving `from` was followed
    const withoutFrom = NAMED.map(([name, text]) => [name, text.replace(/ from web/g, '')] as [string, string]);
    expect(lintFiles(withoutFrom).findings.some((f) => f.ruleId === 'missing-timeouts')).toBe(true);
  });

  it.skipIf(!haproxy)('haproxy -c says valid (named defaults)', () => {
    expect(haproxyCheck(NAMED)!.valid).toBe(true);
  });
});

describe('load order matters', () => {
  const LATE_DEFAULTS: Files = [['10-fe.cfg', FRONTEND + '\n' + BACKENDS], ['90-defaults.cfg', GLOBAL]];

  it('a defaults section in a later file does not apply to the proxies before it', () => {
    const result = lintFiles(LATE_DEFAULTS);
    const timeouts = result.findings.filter((f) => f.ruleId === 'missing-timeouts');
    expect(timeouts.map((f) => f.file)).toEqual(['10-fe.cfg', '10-fe.cfg', '10-fe.cfg']);
    // the other order is clean
    expect(show(lintFiles([LATE_DEFAULTS[1]!, LATE_DEFAULTS[0]!]).findings)).toEqual([]);
  });

  it.skipIf(!haproxy)('haproxy -c warns about the same missing timeouts', () => {
    const check = haproxyCheck(LATE_DEFAULTS)!;
    expect(check.valid).toBe(true);
    expect(check.output).toContain("missing timeouts for frontend 'www'");
    expect(check.output).toContain("missing timeouts for backend 'api'");
    expect(haproxyCheck([LATE_DEFAULTS[1]!, LATE_DEFAULTS[0]!])!.output).not.toContain('missing timeouts');
  });

  const TWICE: Files = [['00-global.cfg', GLOBAL], ['10-fe.cfg', FRONTEND + '\n' + BACKENDS], ['20-be.cfg', BACKENDS]];

  it('the same backend in two files is a duplicate-name error in the later file', () => {
    const result = lintFiles(TWICE);
    const duplicates = errors(result.findings);
    expect(duplicates.map((f) => [f.file, f.line, f.ruleId])).toEqual([['20-be.cfg', 1, 'duplicate-name'], ['20-be.cfg', 4, 'duplicate-name']]);
    expect(duplicates[0]!.message).toContain('declared at 10-fe.cfg:6');
  });

  it.skipIf(!haproxy)('haproxy -c refuses it, naming the same places', () => {
    const check = haproxyCheck(TWICE)!;
    expect(check.valid).toBe(false);
    expect(check.output).toContain("backend 'api' has the same name as backend 'api' declared at 10-fe.cfg:6");
  });
});

describe('fixes over a set', () => {
  it('edits the file each fix belongs to, and only the files allowed', () => {
    const files: Files = [['00-global.cfg', GLOBAL], ['10-fe.cfg', FRONTEND.replace(/\n$/, '')], ['20-be.cfg', BACKENDS.replace(/\n$/, '')]];
    const set = configSet(files.map(([path, text]) => ({ path, text })));
    const all = fixSet(set, { targetVersion: '2.6' });
    expect(all.files.map((f) => f.changed)).toEqual([false, true, true]);
    expect(all.files[1]!.output).toBe(FRONTEND);
    expect(all.result.findings).toEqual([]);
    const one = fixSet(set, { targetVersion: '2.6' }, undefined, (entry) => entry.path === '20-be.cfg');
    expect(one.files.map((f) => f.changed)).toEqual([false, false, true]);
  });
});

/** The split layouts of exymat's suite (cases.tsv names each file's origin). */
const EXYMAT = '../shared/peers/exymat';
const exymat = (id: string) => readFileSync(join(EXYMAT, `fixture-${id}.cfg`), 'utf8');

describe.skipIf(!existsSync(EXYMAT))('exymat split layouts get no false error', () => {
  if (!existsSync(EXYMAT)) console.warn(`notice: ${EXYMAT} is absent; the exymat layouts are not checked`);
  // haproxy-tests/haproxy.d: haproxy -c -f global.cfg -f default.cfg -f frontends/FE_WWW.cfg -f backends/BE_WWW.cfg
  const haproxyD = (): Files => [['global.cfg', exymat('df519836ee')], ['default.cfg', exymat('84f1eda3bb')], ['FE_WWW.cfg', exymat('e2661afc88')], ['BE_WWW.cfg', exymat('21a617879b')]];
  // workspace-symbols/: shared/defaults, shared/dns, shared/cache, backends/api, backends/duplicate-a, frontends/web
  const workspace = (): Files => [
    ['defaults.cfg', exymat('5a69dc4f36')], ['dns.cfg', exymat('b73338e013')], ['cache.cfg', exymat('35a814b99f')],
    ['api.cfg', exymat('bc11d805ee')], ['duplicate-a.cfg', exymat('d8a8e80615')], ['web.cfg', exymat('e35c33c127')],
  ];

  it('haproxy.d: no error as a set (alone, FE_WWW.cfg gets a false undefined-reference)', () => {
    expect(errors(lint(exymat('e2661afc88'), { targetVersion: '2.6' }).findings).map((f) => f.ruleId)).toContain('undefined-reference');
    expect(show(errors(lintFiles(haproxyD()).findings))).toEqual([]);
  });

  it('workspace-symbols: no error as a set; with duplicate-b.cfg too, exactly the duplicate HAProxy refuses', () => {
    expect(show(errors(lintFiles(workspace()).findings))).toEqual([]);
    const both = [...workspace().slice(0, 5), ['duplicate-b.cfg', exymat('df848cbd91')], workspace()[5]!] as Files;
    expect(errors(lintFiles(both).findings).map((f) => [f.file, f.ruleId])).toEqual([['duplicate-b.cfg', 'duplicate-name']]);
  });

  it.skipIf(!haproxy)('haproxy -c agrees on all three', () => {
    expect(haproxyCheck(haproxyD())!.valid).toBe(true);
    expect(haproxyCheck(workspace())!.valid).toBe(true);
    const both = [...workspace().slice(0, 5), ['duplicate-b.cfg', exymat('df848cbd91')], workspace()[5]!] as Files;
    expect(haproxyCheck(both)!.valid).toBe(false);
  });
});

/** Multi-file layouts of the shared corpus: its files are whole configurations, except one split template layout. */
const TEMPLATED = '../shared/corpus/templated';

describe.skipIf(!existsSync(TEMPLATED))('corpus split layouts get no false error', () => {
  it('haproxy-openshift perf templates: defaults.tmpl then backends.tmpl', () => {
    const names = ['frobware__haproxy-openshift__perf_templates_haproxy_defaults.tmpl.cfg', 'frobware__haproxy-openshift__perf_templates_haproxy_backends.tmpl.cfg'];
    const files = names.map((name) => [name, readFileSync(join(TEMPLATED, name), 'utf8')] as [string, string]);
    expect(show(errors(lintFiles(files).findings))).toEqual([]);
  });
});
