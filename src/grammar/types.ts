/**
 * Shapes of the generated files under grammar/data/ (shared by the generator,
 * which writes them, and the loader in index.ts, which reads them).
 */
import type { Version } from './versions.js';

/** One keyword across versions. Flag arrays list the versions where the flag holds; omitted when empty. */
export interface KeywordRecord {
  versions: Version[];
  deprecated?: Version[];
  /** may be prefixed with `no` / `default` (proxy matrix "(*)") */
  noable?: Version[];
  /** allowed in defaults only when the defaults section is named (proxy matrix "(!)") */
  namedDefaultsOnly?: Version[];
  /** server/bind options: takes a value (per the newest manual documenting it) */
  takesArg?: boolean;
  /** `option` members in the binary's option table (argument-less, a fixed frontend/backend capability) */
  registered?: Version[];
}

export type KeywordGroup = Record<string, KeywordRecord>;

/** grammar/data/sections.json */
export interface SectionsFile {
  versions: Version[];
  /** manual file each version was read from */
  manuals: Partial<Record<Version, string>>;
  /** keyword dump (`haproxy -dKall`) each version was corrected with */
  dumps?: Partial<Record<Version, string>>;
  /** section kinds (global, defaults, frontend, …, userlist, acme, …) */
  sections: KeywordGroup;
  /** keywords allowed per section kind, named as the manual/proxy matrix names them */
  keywords: Record<string, KeywordGroup>;
}

/** grammar/data/families.json: "option" → { httpchk: …}, "http-request" → { set-header: … } */
export interface FamiliesFile {
  families: Record<string, KeywordGroup>;
}

/** grammar/data/options.json */
export interface OptionsFile {
  bind: KeywordGroup;
  server: KeywordGroup;
}

/** grammar/data/samples.json */
export interface SamplesFile {
  fetches: KeywordGroup;
  converters: KeywordGroup;
  /** ACL-only keywords: derivatives such as hdr_beg, and pre-defined ACLs such as TRUE */
  acls: KeywordGroup;
}

export interface DocRecord {
  /** version of the manual the text comes from (the newest one documenting the keyword) */
  version: Version;
  chapter: string;
  /** the entry text (synopsis + description); absent when sameAs is set */
  text?: string;
  /** "<namespace>:<name>" of the doc holding the identical text (aliases, ACL derivatives) */
  sameAs?: string;
  /** first sentence mentioning the deprecation, when the keyword is deprecated */
  deprecation?: string;
}

/** grammar/data/docs.json: namespace ("proxy", "global", "server", "action", "fetch", …) → name → doc */
export type DocsFile = Record<string, Record<string, DocRecord>>;

/** A keyword HAProxy removed or deprecated, from the hand-kept grammar/removed-keywords.json. */
export interface RemovedKeyword {
  name: string;
  status: 'removed' | 'deprecated';
  /** HAProxy version since which it is removed/deprecated, when known */
  since?: string;
  /** where the keyword lived: "proxy", "global", "bind", "server", "section", "resolvers" … */
  context: string;
  replacement?: string;
  /** the replacement is the same keyword under a new name (same arguments, same meaning): a safe fix */
  rename?: boolean;
  note?: string;
}

/** grammar/data/removed.json (validated, flattened copy of grammar/removed-keywords.json) */
export interface RemovedFile {
  keywords: Record<string, RemovedKeyword>;
}
