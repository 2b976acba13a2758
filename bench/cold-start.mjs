// The installed command's cold runs (the committed bundle, as hooks and editors start it), each against
// its baseline measured in the same run, as ratios (#15):
//   - `haproxy-lint fixtures/seed/question.cfg` ÷ bare `node -e 0`                       goal ≤ 1.5× CPU
//   - `haproxy-lint` on a generated 45,000-line config ÷ `haproxy -c -q -f` on it          goal ≤ 1.0× (then 0.5×)
//   - peak RSS of that lint                                                                goal ≤ 150 MiB
//   - cold lint time per line at 5k … 90k lines (flat when the lint is linear)
// Paired runs (A B A B …), medians. CPU is the children's user+system time from /proc/self/stat (Linux;
// clock ticks, so only medians of several runs mean anything); wall time everywhere.
// COLD_START_RUNS (default 15) and LARGE_RUNS (default 5) set the number of pairs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateConfig } from './generate-config.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// COLD_START_BIN: another build's haproxy-lint.mjs, to compare (e.g. a checkout of main)
const BIN = process.env.COLD_START_BIN ?? join(ROOT, 'bundle/haproxy-lint.mjs');
const RUNS = Number(process.env.COLD_START_RUNS ?? 15);
const LARGE_RUNS = Number(process.env.LARGE_RUNS ?? 5);
const TICKS_PER_SECOND = 100; // USER_HZ on every Linux that Node supports
// the child reports its own peak RSS at exit (Node has no rusage of children)
const REPORT_PEAK_RSS = "--import=data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss-kib:'+process.resourceUsage().maxRSS+'\\n'))";

function childrenCpuSeconds() {
  try {
    // fields after the command name (which is in parentheses and may hold spaces): cutime is 16, cstime 17
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** One run of `program args`: wall and CPU seconds, and what it wrote to stderr. */
function once([program, ...args]) {
  const cpu0 = childrenCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(program, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childrenCpuSeconds();
  if (r.error) throw r.error;
  return { wall, cpu: cpu0 === undefined ? undefined : cpu1 - cpu0, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;

/** Paired runs of a and its baseline b (after one unmeasured run of each, which also writes the code cache). */
export function paired(a, b, runs = RUNS) {
  once(a);
  once(b);
  const pairs = [];
  for (let i = 0; i < runs; i++) pairs.push({ a: once(a), b: once(b) });
  const hasCpu = pairs.every((p) => p.a.cpu !== undefined && p.b.cpu !== undefined);
  return {
    runs,
    wall: { a: median(pairs.map((p) => p.a.wall)), b: median(pairs.map((p) => p.b.wall)), ratio: median(pairs.map((p) => p.a.wall / p.b.wall)) },
    // a baseline run shorter than a clock tick has no ratio of its own: the ratio of the medians
    cpu: hasCpu ? { a: median(pairs.map((p) => p.a.cpu)), b: median(pairs.map((p) => p.b.cpu)) } : undefined,
  };
}

function line(label, r, baseline, goal) {
  const cpu = r.cpu ? `CPU ${ms(r.cpu.a)} vs ${ms(r.cpu.b)} → ${(r.cpu.a / r.cpu.b).toFixed(2)}×` : 'CPU n/a (no /proc)';
  console.log(`${label}: ${cpu}; wall ${ms(r.wall.a)} vs ${ms(r.wall.b)} → ${r.wall.ratio.toFixed(2)}× (÷ ${baseline}, median of ${r.runs} pairs; goal ${goal})`);
}

export function coldStart() {
  const r = paired([process.execPath, BIN, 'fixtures/seed/question.cfg'], [process.execPath, '-e', '0']);
  line('cold start, seed (28 lines)', r, '`node -e 0`', '≤ 1.5× CPU');
  return r;
}

function haproxyAvailable() {
  const r = spawnSync('haproxy', ['-v'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

export function largeFile() {
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-bench-'));
  try {
    const file = join(dir, 'haproxy.cfg');
    writeFileSync(file, generateConfig(45_000));
    const lint = [process.execPath, BIN, file];
    if (haproxyAvailable()) {
      line('cold lint, 45,000 lines', paired(lint, ['haproxy', '-c', '-q', '-f', file], LARGE_RUNS), '`haproxy -c -q -f`', '≤ 1.0×, then 0.5×');
    } else {
      console.log('cold lint, 45,000 lines: haproxy is not installed, no baseline (install it to measure this goal)');
    }
    const peaks = [];
    for (let i = 0; i < Math.max(3, Math.ceil(LARGE_RUNS / 2)); i++) {
      const kib = Number(/peak-rss-kib:(\d+)/.exec(once([process.execPath, REPORT_PEAK_RSS, BIN, file]).stderr)?.[1]);
      if (kib) peaks.push(kib / 1024);
    }
    console.log(`peak RSS, 45,000 lines: ${peaks.length > 0 ? `${median(peaks).toFixed(0)} MiB` : 'n/a'} (median of ${peaks.length}; goal ≤ 150 MiB)`);

    const perLine = [];
    for (const lines of [5_000, 10_000, 20_000, 45_000, 90_000]) {
      writeFileSync(file, generateConfig(lines));
      once(lint);
      const runs = [once(lint), once(lint), once(lint)];
      const cpu = runs.every((run) => run.cpu !== undefined) ? median(runs.map((run) => run.cpu)) : median(runs.map((run) => run.wall));
      perLine.push(`${lines / 1000}k ${((cpu * 1e6) / lines).toFixed(1)}`);
    }
    console.log(`cold lint µs/line (startup included; flat when linear): ${perLine.join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  coldStart();
  largeFile();
}
