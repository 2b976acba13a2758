import type { Rule } from '../engine/types.js';
import { defaultsOf } from './shared/proxies.js';
import { memo } from './shared/memo.js';
import type { ConfigSet } from '../model/set.js';

/** Named sections that do nothing unless something refers to them, and how they are referred to (for the message). */
const REFERRED: Record<string, string> = {
  cache: '`http-request cache-use`, `http-response cache-store` or `filter cache`',
  resolvers: '`resolvers` on a server line or `do-resolve`',
  userlist: '`http_auth(<userlist>)` or `http_auth_group(<userlist>)`',
  peers: '`peers` on a stick-table',
  mailers: '`email-alert mailers`',
  'http-errors': '`errorfiles`',
  ring: '`log ring@<name>`',
  'fcgi-app': '`use-fcgi-app`',
};

/** Every name-like token of the set's keyword arguments (section headers excluded), listed once per set and only when asked. */
const mentionedBySet = new WeakMap<ConfigSet, Set<string>>();

function mentionedWords(set: ConfigSet): Set<string> {
  return memo(mentionedBySet, set, () => {
    const headers = new Set(set.sections.map((s) => s.header));
    const mentioned = new Set<string>();
    for (const entry of set.files) {
      for (const line of entry.file.lines) {
        if (line.kind !== 'keyword' || headers.has(line)) continue;
        for (const word of line.args) for (const token of word.value.split(NOT_NAME)) if (token) mentioned.add(token);
      }
    }
    return mentioned;
  });
}

const NOT_NAME = /[^A-Za-z0-9_.:-]+/;

export const rule: Rule = {
  id: 'unused-section',
  description: 'A cache, resolvers, userlist, peers, mailers, http-errors, ring or fcg-app section, or a named defaults section, that nothing uses',
  severity: 'info',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports a named section that only acts when referred to, and that no line of the file names: `cache`, `resolvers`, `userlist`, `peers` (without tables of its own), `mailers`, `http-errors`, `ring`, `fcgi-app`; and a named `defaults` section that no proxy or defaults section inherits from, neither with `from <name>` nor by coming after it. Any word naming the section counts as a use, so the rule stays silent on names also used for something else.',
    why: 'An unused section is dead configuration: either a leftover to remove, or a reference missing or misspelt (`cache-use` forgotten, `resolvers` left off the server line), so the feature silently does not run.',
    bad: 'cache assets\n    total-max-size 64\n\nfrontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    good: 'cache assets\n    total-max-size 64\n\nfrontend www\n    bind :80\n    http-request cache-use assets\n    http-response cache-store assets\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: the section may be used by a file loaded alongside this one.',
  },
  check({ file, set, report }) {
    // a section may be used by any file of the set; this file's unused sections are reported here
    const sections = set.sections;
    for (const section of file.sections) {
      const name = section.name;
      if (!name || name.envRefs.length > 0 || section.header.condDepth > 0) continue;
      if (section.kind === 'defaults') {
        const used = sections.some((other) => other !== section && (other.from?.value === name.value || (!other.from && defaultsOf(file, other) === section)));
        if (!used) {
          report({
            message: `defaults section '${name.value}' is never used: no section inherits from it (no \`from ${name.value}\`, and no proxy follows it)`,
            start: name.start,
            end: name.end,
          });
        }
        continue;
      }
      const how = REFERRED[section.kind];
      if (!how || mentionedWords(set).has(name.value)) continue;
      if (section.kind === 'peers' && section.lines.some((l) => l.keyword === 'table')) continue;
      if (section.kind === 'resolvers' && name.value === 'default') continue; // the HTTP client's implicit one
      report({
        message: `${section.kind} section '${name.value}' is never used: nothing refers to it (through ${how})`,
        start: name.start,
        end: name.end,
      });
    }
  },
};
