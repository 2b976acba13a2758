// Cold start of the installed command (the committed bundle) against bare Node, in the same run:
// `node bundle/haproxy-lint.mjs fixtures/seed/question.cfg` ÷ `node -e 0`, paired runs (A B A B …),
// medians of the per-pair ratios. CPU is the children's user+system time from /proc/self/stat (Linux;
// clock ticks, so only the median of many runs means anything); wall time everywhere.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.COLD_START_RUNS ?? 15);
const TICKS_PER_SECOND = 100; // USER_HZ on every Linux that Node supports

function childrenCpuSeconds() {
  try {
    // fields after the command name (which is in parentheses and may hold spaces): cutime is 16, cstime 17
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function once(args) {
  const cpu0 = childrenCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childrenCpuSeconds();
  if (r.error) throw r.error;
  return { wall, cpu: cpu0 === undefined ? undefined : cpu1 - cpu0 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function coldStart(label, args, baseline = ['-e', '0']) {
  once(args); // warm the file system cache (and the bundle's own caches, if any)
  once(baseline);
  const pairs = [];
  for (let i = 0; i < RUNS; i++) pairs.push({ a: once(args), b: once(baseline) });
  const wall = { a: median(pairs.map((p) => p.a.wall)), b: median(pairs.map((p) => p.b.wall)), ratio: median(pairs.map((p) => p.a.wall / p.b.wall)) };
  const hasCpu = pairs.every((p) => p.a.cpu !== undefined);
  // a pair whose baseline took under one tick has no meaningful ratio: compare the medians instead
  const cpu = hasCpu ? { a: median(pairs.map((p) => p.a.cpu)), b: median(pairs.map((p) => p.b.cpu)) } : undefined;
  console.log(`${label.padEnd(11)} ${RUNS} paired runs against \`node ${baseline.join(' ')}\`: wall median ${(wall.a * 1000).toFixed(0)} ms vs ${(wall.b * 1000).toFixed(0)} ms → ${wall.ratio.toFixed(2)}× (median of pair ratios)` + (cpu ? `; cpu median ${(cpu.a * 1000).toFixed(0)} ms vs ${(cpu.b * 1000).toFixed(0)} ms → ${(cpu.a / cpu.b).toFixed(2)}× (goal ≤ 1.5×)` : ''));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  coldStart('cold start', ['bundle/haproxy-lint.mjs', 'fixtures/seed/question.cfg']);
}
