import type { Word } from '../parser/ast.js';
import type { Rule } from '../engine/types.js';
import { VERSIONS, type Version } from '../grammar/index.js';
import { sourceOffset } from './shared/words.js';
import { addressProblem, type AddressSpec } from './shared/addresses.js';

/** Address prefixes that take no port (sockets by path, inherited file descriptors, namespaces). */
const NO_PORT_PREFIXES = new Set(['unix', 'abns', 'fd', 'sockpair', 'uxst', 'uxdg']);
/** Address prefixes followed by `[addr]:port` (quic and udp ones are checked elsewhere by HAProxy). */
const PORT_PREFIXES = new Set(['ipv4', 'ipv6', 'tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'quic4', 'quic6']);
/** Prefixes newer than some targets: HAProxy before them reads the word as a host name without a port. */
const PREFIX_SINCE: Record<string, Version> = { rhttp: '2.9', abnsz: '3.2' };

/** what `bind` passes to str2sa_range(): a port is mandatory, ranges are fine, stream sockets only */
const BIND_SPEC: AddressSpec = { label: 'bind address', portMandatory: true, range: true, streamOnly: true };

export interface PortProblem {
  message: string;
  /** offsets inside the part */
  from: number;
  to: number;
}

/** What HAProxy's str2sa_range() says about one `bind` address (no env refs), or undefined when it is fine or not judged. */
export function bindAddressProblem(part: string, target: Version): PortProblem | undefined {
  if (part === '' || /[\s{}"']/.test(part)) return undefined;
  let rest = part;
  let offset = 0;
  const prefix = /^([a-z0-9]+)@/.exec(part);
  if (prefix) {
    const name = prefix[1]!;
    if (NO_PORT_PREFIXES.has(name)) return undefined;
    const since = PREFIX_SINCE[name];
    if (since) {
      if (VERSIONS.indexOf(target) >= VERSIONS.indexOf(since)) return undefined;
      return {
        message: `address prefix '${name}@' does not exist in HAProxy ${target} (it first appears in HAProxy ${since}): HAProxy reads '${part}' as a host name and refuses it ("missing port specification in '${part}'")`,
        from: 0,
        to: name.length + 1,
      };
    }
    if (!PORT_PREFIXES.has(name)) return addressProblem(part, BIND_SPEC);
    if (name.startsWith('udp')) return addressProblem(part, BIND_SPEC);
    rest = part.slice(prefix[0].length);
    offset = prefix[0].length;
  }
  if (rest.startsWith('/')) return undefined;
  const colon = rest.lastIndexOf(':');
  const missing = (hint = ''): PortProblem => ({
    message: `bind address '${part}' has no port: HAProxy refuses it ("missing port specification in '${part}'")${hint}`,
    from: 0,
    to: part.length,
  });
  if (colon < 0) {
    // a bare IPv4 address, `*` or a host name (an IPv6 address always has a colon)
    return /^(\*|[A-Za-z0-9._-]+)$/.test(rest) ? missing('; add `:<port>`') : undefined;
  }
  const port = rest.slice(colon + 1);
  const portAt = offset + colon + 1;
  if (port === '') return missing('; add the port after the colon');
  if (port.startsWith('$')) {
    const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(port)?.[1];
    const hint = name
      ? `; environment variables are only expanded inside double quotes: write "${part.slice(0, portAt)}\${${name}}"`
      : '';
    return { message: `bind address '${part}' has no usable port: \`$\` is literal outside double quotes, so HAProxy refuses it ("missing port specification in '${part}'")${hint}`, from: portAt, to: part.length };
  }
  if (port.startsWith('+') || port.startsWith('-')) {
    return { message: `bind address '${part}' has a port offset: HAProxy refuses it ("port offset not permitted here in '${part}'")`, from: portAt, to: part.length };
  }
  if (/^[A-Za-z]/.test(port)) {
    return { message: `bind port '${port}' is not a number: HAProxy refuses it ("invalid character '${port[0]}' in port number '${port}'")`, from: portAt, to: part.length };
  }
  const range = /^(\d+)(?:-(\d+))?$/.exec(port);
  if (!range) return addressProblem(part, BIND_SPEC);
  const low = Number(range[1]);
  const high = range[2] === undefined ? undefined : Number(range[2]);
  if (high === undefined) {
    if (low < 1 || low > 65535) return { message: `bind port ${range[1]} is out of range 1-65535: HAProxy refuses it ("invalid port '${port}'")`, from: portAt, to: part.length };
    return addressProblem(part, BIND_SPEC);
  }
  if (low < 1 || high > 65535 || high < low) {
    return { message: `bind port range '${port}' is not a range within 1-65535: HAProxy refuses it ("invalid port range '${port}'")`, from: portAt, to: part.length };
  }
  return addressProblem(part, BIND_SPEC);
}

export const rule: Rule = {
  id: 'invalid-bind-address',
  description: 'A bind address has no port, a port out of range, or an address prefix the target version lacks',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what:
      'Checks each comma-separated address of a `bind` line as HAProxy reads it: an IPv4/IPv6 address, `*` or host name must be followed by `:<port>` or `:<port>-<port>` with ports in 1-65535 and no `+`/`-` offset. Sockets (`/path`, `unix@`, `abns@`, `fd@`, `sockpair@`) take no port. An unquoted `$PORT` is reported too: environment variables are only expanded inside double quotes. Addresses with `"${VAR}"` references are not judged.',
    why:
      'HAProxy refuses the whole configuration on such an address ("missing port specification in \'*:$PORT\'", "invalid port \'0\'"). `bind *:$PORT`, copied from a shell template, is the common case: outside double quotes `$PORT` is literal text, not a variable.',
    bad: 'frontend www\n    bind *:$PORT\n    bind 10.0.0.1\n    default_backend app\n',
    good: 'frontend www\n    bind "*:${PORT}"\n    bind 10.0.0.1:80\n    default_backend app\n',
    fixSafety: 'No automatic fix: the intended port cannot be known.',
  },
  check({ file, report, targetVersion }) {
    for (const line of file.lines) {
      if (line.kind !== 'keyword' || line.keyword !== 'bind' || line.modifier) continue;
      const word: Word | undefined = line.args[0];
      if (!word || word.envRefs.length > 0 || word.value.includes('${')) continue;
      let at = 0;
      for (const part of word.value.split(',')) {
        const problem = bindAddressProblem(part, targetVersion as Version);
        if (problem) {
          const start = sourceOffset(word, at + problem.from) ?? word.start;
          const end = sourceOffset(word, at + problem.to) ?? word.end;
          report({ message: problem.message, start, end });
        }
        at += part.length + 1;
      }
    }
  },
};
