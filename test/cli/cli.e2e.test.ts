/**
 * End-to-end tests of the command: every flag, format and exit code, stdin mode, configuration
 * discovery and bad inputs. `cli()` runs the built command (`node dist/cli/main.js`) as a user would;
 * each node start costs real time (the parser's dependencies load in ~0.5 s), so the checks that
 * depend on the process itself (exit status, bytes on stdout, stdin, file writes, another user, the
 * environment) spawn it, a few at a time, and the many variations of flags and inputs go through
 * `inproc()`, the same `run()` that main.ts calls, with the same arguments, files and streams.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, RULES } from '../../src/index.js';
import { run } from '../../src/cli/run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'dist/cli/main.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const MINIMAL = readFileSync(join(ROOT, 'fixtures/minimal.cfg'), 'utf8');
/** the same config without its final newline: one `missing-final-newline` error with a safe fix */
const NO_NEWLINE = MINIMAL.replace(/\n$/, '');
/** one `unused-suppression` warning, no fix */
const WARNING = MINIMAL.replace('\nbackend app\n', '\nbackend app\n    # haproxy-lint-disable-next-line missing-final-newline -- never happens here\n');
/** one `syntax-error` error, no fix */
const ERROR = MINIMAL.replace('\nbackend app\n', '\nbackend app\n    http-request set-header X-Price "cost $5"\n');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

interface Options {
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  uid?: number;
  gid?: number;
}

// a few node processes at a time: more only makes each slower
let running = 0;
const queue: (() => void)[] = [];
const LIMIT = Math.max(2, Math.min(6, availableParallelism() * 2));
async function slot<T>(job: () => Promise<T>): Promise<T> {
  if (running >= LIMIT) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await job();
  } finally {
    running--;
    queue.shift()?.();
  }
}

function cli(args: string[], options: Options = {}): Promise<Result> {
  return slot(() => new Promise<Result>((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd: options.cwd ?? work, env: { ...env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ code: code ?? -1, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes });
    });
    child.stdin.end(options.input ?? '');
  }));
}

/** The same command in this process: run() with the arguments, a working directory, stdin and an environment. */
async function inproc(args: string[], options: Options = {}): Promise<Result> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const chunk = (t: string | Uint8Array) => (typeof t === 'string' ? Buffer.from(t) : Buffer.from(t));
  const input = options.input;
  const code = await run(args, {
    cwd: options.cwd ?? work,
    env: Object.fromEntries(Object.entries(options.env ?? {}).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    stdin: (async function* () {
      if (input !== undefined && input.length > 0) yield typeof input === 'string' ? Buffer.from(input) : input;
    })(),
    stdout: { write: (t) => out.push(chunk(t)), isTTY: false },
    stderr: { write: (t) => err.push(chunk(t)), isTTY: false },
  });
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes };
}

let work: string;

function put(path: string, content: string | Buffer): string {
  const full = join(work, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** one line, no stack trace */
function expectOneLineError(result: Result, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  if (!existsSync(MAIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  work = mkdtempSync(join(tmpdir(), 'haproxy-lint-cli-'));
  chmodSync(work, 0o755); // readable by the unprivileged user of the unwritable-directory test
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the test inputs mean what the tests assume', () => {
  expect(lint(MINIMAL).findings).toEqual([]);
  expect(lint(NO_NEWLINE).findings.map((f) => f.ruleId)).toEqual(['missing-final-newline']);
  expect(lint(WARNING).findings.map((f) => [f.ruleId, f.severity])).toEqual([['unused-suppression', 'warning']]);
  expect(lint(ERROR).findings.map((f) => [f.ruleId, f.severity])).toEqual([['syntax-error', 'error']]);
});

describe('haproxy-lint', () => {
  test('--version, --help, rules, explain and usage errors', async () => {
    const [version, help, rules, rulesJson, explain, unknownRule, unknownFlag, badFormat, badRule, badSelect, badMaxWarnings, stdinWithPaths, badTarget, badApp, noFilename] = await Promise.all([
      cli(['--version']),
      cli(['--help']),
      cli(['rules']),
      inproc(['rules', '--format', 'json']),
      inproc(['explain', 'missing-final-newline']),
      inproc(['explain', 'missing-final-newlin']),
      cli(['--frobnicate', 'x.cfg']),
      inproc(['--format', 'xml', 'x.cfg']),
      cli(['--rule', 'missing-final-newline=loud', 'x.cfg']),
      inproc(['--select', 'syntax,nonsense', 'x.cfg']),
      inproc(['--max-warnings', '-1', 'x.cfg']),
      inproc(['--stdin', 'x.cfg']),
      inproc(['--target-version', '1.8', 'x.cfg']),
      inproc(['--app', 'no such app', 'x.cfg']),
      inproc(['--stdin-filename', 'x.cfg', 'x.cfg']),
    ]);
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect(help.code).toBe(0);
    for (const flag of ['--fix', '--unsafe-fixes', '--diff', '--fix-only', '--stdin', '--stdin-filename', '--app', '--select', '--ignore', '--rule', '--target-version', '--max-warnings', '--exit-zero', '--quiet', '--color', '--config', '--print-config', '--debug', '--format', 'Exit codes']) {
      expect(help.stdout).toContain(flag);
    }
    expect(rules.code).toBe(0);
    for (const rule of RULES) expect(rules.stdout).toMatch(new RegExp(`^${rule.id}\\s+${rule.severity}\\s+${rule.fixable}\\s+${rule.group}\\s`, 'm'));
    expect((JSON.parse(rulesJson.stdout) as { id: string }[]).map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('# missing-final-newline');
    expect(explain.stdout).toContain(RULES.find((r) => r.id === 'missing-final-newline')!.docs.why);
    expectOneLineError(unknownRule, /^haproxy-lint: unknown rule 'missing-final-newlin' \(did you mean 'missing-final-newline'\?\)/);
    expectOneLineError(unknownFlag, /^haproxy-lint: Unknown argument: frobnicate/);
    expectOneLineError(badFormat, /format.*xml/);
    expectOneLineError(badRule, /--rule missing-final-newline: severity must be one of off, info, warning, error/);
    expectOneLineError(badSelect, /--select: 'nonsense' is neither a rule id nor a group/);
    expectOneLineError(badMaxWarnings, /--max-warnings/);
    expectOneLineError(stdinWithPaths, /--stdin .*no paths/);
    expectOneLineError(badTarget, /target-version.*1\.8/);
    expectOneLineError(badApp, /--app 'no such app'/);
    expectOneLineError(noFilename, /--stdin-filename only makes sense with --stdin/);
    for (const r of [unknownRule, unknownFlag, badFormat, badRule, badSelect, badMaxWarnings, stdinWithPaths, badTarget, badApp, noFilename]) {
      expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    }
  });

  test('exit codes: errors and warnings fail, info never does; --max-warnings, --exit-zero, --quiet, --rule, --select, --ignore', async () => {
    put('exit/clean.cfg', MINIMAL);
    put('exit/warning.cfg', WARNING);
    put('exit/error.cfg', ERROR);
    put('exit/nonl.cfg', NO_NEWLINE);
    const cwd = join(work, 'exit');
    const [clean, warning, error, exitZero, maxOk, maxExceeded, quietWarning, quietError, asInfo, off, ignored, selectedOther, several, targetVersion] = await Promise.all([
      cli(['clean.cfg'], { cwd }),
      cli(['warning.cfg'], { cwd }),
      cli(['error.cfg'], { cwd }),
      inproc(['--exit-zero', 'error.cfg', 'warning.cfg'], { cwd }),
      inproc(['--max-warnings', '1', 'warning.cfg'], { cwd }),
      inproc(['--max-warnings', '0', 'warning.cfg'], { cwd }),
      inproc(['--quiet', 'warning.cfg'], { cwd }),
      inproc(['--quiet', 'error.cfg', 'warning.cfg'], { cwd }),
      inproc(['--rule', 'missing-final-newline=info', 'nonl.cfg'], { cwd }),
      inproc(['--rule', 'missing-final-newline=off', 'nonl.cfg'], { cwd }),
      inproc(['--ignore', 'syntax', '--ignore', 'suppressions', 'nonl.cfg', 'error.cfg'], { cwd }),
      inproc(['--select', 'suppressions', 'nonl.cfg', 'error.cfg'], { cwd }),
      inproc(['clean.cfg', 'warning.cfg', 'error.cfg'], { cwd }),
      inproc(['--target-version', '2.6', 'clean.cfg'], { cwd }),
    ]);
    expect(clean).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(warning.code).toBe(1);
    expect(warning.stdout).toMatch(/^warning\.cfg\n {2}\d+:\d+ +warning +suppression comment suppresses nothing.* unused-suppression$/m);
    expect(warning.stdout).toContain('1 problem (0 errors, 1 warning)');
    expect(error.code).toBe(1);
    expect(error.stdout).toMatch(/error +forbidden first char in environment variable name.*syntax-error/);
    expect(exitZero.code).toBe(0);
    expect(exitZero.stdout).toContain('2 problems (1 error, 1 warning)');
    expect(maxOk.code).toBe(0);
    expect(maxExceeded.code).toBe(1);
    expect(quietWarning).toMatchObject({ code: 0, stdout: '' });
    expect(quietError.code).toBe(1);
    expect(quietError.stdout).toContain('syntax-error');
    expect(quietError.stdout).not.toContain('unused-suppression');
    expect(asInfo.code).toBe(0);
    expect(asInfo.stdout).toMatch(/info +missing newline at end of file/);
    expect(asInfo.stdout).toContain('1 problem (0 errors, 0 warnings, 1 info)');
    expect(asInfo.stdout).toContain('1 fixable with --fix');
    expect(off).toMatchObject({ code: 0, stdout: '' });
    expect(ignored).toMatchObject({ code: 0, stdout: '' });
    expect(selectedOther).toMatchObject({ code: 0, stdout: '' });
    expect(several.code).toBe(1);
    expect(several.stdout.indexOf('warning.cfg')).toBeLessThan(several.stdout.indexOf('error.cfg'));
    expect(several.stdout).not.toContain('clean.cfg');
    expect(targetVersion.code).toBe(0);
  });

  test('--fix writes atomically keeping mode, CRLF and symlinks (removing a BOM, the one byte HAProxy refuses); unchanged files keep their mtime; --diff and --fix-only', async () => {
    const nonl = put('fix/haproxy.cfg', NO_NEWLINE);
    chmodSync(nonl, 0o640);
    const crlfText = `\ufeff${NO_NEWLINE.replace(/\n/g, '\r\n')}`;
    const crlf = put('fix/crlf.cfg', crlfText);
    const clean = put('fix/clean.cfg', MINIMAL);
    utimesSync(clean, new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'));
    const target = put('fix/real/target.cfg', NO_NEWLINE);
    symlinkSync('real/target.cfg', join(work, 'fix/link.cfg'));
    const diffOnly = put('fix/diff.cfg', NO_NEWLINE);
    const fixOnly = put('fix/only.cfg', `${NO_NEWLINE}`);
    const mixed = put('fix/mixed.cfg', ERROR.replace(/\n$/, ''));
    const cwd = join(work, 'fix');
    const [fixed, diff, diffClean, only] = await Promise.all([
      cli(['--fix', 'haproxy.cfg', 'crlf.cfg', 'clean.cfg', 'link.cfg'], { cwd }),
      cli(['--diff', 'diff.cfg'], { cwd }),
      inproc(['--diff', 'clean.cfg'], { cwd }),
      inproc(['--fix-only', 'only.cfg', 'mixed.cfg'], { cwd }),
    ]);
    const remaining = await inproc(['--fix', 'mixed.cfg'], { cwd });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/fixed 4 problems in 3 files/);
    expect(readFileSync(nonl, 'utf8')).toBe(MINIMAL);
    expect(statSync(nonl).mode & 0o777).toBe(0o640);
    expect(readFileSync(crlf, 'utf8')).toBe(`${crlfText.slice(1)}\r\n`);
    expect(statSync(clean).mtime.toISOString()).toBe('2001-01-01T00:00:00.000Z');
    expect(lstatSync(join(work, 'fix/link.cfg')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(MINIMAL);

    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^--- a\/diff\.cfg\n\+\+\+ b\/diff\.cfg\n@@ /);
    expect(diff.stdout).toContain('\\ No newline at end of file');
    expect(readFileSync(diffOnly, 'utf8')).toBe(NO_NEWLINE);
    expect(diffClean).toMatchObject({ code: 0, stdout: '' });

    expect(only).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(fixOnly, 'utf8')).toBe(MINIMAL);

    // --fix-only fixed mixed.cfg without a word; --fix then reports the syntax error that remains
    expect(remaining.code).toBe(1);
    expect(remaining.stdout).toContain('syntax-error');
    expect(readFileSync(mixed, 'utf8')).toBe(ERROR);
    // nothing left behind in the directories
    expect(execFileSync('find', [cwd, '-name', '*.tmp']).toString()).toBe('');
  });

  const unsafeCase = RULES.filter((r) => r.fixable === 'unsafe').map((rule) => {
    const text = rule.docs.bad.endsWith('\n') ? rule.docs.bad : `${rule.docs.bad}\n`;
    const finding = lint(text, { select: [rule.id], app: 'django' }).findings.find((f) => f.fix?.applicability === 'unsafe');
    return finding ? { rule, text } : undefined;
  }).find((c) => c !== undefined);

  test.runIf(unsafeCase !== undefined)('--unsafe-fixes: counted, and applied only when asked', async () => {
    const { rule, text } = unsafeCase!;
    const plain = put('unsafe/a.cfg', text);
    const unsafe = put('unsafe/b.cfg', text);
    const cwd = join(work, 'unsafe');
    const [withoutFlag, withFlag] = await Promise.all([
      inproc(['--fix', '--select', rule.id, '--app', 'django', 'a.cfg'], { cwd }),
      inproc(['--fix', '--unsafe-fixes', '--select', rule.id, '--app', 'django', 'b.cfg'], { cwd }),
    ]);
    expect(readFileSync(plain, 'utf8')).toBe(text);
    expect(withoutFlag.stdout).toMatch(/\d+ more with --unsafe-fixes/);
    expect(readFileSync(unsafe, 'utf8')).not.toBe(text);
    expect(withFlag.stdout).toMatch(/fixed \d+ problems? in 1 file/);
  });

  test('--stdin: lint from standard input; with --fix the fixed text on stdout and findings on stderr', async () => {
    put('stdin/.haproxy-lint.json', JSON.stringify({ rules: { 'unused-suppression': 'off' } }));
    const [lintStdin, fixStdin, fixOnly, diff, named, crlf] = await Promise.all([
      inproc(['--stdin'], { input: ERROR }),
      cli(['--stdin', '--fix'], { input: ERROR.replace(/\n$/, '') }),
      inproc(['--stdin', '--fix-only'], { input: NO_NEWLINE }),
      inproc(['--stdin', '--diff', '--stdin-filename', 'haproxy.cfg'], { input: NO_NEWLINE }),
      inproc(['--stdin', '--stdin-filename', 'stdin/haproxy.cfg', '--format', 'unix'], { input: WARNING }),
      cli(['--stdin', '--fix', '--stdin-filename', 'edge.cfg', '--format', 'unix'], { input: Buffer.from(`\ufeff${NO_NEWLINE.replace(/\n/g, '\r\n')}`) }),
    ]);
    expect(lintStdin.code).toBe(1);
    expect(lintStdin.stdout).toMatch(/^<stdin>\n/);
    expect(lintStdin.stdout).toContain('syntax-error');
    expect(fixStdin.code).toBe(1);
    expect(fixStdin.stdout).toBe(ERROR);
    expect(fixStdin.stderr).toContain('syntax-error');
    expect(fixStdin.stderr).toContain('fixed 1 problem in 1 file');
    expect(fixOnly).toMatchObject({ code: 0, stdout: MINIMAL, stderr: '' });
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^--- a\/haproxy\.cfg\n\+\+\+ b\/haproxy\.cfg\n/);
    // the configuration next to --stdin-filename applies: unused-suppression is off there
    expect(named).toMatchObject({ code: 0, stdout: '' });
    expect(crlf.code).toBe(0);
    expect(crlf.stdoutBytes.equals(Buffer.from(MINIMAL.replace(/\n/g, '\r\n')))).toBe(true);
  });

  test('--format: each format prints what its consumers parse', async () => {
    put('formats/haproxy.cfg', ERROR);
    put('formats/haproxy-w.cfg', NO_NEWLINE);
    const cwd = join(work, 'formats');
    const files = ['haproxy.cfg', 'haproxy-w.cfg'];
    const [stylish, json, sarif, github, unix, checkstyle] = await Promise.all(
      ['stylish', 'json', 'sarif', 'github', 'unix', 'checkstyle'].map((format) => (format === 'sarif' ? cli : inproc)(['--format', format, ...files], { cwd })),
    );
    for (const r of [stylish, json, sarif, github, unix, checkstyle]) expect(r.code, r.stderr).toBe(1);
    expect(stylish.stdout).toContain('2 problems (2 errors, 0 warnings)');
    expect(stylish.stdout).toContain('1 fixable with --fix');
    const results = JSON.parse(json.stdout) as { filePath: string; errorCount: number; fixableErrorCount: number; messages: { ruleId: string; level: string; fix?: { applicability: string } }[] }[];
    expect(results.map((r) => [r.filePath, r.errorCount, r.fixableErrorCount])).toEqual([[join(cwd, 'haproxy.cfg'), 1, 0], [join(cwd, 'haproxy-w.cfg'), 1, 1]]);
    expect(results[1]!.messages[0]).toMatchObject({ ruleId: 'missing-final-newline', level: 'error', fix: { applicability: 'safe' } });
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([['syntax-error', 'haproxy.cfg'], ['missing-final-newline', 'haproxy-w.cfg']]);
    expect(github.stdout).toMatch(/^::error file=haproxy\.cfg,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=syntax-error::.+$/m);
    expect(unix.stdout).toMatch(/^haproxy-w\.cfg:17:\d+: error: missing newline at end of file.* \[missing-final-newline\]$/m);
    expect(checkstyle.stdout).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<checkstyle version="4\.3">/);
    expect(checkstyle.stdout).toContain(`<file name="${join(cwd, 'haproxy-w.cfg')}">`);
  });

  test('configuration files: found upward, package.json key, --config, overrides, CLI wins, bad files exit 2, --print-config', async () => {
    put('conf/.haproxy-lint.json', JSON.stringify({
      rules: { 'missing-final-newline': 'off' },
      app: 'django',
      overrides: [{ files: ['strict/*.cfg'], rules: { 'missing-final-newline': 'error' } }],
    }, null, 2));
    put('conf/sub/haproxy.cfg', NO_NEWLINE);
    put('conf/strict/haproxy.cfg', NO_NEWLINE);
    put('pkg/package.json', JSON.stringify({ name: 'x', 'haproxy-lint': { rules: { 'missing-final-newline': 'info' } } }));
    put('pkg/haproxy.cfg', NO_NEWLINE);
    put('elsewhere/settings.json', JSON.stringify({ rules: { 'missing-final-newline': 'warning' } }));
    put('bad/.haproxy-lint.json', '{\n  "colour": true\n}\n');
    put('bad/haproxy.cfg', MINIMAL);
    put('badjson/.haproxy-lint.json', '{\n  "rules": {,\n}\n');
    put('badjson/haproxy.cfg', MINIMAL);
    const [found, overridden, cliWins, pkg, explicit, badKey, badJson, badExplicit, printed] = await Promise.all([
      cli(['conf/sub/haproxy.cfg']),
      inproc(['conf/strict/haproxy.cfg']),
      inproc(['--rule', 'missing-final-newline=warning', 'conf/sub/haproxy.cfg']),
      inproc(['--format', 'json', 'pkg/haproxy.cfg']),
      inproc(['--config', 'elsewhere/settings.json', '--format', 'unix', 'conf/sub/haproxy.cfg']),
      inproc(['bad/haproxy.cfg']),
      inproc(['badjson']),
      inproc(['--config', 'missing.json', 'conf/sub/haproxy.cfg']),
      inproc(['--print-config', 'conf/strict/haproxy.cfg', '--ignore', 'suppressions']),
    ]);
    expect(found).toMatchObject({ code: 0, stdout: '' });
    expect(overridden.code).toBe(1);
    expect(overridden.stdout).toContain('missing-final-newline');
    expect(cliWins.code).toBe(1);
    expect(cliWins.stdout).toMatch(/warning +missing newline/);
    expect(pkg.code).toBe(0);
    expect((JSON.parse(pkg.stdout) as { messages: { level: string; severity: number }[] }[])[0]!.messages[0]).toMatchObject({ level: 'info', severity: 1 });
    expect(explicit.code).toBe(1);
    expect(explicit.stdout).toMatch(/: warning: missing newline/);
    expectOneLineError(badKey, /^haproxy-lint: bad\/\.haproxy-lint\.json:2:3: colour: unknown setting 'colour'/);
    expectOneLineError(badJson, /^haproxy-lint: badjson\/\.haproxy-lint\.json(:\d+:\d+)?: invalid JSON/);
    expectOneLineError(badExplicit, /^haproxy-lint: missing\.json: cannot read configuration: no such file or directory/);
    expect(printed.code).toBe(0);
    const config = JSON.parse(printed.stdout) as { configFile: string; app: string; targetVersion: string; ignore: string[]; rules: Record<string, unknown> };
    expect(config).toMatchObject({ configFile: 'conf/.haproxy-lint.json', app: 'django', targetVersion: '3.4', ignore: ['suppressions'] });
    expect(config.rules['missing-final-newline']).toBe('error');
    expect(config.rules['unused-suppression']).toBe('off');
    expect(Object.keys(config.rules).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  test('directories and globs: HAProxy names only, include/exclude from the configuration, nothing found is exit 2', async () => {
    put('tree/haproxy.cfg', MINIMAL);
    put('tree/haproxy-edge.cfg', MINIMAL);
    put('tree/setup.cfg', '[metadata]\nname = not-haproxy\n');
    put('tree/haproxy/conf.d/10-web.cfg', MINIMAL);
    put('tree/node_modules/haproxy.cfg', ERROR);
    put('tree/extra/lb.cfg', MINIMAL);
    put('tree2/.haproxy-lint.json', JSON.stringify({ include: ['extra/*.cfg'], exclude: ['haproxy-edge.cfg'] }));
    put('tree2/haproxy.cfg', MINIMAL);
    put('tree2/haproxy-edge.cfg', ERROR);
    put('tree2/extra/lb.cfg', MINIMAL);
    put('tree2/setup.cfg', '[metadata]\n');
    put('empty-dir/notes.txt', 'hello\n');
    const paths = (r: { stdout: string }) => (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(work.length + 1)).sort();
    const [tree, tree2, glob, noMatch, empty, explicitExcluded] = await Promise.all([
      cli(['--format', 'json', 'tree']),
      inproc(['--format', 'json', 'tree2']),
      inproc(['--format', 'json', 'tree/**/*.cfg']),
      inproc(['nothing/**/*.cfg', 'tree/haproxy.cfg']),
      inproc(['empty-dir']),
      inproc(['--format', 'json', 'tree2/haproxy-edge.cfg']),
    ]);
    expect(tree.code, tree.stderr).toBe(0);
    expect(paths(tree)).toEqual(['tree/haproxy-edge.cfg', 'tree/haproxy.cfg', 'tree/haproxy/conf.d/10-web.cfg']);
    expect(tree2.code, tree2.stderr).toBe(0);
    expect(paths(tree2)).toEqual(['tree2/extra/lb.cfg', 'tree2/haproxy.cfg']);
    expect(paths(glob)).toEqual(['tree/extra/lb.cfg', 'tree/haproxy-edge.cfg', 'tree/haproxy.cfg', 'tree/haproxy/conf.d/10-web.cfg', 'tree/setup.cfg']);
    expect(noMatch.code).toBe(2);
    expect(noMatch.stderr).toMatch(/^haproxy-lint: nothing\/\*\*\/\*\.cfg: no files match this pattern$/m);
    expectOneLineError(empty, /^haproxy-lint: empty-dir: no HAProxy configuration files found/);
    // a file named on the command line is linted even when excluded
    expect(explicitExcluded.code).toBe(1);
    expect(paths(explicitExcluded)).toEqual(['tree2/haproxy-edge.cfg']);
  });

  test('bad input: missing, dangling, binary, not UTF-8, empty, a 10 MB line, an unwritable directory', async () => {
    put('bad-input/good.cfg', ERROR);
    symlinkSync('nowhere.cfg', join(work, 'bad-input/dangling.cfg'));
    put('bad-input/binary.cfg', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const latinBytes = Buffer.concat([Buffer.from(NO_NEWLINE.replace('# The smallest', '# Caf\u00e9: the smallest'), 'latin1')]);
    const latin = put('bad-input/latin1.cfg', latinBytes);
    put('bad-input/empty.cfg', '');
    put('bad-input/huge.cfg', `global\n    description ${'x'.repeat(10 * 1024 * 1024)}`);
    const lockedDir = join(work, 'bad-input/locked');
    const locked = put('bad-input/locked/haproxy.cfg', NO_NEWLINE);
    chmodSync(locked, 0o666);
    chmodSync(lockedDir, 0o555);
    const asRoot = process.getuid?.() === 0;
    const cwd = join(work, 'bad-input');
    const [missing, dangling, binary, notUtf8, empty, huge, unwritable] = await Promise.all([
      cli(['good.cfg', 'missing.cfg'], { cwd }),
      inproc(['dangling.cfg'], { cwd }),
      inproc(['binary.cfg', 'good.cfg'], { cwd }),
      inproc(['--fix', 'latin1.cfg'], { cwd }),
      inproc(['empty.cfg'], { cwd }),
      cli(['huge.cfg'], { cwd }),
      cli(['--fix', 'locked/haproxy.cfg'], { cwd, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) }),
    ]);
    // a missing file is reported, and the other files are still linted
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('haproxy-lint: missing.cfg: no such file or directory\n');
    expect(missing.stdout).toContain('syntax-error');
    expectOneLineError(dangling, /^haproxy-lint: dangling\.cfg: no such file or directory$/m);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/^haproxy-lint: binary\.cfg: looks like a binary file/);
    expect(binary.stdout).toContain('good.cfg');
    // not UTF-8: a notice, the fix is applied and every other byte survives
    expect(notUtf8.code, notUtf8.stderr).toBe(0);
    expect(notUtf8.stderr).toMatch(/^haproxy-lint: warning: latin1\.cfg:1:6: not valid UTF-8 \(byte 0xe9\); read as Latin-1/);
    expect(readFileSync(latin).equals(Buffer.concat([latinBytes, Buffer.from('\n')]))).toBe(true);
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: 'haproxy-lint: empty.cfg: empty file, nothing to lint\n' });
    expect(huge.code).toBe(1);
    expect(huge.stdout).toContain('missing-final-newline');
    expect(huge.stdout.length).toBeLessThan(2000);
    // the directory refuses the temp file: exit 2, the file unchanged, the findings still reported
    expect(unwritable.code, unwritable.stderr).toBe(2);
    expect(unwritable.stderr).toMatch(/^haproxy-lint: locked\/haproxy\.cfg: cannot write: permission denied; the file was left unchanged$/m);
    expect(readFileSync(locked, 'utf8')).toBe(NO_NEWLINE);
    expect(unwritable.stdout).toContain('missing-final-newline');
    chmodSync(lockedDir, 0o755);
  });

  test('parse: the tree as JSON with offsets; exit 1 on syntax errors, 2 when unreadable', async () => {
    put('parse/ok.cfg', MINIMAL);
    put('parse/bad.cfg', ERROR);
    const cwd = join(work, 'parse');
    const [ok, bad, missing, stdin] = await Promise.all([
      cli(['parse', 'ok.cfg'], { cwd }),
      cli(['parse', 'bad.cfg'], { cwd }),
      inproc(['parse', 'missing.cfg'], { cwd }),
      inproc(['parse', '-'], { cwd, input: MINIMAL }),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    type JsonWord = { raw: string; value: string; quoting: string; start: number; end: number; line: number; column: number };
    type JsonLine = { kind: string; keyword?: string; words: JsonWord[]; comment?: { text: string } };
    const tree = JSON.parse(ok.stdout) as { status: string; prologue: JsonLine[]; sections: { kind: string; name?: JsonWord; header: JsonLine; lines: JsonLine[] }[]; syntaxErrors: unknown[] };
    expect(tree.status).toBe('ok');
    expect(tree.sections.map((s) => [s.kind, s.name?.value])).toEqual([['global', undefined], ['defaults', undefined], ['frontend', 'www'], ['backend', 'app']]);
    expect(tree.prologue[0]!.comment!.text).toMatch(/^# The smallest/);
    const words = tree.sections.flatMap((s) => [s.header, ...s.lines]).flatMap((l) => l.words);
    for (const word of words) expect(MINIMAL.slice(word.start, word.end)).toBe(word.raw);
    expect(tree.sections[3]!.lines[0]).toMatchObject({ keyword: 'server', words: [{ raw: 'server', line: 17, column: 5 }, { raw: 'app1' }, { raw: '127.0.0.1:8000' }] });
    expect(JSON.parse(stdin.stdout)).toEqual({ ...tree, file: '<stdin>' });
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as { status: string }).status).toBe('failed');
    expect(bad.stderr).toMatch(/^bad\.cfg:17:\d+: error: forbidden first char in environment variable name.*\[syntax\/[a-z-]+\]$/m);
    expectOneLineError(missing, /^haproxy-lint: missing\.cfg: cannot read: no such file or directory$/m);
  });

  test('colors: FORCE_COLOR and --color turn them on, --no-color wins', async () => {
    put('color/haproxy.cfg', ERROR);
    const cwd = join(work, 'color');
    const [forced, flag, off, noColor] = await Promise.all([
      cli(['haproxy.cfg'], { cwd, env: { FORCE_COLOR: '1' } }),
      inproc(['--color', 'haproxy.cfg'], { cwd }),
      inproc(['--no-color', 'haproxy.cfg'], { cwd, env: { FORCE_COLOR: '1' } }),
      inproc(['haproxy.cfg'], { cwd, env: { NO_COLOR: '1' } }),
    ]);
    expect(forced.stdout).toContain('\u001b[31m');
    expect(flag.stdout).toContain('\u001b[31m');
    expect(off.stdout).not.toContain('\u001b[');
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  test('defaults are quiet: fixtures/minimal.cfg gets nothing; the seed config runs', async () => {
    const [minimal, seed] = await Promise.all([
      cli(['fixtures/minimal.cfg'], { cwd: ROOT }),
      inproc(['--app', 'django', 'fixtures/seed/question.cfg'], { cwd: ROOT }),
    ]);
    expect(minimal).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect([0, 1]).toContain(seed.code);
    expect(seed.stderr).toBe('');
  });
});

