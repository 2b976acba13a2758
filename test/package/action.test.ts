/**
 * The GitHub Action as the runner starts it: `node <runs.main>` in the workspace, every input declared
 * in action.yml passed as INPUT_<NAME> (its default unless the workflow sets it), GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY pointing at files, and workflow commands read from stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { versionFromFile } from '../../src/action/inputs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ACTION = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const QUESTION = readFileSync(join(ROOT, 'fixtures/seed/question.cfg'), 'utf8');

/** action.yml's inputs and their defaults (the file is flat enough to read without a YAML library). */
function declaredInputs(): Record<string, string> {
  const block = /^inputs:\n([\s\S]*?)^\S/m.exec(ACTION)![1]!;
  const inputs: Record<string, string> = {};
  let name = '';
  for (const line of block.split('\n')) {
    const input = /^ {2}([\w-]+):\s*$/.exec(line);
    if (input) inputs[(name = input[1]!)] = '';
    const fallback = /^ {4}default:\s*(.*)$/.exec(line);
    if (fallback && name) inputs[name] = fallback[1]!.replace(/^'(.*)'$/, '$1');
  }
  return inputs;
}

let workspace: string | undefined;
afterEach(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  workspace = undefined;
});

function makeWorkspace(files: Record<string, string>): string {
  workspace = mkdtempSync(join(tmpdir(), 'haproxy-lint-action-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  return workspace;
}

function runAction(dir: string, inputs: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir };
  for (const [name, value] of Object.entries({ ...declaredInputs(), ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  env.GITHUB_OUTPUT = join(dir, '.github-output');
  env.GITHUB_STEP_SUMMARY = join(dir, '.github-summary');
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const main = /^ {2}main: (\S+)$/m.exec(ACTION)![1]!;
  const r = spawnSync(process.execPath, [join(ROOT, main)], { cwd: dir, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(env.GITHUB_OUTPUT, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8') };
}

describe('action.yml', () => {
  it('runs the committed bundle on node20 and declares the documented inputs and outputs', () => {
    expect(ACTION).toMatch(/^ {2}using: node20$/m);
    expect(ACTION).toMatch(/^ {2}main: bundle\/action\.mjs$/m);
    expect(Object.keys(declaredInputs())).toEqual(expect.arrayContaining(['paths', 'fix', 'format', 'sarif-file', 'fail-on', 'target-version', 'app', 'config', 'version-file']));
    for (const output of ['errors', 'warnings', 'fixed']) expect(ACTION).toMatch(new RegExp(`^ {2}${output}:$`, 'm'));
  });
});

describe("README's workflow", () => {
  it('checks out, grants what SARIF upload needs, pins this version and passes only declared inputs', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const workflow = /```yaml\n(# \.github\/workflows\/[\s\S]*?)```/.exec(readme)![1]!;
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(workflow).toContain('uses: actions/checkout@v4');
    expect(workflow).toMatch(/permissions:\n\s+contents: read.*\n\s+security-events: write/);
    expect(workflow).toContain(`uses: haproxy-lint/haproxy-lint@v${version}`);
    expect(workflow).toContain('uses: github/codeql-action/upload-sarif@v3');
    const step = /uses: haproxy-lint\/haproxy-lint@.*\n\s+with:\n((?:\s{10}.*\n)+)/.exec(workflow)![1]!;
    const used = [...step.matchAll(/^\s+([\w-]+):/gm)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(Object.keys(declaredInputs())).toContain(name);
    const sarif = /sarif-file: (\S+)/.exec(step)![1]!;
    expect(workflow).toContain(`sarif_file: ${sarif}`);
  });
});

describe('the action run as the runner runs it', () => {
  it('annotates, writes SARIF, sets outputs and the summary, and fails on warnings when asked', () => {
    const dir = makeWorkspace({ 'haproxy.cfg': QUESTION, 'setup.cfg': '[metadata]\nname = x\n' });
    const r = runAction(dir, { app: 'django', 'fail-on': 'warning' });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('::warning file=haproxy.cfg,line=26,col=52,endLine=26,endColumn=60,title=http11-check-without-host::');
    expect(r.stdout).toContain('::notice file=haproxy.cfg,line=27,');
    expect(r.stdout).toContain('::group::haproxy-lint report (stylish)');
    expect(r.stdout).toContain('::error title=haproxy-lint::0 error(s) and 3 warning(s) remain (fail-on: warning)');
    expect(r.stdout).not.toContain('setup.cfg');
    expect(r.outputs).toEqual({ errors: '0', warnings: '3', fixed: '0', files: '1', 'sarif-file': 'haproxy-lint.sarif' });
    const sarif = JSON.parse(readFileSync(join(dir, 'haproxy-lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['healthcheck-uri-redirect', 'http11-check-without-host', 'malformed-mime-type', 'rstatus-plain-number']);
    expect(r.summary).toContain('### haproxy-lint ❌ failed');
    expect(r.summary).toContain('| 1 | 0 | 3 | 0 |');
  });

  it('passes with fail-on error when only warnings remain; fix applies the safe fixes and counts them', () => {
    const edge = 'frontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000';
    const dir = makeWorkspace({ 'haproxy/edge.cfg': edge });
    const r = runAction(dir, { fix: 'true', 'sarif-file': '', summary: 'false' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'haproxy/edge.cfg'), 'utf8')).toBe(`${edge}\n`);
    expect(r.outputs.fixed).toBe('1');
    expect(r.outputs.errors).toBe('0');
    expect(Number(r.outputs.warnings)).toBeGreaterThan(0);
    expect(r.stdout).toContain('title=missing-timeouts::');
    expect(r.stdout).not.toContain('missing-final-newline');
    expect(r.summary).toBe('');
  });

  it('fails on errors by default; fail-on never only reports', () => {
    const files = { 'haproxy.cfg': 'frontend www\n    bind :80' };
    const failing = runAction(makeWorkspace(files), {});
    expect(failing.status).toBe(1);
    expect(failing.outputs.errors).toBe('1');
    expect(failing.stdout).toContain('::error file=haproxy.cfg,line=2,');
    rmSync(workspace!, { recursive: true, force: true });
    const never = runAction(makeWorkspace(files), { 'fail-on': 'never' });
    expect(never.status).toBe(0);
    expect(never.outputs.errors).toBe('1');
  });

  it('takes the HAProxy version from version-file, and reports bad inputs and paths as one error annotation', () => {
    const dir = makeWorkspace({ 'haproxy.cfg': 'frontend www\n    bind :80\n', '.haproxy-version': '9.9\n' });
    const badVersion = runAction(dir, { 'version-file': '.haproxy-version' });
    expect(badVersion.status).toBe(1);
    expect(badVersion.stdout).toMatch(/^::error title=haproxy-lint::.*target-version.*9\.9/m);
    expect(badVersion.stderr).toBe('');

    const badInput = runAction(dir, { 'fail-on': 'sometimes' });
    expect(badInput.status).toBe(1);
    expect(badInput.stdout).toBe("::error title=haproxy-lint::input 'fail-on': expected error, warning, never, not 'sometimes'\n");

    const missing = runAction(dir, { paths: 'haproxy.cfg nowhere.cfg' });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/^::error title=haproxy-lint::nowhere\.cfg.*$/m);
    expect(missing.stdout).toContain('::group::');
  });
});

describe('version-file', () => {
  it('reads the HAProxy version from the usual files', () => {
    const dir = makeWorkspace({ a: '2.8\n', b: 'nodejs 20.19.0\nhaproxy 3.0.5\n', c: 'FROM haproxy:2.6-alpine\n' });
    expect(versionFromFile('a', dir)).toBe('2.8');
    expect(versionFromFile('b', dir)).toBe('3.0');
    expect(versionFromFile('c', dir)).toBe('2.6');
    expect(() => versionFromFile('missing', dir)).toThrow(/cannot read missing: ENOENT/);
  });
});
