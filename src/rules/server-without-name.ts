import type { Line, Section, Word } from '../parser/ast.js';
import type { Rule } from '../engine/types.js';
import { templateNames } from './model/config-model.js';
import { addressInsteadOfName } from './shared/addresses.js';
import { keywordLines } from './shared/proxies.js';

/** Server names HAProxy accepts (`invalid_char()`); a section name is always made of these. */
const NAME_CHARS = /^[A-Za-z0-9._:-]+$/;

export const rule: Rule = {
  id: 'server-without-name',
  description: 'A `server` line starts with an address: HAProxy reads it as the name and refuses the configuration',
  severity: 'error',
  fixable: 'safe',
  group: 'correctness',
  docs: {
    what: 'Reports a `server` line whose first argument is an address (`192.168.0.11:8000`, `[::1]:80`, `unix@/run/app.sock`, `db.example.com:5432`…) followed by a server keyword such as `check`, `weight` or `inter`, or by nothing: the server name is missing. Also reports `server-template` whose prefix is an address, and `default-server` given an address (it takes none).',
    why: 'The syntax is `server <name> <address>[:<port>] [params*]`. Without a name, HAProxy takes the address as the name and the next word as the address: `server 192.168.0.11:8000 check` fails with "could not resolve address \'check\'", `server 192.168.0.11:8000 weight 10` with "unknown keyword \'10\'", a lone `server 192.168.0.11:8000` with "\'server\' expects <name> and <addr>[:<port>] as arguments". Either way HAProxy does not start. `default-server` sets defaults for the servers after it and has no address: "unknown keyword \'10.0.0.1:80\'. Hint: no address was expected for this server".',
    bad: 'backend app\n    option httpchk\n    server 192.168.0.11:8000 check inter 2s\n    server 192.168.0.12:8000 check inter 2s\n',
    good: 'backend app\n    option httpchk\n    server app1 192.168.0.11:8000 check inter 2s\n    server app2 192.168.0.12:8000 check inter 2s\n',
    fixSafety: 'Safe when the first argument is unmistakably an address (an IP, `host:port`, `unix@…`, a socket path): inserts a name made from the backend\'s name and a number (`app1`, `app2`, …), skipping the names already used in that backend, so the result loads. Unsafe when the word is only probably an address (a dotted host name without port, an environment variable named like an address). Names appear in logs, stats and the runtime API, so rename them to taste. No fix for `server-template` or `default-server`: the intended line cannot be known.',
  },
  check({ file, report }) {
    for (const section of file.sections) {
      if (section.kind !== 'backend' && section.kind !== 'listen' && section.kind !== 'defaults' && section.kind !== 'frontend') continue;
      let names: NameAllocator | undefined;
      for (const line of section.lines) {
        const confidence = addressInsteadOfName(line);
        if (!confidence) continue;
        const [first, second] = line.args as [Word, Word | undefined];
        if (line.keyword === 'server') {
          const name = (names ??= new NameAllocator(section)).next();
          const consequence = second
            ? `HAProxy reads \`${first.raw}\` as the server's name and \`${second.raw}\` as its address, and refuses the configuration`
            : `HAProxy refuses it ("'server' expects <name> and <addr>[:<port>] as arguments")`;
          report({
            message: `server has no name: ${consequence}; write \`server <name> ${first.raw}${second ? ' …' : ''}\``,
            start: first.start,
            end: first.end,
            fix: {
              description: `name the server \`${name}\``,
              applicability: confidence === 'certain' ? 'safe' : 'unsafe',
              edits: [{ start: first.start, end: first.start, text: `${name} ` }],
            },
          });
        } else if (line.keyword === 'server-template') {
          report({
            message: `server-template prefix \`${first.value}\` is an address: the syntax is \`server-template <prefix> <num | range> <fqdn>[:<port>] [params*]\`, and HAProxy refuses this prefix`,
            start: first.start,
            end: first.end,
          });
        } else {
          report({
            message: `default-server takes no address: HAProxy refuses \`${first.value}\` ("unknown keyword '${first.value}'. Hint: no address was expected for this server"); declare a \`server <name> ${first.value}\` or drop the address`,
            start: first.start,
            end: first.end,
          });
        }
      }
    }
  },
};

/** Hands out `<base>1`, `<base>2`, … skipping the server names a section already uses. */
class NameAllocator {
  private readonly used = new Set<string>();
  private readonly base: string;
  private counter = 0;

  constructor(section: Section) {
    const sectionName = section.name?.value;
    const base = sectionName && NAME_CHARS.test(sectionName) ? sectionName : 'srv';
    this.base = /\d$/.test(base) ? `${base}-` : base;
    for (const line of keywordLines(section)) this.collect(line);
  }

  next(): string {
    let name: string;
    do name = `${this.base}${++this.counter}`;
    while (this.used.has(name));
    this.used.add(name);
    return name;
  }

  private collect(line: Line): void {
    const first: Word | undefined = line.args[0];
    if (!first) return;
    if (line.keyword === 'server') this.used.add(first.value);
    else if (line.keyword === 'server-template') for (const name of templateNames(line)) this.used.add(name);
  }
}
