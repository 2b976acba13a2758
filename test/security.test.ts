/**
 * The security group (issue #14): which rules run by default, what `--select security` adds, the SARIF
 * `security-severity` GitHub code scanning ranks alerts by, `rules --group`, and the rules' documentation.
 * The findings and fixes of each rule are checked by the fixtures (test/rules.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lint, RULES } from '../src/index.js';
import { TARGET_VERSIONS } from '../src/engine/types.js';
import { activeRules, onByDefault, securitySeverityOf } from '../src/engine/rule-settings.js';
import { sarif } from '../src/cli/formats/sarif.js';
import { run } from '../src/cli/run.js';
import { renderRuleDoc, renderRuleIndex } from '../src/docs/render.js';
import { configSchema } from '../src/docs/schema.js';
import { FIXTURES } from './helpers/fixtures.js';

const SECURITY = RULES.filter((r) => r.group === 'security');
const OPT_IN = RULES.filter((r) => !onByDefault(r));
/** HAPR's deliberately weak example, as the fixture holds it */
const HAPR = readFileSync(`${FIXTURES}rules/stats-page-unprotected/hapr-insecure.cfg`, 'utf8');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: process.cwd(), env: {}, stdin: (async function* () {})(),
    stdout: { write: (t) => { stdout += String(t); }, isTTY: false },
    stderr: { write: (t) => { stderr += String(t); }, isTTY: false },
  });
  return { code, stdout, stderr };
}

describe('opt-in rules', () => {
  test('the security group has rules on by default and opt-in rules', () => {
    expect(SECURITY.length).toBeGreaterThanOrEqual(20);
    expect(OPT_IN.length).toBeGreaterThan(0);
    expect(SECURITY.filter(onByDefault).map((r) => r.id)).toEqual(expect.arrayContaining(['weak-tls-version', 'weak-tls-cipher', 'stats-page-unprotected', 'stats-socket-exposed', 'userlist-insecure-password']));
  });

  test('off by default; on with --select of the id, the group or all, or with a severity in the settings', () => {
    const ids = (options: Parameters<typeof activeRules>[1]) => new Set(activeRules(RULES, options).map((a) => a.rule.id));
    const byDefault = ids({});
    for (const rule of OPT_IN) expect(byDefault.has(rule.id), rule.id).toBe(false);
    for (const rule of RULES.filter(onByDefault)) expect(byDefault.has(rule.id), rule.id).toBe(true);
    const group = ids({ select: ['security'] });
    expect([...group].sort()).toEqual(SECURITY.map((r) => r.id).sort());
    const all = ids({ select: ['all'] });
    expect(all.size).toBe(RULES.length);
    const one = OPT_IN[0]!;
    expect([...ids({ select: [one.id] })]).toEqual([one.id]);
    expect(ids({ rules: { [one.id]: 'warning' } }).has(one.id)).toBe(true);
    expect(ids({ rules: { [one.id]: ['info', {}] } }).has(one.id)).toBe(true);
    expect(ids({ select: ['security'], ignore: [one.id] }).has(one.id)).toBe(false);
    expect(ids({ select: ['security'], rules: { [one.id]: 'off' } }).has(one.id)).toBe(false);
  });

  test("HAPR's insecure example: the default set reports the open stats page and the admin socket without mode; --select security the rest", () => {
    const byDefault = lint(HAPR).findings.map((f) => f.ruleId);
    expect(new Set(byDefault)).toEqual(new Set(['stats-page-unprotected', 'stats-socket-without-mode', 'missing-timeouts']));
    const selected = new Set(lint(HAPR, { select: ['security'] }).findings.map((f) => f.ruleId));
    for (const id of ['process-runs-as-root', 'missing-chroot', 'stats-socket-without-mode', 'stats-page-unprotected', 'stats-version-disclosure', 'missing-http-request-timeout', 'missing-security-headers']) {
      expect(selected.has(id), id).toBe(true);
    }
  });
});

describe('version awareness', () => {
  test.each(TARGET_VERSIONS.map((v) => [v]))('target %s: nothing asked of what the version does by default', (targetVersion) => {
    // bind's minimum is TLSv1.2 since 2.2, servers verify certificates by default, sockets default to level operator
    const text = 'global\n    stats socket /run/haproxy.sock mode 600\n    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256\n\n'
      + 'frontend www\n    bind :443 ssl crt /etc/haproxy/site.pem\n    default_backend app\n\n'
      + 'backend app\n    server s1 10.0.0.5:443 ssl ca-file /etc/ssl/certs/ca.pem\n';
    const ids = lint(text, { targetVersion, select: ['weak-tls-version', 'weak-tls-cipher', 'weak-dh-param', 'crt-without-ssl', 'ssl-verify-none', 'stats-socket-exposed', 'stats-socket-without-mode'] }).findings.map((f) => f.ruleId);
    expect(ids).toEqual([]);
    const bindWithoutProtocols = 'frontend www\n    bind :443 ssl crt /etc/haproxy/site.pem no-tlsv12 no-tlsv13\n';
    expect(lint(bindWithoutProtocols, { targetVersion, select: ['weak-tls-version'] }).findings).toEqual([]);
  });
});

describe('metadata and documentation', () => {
  test.each(SECURITY.map((r) => [r.id, r] as const))('%s: security severity in range, a reference, the attack, opt-in status in its page', (_id, rule) => {
    const score = securitySeverityOf(rule);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(10);
    expect(rule.docs.why).toMatch(/Reference|manual|OWASP|Mozilla|RFC/);
    const page = renderRuleDoc(rule);
    expect(page).toContain(`Security severity: ${score!.toFixed(1)}`);
    expect(page.includes('**Opt-in**')).toBe(!onByDefault(rule));
  });

  test('the rule index marks opt-in rules and the schema describes them as off by default', () => {
    const index = renderRuleIndex(RULES);
    const schema = configSchema(RULES) as { definitions: { rules: { properties: Record<string, { description: string }> } } };
    for (const rule of RULES) {
      const row = index.split('\n').find((line) => line.startsWith(`| [${rule.id}](`))!;
      expect(row.includes('(opt-in)'), rule.id).toBe(!onByDefault(rule));
      expect(schema.definitions.rules.properties[rule.id]!.description.includes('default: off, opt-in'), rule.id).toBe(!onByDefault(rule));
    }
  });
});

describe('SARIF', () => {
  test('security rules carry security-severity (a number as a string) and the security tag; other rules none', () => {
    const log = JSON.parse(sarif({ files: [], rules: RULES, unsafeFixes: false, color: false, cwd: '/work/x', version: '9.9.9' })) as {
      runs: { tool: { driver: { rules: { id: string; properties: { tags: string[]; 'security-severity'?: string } }[] } } }[];
    };
    for (const descriptor of log.runs[0]!.tool.driver.rules) {
      const rule = RULES.find((r) => r.id === descriptor.id)!;
      if (rule.group === 'security') {
        expect(descriptor.properties['security-severity'], rule.id).toMatch(/^\d+\.\d$/);
        expect(Number(descriptor.properties['security-severity'])).toBe(securitySeverityOf(rule));
        expect(descriptor.properties.tags).toContain('security');
      } else {
        expect(descriptor.properties['security-severity'], rule.id).toBeUndefined();
        expect(descriptor.properties.tags).not.toContain('security');
      }
    }
  });
});

describe('rules --group', () => {
  test('lists the rules of the group with whether they run by default', async () => {
    const { code, stdout } = await cli(['rules', '--group', 'security']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').slice(1);
    expect(rows.map((row) => row.split(/\s+/)[0]).sort()).toEqual(SECURITY.map((r) => r.id).sort());
    for (const rule of SECURITY) expect(stdout).toMatch(new RegExp(`^${rule.id}\\s+${rule.severity}\\s+${rule.fixable}\\s+security\\s+${onByDefault(rule) ? 'on' : 'opt-in'}\\s`, 'm'));
  });

  test('JSON output says default and security severity; an unknown group is a usage error', async () => {
    const json = JSON.parse((await cli(['rules', '--group', 'security', '--format', 'json'])).stdout) as { id: string; default: boolean; securitySeverity: number }[];
    expect(json.map((r) => r.id).sort()).toEqual(SECURITY.map((r) => r.id).sort());
    for (const entry of json) expect(entry.default).toBe(onByDefault(RULES.find((r) => r.id === entry.id)!));
    const bad = await cli(['rules', '--group', 'secrity']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown group 'secrity' \(did you mean 'security'\?\)/);
  });
});
