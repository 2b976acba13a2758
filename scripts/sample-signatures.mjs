#!/usr/bin/env node
/**
 * Writes grammar/sample-signatures.json (beside grammar/data/, which the grammar generator owns): the argument types, input and output types of every
 * sample fetch and converter, per target version, read from the `haproxy -dKall` keyword dumps
 * (default ../shared/haproxy-doc/keywords-dKall-<version>.txt).
 *
 *   node scripts/sample-signatures.mjs [DUMP_DIR]
 *
 * A dump line reads `[ Y Y … ] name(type[,type…]): out` for a fetch and `name(type…): out => in` for a
 * converter (HAProxy prints the output type first); `[…]` marks the optional arguments.
 * Output: { fetches: { name: [[signature, [versions…]], …] }, converters: { … }, acls: { name: [[fetch, [versions…]]] },
 * logFormatAliases: { alias: [versions…] } }, each signature the dump's text without the usage flags; the
 * log-format aliases come from the manuals (configuration-<version>.*.txt, table of section 8.2.4).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? resolve(ROOT, '..', 'shared', 'haproxy-doc');
/** the dump each target version is read from (3.1 has no release dump: its successor's, as additions outnumber removals) */
const DUMPS = { '2.6': '2.6.12', '2.8': '2.8.0', '2.9': '2.9.0', '3.0': '3.0.0', '3.1': '3.2.0', '3.2': '3.2.0', '3.3': '3.3.0', '3.4': '3.4.0', '3.5': '3.5-dev5' };
/** the manual each target's log-format aliases are read from (no manual for 2.9, 3.1, 3.3: a neighbour's) */
const MANUALS = { '2.6': '2.6', '2.8': '2.8', '2.9': '2.8', '3.0': '3.0', '3.1': '3.2', '3.2': '3.2', '3.3': '3.4', '3.4': '3.4', '3.5': '3.5' };

const out = { fetches: {}, converters: {}, acls: {}, logFormatAliases: {} };
/** `name = fetch -m method`: the fetch an ACL keyword stands for */
const ACL_LINE = /^(\S+) = (\S+)/;
const present = new Set(readdirSync(dir));
for (const [version, release] of Object.entries(DUMPS)) {
  const file = `keywords-dKall-${release}.txt`;
  if (!present.has(file)) throw new Error(`${join(dir, file)} is missing`);
  let part;
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    if (line.startsWith('# List of registered ACL keywords')) part = 'acls';
    else if (line.startsWith('# List of registered sample converter')) part = 'converters';
    else if (line.startsWith('# List of registered sample fetch')) part = 'fetches';
    else if (line.startsWith('# List of registered')) part = undefined;
    if (!part || line.startsWith('#') || line.trim() === '') continue;
    if (part === 'acls') {
      const m = ACL_LINE.exec(line);
      if (m) add(out.acls, m[1], m[2], version);
      continue;
    }
    const signature = line.replace(/^\[[^\]]*\]\s*/, '').trim();
    add(out[part], /^[^(:]+/.exec(signature)[0], signature, version);
  }
  // log-format aliases: the `| %xx |` rows of the manual's custom log format table
  const manual = readdirSync(dir).filter((f) => f.startsWith(`configuration-${MANUALS[version]}.`) || f.startsWith(`configuration-${MANUALS[version]}-`)).sort().pop();
  if (!manual) throw new Error(`no configuration-${version}.*.txt manual in ${dir}`);
  for (const m of readFileSync(join(dir, manual), 'utf8').matchAll(/^\s+\|\s*[A-Z]?\s*\|\s*%([A-Za-z]+)\s*\|/gm)) {
    const versions = (out.logFormatAliases[m[1]] ??= []);
    if (!versions.includes(version)) versions.push(version);
  }
}

function add(table, name, value, version) {
  const list = (table[name] ??= []);
  const same = list.find(([v]) => v === value);
  if (same) same[1].push(version);
  else list.push([value, [version]]);
}
const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
writeFileSync(join(ROOT, 'grammar', 'sample-signatures.json'), JSON.stringify({ fetches: sorted(out.fetches), converters: sorted(out.converters), acls: sorted(out.acls), logFormatAliases: sorted(out.logFormatAliases) }) + '\n');
console.log(`sample-signatures.json: ${Object.keys(out.fetches).length} fetches, ${Object.keys(out.converters).length} converters`);
