/**
 * Turning a synopsis line ("option httpchk <method> <uri>", "no option foo",
 * "timeout connect <timeout>") into the keyword name HAProxy's proxy matrix
 * uses ("option httpchk", "timeout connect").
 */
import { stripAnnotations } from './entries.js';

/** A literal word (not a placeholder such as <name>, [opt], {a|b}, ip:port …). */
const LITERAL_WORD = /^[a-z][a-z0-9._-]*$/;

export interface NameRules {
  /** known multi-word keyword names (from the proxy matrix), matched longest first */
  multiWord: string[];
  /** first words that introduce a family: "option", "timeout", "stats", … */
  heads: Set<string>;
}

export function synopsisWords(line: string): string[] {
  let words = stripAnnotations(line).split(/\s+/).filter(Boolean);
  if (words[0] === 'no' || words[0] === 'default') words = words.slice(1);
  return words;
}

export function keywordOfSynopsis(line: string, rules: NameRules): string | undefined {
  const words = synopsisWords(line);
  if (words.length === 0 || !/^[a-z0-9]/.test(words[0]!)) return undefined;
  // "http-check set-var(<name>) <expr>" and "persist rdp-cookie(<name>)" name "http-check set-var" / "persist rdp-cookie"
  const joined = words.map(bareName).join(' ') + ' ';
  for (const name of rules.multiWord) if (joined.startsWith(name + ' ')) return name;
  const second = words[1] === undefined ? undefined : bareName(words[1]);
  if (rules.heads.has(words[0]!) && second !== undefined && LITERAL_WORD.test(second)) {
    return `${words[0]} ${second}`;
  }
  return words[0];
}

/** Name of an action / sample fetch / converter in a synopsis: the word up to "(" or ":". */
export function bareName(word: string): string {
  return word.replace(/[(:].*$/, '');
}

/** Builds the rules from a list of multi-word names (longest first so "capture request header" wins). */
export function nameRules(multiWordNames: Iterable<string>, extraHeads: string[] = []): NameRules {
  const multiWord = [...new Set(multiWordNames)].filter((n) => n.includes(' '));
  multiWord.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const heads = new Set([...multiWord.map((n) => n.split(' ')[0]!), ...extraHeads]);
  return { multiWord, heads };
}
