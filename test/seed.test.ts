import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { fix, lint } from '../src/index.js';
import { checkConfigText } from '../src/oracle/haproxy-check.js';
import { requirePrograms } from './helpers/programs.js';

/** The story the product exists for, statically: every mistake found, fixed, and HAProxy agrees. */
const seed = (name: string) => readFileSync(new URL(`../fixtures/seed/${name}`, import.meta.url), 'utf8');
const haproxy = requirePrograms(['haproxy']);

describe('the seed story', () => {
  test('the question config: the 301, the mangled Accept header and rstatus are all found', () => {
    const ids = lint(seed('question.cfg'), { app: 'django' }).findings.map((f) => `${f.line}:${f.ruleId}`);
    expect(ids).toEqual(expect.arrayContaining(['26:healthcheck-uri-redirect', '26:malformed-mime-type', '27:rstatus-plain-number']));
  });

  test('the answer config: both nameless servers are errors', () => {
    const errors = lint(seed('answer.cfg'), { app: 'django' }).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.line}:${f.ruleId}`)).toEqual(['28:server-without-name', '29:server-without-name']);
  });

  test.each(['question', 'answer'])('%s.cfg fixes to %s.fixed.cfg, and a second fix changes nothing', (name) => {
    const fixed = fix(seed(`${name}.cfg`), { app: 'django' }).output;
    expect(fixed).toBe(seed(`${name}.fixed.cfg`));
    expect(fixed).toContain('uri /health-check/ ver HTTP/1.1 hdr Accept "application/json"');
    expect(fix(fixed, { app: 'django' }).changed).toBe(false);
  });

  test.runIf(haproxy.ok)('haproxy -c: accepts the broken question, rejects the answer, accepts both fixed', async () => {
    const verdicts = await Promise.all(['question.cfg', 'answer.cfg', 'question.fixed.cfg', 'answer.fixed.cfg'].map(async (name) => (await checkConfigText(seed(name))).verdict));
    expect(verdicts).toEqual(['accepted', 'rejected-syntax', 'accepted', 'accepted']);
  });
});
