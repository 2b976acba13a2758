/**
 * Reading inputs without hanging or exhausting memory: only regular files (and symlinks to them) are
 * read — a FIFO would block `open()` forever, `/dev/zero` never ends — and every read is bounded. The
 * first bytes are shown to `sniff` (the binary check) before the rest is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type BigIntStats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** The largest input read by default: far above any real HAProxy configuration, far below what hurts. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** How many leading bytes `sniff` sees before the rest is read. */
export const SNIFF_BYTES = 8192;

/** An input that is not read, and why (a sentence without the path: the caller names the file). */
export class InputRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputRefused';
  }
}

export interface ReadLimits {
  /** refuse inputs larger than this (default DEFAULT_MAX_BYTES) */
  maxBytes?: number;
  /** a reason to refuse the input, judged on its first SNIFF_BYTES bytes (or all of it when shorter) */
  sniff?: (head: Uint8Array) => string | undefined;
}

export interface RegularFile {
  bytes: Buffer;
  /** the open file's status when it was read (bigint: nanosecond times to compare before writing) */
  stats: BigIntStats;
}

/** "64 MB" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** Reads sizes such as `64M`, `500k`, `1048576` (bytes; k/M/G are powers of 1024); undefined when unreadable. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+)\s*([kmg]?)i?b?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const value = Number(match[1]) * unit;
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** Why a file of this kind is not read, or undefined for a regular file. */
export function notRegular(stats: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string | undefined {
  if (stats.isFile()) return undefined;
  const kind = stats.isDirectory() ? 'a directory'
    : stats.isFIFO() ? 'a FIFO (named pipe)'
      : stats.isSocket() ? 'a socket'
        : stats.isCharacterDevice() ? 'a character device'
          : stats.isBlockDevice() ? 'a block device'
            : 'not a regular file';
  return `is ${kind}: only regular files are read`;
}

const tooLarge = (size: number | bigint, max: number) => new InputRefused(`is larger than ${formatBytes(max)} (${size} bytes${typeof size === 'bigint' ? '' : ' or more'}): refused (raise the limit with --max-file-size)`);

// O_NONBLOCK: opening a FIFO that replaced the file after the stat returns at once instead of waiting for a writer
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Reads a regular file (through symlinks) within the limits; throws InputRefused or the fs error. */
export async function readRegularFile(path: string, limits: ReadLimits = {}): Promise<RegularFile> {
  const max = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const before = await stat(path, { bigint: true });
  const refused = notRegular(before);
  if (refused) throw new InputRefused(refused);
  if (before.size > BigInt(max)) throw tooLarge(before.size, max);
  const handle = await open(path, OPEN_FLAGS);
  try {
    const stats = await handle.stat({ bigint: true });
    const again = notRegular(stats);
    if (again) throw new InputRefused(again);
    if (stats.size > BigInt(max)) throw tooLarge(stats.size, max);
    const chunks: Buffer[] = [];
    let total = 0;
    let sniffed = false;
    // a file may grow while it is read: read until the end, never past the limit
    for (;;) {
      const want = sniffed ? Math.min(1024 * 1024, max + 1 - total) : SNIFF_BYTES;
      const buffer = Buffer.allocUnsafe(Math.max(1, want));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, total);
      if (bytesRead > 0) {
        chunks.push(buffer.subarray(0, bytesRead));
        total += bytesRead;
      }
      if (total > max) throw tooLarge(total, max);
      if (!sniffed && (total >= SNIFF_BYTES || bytesRead === 0)) {
        sniffed = true;
        const reason = limits.sniff?.(Buffer.concat(chunks));
        if (reason) throw new InputRefused(reason);
      }
      if (bytesRead === 0) break;
    }
    return { bytes: Buffer.concat(chunks, total), stats };
  } finally {
    await handle.close();
  }
}

/** The same, synchronously (settings files, read while searching directories). */
export function readRegularFileSync(path: string, limits: ReadLimits = {}): Buffer {
  const max = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const before = statSync(path, { bigint: true });
  const refused = notRegular(before);
  if (refused) throw new InputRefused(refused);
  if (before.size > BigInt(max)) throw tooLarge(before.size, max);
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd, { bigint: true });
    const again = notRegular(stats);
    if (again) throw new InputRefused(again);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(1024 * 1024, max + 1 - total));
      const bytesRead = readSync(fd, buffer, 0, buffer.length, total);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) throw tooLarge(total, max);
    }
    const bytes = Buffer.concat(chunks, total);
    const reason = limits.sniff?.(bytes.subarray(0, SNIFF_BYTES));
    if (reason) throw new InputRefused(reason);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream (standard input) within the limits: the sniff sees the first bytes before more is read. */
export async function readBoundedStream(stream: AsyncIterable<Uint8Array | string>, limits: ReadLimits = {}): Promise<Buffer> {
  const max = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const chunks: Buffer[] = [];
  let total = 0;
  let sniffed = false;
  // leaving the loop early (return/throw) ends the iteration, which destroys the stream
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(buffer);
    total += buffer.length;
    if (total > max) throw tooLarge(total, max);
    if (!sniffed && total >= SNIFF_BYTES) {
      sniffed = true;
      const reason = limits.sniff?.(Buffer.concat(chunks).subarray(0, SNIFF_BYTES));
      if (reason) throw new InputRefused(reason);
    }
  }
  const bytes = Buffer.concat(chunks, total);
  if (!sniffed) {
    const reason = limits.sniff?.(bytes);
    if (reason) throw new InputRefused(reason);
  }
  return bytes;
}
