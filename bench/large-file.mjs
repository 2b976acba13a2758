// The command line on a generated 45,000-line config, cold (a new process each run), against `haproxy -c -q -f`
// on the same file when haproxy is installed: paired runs (A B A B …), medians. CPU time (user + system) and
// peak RSS come from /usr/bin/time (10 ms resolution: only medians mean anything); wall time everywhere.
//   node bench/large-file.mjs [lines]   (uses the committed bundle: run `npm run bundle` after changes)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateConfig } from './generate-config.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.LARGE_FILE_RUNS ?? 7);
const LINES = Number(process.argv[2] ?? 45_000);
const TIME = '/usr/bin/time';

const dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-large-'));
const config = join(dir, 'haproxy.cfg');
writeFileSync(config, generateConfig(LINES));

function once(command, args) {
  const timed = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = timed
    ? spawnSync(TIME, ['-f', '%U %S %M', command, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
    : spawnSync(command, args, { cwd: ROOT, stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  if (!timed) return { wall };
  const [user, system, kilobytes] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: user + system, rssMiB: kilobytes / 1024 };
}

function hasHaproxy() {
  return spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).status === 0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const lintArgs = [join(ROOT, 'bundle/haproxy-lint.mjs'), config];
const haproxy = hasHaproxy() ? ['haproxy', ['-c', '-q', '-f', config]] : undefined;

try {
  once(process.execPath, lintArgs); // file system cache
  const lintRuns = [];
  const haproxyRuns = [];
  for (let i = 0; i < RUNS; i++) {
    lintRuns.push(once(process.execPath, lintArgs));
    if (haproxy) haproxyRuns.push(once(...haproxy));
  }
  const show = (runs) => `wall ${(median(runs.map((r) => r.wall)) * 1000).toFixed(0)} ms` + (runs[0].cpu !== undefined ? `, cpu ${(median(runs.map((r) => r.cpu)) * 1000).toFixed(0)} ms, peak RSS ${median(runs.map((r) => r.rssMiB)).toFixed(0)} MiB` : '');
  console.log(`large file  ${LINES} lines, ${RUNS} runs: haproxy-lint ${show(lintRuns)} (goal ≤ 150 MiB)`);
  if (haproxy) {
    const ratio = (key) => median(lintRuns.map((r, i) => r[key] / haproxyRuns[i][key]));
    console.log(`            haproxy -c -q: ${show(haproxyRuns)} → ratio wall ${ratio('wall').toFixed(2)}×` + (lintRuns[0].cpu !== undefined ? `, cpu ${ratio('cpu').toFixed(2)}× (goal ≤ 1.0×; median of pair ratios)` : ''));
  } else console.log('            haproxy is not installed: no ratio');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
