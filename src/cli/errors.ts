/** The user-facing error (one line, exit code 2) lives with the settings loader, which throws it too. */
export * from '../settings/errors.js';
