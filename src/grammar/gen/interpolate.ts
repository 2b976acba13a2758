/**
 * Facts for a version with no manual of its own (2.9, 3.1, 3.3): a keyword exists there when the manuals
 * of both neighbouring versions document it (it was neither added nor dropped in between). The release's
 * keyword dump, when there is one, then corrects this (see binary.ts).
 */
import { ManualFacts } from './facts.js';

export function interpolateFacts(older: ManualFacts, newer: ManualFacts): ManualFacts {
  const out = new ManualFacts();
  for (const [group, names] of older.groups) {
    const next = newer.groups.get(group);
    if (!next) continue;
    for (const [name, fact] of names) {
      const later = next.get(name);
      if (!later) continue;
      // deprecation holds once both sides state it; the newer manual describes the argument shape
      out.add(group, name, {
        deprecated: fact.deprecated && later.deprecated ? true : undefined,
        noable: fact.noable,
        namedDefaultsOnly: fact.namedDefaultsOnly,
        takesArg: later.takesArg ?? fact.takesArg,
        registered: fact.registered && later.registered ? true : undefined,
      });
    }
  }
  return out;
}
