import { realpath } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, InputRefused, readRegularFile, type RegularFile } from '../files/read.js';
import { hashBytes, writeChecked, WriteRefused, type ReadState } from '../files/write.js';
import { CliError, describeFsError } from './errors.js';

export type Encoding = 'utf-8' | 'latin1';

/** A file read for linting: the decoded text and what is needed to write it back byte-for-byte. */
export interface SourceFile {
  /** the path as shown to the user */
  displayPath: string;
  /** the file actually read and written (symlinks resolved) */
  realPath: string;
  text: string;
  encoding: Encoding;
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  size: number;
  /** a non-fatal remark about the file (e.g. not UTF-8) */
  notice?: string;
  /** what the file was when read: a write checks it is still so */
  state: ReadState;
}

/** How many NUL bytes in the first 8 KB make a file binary (one NUL is a HAProxy syntax error, not a binary). */
const BINARY_SAMPLE = 8192;
const BINARY_NULS = 2;

/** Why a buffer is not a text file, or undefined when it is text. */
export function binaryReason(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return 'is UTF-16 encoded: HAProxy reads bytes; convert it to UTF-8';
  }
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  let nuls = 0;
  for (const byte of sample) if (byte === 0) nuls++;
  return nuls >= BINARY_NULS ? `looks like a binary file (${nuls} NUL bytes in the first ${sample.length} bytes), not a HAProxy configuration` : undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Valid UTF-8 (with or without BOM) is decoded as UTF-8, keeping the BOM character so offsets and
 * the written bytes match. Anything else is decoded as Latin-1, where every byte is one character,
 * so writing back as Latin-1 reproduces every byte that was not edited.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding; invalidAt?: number } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'latin1', invalidAt: firstInvalidUtf8(bytes) };
  }
}

/** Offset of the first byte that breaks UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // overlongs and surrogates
    if (need === 2 && ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! > 0x9f))) return i;
    if (need === 3 && ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! > 0x8f))) return i;
    i += need + 1;
  }
  return bytes.length;
}

export function encodeText(text: string, encoding: Encoding): Buffer {
  if (encoding === 'latin1') {
    // eslint-disable-next-line no-control-regex
    const wide = /[^\u0000-\u00ff]/.exec(text);
    if (wide) throw new CliError(`cannot write '${wide[0]}' into a file that is not UTF-8 (read as Latin-1)`);
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(text, 'utf8');
}

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Reads a file as bytes and decodes it; throws a CliError naming the file when it cannot be linted. */
export async function readSource(displayPath: string, path: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<SourceFile> {
  let realPath: string;
  let read: RegularFile;
  try {
    realPath = await realpath(path);
    read = await readRegularFile(realPath, { maxBytes, sniff: binaryReason });
  } catch (error) {
    if (error instanceof InputRefused) throw new CliError(`${displayPath}: ${error.message}`);
    throw new CliError(`${displayPath}: cannot read: ${describeFsError(error)}`);
  }
  const { bytes, stats } = read;
  const decoded = decodeBytes(bytes);
  let notice: string | undefined;
  if (decoded.encoding === 'latin1') {
    const at = decoded.invalidAt ?? 0;
    const { line, column } = lineColumnOfByte(bytes, at);
    notice = `${displayPath}:${line}:${column}: not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'}); read as Latin-1, every byte is kept as it is`;
  }
  return {
    displayPath, realPath, text: decoded.text, encoding: decoded.encoding,
    mode: Number(stats.mode), uid: Number(stats.uid), gid: Number(stats.gid), mtimeMs: Number(stats.mtimeMs), size: Number(stats.size), notice,
    state: { stats, hash: hashBytes(bytes) },
  };
}

/**
 * Writes the fixed text back (see src/files/write.ts): only if the file is still exactly what was
 * read; renamed over it from a temporary file, or rewritten in place when it has other hard links or
 * is a mount point; the original's mode (and owner when running as root) kept; through a symlink
 * the target is written and the link kept.
 */
export async function writeSourceAtomically(source: SourceFile, text: string): Promise<void> {
  const bytes = (() => {
    try {
      return encodeText(text, source.encoding);
    } catch (error) {
      throw new CliError(`${source.displayPath}: not written: ${(error as Error).message}`);
    }
  })();
  try {
    await writeChecked(source.realPath, bytes, source.state);
  } catch (error) {
    if (error instanceof WriteRefused) throw new CliError(`${source.displayPath}: not written: ${error.message}`);
    throw new CliError(`${source.displayPath}: cannot write: ${describeFsError(error)}; the file was left unchanged`);
  }
}
