/**
 * The package's root directory (where package.json and grammar/ are). src/, dist/ (tsc) and bundle/
 * (esbuild, every chunk flat in it) all sit one level below it, so the same relative URL works from each.
 */
export const PACKAGE_ROOT = new URL('../', import.meta.url);
