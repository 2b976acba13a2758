import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../src/parser/index.js';
import { lintFile } from '../../src/api.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding } from '../../src/engine/types.js';
import { activeRules } from '../../src/engine/rule-settings.js';
import { CROSS_RULES, IncrementalLinter, LOCAL_RULES, sectionView } from '../../src/lsp/incremental.js';
import { editableConfigs, random, randomEdit } from '../helpers/edits.js';

/** the rules the incremental path knows how to scope (a rule added later lints whole documents until it is listed) */
const SCOPED = RULES.filter((rule) => LOCAL_RULES.has(rule.id) || CROSS_RULES.has(rule.id) || !rule.check);
const LOCAL = RULES.filter((rule) => LOCAL_RULES.has(rule.id));
const ALL_ON = { select: ['all'] };

const canonical = (findings: Finding[]) =>
  [...findings].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));

describe('incremental re-lint', () => {
  test('every rule on by default is scoped (an unlisted rule would make every keystroke lint the whole file)', () => {
    const unscoped = activeRules(RULES, {}).filter(({ rule }) => rule.check && !LOCAL_RULES.has(rule.id) && !CROSS_RULES.has(rule.id));
    expect(unscoped.map(({ rule }) => rule.id)).toEqual([]);
  });

  test('the local rules report in a proxy section what they report there when the whole file is linted', () => {
    let sections = 0;
    for (const { path, text } of editableConfigs(6)) {
      const file = parseConfig(text);
      for (const options of [{}, ALL_ON]) {
        const whole = lintFile(file, options, LOCAL).findings;
        for (const section of file.sections) {
          if (!['frontend', 'backend', 'listen'].includes(section.kind)) continue;
          sections++;
          const inSection = (f: Finding) => f.start >= section.start && f.start < section.end;
          const alone = lintFile(sectionView(file, section), options, LOCAL).findings.filter(inSection);
          expect(canonical(alone), `${path}: ${section.kind} ${section.name?.value ?? ''}`).toEqual(canonical(whole.filter(inSection)));
        }
      }
    }
    expect(sections).toBeGreaterThan(300);
  });

  test('after random edit sequences of the corpus, the findings are those of a full lint', () => {
    const next = random(15);
    const paths = new Map<string, number>();
    let edits = 0;
    for (const [index, { path, text }] of editableConfigs(14).entries()) {
      for (const options of index % 3 === 0 ? [{}, ALL_ON] : [{}]) {
        const linter = new IncrementalLinter(SCOPED);
        let current = text;
        linter.lint(current, options);
        for (let i = 0; i < 6; i++) {
          current = randomEdit(current, next);
          const outcome = linter.lint(current, options);
          edits++;
          const key = `${outcome.path}${outcome.reason ? `: ${outcome.reason.replace(/ of \S+ /, ' of … ')}` : ''}`;
          paths.set(key, (paths.get(key) ?? 0) + 1);
          expect(canonical(outcome.findings), `${path}, edit ${i}`).toEqual(canonical(lintFile(parseConfig(current), options, SCOPED).findings));
        }
      }
    }
    // the incremental paths must be the ones under test, not the fallbacks
    const count = (prefix: string) => [...paths].filter(([key]) => key.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0);
    for (const path of ['section', 'cross', 'spliced']) expect(count(path), `${path}: ${JSON.stringify([...paths])}`).toBeGreaterThan(Math.max(50, edits / 40));
  });

  test('typing in a server line of a large config runs the local rules on its section; a backend reference runs the cross-section rules too', () => {
    const lines = ['global', '    maxconn 100', '', 'defaults', '    mode http', '    timeout client 5s', '    timeout server 5s', '    timeout connect 5s', ''];
    for (let n = 0; n < 50; n++) lines.push(`frontend f${n}`, '    bind :80', `    default_backend b${n}`, '', `backend b${n}`, `    server s${n} 10.0.0.${n}:80 check`, '');
    const text = lines.join('\n') + '\n';
    const linter = new IncrementalLinter(SCOPED);
    linter.lint(text, {});
    const typed = text.replace('server s7 10.0.0.7:80', 'server s7 10.0.0.7:8080');
    expect(linter.lint(typed, {}).path).toBe('section');
    const renamed = typed.replace('default_backend b3\n', 'default_backend b3x\n');
    const outcome = linter.lint(renamed, {});
    expect(outcome).toMatchObject({ path: 'cross', reason: 'cross-section face changed' });
    expect(outcome.findings.some((f) => f.ruleId === 'undefined-reference' && f.message.includes("'b3x'"))).toBe(true);
  });
});
