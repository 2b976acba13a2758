/**
 * Writing a fixed file without losing anyone's edit:
 * - the file must still be what was read — same inode, size, mtime, ctime and bytes (hash) — checked
 *   before writing and again right before the rename; otherwise nothing is written;
 * - normally a temporary file in the same directory is renamed over it (atomic: readers see the old
 *   or the new text, never half);
 * - a file with several hard links, or one that is a mount point (a single-file bind mount, where
 *   rename fails with EBUSY), is rewritten in place — same inode — so the other links, extended
 *   attributes, ACLs and security labels stay;
 * - the temporary file is removed on every error and on SIGINT/SIGTERM/SIGHUP.
 */
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, type BigIntStats } from 'node:fs';
import { chmod, chown, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What the file was when it was read. */
export interface ReadState {
  stats: BigIntStats;
  hash: string;
}

/** The file is not written; the message says why (without the path: the caller names the file). */
export class WriteRefused extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'WriteRefused';
  }
}

const CHANGED = 'the file changed on disk while it was being linted';

function sameFile(now: BigIntStats, then: BigIntStats): boolean {
  return now.dev === then.dev && now.ino === then.ino && now.size === then.size && now.mtimeNs === then.mtimeNs && now.ctimeNs === then.ctimeNs;
}

// ---------------------------------------------------------------------------------------------
// temporary files removed on signals

const pending = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removePending(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  uninstall();
  // die of the same signal, as if it had not been caught
  process.kill(process.pid, signal);
}

function onExit(): void {
  removePending();
}

function install(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', onExit);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener('exit', onExit);
}

function track(path: string): void {
  if (pending.size === 0) install();
  pending.add(path);
}

function untrack(path: string): void {
  if (!pending.delete(path)) return;
  if (pending.size === 0) uninstall();
}

// ---------------------------------------------------------------------------------------------
// mount points

/** Mount points from /proc/self/mountinfo (Linux); empty where it cannot be read. */
function mountPoints(): Set<string> {
  try {
    const points = new Set<string>();
    for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
      const field = line.split(' ')[4];
      if (field) points.add(field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))));
    }
    return points;
  } catch {
    return new Set();
  }
}

// ---------------------------------------------------------------------------------------------

async function checkUnchanged(path: string, state: ReadState, withHash: boolean): Promise<BigIntStats> {
  let now: BigIntStats;
  try {
    now = await stat(path, { bigint: true });
  } catch (error) {
    throw new WriteRefused('the file vanished while it was being linted', error);
  }
  if (!sameFile(now, state.stats)) throw new WriteRefused(CHANGED);
  if (withHash) {
    const bytes = await readHandleOrPath(path);
    if (hashBytes(bytes) !== state.hash) throw new WriteRefused(CHANGED);
  }
  return now;
}

async function readHandleOrPath(path: string | FileHandle): Promise<Buffer> {
  if (typeof path !== 'string') {
    const { size } = await path.stat();
    const buffer = Buffer.alloc(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await path.read(buffer, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return buffer.subarray(0, at);
  }
  const handle = await open(path, 'r');
  try {
    return await readHandleOrPath(handle);
  } finally {
    await handle.close();
  }
}

/** A temporary file's name in the same directory as `path` (so the rename stays on one file system), tracked for cleanup. */
function tempPathBeside(path: string): string {
  const temp = join(dirname(path), `.${basename(path)}.haproxy-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  track(temp);
  return temp;
}

/** Creates `temp` with `bytes`, synced, with the original's mode. */
async function writeTemp(temp: string, bytes: Uint8Array, state: ReadState): Promise<void> {
  const handle = await open(temp, 'wx', Number(state.stats.mode) & 0o777);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(temp, Number(state.stats.mode) & 0o7777);
}

/** Writes `bytes` over `path` (a real path: symlinks resolved) if it is still as read. */
export async function writeChecked(path: string, bytes: Uint8Array, state: ReadState): Promise<'renamed' | 'in-place'> {
  const now = await checkUnchanged(path, state, true);
  if (now.nlink > 1n || mountPoints().has(path)) {
    await writeInPlace(path, bytes, state);
    return 'in-place';
  }
  const temp = tempPathBeside(path);
  try {
    await writeTemp(temp, bytes, state);
    if (process.getuid?.() === 0) await chown(temp, Number(state.stats.uid), Number(state.stats.gid)).catch(() => undefined);
    // the last look before the rename: a writer that came in meanwhile changed size, mtime or ctime;
    // the old inode stays open so a write landing between this look and the rename is seen after it
    const original = await open(path, 'r');
    try {
      const checked = await original.stat({ bigint: true });
      if (!sameFile(checked, state.stats)) throw new WriteRefused(CHANGED);
      await rename(temp, path);
      untrack(temp);
      // (the rename itself changed the old inode's ctime: it lost its name; its bytes tell)
      const after = await original.stat({ bigint: true });
      if (after.size !== state.stats.size || after.mtimeNs !== state.stats.mtimeNs || hashBytes(await readHandleOrPath(original)) !== state.hash) {
        // someone wrote to the file in that instant: put their text back, as if we had not written
        await restore(path, await readHandleOrPath(original), state);
        throw new WriteRefused(CHANGED);
      }
      return 'renamed';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof WriteRefused || (code !== 'EBUSY' && code !== 'EXDEV')) throw error;
      // a bind-mounted file (EBUSY) or a rename across file systems: rewrite it in place
      await unlink(temp).catch(() => undefined);
      untrack(temp);
      await writeInPlace(path, bytes, state);
      return 'in-place';
    } finally {
      await original.close().catch(() => undefined);
    }
  } catch (error) {
    if (pending.has(temp)) {
      await unlink(temp).catch(() => undefined);
      untrack(temp);
    }
    throw error;
  }
}

/** Puts `bytes` back at `path` (a temporary file renamed over it), keeping the mode. */
async function restore(path: string, bytes: Uint8Array, state: ReadState): Promise<void> {
  const temp = tempPathBeside(path);
  try {
    await writeTemp(temp, bytes, state);
    await rename(temp, path);
  } finally {
    if (pending.has(temp)) await unlink(temp).catch(() => undefined);
    untrack(temp);
  }
}

/** Truncate-and-write of the same inode, after the same checks through the open handle. */
async function writeInPlace(path: string, bytes: Uint8Array, state: ReadState): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    const now = await handle.stat({ bigint: true });
    if (!sameFile(now, state.stats)) throw new WriteRefused(CHANGED);
    if (hashBytes(await readHandleOrPath(handle)) !== state.hash) throw new WriteRefused(CHANGED);
    // write first, then cut: the file is never empty on the way
    let at = 0;
    while (at < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, at, bytes.length - at, at);
      at += bytesWritten;
    }
    await handle.truncate(bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** for tests: the temporary files being written now */
export function pendingTemporaryFiles(): string[] {
  return [...pending];
}
