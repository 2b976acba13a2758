/**
 * `--fix` interrupted while it writes (#17): killed by SIGTERM or SIGINT when its temporary file has
 * just appeared, it leaves no temporary file behind, and the configuration is either untouched or
 * completely fixed — never half written.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-fix-interrupted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// big enough that writing and syncing takes a while; the one fix is the missing final newline
const HEAD = 'global\n    log stdout format raw local0\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend web\n    bind 127.0.0.1:8080\n    default_backend app\n\nbackend app\n    server s1 127.0.0.1:8000 check\n';
const ORIGINAL = `${HEAD}${`# ${'x'.repeat(200)}\n`.repeat(60_000)}# the end`;
const FIXED = `${ORIGINAL}\n`;

/** runs --fix and sends `signal` the moment its temporary file appears; resolves how it ended */
function fixAndKill(file: string, signal: NodeJS.Signals): Promise<{ signal: NodeJS.Signals | null; sawTemp: boolean }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [MAIN, '--fix', '--fix-only', file], { cwd: dir, env, stdio: 'ignore' });
    let sawTemp = false;
    const watcher = watch(dir, (_event, name) => {
      if (sawTemp || !String(name).endsWith('.tmp')) return;
      sawTemp = true;
      child.kill(signal);
    });
    child.on('error', reject);
    child.on('exit', (_code, exitSignal) => {
      watcher.close();
      resolve({ signal: exitSignal, sawTemp });
    });
  });
}

describe('--fix killed mid-write', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: no temporary file is left, the file is the original or the fixed text`, async () => {
      let interrupted = 0;
      for (let trial = 0; trial < 4 && interrupted === 0; trial++) {
        const name = `haproxy-${signal}-${trial}.cfg`;
        writeFileSync(join(dir, name), ORIGINAL);
        const outcome = await fixAndKill(name, signal);
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        const after = readFileSync(join(dir, name), 'utf8');
        expect(after === ORIGINAL || after === FIXED, `trial ${trial}: ${after.length} characters`).toBe(true);
        // killed by the signal while the temporary file existed: the case this test is about
        if (outcome.sawTemp && outcome.signal === signal) {
          interrupted++;
          expect(after).toBe(ORIGINAL);
        }
      }
      expect(interrupted, 'the process was never caught mid-write').toBeGreaterThan(0);
    }, 120_000);
  }
});
