import { describe, expect, test } from 'vitest';
import { fix, lint, parseConfig, RULES } from '../src/index.js';
import { isApplicable } from '../src/engine/fix.js';
import { loadRuleFixtures } from './helpers/fixtures.js';
import { requirePrograms } from './helpers/programs.js';
import { checkConfigText } from '../src/oracle/haproxy-check.js';

/** `# haproxy-check: skip -- reason` opts a fixture out, for fixed output that shows an unfixable error. */
const HAPROXY_SKIP = /#\s*haproxy-check:\s*skip\b/;
const haproxy = requirePrograms(['haproxy']);

const fixtures = loadRuleFixtures();

describe('rule fixtures', () => {
  test('every rule has fixtures with findings and fixed output', () => {
    const covered = new Set(fixtures.filter((f) => f.expected.length > 0).map((f) => f.ruleDir));
    // `haproxy` is reported by the command line (--with-haproxy), tested in test/cli/ci-formats.test.ts
    const missing = RULES.map((r) => r.id).filter((id) => id !== 'haproxy' && !covered.has(id));
    expect(missing).toEqual([]);
  });

  for (const fixture of fixtures) {
    describe(`${fixture.ruleDir}/${fixture.name}`, () => {
      test('reports exactly the marked findings', () => {
        const found = lint(fixture.text, fixture.options).findings.map((f) => `${f.line}:${f.ruleId}`).sort();
        expect(found).toEqual(fixture.expected);
      });

      test('fixes to the .fixed.cfg text', () => {
        expect(fixture.fixed, `${fixture.fixedPath} is missing`).toBeDefined();
        expect(fix(fixture.text, fixture.options).output).toBe(fixture.fixed);
      });

      test('the fixed text parses, leaves no applicable fix, and fixing again changes nothing', () => {
        const fixed = fixture.fixed ?? '';
        const before = parseConfig(fixture.text).syntaxErrors.filter((e) => e.fatal && e.code !== 'syntax/missing-final-newline').length;
        const after = parseConfig(fixed).syntaxErrors.filter((e) => e.fatal).length;
        expect(after).toBeLessThanOrEqual(before);
        const left = lint(fixed, fixture.options).findings.filter((f) => isApplicable(f, fixture.options.unsafeFixes === true));
        expect(left.map((f) => `${f.line}:${f.ruleId}`)).toEqual([]);
        expect(fix(fixed, fixture.options).output).toBe(fixed);
      });

      test.runIf(haproxy.ok && !HAPROXY_SKIP.test(fixture.text))('haproxy -c accepts the fixed text', async () => {
        const result = await checkConfigText(fixture.fixed ?? '');
        const alerts = result.alerts.map((a) => `${a.line ?? '?'}: ${a.message}`);
        expect(result.verdict, alerts.join('\n')).toBe('accepted');
      });
    });
  }
});
