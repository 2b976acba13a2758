/** The generated docs and schema must match the rules' metadata: run `npm run docs` when this fails. */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/index.js';
import { generatedFiles, RULE_DOCS_DIR } from '../../src/docs/generate.js';
import { validateConfigData } from '../../src/cli/config.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const STALE = 'stale: run `npm run docs` and commit docs/ and schema/';

describe('generated docs and schema', () => {
  const files = generatedFiles(RULES);

  test('every generated file is committed with the current content', () => {
    const stale = [...files].filter(([path, content]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), 'utf8') !== content).map(([path]) => path);
    expect(stale, STALE).toEqual([]);
  });

  test('no page for a rule that no longer exists', () => {
    const extra = readdirSync(join(ROOT, RULE_DOCS_DIR)).map((name) => `${RULE_DOCS_DIR}/${name}`).filter((path) => path.endsWith('.md') && !files.has(path));
    expect(extra, STALE).toEqual([]);
  });

  test('every rule has a page with what/why/example/fix safety and is in the index and the schema', () => {
    const index = files.get(`${RULE_DOCS_DIR}/README.md`)!;
    const schema = JSON.parse(files.get('schema/haproxy-lint.schema.json')!) as { definitions: { rules: { properties: Record<string, unknown> } } };
    for (const rule of RULES) {
      const page = files.get(`${RULE_DOCS_DIR}/${rule.id}.md`)!;
      for (const heading of ['## What it does', '## Why', '## Example', '## Fix safety', '## Options']) expect(page).toContain(heading);
      expect(page).toContain(rule.docs.why);
      expect(index).toContain(`](${rule.id}.md)`);
      expect(schema.definitions.rules.properties).toHaveProperty(rule.id);
    }
  });

  test('the README\'s configuration example is valid', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Configuration file'));
    const example = /```json\n([\s\S]*?)\n```/.exec(section);
    expect(example, 'README has a configuration example').not.toBeNull();
    expect(() => validateConfigData(JSON.parse(example![1]!), RULES)).not.toThrow();
  });
});
