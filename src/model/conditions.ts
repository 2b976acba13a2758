import type { Line, Word } from '../parser/ast.js';
import { pushAll } from '../util/arrays.js';

/**
 * Keywords whose lines may end with an `if <cond>` / `unless <cond>` ACL condition, as the
 * parser names them (multi-word keywords in full, or their head).
 */
const CONDITION_KEYWORD_HEADS = [
  'http-request', 'http-response', 'http-after-response', 'tcp-request', 'tcp-response', 'quic-initial',
  'use_backend', 'use-server', 'redirect', 'monitor fail', 'stick', 'force-persist', 'ignore-persist',
  'stats admin', 'stats http-request', 'block',
];

const CONDITION_HEADS = new Set(CONDITION_KEYWORD_HEADS);

/** Whether the line's keyword is one of those, or starts with one of them followed by more words. */
export function takesCondition(line: Line): boolean {
  const keyword = line.keyword;
  if (CONDITION_HEADS.has(keyword)) return true;
  for (let space = keyword.indexOf(' '); space > 0; space = keyword.indexOf(' ', space + 1)) {
    if (CONDITION_HEADS.has(keyword.slice(0, space))) return true;
  }
  return false;
}

/** Index in `line.args` of the `if`/`unless` word starting the line's condition, when it has one. */
export function conditionIndex(line: Line): number | undefined {
  return takesCondition(line) ? looseConditionIndex(line) : undefined;
}

/** Index of an `if`/`unless` word on any keyword line (removed keywords like `reqrep … if acl` included). */
export function looseConditionIndex(line: Line): number | undefined {
  if (line.kind !== 'keyword') return undefined;
  const args = line.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word.quoting === 'none' && (word.value === 'if' || word.value === 'unless')) return i;
  }
  return undefined;
}

/** What a line without ACL uses answers (shared: callers only read it). */
const NO_USES: AclUse[] = Object.freeze([]) as unknown as AclUse[];

/** A named ACL a condition uses: `name` as HAProxy looks it up (leading `!`s removed). */
export interface AclUse {
  name: string;
  word: Word;
  line: Line;
  /** inside an `acl(...)` sample fetch rather than a bare condition word */
  viaFetch: boolean;
}

/** The named ACLs a condition refers to, as HAProxy's parse_acl_cond reads the words. */
export function aclUsesInCondition(line: Line, loose = false): AclUse[] {
  const start = loose ? looseConditionIndex(line) : conditionIndex(line);
  if (start === undefined) return NO_USES;
  const uses: AclUse[] = [];
  const words = line.args;
  for (let i = start + 1; i < words.length; i++) {
    const word = words[i]!;
    let name = word.value;
    while (name.startsWith('!')) name = name.slice(1);
    if (name === '') continue;
    if (name === '||' || name.toLowerCase() === 'or') continue;
    if (name === '{') {
      // an anonymous ACL: `{ fetch args }`, up to the closing brace
      let j = i + 1;
      for (; j < words.length && words[j]!.value !== '}'; j++) pushAll(uses, aclFetchUses(words[j]!, line));
      i = j;
      continue;
    }
    uses.push({ name, word, line, viaFetch: false });
  }
  return uses;
}

/** ACL names referenced through the `acl([!]name,…)` sample fetch inside a word (not the `add-acl(<file>)`/`del-acl(<file>)` actions). */
export function aclFetchUses(word: Word, line: Line): AclUse[] {
  if (!word.value.includes('acl(')) return NO_USES;
  const uses: AclUse[] = [];
  for (const match of word.value.matchAll(/(?:^|[^A-Za-z0-9_.-])acl\(([^)]*)\)/g)) {
    for (const part of match[1]!.split(',')) {
      const name = part.trim().replace(/^!+/, '');
      if (name) uses.push({ name, word, line, viaFetch: true });
    }
  }
  return uses;
}
