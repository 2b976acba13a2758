/**
 * Generates docs/rules/<id>.md, docs/rules/README.md and schema/haproxy-lint.schema.json from the
 * rules' metadata (`npm run docs`). A test compares the committed files with what this produces.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from '../engine/types.js';
import { renderRuleDoc, renderRuleIndex } from './render.js';
import { configSchema } from './schema.js';

export const RULE_DOCS_DIR = 'docs/rules';
export const SCHEMA_PATH = 'schema/haproxy-lint.schema.json';

/** Every generated file, by path relative to the repository root. */
export function generatedFiles(rules: readonly Rule[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of rules) files.set(`${RULE_DOCS_DIR}/${rule.id}.md`, renderRuleDoc(rule));
  files.set(`${RULE_DOCS_DIR}/README.md`, renderRuleIndex(rules));
  files.set(SCHEMA_PATH, `${JSON.stringify(configSchema(rules), null, 2)}\n`);
  return files;
}

/** Writes the generated files under root and removes rule pages of rules that no longer exist. */
export function writeGenerated(root: string, rules: readonly Rule[]): { written: number; removed: string[] } {
  const files = generatedFiles(rules);
  mkdirSync(join(root, RULE_DOCS_DIR), { recursive: true });
  mkdirSync(join(root, 'schema'), { recursive: true });
  const removed: string[] = [];
  for (const name of readdirSync(join(root, RULE_DOCS_DIR))) {
    const path = `${RULE_DOCS_DIR}/${name}`;
    if (name.endsWith('.md') && !files.has(path)) {
      rmSync(join(root, path));
      removed.push(path);
    }
  }
  for (const [path, content] of files) writeFileSync(join(root, path), content);
  return { written: files.size, removed };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const { RULES } = await import('../rules/index.js');
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const { written, removed } = writeGenerated(root, RULES);
  process.stdout.write(`wrote ${written} files${removed.length > 0 ? `, removed ${removed.join(', ')}` : ''}\n`);
}
