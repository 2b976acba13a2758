import { aclKeywords, VERSIONS, type Version } from '../../grammar/index.js';
import type { TargetVersion } from '../../engine/types.js';

const cache = new Map<string, Set<string>>();

/** The pre-defined ACLs of a version (`TRUE`, `HTTP`, `METH_GET`, `HTTP_1.1` …, manual section 7.4). */
export function predefinedAcls(version: TargetVersion | Version): Set<string> {
  let set = cache.get(version);
  if (!set) {
    set = new Set(aclKeywords(version as Version).filter((name) => /^[A-Z][A-Z0-9_.]*$/.test(name)));
    cache.set(version, set);
  }
  return set;
}

/** Whether a pre-defined ACL exists in a newer version than the target (for a "not available before" hint). */
export function predefinedAclSince(name: string): Version | undefined {
  for (const version of VERSIONS) if (predefinedAcls(version).has(name)) return version;
  return undefined;
}
