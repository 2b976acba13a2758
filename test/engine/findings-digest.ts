/**
 * Every finding (with its fix edits) and the fixed output of a config, as text lines: the snapshot that
 * guards optimisations of the parser, model, engine and rules (they must not change what is found).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fix, lint } from '../../src/index.js';
import type { Finding } from '../../src/index.js';

export interface DigestInput {
  name: string;
  text: string;
}

const sha = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16);

/** One line per finding; its message and fix description are numbered texts listed after the findings (they repeat a lot). */
function findingLine(f: Finding, textNumber: (text: string) => number): string {
  const where = `${f.line}:${f.column}-${f.endLine}:${f.endColumn} [${f.start},${f.end})`;
  const edits = f.fix ? ` fix(${f.fix.applicability} #${textNumber(f.fix.description)}) ${JSON.stringify(f.fix.edits.map((e) => [e.start, e.end, e.text]))}` : '';
  return `  ${where} ${f.severity} ${f.ruleId} #${textNumber(f.message)}${edits}`;
}

/** The digest of one config: its findings in order, then the fixed output's hash (safe fixes, then with unsafe ones). */
export function digest(input: DigestInput): string {
  const out = [`== ${input.name}`];
  let findings: Finding[];
  try {
    findings = lint(input.text).findings;
  } catch (error) {
    return `${out[0]}\n  lint threw: ${(error as Error).message}\n`;
  }
  const texts = new Map<string, number>();
  const textNumber = (text: string) => {
    if (!texts.has(text)) texts.set(text, texts.size + 1);
    return texts.get(text)!;
  };
  for (const f of findings) out.push(findingLine(f, textNumber));
  for (const [text, n] of texts) out.push(`  #${n} ${text}`);
  for (const unsafeFixes of [false, true]) {
    try {
      const fixed = fix(input.text, { unsafeFixes });
      out.push(`  fix${unsafeFixes ? ' --unsafe' : ''}: ${fixed.changed ? `changed, output ${sha(fixed.output)}` : 'unchanged'}, ${fixed.findings.length} left`);
    } catch (error) {
      out.push(`  fix threw: ${(error as Error).message}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Config files under `dir` (recursively), sorted, with names relative to `base`. */
export function configsUnder(dir: string, base: string, keep: (path: string) => boolean = () => true): DigestInput[] {
  if (!existsSync(dir)) return [];
  const found: DigestInput[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.tsv') && !name.endsWith('.md') && keep(path)) found.push({ name: relative(base, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return found;
}
