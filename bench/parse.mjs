// Lex + parse throughput on a generated 45,000-line config (warm), in MB/s.
import { parseConfig } from '../dist/parser/index.js';
import { lint } from '../dist/index.js';
import { generateConfig } from './generate-config.mjs';

const text = generateConfig(45_000);
const megabytes = Buffer.byteLength(text) / 1e6;

function measure(label, fn, runs) {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT and chevrotain's caches
  const times = [];
  const cpuTimes = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1e3);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const wall = median(times);
  const cpu = median(cpuTimes);
  // CPU time includes the garbage collector's helper threads; wall time suffers from other load
  console.log(`${label.padEnd(11)} ${megabytes.toFixed(2)} MB: wall median ${wall.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}) → ${(megabytes / (wall / 1000)).toFixed(1)} MB/s; cpu median ${cpu.toFixed(1)} ms`);
}

measure('lex+parse', () => parseConfig(text), 15);
measure('lint (all)', () => lint(text), 5);
