import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FixOptions } from '../../src/index.js';

export const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

export interface RuleFixture {
  ruleDir: string;
  name: string;
  path: string;
  text: string;
  fixedPath: string;
  fixed: string | undefined;
  options: FixOptions & { haproxyCheck?: boolean };
  /** "line:ruleId" for every finding the fixture expects */
  expected: string[];
}

/**
 * Inline expectations: `# expect: <id>[, <id>]` at the end of the line the finding starts on,
 * or `# expect-next-line: <id>` on its own line. Options: a `# lint-options: {json}` line.
 */
const EXPECT = /#.*?\bexpect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;
const EXPECT_NEXT = /^\s*#\s*expect-next-line:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;
const OPTIONS = /#\s*lint-options:\s*(\{.*\})\s*$/;

export function loadRuleFixtures(): RuleFixture[] {
  const root = join(FIXTURES, 'rules');
  const fixtures: RuleFixture[] = [];
  for (const ruleDir of readdirSync(root).sort()) {
    for (const entry of readdirSync(join(root, ruleDir)).sort()) {
      if (!entry.endsWith('.cfg') || entry.endsWith('.fixed.cfg')) continue;
      const path = join(root, ruleDir, entry);
      const text = readFileSync(path, 'utf8');
      const fixedPath = path.replace(/\.cfg$/, '.fixed.cfg');
      fixtures.push({
        ruleDir, name: entry.replace(/\.cfg$/, ''), path, text, fixedPath,
        fixed: existsSync(fixedPath) ? readFileSync(fixedPath, 'utf8') : undefined,
        options: fixtureOptions(text), expected: expectedFindings(text),
      });
    }
  }
  return fixtures;
}

export function fixtureOptions(text: string): RuleFixture['options'] {
  for (const line of text.split(/\r?\n/)) {
    const match = OPTIONS.exec(line);
    if (match) return JSON.parse(match[1]!);
  }
  return {};
}

export function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  // split on LF only: a bare CR inside a line is part of that line for HAProxy's line numbers
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const next = EXPECT_NEXT.exec(line);
    if (next) {
      for (const id of next[1]!.split(',')) expected.push(`${index + 2}:${id.trim()}`);
      return;
    }
    const match = EXPECT.exec(line);
    if (match) for (const id of match[1]!.split(',')) expected.push(`${index + 1}:${id.trim()}`);
  });
  return expected.sort();
}
