/**
 * Target HAProxy versions known to the grammar, oldest first. '3.5' is the
 * development branch (manual 3.5-devN). Kept tiny and dependency-free because
 * both the generator and the runtime loader import it.
 */
export const VERSIONS = ['2.6', '2.8', '3.0', '3.2', '3.4', '3.5'] as const;
export type Version = (typeof VERSIONS)[number];

export function isVersion(v: string): v is Version {
  return (VERSIONS as readonly string[]).includes(v);
}

/** Index of a version in VERSIONS (ordering for comparisons). */
export function versionIndex(v: Version): number {
  return VERSIONS.indexOf(v);
}
