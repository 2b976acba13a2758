/**
 * Hostile inputs (#16): only regular files are read, at once and within a size limit; the binary check
 * happens on the first bytes; every error is one plain line with exit 2 — never a hang, a syscall name,
 * a temporary path or a stack trace. Child processes have a kill timer, so a hang fails instead of stalling.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFsError } from '../../src/files/errors.js';
import { parseByteSize, readBoundedStream, readRegularFile } from '../../src/files/read.js';
import { runChild, runInProcess } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-inputs-'));
let socketServer: Server;
const CLEAN = 'global\n    log stdout format raw local0\n';

beforeAll(async () => {
  execFileSync('mkfifo', [join(dir, 'haproxy.cfg')]);
  execFileSync('mkfifo', [join(dir, 'settings.json')]);
  mkdirSync(join(dir, 'a-directory'));
  writeFileSync(join(dir, 'clean.cfg'), CLEAN);
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(join(dir, 'socket.cfg'), resolve));
});
afterAll(async () => {
  await new Promise((resolve) => socketServer.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const oneLine = (text: string) => text.trim().split('\n').length === 1;

describe('only regular files are read, at once', () => {
  const cases: [string, string[], RegExp][] = [
    ['a FIFO as a file', ['haproxy.cfg'], /^haproxy-lint: haproxy\.cfg: is a FIFO \(named pipe\): only regular files are read\n$/],
    ['a FIFO as --config', ['--config', 'settings.json', 'clean.cfg'], /^haproxy-lint: settings\.json: cannot read configuration: is a FIFO/],
    ['a FIFO to parse', ['parse', 'haproxy.cfg'], /is a FIFO/],
    ['a FIFO to probe', ['probe', 'haproxy.cfg'], /is a FIFO/],
    ['a socket', ['socket.cfg'], /socket\.cfg: is a socket: only regular files are read/],
    ['/dev/zero', ['/dev/zero'], /\/dev\/zero: is a character device/],
    ['a directory as --config', ['--config', 'a-directory', 'clean.cfg'], /a-directory: cannot read configuration: is a directory/],
  ];
  for (const [what, args, message] of cases) {
    it(`${what}: one line, exit 2`, async () => {
      const result = await runChild(args, dir, { timeoutMs: 20_000 });
      expect(result.signal, 'killed by the timer: it hung').toBeNull();
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(oneLine(result.stderr), result.stderr).toBe(true);
    }, 30_000);
  }

  it('/dev/zero on standard input is refused on its first bytes, not read to the end', async () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      const result = await runChild(['--stdin'], dir, { stdinFd: fd, timeoutMs: 20_000 });
      expect(result.signal).toBeNull();
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^haproxy-lint: <stdin>: looks like a binary file/);
    } finally {
      closeSync(fd);
    }
  }, 30_000);

  it('an endless text stream stops at the limit', async () => {
    let produced = 0;
    const endless = (async function* () {
      const line = Buffer.from('# a comment line\n'.repeat(1000));
      for (;;) {
        produced += line.length;
        yield line;
      }
    })();
    const result = await runInProcess(['--stdin', '--max-file-size', '1M'], dir, endless);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^haproxy-lint: <stdin>: is larger than 1 MB .*--max-file-size/);
    expect(produced).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('bounded reads', () => {
  it('a file over the limit is refused before it is read; the binary check sees only the first bytes', async () => {
    const big = join(dir, 'big.cfg');
    writeFileSync(big, `${'# x\n'.repeat(300_000)}`);
    await expect(readRegularFile(big, { maxBytes: 1024 * 1024 })).rejects.toThrow(/is larger than 1 MB \(1200000 bytes\)/);
    const seen: number[] = [];
    await readRegularFile(big, { sniff: (head) => void seen.push(head.length) });
    expect(seen).toEqual([8192]);
    const cli = await runInProcess(['--max-file-size', '1M', 'big.cfg'], dir);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/^haproxy-lint: big\.cfg: is larger than 1 MB/);
  });

  it('stdin: the sniff runs once the first 8 KB are in, before the rest is read', async () => {
    let pulled = 0;
    const stream = (async function* () {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield Buffer.alloc(4096);
      }
    })();
    await expect(readBoundedStream(stream, { sniff: () => 'binary' })).rejects.toThrow('binary');
    expect(pulled).toBe(2);
  });

  it('sizes: 64M, 500k, 1048576; nonsense is refused', async () => {
    expect(parseByteSize('64M')).toBe(64 * 1024 * 1024);
    expect(parseByteSize('500k')).toBe(500 * 1024);
    expect(parseByteSize('1048576')).toBe(1048576);
    expect(parseByteSize('0')).toBeUndefined();
    expect(parseByteSize('ten')).toBeUndefined();
    const bad = await runInProcess(['--max-file-size', 'lots', 'clean.cfg'], dir);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toMatch(/^haproxy-lint: --max-file-size 'lots': expected a size/);
  });
});

describe('file-system errors are plain sentences', () => {
  it('every code reaching the user: no syscall name, no path, no code-only text for the known ones', () => {
    const codes = ['EBUSY', 'ENXIO', 'EROFS', 'EXDEV', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'ETXTBSY', 'EIO', 'EISDIR', 'ENOENT', 'ENOTDIR', 'ELOOP', 'EMFILE', 'EFBIG', 'ENAMETOOLONG', 'EAGAIN', 'EINVAL'];
    for (const code of codes) {
      const error = Object.assign(new Error(`${code}: something, rename '/x/.haproxy.cfg.haproxy-lint-1-abcd.tmp' -> '/x/haproxy.cfg'`), { code, syscall: 'rename' });
      const text = describeFsError(error);
      expect(text, code).not.toMatch(/rename|\.tmp|\/x\/|[A-Z]{4,}/);
      expect(text.length, code).toBeGreaterThan(5);
    }
    const unknown = describeFsError(Object.assign(new Error("EWEIRD: odd, open '/tmp/.a.tmp'"), { code: 'EWEIRD' }));
    expect(unknown).toBe('unexpected file-system error (EWEIRD)');
  });
});
