/** A problem with how the tool was called or with its input (arguments, settings, files): one clear line, exit code 2, no stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}

/** `ENOENT` → "no such file or directory", keeping Node's wording but without the syscall noise. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': return 'permission denied';
    case 'EPERM': return 'operation not permitted';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a path component is not a directory';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on device';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EMFILE': return 'too many open files';
    default: return e?.message ?? String(error);
  }
}
