/** A problem with how the tool was called or with its input (arguments, settings, files): one clear line, exit code 2, no stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}

export { describeFsError } from '../files/errors.js';
