// Warm throughput on a generated 45,000-line config, in MB/s: lex + parse, the model, parse + all rules;
// then what each rule costs (`--rules`, or always with the full bench), and the growth curve of µs/line.
//   node bench/parse.mjs [--rules] [--curve] [--only=parse|lint]   (after npm run compile)
import { parseConfig } from '../dist/parser/index.js';
import { lint, RULES } from '../dist/index.js';
import { generateConfig } from './generate-config.mjs';

const args = new Set(process.argv.slice(2));
const all = !process.argv.slice(2).some((a) => a.startsWith('--'));
const text = generateConfig(45_000);
const megabytes = Buffer.byteLength(text) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e3 };
}

function measure(label, fn, runs) {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT and chevrotain's caches
  const runsTimed = Array.from({ length: runs }, () => timed(fn));
  const wall = median(runsTimed.map((r) => r.wall));
  const cpu = median(runsTimed.map((r) => r.cpu));
  const min = Math.min(...runsTimed.map((r) => r.wall));
  // CPU time includes the garbage collector's helper threads; wall time suffers from other load
  console.log(`${label.padEnd(11)} ${megabytes.toFixed(2)} MB: wall median ${wall.toFixed(1)} ms (min ${min.toFixed(1)}) → ${(megabytes / (wall / 1000)).toFixed(1)} MB/s; cpu median ${cpu.toFixed(1)} ms`);
}

if (all || args.has('--only=parse')) {
  measure('lex+parse', () => parseConfig(text), 15);
}
if (all || args.has('--only=lint')) measure('lint (all)', () => lint(text), 7);

/** Each rule's check wrapped in a CPU timer (steadier than wall time on a busy machine): one lint gives the cost of every rule (the rest is parse, model, engine). */
if (all || args.has('--rules')) {
  const spent = new Map();
  const timedRules = RULES.map((rule) => (rule.check ? {
    ...rule,
    check(context) {
      const c0 = process.cpuUsage();
      rule.check(context);
      const c = process.cpuUsage(c0);
      spent.get(rule.id).push((c.user + c.system) / 1e3);
    },
  } : rule));
  for (const rule of RULES) spent.set(rule.id, []);
  for (let i = 0; i < 3; i++) lint(text, {}, timedRules);
  for (const rule of RULES) spent.set(rule.id, []);
  const totals = [];
  for (let i = 0; i < 5; i++) totals.push(timed(() => lint(text, {}, timedRules)).cpu);
  const rows = [...spent].filter(([, times]) => times.length > 0).map(([id, times]) => [id, median(times)]).sort((a, b) => b[1] - a[1]);
  const total = median(totals);
  const inRules = rows.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`per rule (cpu medians of 5 lints, garbage collection included where it falls, ${total.toFixed(1)} ms each; rules ${inRules.toFixed(1)} ms, parse + model + engine ${(total - inRules).toFixed(1)} ms):`);
  for (const [id, ms] of rows) if (ms >= 0.5) console.log(`  ${id.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
}

/** µs per line of parse + all rules at growing sizes: flat when every path is linear. */
if (all || args.has('--curve')) {
  const points = [];
  const warmUp = generateConfig(20_000);
  for (let i = 0; i < 3; i++) lint(warmUp); // the first point must not pay for the JIT
  for (const lines of [5_000, 10_000, 20_000, 45_000, 90_000]) {
    const input = generateConfig(lines);
    const count = input.split('\n').length;
    lint(input);
    const cpu = median(Array.from({ length: lines < 45_000 ? 5 : 3 }, () => timed(() => lint(input)).cpu));
    points.push(`${lines / 1000}k ${((1000 * cpu) / count).toFixed(1)}`);
  }
  console.log(`growth, cpu µs/line of lint (medians): ${points.join(', ')}`);
}
