/**
 * `--fix` never loses an edit (#16): the file is re-checked (inode, size, mtime, ctime, hash) before it
 * is replaced; a concurrent writer's text always survives (fast-check over when it writes and how);
 * hard-linked and bind-mounted files are rewritten in place, so every link sees the fix.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFile, utimes, writeFile } from 'node:fs/promises';
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource, writeSourceAtomically } from '../../src/cli/io.js';
import { CliError } from '../../src/cli/errors.js';
import { runInProcess } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-writes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BODY = `global\n    log stdout format raw local0\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend web\n    bind 127.0.0.1:8080\n    default_backend app\n\nbackend app\n${'    # filler\n'.repeat(400)}    server s1 127.0.0.1:8000 check`;
const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('the file is re-checked before it is replaced', () => {
  it('a writer that keeps size and mtime (cp -p, rsync -a, touch -r) is not overwritten', async () => {
    const path = join(dir, 'same-size.cfg');
    writeFileSync(path, BODY);
    const then = new Date('2020-01-01T00:00:00Z');
    await utimes(path, then, then);
    const source = await readSource('same-size.cfg', path);
    const before = statSync(path);
    // same length, same mtime: only ctime and the bytes tell
    writeFileSync(path, BODY.replace('filler', 'FILLER'));
    await utimes(path, then, then);
    expect(statSync(path).size).toBe(before.size);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    await expect(writeSourceAtomically(source, `${BODY}\n`)).rejects.toThrow(/not written: the file changed on disk/);
    expect(readFileSync(path, 'utf8')).toBe(BODY.replace('filler', 'FILLER'));
    expect(temps()).toEqual([]);
  });

  it('fast-check: a concurrent writer (append, or same-size rewrite keeping mtime) never loses its text', async () => {
    let runs = 0;
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom('append', 'rewrite'),
      fc.integer({ min: 0, max: 1_000_000 }),
      async (delayMs, how, mark) => {
        const name = `concurrent-${runs++}.cfg`;
        const path = join(dir, name);
        writeFileSync(path, BODY);
        const marker = `# writer ${mark}`;
        const writer = (async () => {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (how === 'append') await appendFile(path, `\n${marker}`);
          else {
            const info = statSync(path);
            const current = readFileSync(path, 'utf8');
            // keeps the length: replaces the start of the filler
            await writeFile(path, current.replace(/# filler\n {4}# filler/, marker.padEnd(21, '-').slice(0, 21)));
            await utimes(path, info.atime, info.mtime);
          }
        })();
        const [result] = await Promise.all([runInProcess(['--fix', '--fix-only', name], dir), writer]);
        const after = readFileSync(path, 'utf8');
        expect(after, `${how} after ${delayMs} ms; --fix said: ${result.stderr}`).toContain(how === 'append' ? marker : marker.padEnd(21, '-').slice(0, 21));
        expect(temps()).toEqual([]);
        rmSync(path);
      },
    ), { numRuns: 40 });
  }, 120_000);
});

describe('links and mounts survive', () => {
  it('a file with two hard links is rewritten in place: both names see the fix, same inode', async () => {
    const path = join(dir, 'linked.cfg');
    writeFileSync(path, BODY);
    linkSync(path, join(dir, 'other-name.cfg'));
    const inode = statSync(path).ino;
    const result = await runInProcess(['--fix', '--fix-only', 'linked.cfg'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(path).ino).toBe(inode);
    expect(readFileSync(join(dir, 'other-name.cfg'), 'utf8')).toBe(`${BODY}\n`);
  });

  // a single-file bind mount (docker -v ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg): rename gives EBUSY
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.runIf(canMount)('a bind-mounted file is rewritten in place (rename over a mount point is EBUSY)', async () => {
    const source = join(dir, 'host.cfg');
    const mounted = join(dir, 'container.cfg');
    writeFileSync(source, BODY);
    writeFileSync(mounted, 'placeholder\n');
    const mount = spawnSync('mount', ['--bind', source, mounted]);
    if (mount.status !== 0) {
      console.warn(`bind mount not permitted here, case skipped: ${mount.stderr.toString().trim()}`);
      return;
    }
    try {
      const result = await runInProcess(['--fix', '--fix-only', 'container.cfg'], dir);
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(source, 'utf8')).toBe(`${BODY}\n`);
      expect(temps()).toEqual([]);
    } finally {
      execFileSync('umount', [mounted]);
    }
  });

  it('a refused write is one line naming the file, never the temporary path', async () => {
    const path = join(dir, 'vanishing.cfg');
    writeFileSync(path, BODY);
    const source = await readSource('vanishing.cfg', path);
    rmSync(path);
    const error = await writeSourceAtomically(source, `${BODY}\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe('vanishing.cfg: not written: the file vanished while it was being linted');
  });
});
