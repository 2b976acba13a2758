/** Configs to edit and a seeded random editor, for the splice and incremental-lint tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures.js';

const SHARED_REAL = new URL('../../../shared/corpus/real/', import.meta.url).pathname;

function cfgFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...cfgFiles(path));
    else if (name.endsWith('.cfg') && !name.endsWith('.fixed.cfg')) out.push(path);
  }
  return out;
}

/** The repo's rule fixtures, bundled corpus and seed configs, and (when present) every `limit`-th real-world config of ../shared. */
export function editableConfigs(limit = 4): { path: string; text: string }[] {
  const paths = [...cfgFiles(join(FIXTURES, 'rules')), ...cfgFiles(join(FIXTURES, 'corpus')), ...cfgFiles(join(FIXTURES, 'seed'))];
  const shared = cfgFiles(SHARED_REAL);
  if (shared.length === 0) console.warn(`notice: ${SHARED_REAL} not found; only the repo's fixtures are edited`);
  paths.push(...shared.filter((_, i) => i % limit === 0));
  return paths.map((path) => ({ path, text: readFileSync(path, 'latin1') })).filter(({ text }) => text.length < 200_000);
}

/** mulberry32: a small seeded generator, so that a failure can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ' ', ' ', 'a', 'e', 's', '1', '0', '9', '.', ':', '_', '-', '/', '\n', '#', '"', "'", '\\', '(', ')', ',', '$', '{', '}',
  'check', ' inter 3s', 'server s9 10.0.0.9:80', 'backend', 'use_backend', 'acl', ' if ', 'be_1', 'http-request deny',
  'track ', 'mode tcp', 'mode http', '.if defined(X)\n', '.endif\n', 'frontend f9\n', 'backend b9\n', '    timeout client 5s\n',
  '# haproxy-lint-disable-next-line unknown-keyword\n', 'default_backend ', 'bind :8443 ssl crt /x.pem', 'stick-table type ip size 1k',
  '\r', '\t', 'option httpchk GET /health', 'errorfiles e', 'userlist', 'resolvers dns', ' backup',
];

/** One random edit of `text`: a piece typed, a range deleted, or a range replaced, mostly within one line. */
export function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const roll = next();
  if (roll < 0.5) return text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at);
  const length = roll < 0.9 ? 1 + Math.floor(next() * 3) : 1 + Math.floor(next() * 40);
  const replacement = roll < 0.75 ? '' : PIECES[Math.floor(next() * PIECES.length)];
  return text.slice(0, at) + replacement + text.slice(at + length);
}
