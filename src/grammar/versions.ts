/**
 * The HAProxy versions the linter knows, oldest first: the ONE ordered list every part of the project uses
 * (targets, grammar records, version comparisons). Kept tiny and dependency-free because both the
 * generator and the runtime loader import it.
 *
 * Where each version's keyword facts come from (see src/grammar/generate.ts):
 *   2.6, 2.8, 3.0, 3.2, 3.4   the release's configuration manual, corrected by its binary's keyword dump
 *   2.9, 3.3                  the neighbouring manuals, corrected by the release's keyword dump
 *   3.1                       the neighbouring manuals only (no manual, no binary)
 *   3.5                       the development branch (manual and binary 3.5-devN)
 */
export const VERSIONS = ['2.6', '2.8', '2.9', '3.0', '3.1', '3.2', '3.3', '3.4', '3.5'] as const;
export type Version = (typeof VERSIONS)[number];

/** The newest long-term-support release: the default target. */
export const NEWEST_LTS: Version = '3.4';

/** The development branch (its manual is a 3.5-devN one). */
export const DEV_VERSION: Version = '3.5';

export function isVersion(v: string): v is Version {
  return (VERSIONS as readonly string[]).includes(v);
}

/** Index of a version in VERSIONS (ordering for comparisons). */
export function versionIndex(v: Version): number {
  return VERSIONS.indexOf(v);
}

/** < 0 when a is older than b, 0 when equal, > 0 when newer. */
export function compareVersions(a: Version, b: Version): number {
  return VERSIONS.indexOf(a) - VERSIONS.indexOf(b);
}

/** Whether `target` is `since` or newer. */
export function atLeast(target: Version, since: Version): boolean {
  return compareVersions(target, since) >= 0;
}

/** '3.5' → '3.5-dev' (how messages name the development branch). */
export function versionLabel(v: Version): string {
  return v === DEV_VERSION ? `${v}-dev` : v;
}

/** The version a HAProxy release string belongs to: '2.6.12-1+deb12u4' → '2.6', '3.5-dev5' → '3.5', else undefined. */
export function versionOfRelease(release: string): Version | undefined {
  const m = /^(\d+)\.(\d+)/.exec(release.trim());
  if (!m) return undefined;
  const v = `${Number(m[1])}.${Number(m[2])}`;
  return isVersion(v) ? v : undefined;
}
