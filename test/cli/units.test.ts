/**
 * In-process tests of the CLI's parts: glob matching, configuration validation (against the
 * generated JSON Schema too), byte decoding, safe writes and every output format, parsed back.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync, readlinkSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { lint, RULES } from '../../src/index.js';
import type { Finding, Rule } from '../../src/index.js';
import { GlobSet, globBase, globToRegExp, isGlob } from '../../src/cli/glob.js';
import { effectiveOptions, loadConfigFile, validateConfigData } from '../../src/cli/config.js';
import { binaryReason, decodeBytes, encodeText, firstInvalidUtf8, readSource, writeSourceAtomically } from '../../src/cli/io.js';
import { CliError } from '../../src/cli/errors.js';
import { shouldColor } from '../../src/cli/color.js';
import { isHaproxyConfigName } from '../../src/cli/discover.js';
import { configSchema } from '../../src/docs/schema.js';
import { stylish } from '../../src/cli/formats/stylish.js';
import { json, eslintFix } from '../../src/cli/formats/json.js';
import { sarif } from '../../src/cli/formats/sarif.js';
import { github, escapeData, escapeProperty } from '../../src/cli/formats/github.js';
import { unix } from '../../src/cli/formats/unix.js';
import { checkstyle } from '../../src/cli/formats/checkstyle.js';
import type { FileReport, ReportContext } from '../../src/cli/formats/types.js';
import { run, type Io } from '../../src/cli/run.js';

const SARIF_SCHEMA = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'haproxy-lint-unit-'));
}

describe('glob', () => {
  test('segments, double stars, classes and alternatives', () => {
    expect(globToRegExp('*.cfg').test('haproxy.cfg')).toBe(true);
    expect(globToRegExp('*.cfg').test('a/haproxy.cfg')).toBe(false);
    expect(globToRegExp('**/*.cfg').test('haproxy.cfg')).toBe(true);
    expect(globToRegExp('**/*.cfg').test('a/b/haproxy.cfg')).toBe(true);
    expect(globToRegExp('conf/**').test('conf/a/b')).toBe(true);
    expect(globToRegExp('a/**/b.cfg').test('a/b.cfg')).toBe(true);
    expect(globToRegExp('a/**/b.cfg').test('a/x/y/b.cfg')).toBe(true);
    expect(globToRegExp('haproxy-?.cfg').test('haproxy-1.cfg')).toBe(true);
    expect(globToRegExp('haproxy-?.cfg').test('haproxy-12.cfg')).toBe(false);
    expect(globToRegExp('[!a]*.cfg').test('b.cfg')).toBe(true);
    expect(globToRegExp('[!a]*.cfg').test('a.cfg')).toBe(false);
    expect(globToRegExp('{lb,edge}.cfg').test('edge.cfg')).toBe(true);
    expect(globToRegExp('{lb,edge}.cfg').test('other.cfg')).toBe(false);
    expect(globToRegExp('a.b+c(d).cfg').test('a.b+c(d).cfg')).toBe(true);
    expect(globToRegExp('a.b+c(d).cfg').test('aXb+c(d).cfg')).toBe(false);
    expect(isGlob('x/*.cfg')).toBe(true);
    expect(isGlob('x/y.cfg')).toBe(false);
    expect(globBase('conf/**/*.cfg')).toBe('conf');
    expect(globBase('*.cfg')).toBe('.');
    expect(globBase('/etc/haproxy/*.cfg')).toBe('/etc/haproxy');
  });

  test('GlobSet: patterns without a slash match base names at any depth, with a slash they are anchored', () => {
    const set = new GlobSet(['*.cfg', 'conf.d/', './edge/lb.cfg']);
    expect(set.matches('x.cfg')).toBe(true);
    expect(set.matches('deep/down/x.cfg')).toBe(true);
    expect(set.matches('conf.d/anything')).toBe(true);
    expect(set.matches('edge/lb.cfg')).toBe(true);
    expect(set.matches('edge/lb.conf')).toBe(false);
    expect(new GlobSet([]).empty).toBe(true);
    expect(new GlobSet(['vendor']).matches('vendor/haproxy.cfg')).toBe(true);
  });

  test('default names: haproxy*.cfg anywhere, *.cfg only below a haproxy/ directory', () => {
    expect(isHaproxyConfigName('/srv/haproxy.cfg')).toBe(true);
    expect(isHaproxyConfigName('/srv/haproxy-edge.cfg')).toBe(true);
    expect(isHaproxyConfigName('/etc/haproxy/conf.d/10-web.cfg')).toBe(true);
    expect(isHaproxyConfigName('/srv/setup.cfg')).toBe(false);
    expect(isHaproxyConfigName('/srv/haproxy.cfg.bak')).toBe(false);
  });
});

describe('configuration', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validateWithSchema = ajv.compile(configSchema(RULES));
  const aRule = RULES.find((r) => r.id === 'missing-final-newline')!;

  const good: unknown[] = [
    {},
    { $schema: './schema/haproxy-lint.schema.json' },
    { rules: { [aRule.id]: 'off' } },
    { rules: { [aRule.id]: ['warning'] } },
    { rules: { [aRule.id]: ['info', {}] } },
    { app: 'django', apps: { api: 'flask' }, targetVersion: '2.6' },
    { include: ['conf/*.cfg'], exclude: ['legacy/**'] },
    { environment: ['PORT', 'LOG_HOST', '_X1'] },
    { overrides: [{ files: ['edge/*.cfg'], app: 'rails', rules: { [aRule.id]: 'error' }, targetVersion: '3.0' }] },
  ];
  const bad: [unknown, RegExp][] = [
    [[], /must be a JSON object/],
    [{ rulez: {} }, /unknown setting 'rulez' \(did you mean 'rules'\?\)/],
    [{ rules: { 'no-such-rule': 'off' } }, /unknown rule 'no-such-rule'/],
    [{ rules: { [aRule.id]: 'warn' } }, /must be one of "off", "info", "warning", "error" \(did you mean 'warning'\?\)/],
    [{ rules: { [aRule.id]: 2 } }, /must be one of/],
    [{ rules: { [aRule.id]: ['error', { nope: true }] } }, /has no option 'nope'/],
    [{ rules: { [aRule.id]: ['error', {}, 3] } }, /\[severity, options\]/],
    [{ app: 'django app' }, /application name/],
    [{ apps: { api: 3 } }, /application name/],
    [{ targetVersion: 3.2 }, /must be one of "2.6"/],
    [{ targetVersion: '1.8' }, /must be one of "2.6"/],
    [{ include: 'x.cfg' }, /array of non-empty strings/],
    [{ environment: 'PORT' }, /array of environment variable names/],
    [{ environment: ['1PORT'] }, /array of environment variable names/],
    [{ exclude: [''] }, /array of non-empty strings/],
    [{ overrides: {} }, /must be an array/],
    [{ overrides: [{ app: 'django' }] }, /needs 'files'/],
    [{ overrides: [{ files: [] }] }, /at least one glob/],
    [{ overrides: [{ files: ['*.cfg'], apps: {} }] }, /unknown setting 'apps'/],
  ];

  test('valid configurations pass both the CLI validator and the JSON Schema', () => {
    for (const config of good) {
      expect(() => validateConfigData(config, RULES), JSON.stringify(config)).not.toThrow();
      expect(validateWithSchema(config), `${JSON.stringify(config)}: ${ajv.errorsText(validateWithSchema.errors)}`).toBe(true);
    }
  });

  test('invalid configurations fail both, the CLI validator naming the key', () => {
    for (const [config, message] of bad) {
      expect(() => validateConfigData(config, RULES), JSON.stringify(config)).toThrow(message);
      expect(validateWithSchema(config), JSON.stringify(config)).toBe(false);
    }
  });

  test('rule options are validated by type', () => {
    // no shipped rule has options yet: a rule made for the test has one of each type
    const rule: Rule = {
      ...aRule, id: 'test-rule-with-options',
      options: {
        limit: { type: 'number', description: 'a number' },
        mode: { type: 'string', description: 'a string', enum: ['a', 'b'] },
        strict: { type: 'boolean', description: 'a boolean' },
        names: { type: 'string[]', description: 'strings' },
      },
    };
    const rules = [...RULES, rule];
    const validate = new Ajv({ allErrors: true, strict: false }).compile(configSchema(rules));
    const config = (options: Record<string, unknown>) => ({ rules: { [rule.id]: ['warning', options] } });
    const ok = config({ limit: 3, mode: 'b', strict: true, names: ['x'] });
    expect(() => validateConfigData(ok, rules)).not.toThrow();
    expect(validate(ok), ajv.errorsText(validate.errors)).toBe(true);
    for (const [name, wrong] of [['limit', 'x'], ['mode', 12], ['mode', 'c'], ['strict', 'yes'], ['names', 'x'], ['names', [1]]] as const) {
      expect(() => validateConfigData(config({ [name]: wrong }), rules), `${name}: ${JSON.stringify(wrong)}`).toThrow(new RegExp(`option '${name}'`));
      expect(validate(config({ [name]: wrong })), `${name}: ${JSON.stringify(wrong)}`).toBe(false);
    }
  });

  test('file errors name the file, the line and column of the key', () => {
    const dir = tempDir();
    try {
      const path = join(dir, '.haproxy-lint.json');
      writeFileSync(path, '{\n  "rules": {\n    "missing-final-newline": "loud"\n  }\n}\n');
      expect(() => loadConfigFile(path, RULES, 'cfg.json')).toThrow(/^cfg\.json:3:5: rules\.missing-final-newline: must be one of/);
      writeFileSync(path, '{\n  "app": "django",\n}\n');
      expect(() => loadConfigFile(path, RULES, 'cfg.json')).toThrow(/^cfg\.json(:\d+:\d+)?: invalid JSON/);
      const pkg = join(dir, 'package.json');
      writeFileSync(pkg, JSON.stringify({ name: 'x', 'haproxy-lint': { colour: true } }, null, 2));
      expect(() => loadConfigFile(pkg, RULES, 'package.json')).toThrow(/^package\.json:\d+:\d+: haproxy-lint\.colour: unknown setting/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the declared environment reaches the lint options, and the rule judges against it', () => {
    const dir = tempDir();
    try {
      const path = join(dir, '.haproxy-lint.json');
      writeFileSync(path, JSON.stringify({ environment: ['PORT'] }));
      const options = effectiveOptions(loadConfigFile(path, RULES), join(dir, 'haproxy.cfg'), {});
      expect(options).toEqual({ environment: ['PORT'] });
      const text = 'global\n    maxconn "${MAXCONN}"\n\nfrontend www\n    bind ":${PORT}"\n';
      const ids = (o: typeof options) => lint(text, o).findings.filter((f) => f.ruleId === 'unset-environment-variable').map((f) => `${f.line}:${f.severity}`);
      expect(ids(options)).toEqual(['2:error']);
      // without a declared environment the variables are taken to be set at run time
      expect(ids({})).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('overrides apply by glob, and the command line wins over the file', () => {
    const dir = tempDir();
    try {
      const path = join(dir, '.haproxy-lint.json');
      writeFileSync(path, JSON.stringify({
        app: 'django', targetVersion: '2.8', rules: { [aRule.id]: 'warning' },
        overrides: [{ files: ['edge/*.cfg'], app: 'rails', rules: { [aRule.id]: 'off' }, targetVersion: '3.0' }],
      }));
      const config = loadConfigFile(path, RULES);
      expect(effectiveOptions(config, join(dir, 'haproxy.cfg'), {})).toEqual({ app: 'django', targetVersion: '2.8', rules: { [aRule.id]: 'warning' } });
      expect(effectiveOptions(config, join(dir, 'edge/lb.cfg'), {})).toEqual({ app: 'rails', targetVersion: '3.0', rules: { [aRule.id]: 'off' } });
      expect(effectiveOptions(config, join(dir, 'edge/lb.cfg'), { app: 'flask', targetVersion: '2.6', rules: { [aRule.id]: 'error' }, select: ['syntax'] }))
        .toEqual({ app: 'flask', targetVersion: '2.6', rules: { [aRule.id]: 'error' }, select: ['syntax'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading and writing files', () => {
  test('UTF-8 with and without BOM decodes as UTF-8 keeping the BOM; anything else as Latin-1', () => {
    expect(decodeBytes(Buffer.from('global\n'))).toEqual({ text: 'global\n', encoding: 'utf-8' });
    expect(decodeBytes(Buffer.from('\ufeffglobal\n'))).toEqual({ text: '\ufeffglobal\n', encoding: 'utf-8' });
    const latin = Buffer.from([0x23, 0x20, 0xe9, 0x0a]);
    const decoded = decodeBytes(latin);
    expect(decoded.encoding).toBe('latin1');
    expect(decoded.invalidAt).toBe(2);
    expect(encodeText(decoded.text, 'latin1')).toEqual(latin);
    expect(() => encodeText('€', 'latin1')).toThrow(CliError);
    expect(firstInvalidUtf8(Buffer.from([0xc3, 0xa9, 0xed, 0xa0, 0x80]))).toBe(2); // a surrogate is not UTF-8
    expect(firstInvalidUtf8(Buffer.from('héllo'))).toBe(6);
  });

  test('binary detection: NUL bytes beyond one, UTF-16 BOMs', () => {
    expect(binaryReason(Buffer.from('global\n'))).toBeUndefined();
    expect(binaryReason(Buffer.from('global\0\n'))).toBeUndefined(); // one NUL: a syntax error for the linter to report
    expect(binaryReason(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]))).toMatch(/binary/);
    expect(binaryReason(Buffer.from([0xff, 0xfe, 0x67, 0]))).toMatch(/UTF-16/);
  });

  test('atomic write keeps mode, goes through symlinks, and refuses a file that changed or vanished', async () => {
    const dir = tempDir();
    try {
      const target = join(dir, 'real.cfg');
      writeFileSync(target, 'global\n');
      chmodSync(target, 0o640);
      const link = join(dir, 'haproxy.cfg');
      symlinkSync('real.cfg', link);
      const source = await readSource('haproxy.cfg', link);
      await writeSourceAtomically(source, 'global\n    maxconn 10\n');
      expect(readFileSync(target, 'utf8')).toBe('global\n    maxconn 10\n');
      expect(statSync(target).mode & 0o777).toBe(0o640);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe('real.cfg');

      const stale = await readSource('real.cfg', target);
      writeFileSync(target, 'global\n    maxconn 20\n\n');
      await expect(writeSourceAtomically(stale, 'x\n')).rejects.toThrow(/changed on disk/);
      const gone = await readSource('real.cfg', target);
      rmSync(target);
      await expect(writeSourceAtomically(gone, 'x\n')).rejects.toThrow(/vanished/);
      await expect(readSource('real.cfg', target)).rejects.toThrow(/^real\.cfg: cannot read: no such file or directory$/);
      await expect(readSource('dir', dir)).rejects.toThrow(/is a directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('colors: flag, then FORCE_COLOR, then NO_COLOR, then TTY', () => {
  expect(shouldColor(undefined, {}, true)).toBe(true);
  expect(shouldColor(undefined, {}, false)).toBe(false);
  expect(shouldColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
  expect(shouldColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
  expect(shouldColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
  expect(shouldColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
  expect(shouldColor(true, { NO_COLOR: '1' }, false)).toBe(true);
});

// ---------------------------------------------------------------------------------------------
// formats

/** A hand-made report with every severity, a multi-edit fix and characters each format must escape. */
function sampleContext(): ReportContext {
  const text = 'global\n\tlog stdout format raw local0\nbackend b\n    server s1 127.0.0.1:80 # "quoted" & <tag>, 100%\n';
  const at = (line: number, column: number) => text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0) + column - 1;
  const finding = (ruleId: string, severity: Finding['severity'], line: number, column: number, length: number, message: string, fix?: Finding['fix']): Finding => ({
    ruleId, severity, message, start: at(line, column), end: at(line, column) + length,
    line, column, endLine: line, endColumn: column + length, ...(fix ? { fix } : {}),
  });
  const findings = [
    finding('syntax-error', 'error', 2, 2, 3, 'an error: with "quotes", commas, 100% and\na newline'),
    finding('missing-final-newline', 'warning', 4, 5, 6, 'a warning <b>&amp;</b>', {
      description: 'two edits', applicability: 'safe',
      edits: [{ start: at(4, 5), end: at(4, 11), text: 'SERVER' }, { start: at(4, 12), end: at(4, 14), text: 'app1' }],
    }),
    finding('unused-suppression', 'info', 4, 36, 5, 'an info', { description: 'unsafe one', applicability: 'unsafe', edits: [{ start: at(4, 36), end: at(4, 41), text: '' }] }),
  ];
  const file: FileReport = { path: 'conf/haproxy.cfg', absPath: '/work/x/conf/haproxy.cfg', text, findings, fixedCount: 0 };
  return { files: [file, { path: 'clean.cfg', absPath: '/work/x/clean.cfg', text: 'global\n', findings: [], fixedCount: 0 }], rules: RULES, unsafeFixes: false, color: false, cwd: '/work/x', version: '9.9.9' };
}

describe('formats', () => {
  test('stylish: grouped by file, source line with carets, summary with fixable counts', () => {
    const out = stylish(sampleContext());
    const lines = out.split('\n');
    expect(lines[0]).toBe('conf/haproxy.cfg');
    expect(out).not.toContain('clean.cfg');
    expect(out).toMatch(/^ {2}2:2 {3}error {4}an error: with "quotes", commas, 100% and a newline {2}syntax-error$/m);
    // the tab is expanded to four spaces, and the caret sits under `log`
    const source = lines.findIndex((l) => l.includes('log stdout'));
    expect(lines[source]).toBe('    2 |     log stdout format raw local0');
    expect(lines[source + 1]).toBe('      |     ^^^');
    expect(out).toContain('3 problems (1 error, 1 warning, 1 info)');
    expect(out).toContain('1 fixable with --fix (1 more with --unsafe-fixes)');
    expect(out).not.toContain('\u001b[');
    expect(stylish({ ...sampleContext(), color: true })).toContain('\u001b[31m');
    expect(stylish({ ...sampleContext(), files: [] })).toBe('');
  });

  test('stylish windows a very long line around the finding', () => {
    const text = `global\n    description ${'x'.repeat(100_000)}y\n`;
    const start = text.indexOf('y');
    const finding: Finding = { ruleId: 'syntax-error', severity: 'error', message: 'm', start, end: start + 1, line: 2, column: start - 7 + 1, endLine: 2, endColumn: start - 7 + 2 };
    const out = stylish({ ...sampleContext(), files: [{ path: 'big.cfg', absPath: '/big.cfg', text, findings: [finding], fixedCount: 0 }] });
    expect(out.length).toBeLessThan(1000);
    const lines = out.split('\n');
    const caretLine = lines.find((l) => l.includes('^'))!;
    const sourceLine = lines[lines.indexOf(caretLine) - 1]!;
    expect(sourceLine[caretLine.indexOf('^')]).toBe('y');
  });

  test('json: the ESLint result shape with level and fix applicability', () => {
    const context = sampleContext();
    const results = JSON.parse(json(context)) as Array<Record<string, unknown> & { messages: Array<Record<string, unknown>> }>;
    expect(results).toHaveLength(2);
    const [first] = results;
    expect(first).toMatchObject({ filePath: '/work/x/conf/haproxy.cfg', errorCount: 1, warningCount: 1, infoCount: 1, fixableErrorCount: 0, fixableWarningCount: 1 });
    expect(first!.messages.map((m) => [m.ruleId, m.severity, m.level])).toEqual([['syntax-error', 2, 'error'], ['missing-final-newline', 1, 'warning'], ['unused-suppression', 1, 'info']]);
    for (const m of first!.messages) for (const key of ['line', 'column', 'endLine', 'endColumn', 'message']) expect(m).toHaveProperty(key);
    const fix = first!.messages[1]!.fix as { range: [number, number]; text: string; applicability: string; edits: unknown[] };
    expect(fix.applicability).toBe('safe');
    expect(fix.edits).toHaveLength(2);
    // the merged ESLint fix gives the same text as applying both edits
    const text = context.files[0]!.text;
    expect(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1])).toContain('SERVER app1 127.0.0.1:80');
    expect((first!.messages[2]!.fix as { applicability: string }).applicability).toBe('unsafe');
    expect(first!.messages[0]).not.toHaveProperty('fix');
    expect(eslintFix('abc', { description: '', applicability: 'safe', edits: [] })).toBeUndefined();
  });

  test('sarif: valid SARIF 2.1.0 with rule metadata, locations and fixes', () => {
    const log = JSON.parse(sarif(sampleContext())) as { version: string; runs: Array<{ tool: { driver: { rules: Array<Record<string, unknown>> } }; results: Array<Record<string, any>> }> };
    const schema = { ...SARIF_SCHEMA };
    delete schema.$schema; // draft-04 header; the schema uses no keyword that differs in draft-07
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const driverRules = log.runs[0]!.tool.driver.rules;
    expect(driverRules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of driverRules) {
      expect(rule).toHaveProperty('shortDescription.text');
      expect(rule).toHaveProperty('fullDescription.text');
      expect(rule).toHaveProperty('help.text');
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id as string}\\.md$`));
      expect(['error', 'warning', 'note']).toContain((rule.defaultConfiguration as { level: string }).level);
    }
    const results = log.runs[0]!.results;
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'note']);
    expect(results[0]!.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'conf/haproxy.cfg', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 2, endLine: 2, endColumn: 5 } });
    expect(results[0]!.ruleIndex).toBe(RULES.findIndex((r) => r.id === 'syntax-error'));
    expect(results[1]!.fixes[0].artifactChanges[0].replacements).toHaveLength(2);
  });

  test('github: workflow commands with escaped properties and data', () => {
    const out = github(sampleContext()).trimEnd().split('\n');
    expect(out).toHaveLength(3);
    const command = /^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,?)+)::(.*)$/;
    const parsed = out.map((line) => {
      const m = command.exec(line)!;
      expect(m, line).not.toBeNull();
      const props = Object.fromEntries(m[2]!.split(',').map((p) => p.split('=') as [string, string]));
      return { level: m[1], props, data: decodeURIComponent(m[3]!) };
    });
    expect(parsed.map((p) => p.level)).toEqual(['error', 'warning', 'notice']);
    expect(parsed[0]!.props).toEqual({ file: 'conf/haproxy.cfg', line: '2', col: '2', endLine: '2', endColumn: '5', title: 'syntax-error' });
    expect(parsed[0]!.data).toBe('an error: with "quotes", commas, 100% and\na newline [syntax-error]');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeData('a:b,c\r')).toBe('a:b,c%0D');
  });

  test('unix: path:line:col: severity: message [rule]', () => {
    const out = unix(sampleContext()).trimEnd().split('\n');
    expect(out).toHaveLength(3);
    for (const line of out) expect(line).toMatch(/^conf\/haproxy\.cfg:\d+:\d+: (error|warning|info): .+ \[[a-z-]+\]$/);
    expect(out[0]).toBe('conf/haproxy.cfg:2:2: error: an error: with "quotes", commas, 100% and a newline [syntax-error]');
  });

  test('checkstyle: well-formed XML whose attributes give back the messages', () => {
    const xml = checkstyle(sampleContext());
    const files = parseCheckstyle(xml);
    expect(files.map((f) => f.name)).toEqual(['/work/x/conf/haproxy.cfg', '/work/x/clean.cfg']);
    expect(files[0]!.errors.map((e) => [e.line, e.column, e.severity, e.source])).toEqual([
      ['2', '2', 'error', 'haproxy-lint.syntax-error'], ['4', '5', 'warning', 'haproxy-lint.missing-final-newline'], ['4', '36', 'info', 'haproxy-lint.unused-suppression'],
    ]);
    expect(files[0]!.errors[1]!.message).toBe('a warning <b>&amp;</b> (missing-final-newline)');
    expect(files[0]!.errors[0]!.message).toBe('an error: with "quotes", commas, 100% and\na newline (syntax-error)');
  });

  test('every format prints something parseable for real findings from every rule\'s bad example', () => {
    const files: FileReport[] = RULES.map((rule: Rule) => {
      const text = rule.docs.bad.endsWith('\n') || rule.id === 'missing-final-newline' ? rule.docs.bad : `${rule.docs.bad}\n`;
      return { path: `${rule.id}.cfg`, absPath: `/work/x/${rule.id}.cfg`, text, findings: lint(text, { app: 'django' }).findings, fixedCount: 0 };
    });
    const context: ReportContext = { ...sampleContext(), files };
    expect(() => JSON.parse(json(context))).not.toThrow();
    expect(() => JSON.parse(sarif(context))).not.toThrow();
    expect(parseCheckstyle(checkstyle(context))).toHaveLength(files.length);
    expect(stylish(context)).toContain('problem');
  });
});

/** A strict little parser for the checkstyle subset we print: it fails on anything not well-formed. */
function parseCheckstyle(xml: string): { name: string; errors: Record<string, string>[] }[] {
  const decode = (v: string) => v.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const attrs = (s: string) => {
    const out: Record<string, string> = {};
    const rest = s.replace(/\s*([a-zA-Z]+)="([^"<]*)"/g, (_, k: string, v: string) => {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(v)) throw new Error(`bad entity in ${v}`);
      out[k] = decode(v);
      return '';
    });
    if (rest.trim() !== '' && rest.trim() !== '/') throw new Error(`junk in tag: ${rest}`);
    return out;
  };
  const lines = xml.trimEnd().split('\n');
  expect(lines[0]).toBe('<?xml version="1.0" encoding="utf-8"?>');
  expect(lines[1]).toMatch(/^<checkstyle version="[\d.]+">$/);
  expect(lines[lines.length - 1]).toBe('</checkstyle>');
  const files: { name: string; errors: Record<string, string>[] }[] = [];
  for (const line of lines.slice(2, -1)) {
    const open = /^\s*<file(.*)>$/.exec(line);
    const error = /^\s*<error(.*)\/>$/.exec(line);
    if (open) files.push({ name: attrs(open[1]!).name!, errors: [] });
    else if (error) files[files.length - 1]!.errors.push(attrs(error[1]!));
    else if (!/^\s*<\/file>$/.test(line)) throw new Error(`unexpected line: ${line}`);
  }
  return files;
}

describe('run() in-process', () => {
  function io(stdin: AsyncIterable<Uint8Array | string> = (async function* () {})()) {
    let out = '';
    let err = '';
    const value: Io = {
      cwd: process.cwd(), env: {}, stdin,
      stdout: { write: (t) => { out += String(t); return true; }, isTTY: false },
      stderr: { write: (t) => { err += String(t); return true; }, isTTY: false },
    };
    return { io: value, out: () => out, err: () => err };
  }

  test('an internal error is one line without --debug and a stack trace with it', async () => {
    const broken = async function* (): AsyncGenerator<Uint8Array> {
      throw new TypeError('stdin exploded');
    };
    const quiet = io(broken());
    expect(await run(['--stdin'], quiet.io)).toBe(2);
    expect(quiet.err()).toMatch(/^haproxy-lint: internal error: stdin exploded \(run with --debug/);
    expect(quiet.err()).not.toMatch(/\n\s+at /);
    const loud = io(broken());
    expect(await run(['--stdin', '--debug'], loud.io)).toBe(2);
    expect(loud.err()).toMatch(/\n\s+at /);
  });

  test('stdin in-process: findings on stdout, exit 1', async () => {
    const { io: value, out } = io((async function* () { yield 'global\n    maxconn 10'; })());
    expect(await run(['--stdin', '--format', 'unix'], value)).toBe(1);
    expect(out()).toMatch(/^<stdin>:2:\d+: error: .*\[missing-final-newline\]$/m);
  });
});
