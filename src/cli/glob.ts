/** Globs moved to src/settings/ with the settings loader. */
export * from '../settings/glob.js';
