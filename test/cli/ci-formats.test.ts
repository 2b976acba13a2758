/**
 * End-to-end tests of what CI jobs use: `--format codeclimate` (validated against a JSON Schema written
 * from GitLab's documentation of the Code Quality report), `--format junit` (validated with xmllint against
 * a JUnit XSD after the one Jenkins reads), baselines (write, filter, prune) and `--with-haproxy` against
 * the real haproxy installed here, plus stand-in binaries that behave like other releases.
 * Each check spawns the built command (`node dist/cli/main.js`) as a CI job would.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { requirePrograms } from '../helpers/programs.js';
import { lint, RULES } from '../../src/index.js';
import { codeclimate } from '../../src/cli/formats/codeclimate.js';
import { junit } from '../../src/cli/formats/junit.js';
import type { FileReport } from '../../src/cli/formats/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'dist/cli/main.js');
const CODE_QUALITY_SCHEMA = JSON.parse(readFileSync(join(ROOT, 'test/cli/gitlab-code-quality.schema.json'), 'utf8')) as object;
const JUNIT_XSD = join(ROOT, 'test/cli/junit.xsd');
const haproxy = requirePrograms(['haproxy']);
const xmllint = locateXmllint();

/** xmllint (Debian's libxml2-utils) validates the JUnit output; missing it fails under CI=true like other programs. */
function locateXmllint(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  const message = 'missing test prerequisite: xmllint (apt-get install libxml2-utils)';
  if (process.env.CI === 'true') throw new Error(`${message}; CI=true, so this is a failure, not a skip`);
  console.warn(`\n⚠ SKIPPING the JUnit schema check: ${message}\n`);
  return undefined;
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let work: string;

function cli(args: string[], cwd = work): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [MAIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

function put(dir: string, path: string, content: string): string {
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

function fresh(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** one line on stderr, exit 2, no stack trace */
function expectOneLineError(result: Result, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
}

/** A legacy configuration: errors, warnings and info, two identical bad lines, and characters XML must escape. */
const LEGACY = `global
    log stdout format raw local0
    bogus-global x

defaults
    mode http
    log global
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend www
    bind 127.0.0.1:8080
    frobnicate <a&b> "it's"
    frobnicate <a&b> "it's"
    default_backend app

backend app
    server app1 127.0.0.1:8000

backend spare
    server spare1 127.0.0.1:8001
`;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: number; level: string; line: number; message: string }[];
}

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

beforeAll(() => {
  if (!existsSync(MAIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  work = mkdtempSync(join(tmpdir(), 'haproxy-lint-ci-'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('--format codeclimate (GitLab Code Quality)', () => {
  test('valid against the documented format, paths relative to the working directory, fingerprints unique and stable when lines move', async () => {
    const dir = fresh('codeclimate');
    put(dir, 'haproxy.cfg', LEGACY);
    put(dir, 'haproxy/extra.cfg', LEGACY.replace('bogus-global x\n', ''));
    const [quality, json] = await Promise.all([cli(['--format', 'codeclimate', '.'], dir), cli(['--format', 'json', '.'], dir)]);
    expect(quality.code, quality.stderr).toBe(1);
    const issues = JSON.parse(quality.stdout) as CodeQualityIssue[];
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(CODE_QUALITY_SCHEMA);
    expect(validate(issues), ajv.errorsText(validate.errors)).toBe(true);
    // the schema can fail: a report GitLab would reject is rejected
    expect(validate([{ ...issues[0], severity: 'error' }])).toBe(false);
    expect(validate([{ ...issues[0], location: { path: './haproxy.cfg', lines: { begin: 3 } } }])).toBe(false);

    // one issue per finding of the json format, same rules and lines
    const fromJson = (JSON.parse(json.stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}:${m.ruleId}`)).sort();
    expect(issues.map((i) => `${i.location.path}:${i.location.lines.begin}:${i.check_name}`).sort()).toEqual(fromJson);
    expect(issues.length).toBeGreaterThanOrEqual(6);
    expect(new Set(issues.map((i) => i.location.path))).toEqual(new Set(['haproxy.cfg', 'haproxy/extra.cfg']));
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    // the two identical lines: two issues, two fingerprints
    expect(issues.filter((i) => i.location.path === 'haproxy.cfg' && i.check_name === 'unknown-keyword' && i.description.includes('frobnicate'))).toHaveLength(2);
    const severities = Object.fromEntries(issues.map((i) => [i.check_name, i.severity]));
    expect(severities).toMatchObject({ 'unknown-keyword': 'major', 'unused-backend': 'info' });

    // lines inserted above every finding: the line numbers change, the fingerprints do not
    put(dir, 'haproxy.cfg', `# a comment\n# another\n${LEGACY}`);
    const moved = JSON.parse((await cli(['--format', 'codeclimate', '.'], dir)).stdout) as CodeQualityIssue[];
    expect(moved.map((i) => i.fingerprint).sort()).toEqual(issues.map((i) => i.fingerprint).sort());
    const line = (list: CodeQualityIssue[]) => list.find((i) => i.check_name === 'unknown-keyword' && i.location.path === 'haproxy.cfg')!.location.lines.begin;
    expect(line(moved)).toBe(line(issues) + 2);
  });
});

test('both formats stay valid for real findings of every rule\'s bad example, including text XML cannot hold', () => {
  const files: FileReport[] = RULES.map((rule) => {
    const text = rule.docs.bad.endsWith('\n') || rule.id === 'missing-final-newline' ? rule.docs.bad : `${rule.docs.bad}\n`;
    return { path: `conf/${rule.id}.cfg`, absPath: join(work, `conf/${rule.id}.cfg`), text, findings: lint(text, { app: 'django' }).findings, fixedCount: 0 };
  });
  const control = 'backend x\u0001 & <y> "\ud800"\n';
  files.push({ path: 'odd.cfg', absPath: join(work, 'odd.cfg'), text: control, findings: lint(control).findings, fixedCount: 0 });
  const context = { files, rules: RULES, unsafeFixes: false, color: false, cwd: work, version: '0.0.0' };
  const issues = JSON.parse(codeclimate(context)) as CodeQualityIssue[];
  expect(issues.length).toBeGreaterThanOrEqual(RULES.length - 2);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(CODE_QUALITY_SCHEMA);
  expect(validate(issues), ajv.errorsText(validate.errors)).toBe(true);
  expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  const xml = junit(context);
  // U+0001 cannot appear in XML 1.0 at all, not even escaped: it becomes U+FFFD
  expect(xml).toContain("invalid character in backend name &apos;x\ufffd&apos;");
  if (xmllint) {
    const report = put(work, 'all-rules.xml', xml);
    const check = spawnSync(xmllint, ['--noout', '--schema', JUNIT_XSD, report], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  }
});

describe('--format junit', () => {
  test('one suite per file, a failing case per error or warning, escaped, valid against the JUnit schema', async () => {
    const dir = fresh('junit');
    put(dir, 'haproxy.cfg', LEGACY);
    put(dir, 'clean/haproxy.cfg', readFileSync(join(ROOT, 'fixtures/minimal.cfg'), 'utf8'));
    const result = await cli(['--format', 'junit', '.'], dir);
    expect(result.code, result.stderr).toBe(1);
    const xml = result.stdout;
    const report = put(dir, 'report.xml', xml);
    if (xmllint) {
      const check = spawnSync(xmllint, ['--noout', '--schema', JUNIT_XSD, report], { encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
      // the schema can fail: a testcase without a name is rejected
      const broken = put(dir, 'broken.xml', xml.replace(/<testcase name="[^"]*"/, '<testcase'));
      expect(spawnSync(xmllint, ['--noout', '--schema', JUNIT_XSD, broken], { encoding: 'utf8' }).status).not.toBe(0);
    }
    const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    const json = JSON.parse((await cli(['--format', 'json', 'haproxy.cfg'], dir)).stdout) as JsonResult[];
    const messages = json[0]!.messages;
    const failing = messages.filter((m) => m.level !== 'info').length;
    expect(failing).toBeGreaterThanOrEqual(3);
    expect(suites).toEqual([['clean/haproxy.cfg', 1, 0], ['haproxy.cfg', messages.length, failing]]);
    expect(xml).toMatch(new RegExp(`<testsuites name="haproxy-lint" tests="${messages.length + 1}" failures="${failing}"`));
    expect(xml.match(/<failure /g)).toHaveLength(failing);
    expect(xml).toContain('<testcase name="no problems" classname="clean/haproxy.cfg"');
    // the text of the bad line, escaped in attributes and in the body
    expect(xml).toContain('unknown keyword &apos;frobnicate&apos;');
    expect(xml).toContain('frobnicate &lt;a&amp;b&gt; &quot;it&apos;s&quot;');
    expect(xml).not.toMatch(/<a&b>/);
  });
});

describe('baselines', () => {
  test('write, filter, count identical lines, prune atomically; diff-friendly and stable', async () => {
    const dir = fresh('baseline');
    put(dir, 'haproxy.cfg', LEGACY);
    const before = await cli(['--format', 'json', 'haproxy.cfg'], dir);
    const total = (JSON.parse(before.stdout) as JsonResult[])[0]!.messages.length;

    const written = await cli(['--write-baseline', 'haproxy-lint-baseline.json', 'haproxy.cfg'], dir);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(`${total} findings in 1 file recorded`);
    const text = readFileSync(join(dir, 'haproxy-lint-baseline.json'), 'utf8');
    const baseline = JSON.parse(text) as { version: number; findings: { file: string; rule: string; fingerprint: string; count: number }[] };
    expect(baseline.version).toBe(1);
    expect(baseline.findings.reduce((n, e) => n + e.count, 0)).toBe(total);
    const keys = baseline.findings.map((e) => `${e.file}\0${e.rule}\0${e.fingerprint}`);
    expect(keys).toEqual([...keys].sort());
    expect(baseline.findings.find((e) => e.rule === 'unknown-keyword' && e.count === 2)).toBeDefined();
    expect(text).not.toMatch(/"line"\s*:/);
    // one entry a line, so a review diff shows each change
    expect(text.split('\n').filter((l) => l.includes('"fingerprint"'))).toHaveLength(baseline.findings.length);

    // nothing new: exit 0, and says how many were baselined
    const clean = await cli(['--baseline', 'haproxy-lint-baseline.json', 'haproxy.cfg'], dir);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toBe('');
    expect(clean.stderr).toContain(`haproxy-lint-baseline.json: ${total} findings baselined`);

    // lines moved and a third identical bad line, plus a new problem: only those two are reported
    put(dir, 'haproxy.cfg', `# moved down\n${LEGACY.replace('    default_backend app\n', '    frobnicate <a&b> "it\'s"\n    default_backend app\n    frobnicate-more 1\n')}`);
    const newer = await cli(['--baseline', 'haproxy-lint-baseline.json', '--format', 'json', 'haproxy.cfg'], dir);
    expect(newer.code).toBe(1);
    const reported = (JSON.parse(newer.stdout) as JsonResult[])[0]!.messages.map((m) => `${m.line}:${m.ruleId}`);
    expect(reported).toEqual(['17:unknown-keyword', '19:unknown-keyword']);

    // rewriting the baseline from the same findings gives the same bytes
    put(dir, 'haproxy.cfg', `\n\n${LEGACY}`);
    expect((await cli(['--write-baseline', 'again.json', 'haproxy.cfg'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(text);

    // fix one of the two identical lines and the spare backend: prunable, then pruned
    put(dir, 'haproxy.cfg', LEGACY.replace('    frobnicate <a&b> "it\'s"\n', '').replace('\nbackend spare\n    server spare1 127.0.0.1:8001\n', ''));
    const prunable = await cli(['--baseline', 'haproxy-lint-baseline.json', 'haproxy.cfg'], dir);
    expect(prunable.code).toBe(0);
    expect(prunable.stderr).toMatch(/2 baselined findings no longer found \(prunable: run with --prune-baseline/);
    expect(readFileSync(join(dir, 'haproxy-lint-baseline.json'), 'utf8')).toBe(text);
    const pruned = await cli(['--baseline', 'haproxy-lint-baseline.json', '--prune-baseline', 'haproxy.cfg'], dir);
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(pruned.stderr).toContain('pruned 2 findings no longer found');
    const after = JSON.parse(readFileSync(join(dir, 'haproxy-lint-baseline.json'), 'utf8')) as typeof baseline;
    expect(after.findings.reduce((n, e) => n + e.count, 0)).toBe(total - 2);
    expect(after.findings.find((e) => e.rule === 'unknown-keyword' && e.count === 2)).toBeUndefined();
    expect(after.findings.some((e) => e.rule === 'unused-backend')).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // the pruned baseline still hides everything that is left
    expect((await cli(['--baseline', 'haproxy-lint-baseline.json', 'haproxy.cfg'], dir)).code).toBe(0);
  });

  test('"baseline" in .haproxy-lint.json; bad baselines and a baseline over a config are refused in one line', async () => {
    const dir = fresh('baseline-config');
    put(dir, 'conf/haproxy.cfg', LEGACY);
    expect((await cli(['--write-baseline', 'conf/baseline.json', 'conf'], dir)).code).toBe(0);
    put(dir, '.haproxy-lint.json', JSON.stringify({ baseline: 'conf/baseline.json' }));
    const fromConfig = await cli(['conf'], dir);
    expect(fromConfig.code, fromConfig.stdout).toBe(0);
    expect(fromConfig.stderr).toMatch(/conf\/baseline\.json: \d+ findings baselined/);
    // the file key is relative to the baseline's directory, so a run from elsewhere matches too
    expect((await cli(['--baseline', join(dir, 'conf/baseline.json'), join(dir, 'conf/haproxy.cfg')], work)).code).toBe(0);

    const config = readFileSync(join(dir, 'conf/haproxy.cfg'), 'utf8');
    expectOneLineError(await cli(['--write-baseline', 'conf/haproxy.cfg', 'conf'], dir), /conf\/haproxy\.cfg: exists and is not a haproxy-lint baseline; not overwritten/);
    expect(readFileSync(join(dir, 'conf/haproxy.cfg'), 'utf8')).toBe(config);
    put(dir, 'bad.json', '{"version": 1, "findings": [{"file": "x"}]}');
    expectOneLineError(await cli(['--baseline', 'bad.json', 'conf'], dir), /^haproxy-lint: bad\.json: findings\[0\]: expected/);
    put(dir, 'future.json', '{"version": 9, "findings": []}');
    expectOneLineError(await cli(['--baseline', 'future.json', 'conf'], dir), /future\.json: baseline version 9 is not supported/);
    expectOneLineError(await cli(['--baseline', 'missing.json', 'conf'], dir), /missing\.json: cannot read baseline: .*create it with --write-baseline/);
    put(dir, '.haproxy-lint.json', JSON.stringify({ baseline: '' }));
    expectOneLineError(await cli(['conf'], dir), /\.haproxy-lint\.json:1:2: baseline: must be the path of a baseline file/);
  });
});

/** A stand-in for another HAProxy release: prints what that release prints and exits as it does. */
function fakeHaproxy(dir: string, name: string, version: string, output: string, exitCode: number): string {
  const script = `#!/bin/sh\nif [ "$1" = "-v" ]; then echo '${version} - https://haproxy.org/'; exit 0; fi\ncat >&2 <<'EOF'\n${output}\nEOF\nexit ${exitCode}\n`;
  const path = put(dir, name, script.replace(/\n\nEOF/, '\nEOF'));
  chmodSync(path, 0o755);
  return path;
}

describe('--with-haproxy', () => {
  /** accepted with warnings by 2.6: `option httplog` in a TCP proxy, a log-format without a log address */
  const WARNS = `global
    maxconn 100

defaults
    mode http
    timeout connect 5s
    timeout client 5s
    timeout server 5s

frontend www
    bind 127.0.0.1:18080
    default_backend app

backend app
    server app1 127.0.0.1:8000
    server app2 db.example.invalid:8000

listen tcp
    bind 127.0.0.1:18081
    mode tcp
    option httplog
    server s1 127.0.0.1:9000
`;
  /** refused by 2.6 at line 9 (a status HAProxy cannot send), which no rule of ours reports today */
  const REFUSED = `defaults
    mode http
    timeout connect 5s
    timeout client 5s
    timeout server 5s

frontend www
    bind 127.0.0.1:18080
    http-response set-status 99
    default_backend app

backend app
    server app1 127.0.0.1:8000
`;
  /** refused by 2.6 without a line ("Proxy 'www': unable to find required default_backend"), which undefined-reference reports too */
  const REPEATED = REFUSED.replace('    http-response set-status 99\n', '').replace('default_backend app', 'default_backend nowhere');

  test.runIf(haproxy.ok)('the real haproxy: warnings and alerts become findings of the rule haproxy, repeats of ours are dropped, the binary and version are named', async () => {
    const dir = fresh('with-haproxy');
    put(dir, 'warns.cfg', WARNS);
    put(dir, 'refused.cfg', REFUSED);
    put(dir, 'repeated.cfg', REPEATED);
    // --select haproxy: only HAProxy's own findings, whatever rules haproxy-lint gains
    const [warns, refused, repeated, repeatedAlone, quality, junit, ignored] = await Promise.all([
      cli(['--with-haproxy', '--select', 'haproxy', '--format', 'json', 'warns.cfg'], dir),
      cli(['--with-haproxy', '--select', 'haproxy', '--format', 'json', 'refused.cfg'], dir),
      cli(['--with-haproxy', '--format', 'json', 'repeated.cfg'], dir),
      cli(['--with-haproxy', '--select', 'haproxy', '--format', 'unix', 'repeated.cfg'], dir),
      cli(['--with-haproxy', '--select', 'haproxy', '--format', 'codeclimate', 'refused.cfg'], dir),
      cli(['--with-haproxy', '--select', 'haproxy', '--format', 'junit', 'refused.cfg'], dir),
      cli(['--with-haproxy', '--ignore', 'haproxy', 'warns.cfg'], dir),
    ]);
    const version = execFileSync(haproxy.paths.haproxy!, ['-v'], { encoding: 'utf8' }).split('\n')[0]!.replace(/ - https?:.*$/, '');
    expect(warns.code, warns.stderr).toBe(1);
    expect(warns.stderr).toContain(`checked with ${version} (${haproxy.paths.haproxy}`);
    expect(warns.stderr).toContain('it accepted the configuration');
    // a server name this sandbox cannot resolve (line 16) says nothing about the configuration
    expect(warns.stderr).toContain('1 message about names that cannot resolve without network skipped');
    const warnings = (JSON.parse(warns.stdout) as JsonResult[])[0]!.messages;
    expect(warnings.map((m) => [m.ruleId, m.line, m.level])).toEqual([['haproxy', 18, 'warning'], ['haproxy', 21, 'warning']]);
    expect(warnings[0]!.message).toBe("log format ignored for proxy 'tcp' since it has no log address.");
    expect(warnings[1]!.message).toBe("'option httplog' not usable with proxy 'tcp' (needs 'mode http'). Falling back to 'option tcplog'.");

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('it refused the configuration (exit status 1)');
    const alerts = (JSON.parse(refused.stdout) as JsonResult[])[0]!.messages;
    // no summary trailer ("Error(s) found in configuration file") as a finding
    expect(alerts.map((m) => [m.ruleId, m.line, m.level, m.message])).toEqual([
      ['haproxy', 9, 'error', "error detected in frontend 'www' while parsing 'http-response set-status' rule : expects an integer status code between 100 and 999."],
    ]);

    // HAProxy's "Proxy 'www': unable to find required default_backend: 'nowhere'." goes to the section it names …
    expect(repeatedAlone.stdout).toBe("repeated.cfg:7:1: error: Proxy 'www': unable to find required default_backend: 'nowhere'. [haproxy]\n");
    // … and is dropped when undefined-reference says the same
    const withOurs = (JSON.parse(repeated.stdout) as JsonResult[])[0]!.messages;
    expect(withOurs.filter((m) => m.level === 'error').map((m) => [m.ruleId, m.line])).toEqual([['undefined-reference', 9]]);
    expect(repeated.stderr).toContain('1 message, 1 repeat of haproxy-lint findings dropped');

    // in the formats a CI reads
    const issues = JSON.parse(quality.stdout) as CodeQualityIssue[];
    expect(issues.filter((i) => i.check_name === 'haproxy').map((i) => [i.location.lines.begin, i.severity])).toEqual([[9, 'blocker']]);
    expect(junit.stdout).toMatch(/<testcase name="haproxy \(9:5\)" classname="refused\.cfg"/);

    // the rule can be switched off like any other: haproxy is then not run
    expect(ignored.stderr).not.toContain('checked with');
  });

  test('an absent binary is one line and exit 2; other releases\' exit codes and output are normalised', async () => {
    const dir = fresh('fake-haproxy');
    put(dir, 'haproxy.cfg', readFileSync(join(ROOT, 'fixtures/minimal.cfg'), 'utf8'));
    expectOneLineError(await cli(['--with-haproxy=./no/such/haproxy', 'haproxy.cfg'], dir), /^haproxy-lint: --with-haproxy=\.\/no\/such\/haproxy: not found or not executable$/m);
    expectOneLineError(await cli(['--with-haproxy', '--stdin'], dir), /--with-haproxy .*cannot be combined with --stdin/);

    // 3.2 and later: silence and exit 0 on success
    const silent = fakeHaproxy(dir, 'haproxy-3.2', 'HAProxy version 3.2.4 2025/08/12', '', 0);
    const quiet = await cli([`--with-haproxy=${silent}`, 'haproxy.cfg'], dir);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toContain('checked with HAProxy version 3.2.4 2025/08/12');
    expect(quiet.stderr).toContain('it accepted the configuration; 0 messages');
    // 2.x: exit 2, "no error but will not start (no listener)", is accepted
    const noListener = fakeHaproxy(dir, 'haproxy-2.4', 'HAProxy version 2.4.22 2023/02/14', 'Configuration file has no error but will not start (no listener) => exit(2).', 2);
    expect((await cli([`--with-haproxy=${noListener}`, 'haproxy.cfg'], dir)).code).toBe(0);
    // an alert without a file position goes to the section it names, else to line 1 of the first file
    const unpositioned = fakeHaproxy(dir, 'haproxy-alert', 'HAProxy version 3.0.5 2024/09/19',
      "[ALERT]    (1) : config : Proxy 'app': no server available for this build.\n[ALERT]    (1) : config : something went wrong elsewhere.\n[ALERT]    (1) : config : Fatal errors found in configuration.", 1);
    const placed = await cli([`--with-haproxy=${unpositioned}`, '--format', 'unix', 'haproxy.cfg'], dir);
    expect(placed.code).toBe(1);
    expect(placed.stdout).toBe([
      'haproxy.cfg:1:1: error: something went wrong elsewhere. [haproxy]',
      "haproxy.cfg:16:1: error: Proxy 'app': no server available for this build. [haproxy]",
      '',
    ].join('\n'));
    // refused without any alert (a crash, an unknown option): still a failure, quoting the last line
    const crashed = fakeHaproxy(dir, 'haproxy-crash', 'HAProxy version 2.8.3 2023/09/08', 'Segmentation fault', 139);
    const crash = await cli([`--with-haproxy=${crashed}`, '--format', 'unix', 'haproxy.cfg'], dir);
    expect(crash.code).toBe(1);
    expect(crash.stdout).toBe('haproxy.cfg:1:1: error: haproxy -c refused the configuration (exit status 139): Segmentation fault [haproxy]\n');
  });

  test('the rule haproxy is known to rules, explain and the settings', async () => {
    const [rules, explain, off] = await Promise.all([
      cli(['rules']),
      cli(['explain', 'haproxy']),
      cli(['--rule', 'haproxy=off', '--print-config', 'x.cfg']),
    ]);
    expect(rules.stdout).toMatch(/^haproxy\s+error\s+none\s+haproxy\s/m);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('--with-haproxy');
    expect((JSON.parse(off.stdout) as { rules: Record<string, unknown> }).rules.haproxy).toBe('off');
  });
});
