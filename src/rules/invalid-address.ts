import type { Line, Word } from '../parser/ast.js';
import type { Rule, RuleContext } from '../engine/types.js';
import { VERSIONS, type Version } from '../grammar/index.js';
import { addressInsteadOfName, addressProblem, unjudgedAddress, type AddressSpec } from './shared/addresses.js';
import { sourceOffset } from './shared/words.js';

/**
 * The addresses outside `bind` (invalid-bind-address judges those), with the str2sa_range() flags
 * each keyword passes in HAProxy (src/cfgparse*.c, src/server.c, src/log.c, src/tcpcheck.c).
 */
const LOG: AddressSpec = { label: 'log address' };
const PROXY_SOURCE: AddressSpec = { label: 'source address' };
const SERVER_SOURCE: AddressSpec = { label: 'source address', range: true };
const USESRC: AddressSpec = { label: 'usesrc address' };
const SOCKS4: AddressSpec = { label: 'socks4 address', portMandatory: true };
const CONNECT: AddressSpec = { label: 'connect address' };
const PEER: AddressSpec = { label: 'peer address', portMandatory: true };
const MAILER: AddressSpec = { label: 'mailer address', portMandatory: true };
const NAMESERVER: AddressSpec = { label: 'nameserver address' };

/** `usesrc` values that are not addresses */
const USESRC_KEYWORDS = /^(?:client|clientip|hdr_ip\(.*\))$/;

/** `backend@<name>` log targets appear with log backends in HAProxy 2.9 */
const LOG_BACKEND_SINCE: Version = '2.9';

export const rule: Rule = {
  id: 'invalid-address',
  description: 'An address HAProxy refuses outside bind lines: a port out of range, a port range or offset where none is permitted, a missing port, a malformed host',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what:
      'Checks the addresses of `server` and `server-template` lines and their `source`, `usesrc` and `socks4` options (also on `default-server`), of `source`, `log`, `tcp-check connect addr`/`http-check connect addr`, `peer`, `mailer` and `nameserver` lines as HAProxy\'s address parser reads them for each keyword: ports must be within 0-65535 (1-65535 where a port is mandatory: `socks4`, `peer`, `mailer`); a port range (`8000-8010`) is only permitted on a server\'s `source`; a port offset (`+1`, `-1`) only on a server address; a host name may only hold letters, digits, `.`, `-` and `_`, and a dotted-decimal host must be an IPv4 address. A datagram address (`udp@`) on a server is refused before HAProxy 2.9 (log backends). Host names are never resolved: a single-label name like `app:8080` (a container name) is fine. Addresses written with environment variables are not judged.',
    why:
      'HAProxy refuses the whole configuration on such an address ("port range not permitted here in \'127.0.0.1:10001-10010\'", "invalid port \'70000\'", "missing port specification in \'0.0.0.1\'"), and a host name with characters no resolver accepts can never be reached.',
    bad: 'global\n    log 127.0.0.1:10001-10010 local0\n\nbackend app\n    server app1 10.0.0.1:70000\n    server app2 10.0.0.2:8000 socks4 10.0.0.9\n',
    good: 'global\n    log 127.0.0.1:10001 local0\n\nbackend app\n    server app1 10.0.0.1:7000\n    server app2 10.0.0.2:8000 socks4 10.0.0.9:1080\n',
    fixSafety: 'No automatic fix: the intended address cannot be known.',
  },
  check(ctx) {
    const target = ctx.targetVersion as Version;
    const beforeLogBackends = VERSIONS.indexOf(target) < VERSIONS.indexOf(LOG_BACKEND_SINCE);
    // the prologue's lines (before any section) have no section kind
    const groups: { kind: string | undefined; lines: Line[] }[] = [{ kind: undefined, lines: ctx.file.prologue }, ...ctx.file.sections];
    for (const { kind: sectionKind, lines } of groups) for (const line of lines) {
      if (line.kind !== 'keyword' || line.modifier) continue;
      const args = line.args;
      const check = (word: Word | undefined, spec: AddressSpec) => checkWord(ctx, word, spec);
      switch (line.keyword) {
        case 'log': {
          const first = args[0];
          if (!first || /^(?:global|stdout|stderr|ring@.*)$/.test(first.value)) break;
          if (first.value.startsWith('backend@')) {
            if (beforeLogBackends) {
              ctx.report({ message: `log target '${first.value}' needs log backends, which appear in HAProxy 2.9: HAProxy ${target} refuses it ("invalid address: '${first.value}'")`, start: first.start, end: first.end });
            }
            break;
          }
          check(first, LOG);
          break;
        }
        case 'source':
          check(args[0], PROXY_SOURCE);
          checkUsesrc(ctx, args, 1);
          break;
        case 'server':
        case 'server-template':
        case 'default-server': {
          if (addressInsteadOfName(line)) break;
          const addressIndex = line.keyword === 'server' ? 1 : line.keyword === 'server-template' ? 2 : -1;
          const address = args[addressIndex];
          if (address && sectionKind !== 'peers') {
            check(address, { label: 'server address', offset: true, streamOnly: beforeLogBackends });
          }
          for (let i = Math.max(addressIndex + 1, 0); i < args.length - 1; i++) {
            const option = args[i]!.value;
            if (option === 'source') check(args[i + 1], SERVER_SOURCE);
            else if (option === 'socks4') check(args[i + 1], SOCKS4);
            else if (option === 'usesrc') checkUsesrc(ctx, args, i);
          }
          break;
        }
        case 'tcp-check connect':
        case 'http-check connect':
          for (let i = 0; i < args.length - 1; i++) if (args[i]!.value === 'addr') check(args[i + 1], CONNECT);
          break;
        case 'peer':
          if (sectionKind === 'peers') check(args[1], PEER);
          break;
        case 'mailer':
          if (sectionKind === 'mailers') check(args[1], MAILER);
          break;
        case 'nameserver':
          if (sectionKind === 'resolvers') check(args[1], NAMESERVER);
          break;
      }
    }
  },
};

/** `usesrc <addr>` after `source …`: the word after the one at `index` */
function checkUsesrc(ctx: RuleContext, args: Word[], index: number): void {
  const at = args.findIndex((w, i) => i >= index && w.value === 'usesrc');
  const word = at >= 0 ? args[at + 1] : undefined;
  if (word && !USESRC_KEYWORDS.test(word.value)) checkWord(ctx, word, USESRC);
}

function checkWord(ctx: RuleContext, word: Word | undefined, spec: AddressSpec): void {
  if (!word || word.envRefs.length > 0 || unjudgedAddress(word.value)) return;
  const problem = addressProblem(word.value, spec);
  if (!problem) return;
  ctx.report({
    message: problem.message,
    start: sourceOffset(word, problem.from) ?? word.start,
    end: sourceOffset(word, problem.to) ?? word.end,
  });
}
