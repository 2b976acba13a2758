/**
 * What the generator learns from ONE manual (one HAProxy version), before the
 * per-version facts are merged into versioned records.
 */

/** Flags a manual can state about one keyword. */
export interface KeywordFact {
  deprecated?: boolean;
  /** proxy matrix "(*)": may be prefixed with `no` / `default` */
  noable?: boolean;
  /** proxy matrix "(!)" in the defaults column: named defaults only */
  namedDefaultsOnly?: boolean;
  /** server/bind options: the synopsis shows an argument after the name */
  takesArg?: boolean;
  /** `option` members HAProxy's option table registers: no argument, a fixed proxy capability (from the binary) */
  registered?: boolean;
}

/** The manual text of a keyword and where it comes from. */
export interface DocFact {
  chapter: string;
  text: string;
}

/**
 * Group names used throughout the data:
 *  - "sections"                    section kinds (global, frontend, userlist, …)
 *  - "section:<kind>"              keywords allowed in a section kind
 *  - "family:<head>"               sub-keywords of a keyword family (option, timeout, http-request, …)
 *  - "server" | "bind"             server/default-server and bind options
 *  - "fetch" | "converter" | "acl" sample fetches, converters, ACL-only keywords
 */
export type GroupName = string;

/** Doc namespaces: where a keyword's text is filed (several groups share one). */
export type DocNamespace = string;

export class ManualFacts {
  readonly groups = new Map<GroupName, Map<string, KeywordFact>>();
  readonly docs = new Map<DocNamespace, Map<string, DocFact>>();

  add(group: GroupName, name: string, fact: KeywordFact = {}): void {
    let g = this.groups.get(group);
    if (!g) this.groups.set(group, (g = new Map()));
    const prev = g.get(name) ?? {};
    // flags accumulate: any synopsis/matrix row stating a flag sets it
    const merged: KeywordFact = { ...prev };
    for (const [k, v] of Object.entries(fact) as [keyof KeywordFact, boolean | undefined][]) {
      if (v !== undefined) merged[k] = (prev[k] ?? false) || v;
    }
    g.set(name, merged);
  }

  remove(group: GroupName, name: string): void {
    this.groups.get(group)?.delete(name);
  }

  /** A copy whose groups can be changed without touching this one (docs are shared: they are never changed). */
  clone(): ManualFacts {
    const copy = new ManualFacts();
    for (const [group, names] of this.groups) copy.groups.set(group, new Map([...names].map(([n, f]) => [n, { ...f }])));
    for (const [ns, docs] of this.docs) copy.docs.set(ns, docs);
    return copy;
  }

  has(group: GroupName, name: string): boolean {
    return this.groups.get(group)?.has(name) ?? false;
  }

  names(group: GroupName): string[] {
    return [...(this.groups.get(group)?.keys() ?? [])];
  }

  /** First doc wins: callers add the most specific text first. */
  addDoc(ns: DocNamespace, name: string, doc: DocFact): void {
    let d = this.docs.get(ns);
    if (!d) this.docs.set(ns, (d = new Map()));
    if (!d.has(name)) d.set(name, doc);
  }
}
