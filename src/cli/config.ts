/** The settings loader moved to src/settings/ (below the fronts, shared by the CLI and the language server). */
export * from '../settings/config.js';
