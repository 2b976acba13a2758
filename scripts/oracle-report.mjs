#!/usr/bin/env node
/**
 * The linter measured against `haproxy -c`, with every figure and the offending configs listed.
 *
 *   npm run compile && node scripts/oracle-report.mjs [--corpus DIR] [--no-lint] [--no-cache] [--list N] [--json FILE]
 *
 * Runs over fixtures/corpus/ and the shared corpus (default /work/shared/corpus, or $HAPROXY_LINT_CORPUS,
 * or --corpus): classifies every config with haproxy -c (verdicts cached in .tmp/oracle-cache.json by the
 * text's sha256), then, unless --no-lint, measures the built library (dist/index.js): precision, recall on
 * syntax rejects, fix loadability and idempotence, recall on injected faults, coverage of haproxy warnings.
 * Exit status: 0 when precision and fix loadability hold, 1 otherwise, 2 on a usage or setup problem.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

function parseArgs(argv) {
  const args = { corpus: undefined, lint: true, cache: true, list: 15, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') args.corpus = argv[++i];
    else if (a === '--no-lint') args.lint = false;
    else if (a === '--no-cache') args.cache = false;
    else if (a === '--list') args.list = Number(argv[++i]);
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/oracle-report.mjs [--corpus DIR] [--no-lint] [--no-cache] [--list N] [--json FILE]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return args;
}

/**
 * The oracle's test tooling lives in test/oracle-kit/ (not shipped): compiled here, with the sources it
 * uses, into .tmp/oracle-kit/.
 */
function buildOracleKit() {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'test', 'oracle-kit', 'tsconfig.json')], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('could not compile test/oracle-kit (npm ci installs TypeScript)');
    process.exit(2);
  }
}

async function importKit(name) {
  return import(pathToFileURL(join(ROOT, '.tmp', 'oracle-kit', 'test', 'oracle-kit', name)).href);
}

async function importDist(rel) {
  const path = join(DIST, rel);
  if (!existsSync(path)) {
    console.error(`${path} is missing: run \`npm run compile\` first`);
    process.exit(2);
  }
  return import(pathToFileURL(path).href);
}

const args = parseArgs(process.argv.slice(2));
const { haproxyAvailable } = await importDist('oracle/haproxy-check.js');
buildOracleKit();
const { loadFixtureCorpus, loadSharedCorpus } = await importKit('corpus.js');
const { createOracleRunner } = await importKit('oracle-pass.js');
const { classifyCorpus, countIsolatedVerdicts, countVerdicts, formatCounts, formatLintFigures, measureLinter } = await importKit('report.js');
const { asLintApi, memoizeLint } = await importKit('lint-api.js');

if (!haproxyAvailable()) {
  console.error('haproxy is not installed (apt-get install haproxy)');
  process.exit(2);
}

const cachePath = args.cache ? join(ROOT, '.tmp', 'oracle-cache.json') : join(ROOT, '.tmp', `oracle-cache.${process.pid}.discard.json`);
const oracle = createOracleRunner({ hosts: 'loopback', cachePath, concurrency: 2 });
const entries = [...loadFixtureCorpus(ROOT), ...loadSharedCorpus(args.corpus ?? process.env.HAPROXY_LINT_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'))];

const t0 = Date.now();
const checked = await classifyCorpus(entries, oracle);
if (args.cache) oracle.save();
console.log(`haproxy -c over ${checked.length} configs: ${Date.now() - t0} ms, ${oracle.runs} haproxy runs (the rest from the cache)`);
console.log('verdicts ("isolated": no network; "names → loopback": unresolvable names mapped to 127.0.0.1 and checked again)');
for (const set of ['fixtures', 'real', 'reg-tests']) {
  const items = checked.filter((c) => c.set === set);
  if (items.length === 0) continue;
  console.log('  ' + formatCounts(`${set} (isolated)`, countIsolatedVerdicts(items)));
  console.log('  ' + formatCounts(`${set} (names → loopback)`, countVerdicts(items)));
}

let ok = true;
let figures;
if (args.lint) {
  const api = asLintApi(await importDist('index.js'));
  if (typeof api === 'string') {
    console.error(`dist/index.js: ${api}`);
    process.exit(2);
  }
  const t1 = Date.now();
  figures = await measureLinter(memoizeLint(api), oracle, checked);
  if (args.cache) oracle.save();
  console.log(`\nlinter vs oracle (${Date.now() - t1} ms; findings for target version 2.6, the oracle's):`);
  console.log(formatLintFigures(figures, args.list));
  ok =
    figures.precision.offenders.length === 0 &&
    figures.precision.crashes.length === 0 &&
    figures.fixes.broken.length === 0 &&
    figures.fixes.unstable.length === 0 &&
    figures.fixes.crashes.length === 0;
}

if (args.json) {
  mkdirSync(dirname(resolve(args.json)), { recursive: true });
  const verdicts = checked.map((c) => ({ name: c.name, verdict: c.result.verdict, isolatedVerdict: c.result.isolatedVerdict ?? c.result.verdict, exitCode: c.result.exitCode }));
  writeFileSync(args.json, JSON.stringify({ verdicts, figures }, null, 2));
  console.log(`\nwrote ${args.json}`);
}
process.exit(ok ? 0 : 1);
