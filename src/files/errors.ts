/**
 * Node's file-system error codes as plain sentences: what the user reads never names a syscall or a
 * temporary path (Node's own messages carry both: "EBUSY: resource busy or locked, rename '…tmp' -> …").
 */
const SENTENCES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a path component is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EBUSY: 'the file is busy or is a mount point (a bind-mounted file cannot be replaced)',
  ENXIO: 'no such device or address (a socket or a device without a reader)',
  EXDEV: 'the file and its temporary copy are on different file systems',
  ETXTBSY: 'the file is busy (being executed)',
  EFBIG: 'the file is too large',
  EIO: 'input/output error',
  ENAMETOOLONG: 'the file name is too long',
  EEXIST: 'a file of that name already exists',
  ENOTEMPTY: 'the directory is not empty',
  EINVAL: 'invalid argument for this kind of file',
  EAGAIN: 'the file is temporarily unavailable (try again)',
  EWOULDBLOCK: 'the file is temporarily unavailable (try again)',
  ENODEV: 'no such device',
  EOVERFLOW: 'the file is too large',
  ESPIPE: 'the file cannot be read at an offset (a pipe or socket)',
  ENOTSUP: 'operation not supported by the file system',
  EOPNOTSUPP: 'operation not supported by the file system',
  ESTALE: 'stale file handle (network file system)',
  EINTR: 'interrupted',
  ENOMEM: 'out of memory',
};

/** `ENOENT` → "no such file or directory": a sentence, never Node's message with its syscall and paths. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  const code = e?.code;
  if (code !== undefined && Object.prototype.hasOwnProperty.call(SENTENCES, code)) return SENTENCES[code]!;
  if (code !== undefined) return `unexpected file-system error (${code})`;
  if (e instanceof Error) return e.message;
  return String(error);
}
