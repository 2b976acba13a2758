import type { Line, Word } from '../../parser/ast.js';
import { SERVER_KEYWORDS } from './server-keywords.js';

/**
 * How sure we are that a word is a server address rather than a server name:
 * `certain` for IPs, `host:port`, `unix@…`/`ipv4@…` forms, socket paths and `localhost`;
 * `likely` for a dotted host name without port (`db.example.com`) or an environment variable
 * named like an address (`"$BACKEND_HOST"`); undefined when it reads as a name.
 */
export type AddressConfidence = 'certain' | 'likely';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const PORT = /^(?:[+-]?\d+(?:-\d+)?)?$/; // `80`, `+1`, `-1`, `8000-8010` or empty (`1.2.3.4:`)
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const DOTTED_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/;
const VARIABLE = /^\$(?:\{[A-Za-z_.][A-Za-z0-9_]*(?:-[^}]*)?\}|[A-Za-z_][A-Za-z0-9_]*)$/;
const ADDRESS_VARIABLE = /ADDR|HOST|(?:^|_)IP(?:_|$|V)|SERVER|SRV|UPSTREAM|ENDPOINT|TARGET|URL/i;

export function addressConfidence(word: Word): AddressConfidence | undefined {
  const value = word.value;
  if (value === '') return undefined;
  // `ipv4@`, `ipv6@`, `unix@`, `abns@`, `sockpair@`, `fd@`, `tcp@`, `quic4@`, `rhttp@`… (names never contain `@`)
  if (/^[a-z][a-z0-9]*@./.test(value)) return 'certain';
  if (value.startsWith('/')) return 'certain';
  if (/^\[[0-9A-Fa-f:.]+\](?::.*)?$/.test(value)) return 'certain';
  if (value === 'localhost' || value === '*') return 'certain';
  const lastColon = value.lastIndexOf(':');
  const host = lastColon >= 0 ? value.slice(0, lastColon) : value;
  const port = lastColon >= 0 ? value.slice(lastColon + 1) : '';
  if (IPV4.test(value) || (IPV4.test(host) && PORT.test(port))) return 'certain';
  // bare IPv6 (`::1`, `2001:db8::10`): at least two colons, hex digits only
  if (/^[0-9A-Fa-f:.]+$/.test(value) && (value.match(/:/g) ?? []).length >= 2 && /[0-9A-Fa-f]/.test(value)) return 'certain';
  // `name:port` and `host.example.com:port`, also with variables (`${HOST}:${PORT}`, `"$HOST:8000"`)
  if (lastColon > 0 && port !== '' && (PORT.test(port) || VARIABLE.test(port))) {
    if (HOST_NAME.test(host) || DOTTED_HOST.test(host) || VARIABLE.test(host) || IPV4.test(host)) return 'certain';
  }
  if (DOTTED_HOST.test(value)) return 'likely';
  if (VARIABLE.test(value) && ADDRESS_VARIABLE.test(value)) return 'likely';
  return undefined;
}

/**
 * How sure we are that a `server`, `server-template` or `default-server` line starts with an address
 * where the syntax wants a name (`server 10.0.0.1:80 check`, `server-template 10.0.0.1 3 …`) or, for
 * `default-server`, an address it does not take; undefined for every other line. The words after the
 * address are then not the options they seem to be.
 */
export function addressInsteadOfName(line: Line): AddressConfidence | undefined {
  if (line.kind !== 'keyword' || line.modifier) return undefined;
  if (line.keyword !== 'server' && line.keyword !== 'server-template' && line.keyword !== 'default-server') return undefined;
  // several rules ask about every server line: judged once per line
  let judged = addressInsteadOfNameOf.get(line);
  if (judged === undefined) addressInsteadOfNameOf.set(line, (judged = judgeAddressInsteadOfName(line) ?? null));
  return judged ?? undefined;
}

const addressInsteadOfNameOf = new WeakMap<Line, AddressConfidence | null>();

function judgeAddressInsteadOfName(line: Line): AddressConfidence | undefined {
  const [first, second] = line.args;
  if (!first) return undefined;
  switch (line.keyword) {
    case 'server': {
      const confidence = addressConfidence(first);
      if (!confidence) return undefined;
      return !second || (SERVER_KEYWORDS.has(second.value) && !addressConfidence(second)) ? confidence : undefined;
    }
    case 'server-template':
      return addressConfidence(first) === 'certain' && second && /^\d+(?:-\d+)?$/.test(second.value) ? 'certain' : undefined;
    case 'default-server':
      return !SERVER_KEYWORDS.has(first.value) && addressConfidence(first) === 'certain' ? 'certain' : undefined;
    default:
      return undefined;
  }
}

/** What a keyword lets an address carry, as the flags it passes to HAProxy's str2sa_range() (PA_O_*). */
export interface AddressSpec {
  /** how messages name the address (`log address`, `socks4 address`…) */
  label: string;
  /** a port must be given (PA_O_PORT_MAND) */
  portMandatory?: boolean;
  /** `<port>-<port>` is allowed (PA_O_PORT_RANGE) */
  range?: boolean;
  /** `+<n>`/`-<n>` offsets are allowed (PA_O_PORT_OFS) */
  offset?: boolean;
  /** datagram prefixes (`udp@`, `uxdg@`…) are refused (no PA_O_DGRAM) */
  streamOnly?: boolean;
}

export interface AddressProblem {
  message: string;
  /** offsets inside the address text */
  from: number;
  to: number;
}

/** Prefixes str2sa_range() knows, with the socket type they select; the rest of the text follows. */
const KNOWN_PREFIXES: Record<string, 'stream' | 'dgram' | 'path' | 'fd' | 'any'> = {
  'unix@': 'path', 'uxst@': 'path', 'uxdg@': 'path', 'abns@': 'path', 'fd@': 'fd', 'sockpair@': 'fd',
  'ipv4@': 'any', 'ipv6@': 'any', 'tcp@': 'stream', 'tcp4@': 'stream', 'tcp6@': 'stream',
  'udp@': 'dgram', 'udp4@': 'dgram', 'udp6@': 'dgram', 'quic4@': 'dgram', 'quic6@': 'dgram',
};
const DGRAM_PATH_PREFIXES = new Set(['uxdg@']);

/** Whether an address is written so that its value is only known at run time or through the environment. */
export function unjudgedAddress(text: string): boolean {
  return text === '' || /[\s"'${}%]/.test(text);
}

/**
 * What HAProxy's str2sa_range() says about one address (`host:port`, `prefix@…`), for a keyword
 * passing `spec`; undefined when it is fine or cannot be judged. Host names are not resolved: only a
 * name no resolver can answer (characters outside letters, digits, `.`, `-`, `_`; a dotted-decimal
 * text that is no IPv4 address) is reported.
 */
export function addressProblem(text: string, spec: AddressSpec): AddressProblem | undefined {
  if (unjudgedAddress(text)) return undefined;
  let rest = text;
  let offset = 0;
  const prefix = /^[a-z0-9]+@/.exec(text)?.[0];
  if (prefix) {
    const kind = KNOWN_PREFIXES[prefix];
    if (kind === undefined) return undefined; // ring@, backend@, rhttp@…: each keyword judges its own
    if (spec.streamOnly && (kind === 'dgram' || DGRAM_PATH_PREFIXES.has(prefix)) && !prefix.startsWith('quic')) {
      return { message: `${spec.label} '${text}' is a datagram socket where only stream sockets work: HAProxy refuses it ("dgram-type address not acceptable in '${text}'")`, from: 0, to: prefix.length };
    }
    if (kind === 'path' || kind === 'fd') return undefined;
    rest = text.slice(prefix.length);
    offset = prefix.length;
  }
  if (rest.startsWith('/')) return undefined;
  let host = rest;
  let port: string | undefined;
  let portAt = 0;
  const bracket = /^\[([^\]]*)\](?::(.*))?$/.exec(rest);
  if (bracket) {
    host = bracket[1]!;
    if (bracket[2] !== undefined) {
      port = bracket[2];
      portAt = offset + rest.length - port.length;
    }
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      host = rest.slice(0, colon);
      port = rest.slice(colon + 1);
      portAt = offset + colon + 1;
    }
  }
  const hostProblem = hostNameProblem(host, spec, text);
  if (hostProblem) return { message: hostProblem, from: offset, to: offset + host.length + (bracket ? 2 : 0) };
  const whole = { from: portAt, to: text.length };
  if (port === undefined || port === '') {
    if (!spec.portMandatory) return undefined;
    return { message: `${spec.label} '${text}' has no port: HAProxy refuses it ("missing port specification in '${text}'"); add \`:<port>\``, from: 0, to: text.length };
  }
  if (port.startsWith('+') || port.startsWith('-')) {
    if (spec.offset) return undefined;
    return { message: `${spec.label} '${text}' has a port offset, which is not permitted here: HAProxy refuses it ("port offset not permitted here in '${text}'")`, ...whole };
  }
  if (!/^\d/.test(port)) {
    return { message: `${spec.label} port '${port}' is not a number: HAProxy refuses it ("invalid character '${port[0]}' in port number '${port}'")`, ...whole };
  }
  const dash = port.indexOf('-');
  if (dash >= 0 && !spec.range) {
    return { message: `${spec.label} '${text}' has a port range, which is not permitted here: HAProxy refuses it ("port range not permitted here in '${text}'")`, ...whole };
  }
  // atoi() semantics: the leading digits (a sign allowed), 0 when there are none
  const atoi = (s: string) => Number(/^[+-]?\d*/.exec(s)![0].replace(/^[+-]?$/, '0'));
  const low = atoi(port);
  const highText = dash >= 0 ? port.slice(dash + 1) : port;
  const high = atoi(highText);
  const min = spec.portMandatory ? 1 : 0;
  if (low < min || low > 65535) return { message: `${spec.label} port ${low} is out of range ${min}-65535: HAProxy refuses it ("invalid port '${dash >= 0 ? port.slice(0, dash) : port}'")`, ...whole };
  if (high < min || high > 65535) return { message: `${spec.label} port range '${port}' ends out of range ${min}-65535: HAProxy refuses it ("invalid port '${highText}'")`, ...whole };
  if (low > high) return { message: `${spec.label} port range '${port}' is reversed: HAProxy refuses it ("invalid port range '${low}-${high}'")`, ...whole };
  return undefined;
}

/** A host no resolver can answer, as a message; undefined when it may be fine. */
function hostNameProblem(host: string, spec: AddressSpec, text: string): string | undefined {
  if (host === '' || host === '*' || host.includes(':')) return undefined;
  if (/^[\d.]+$/.test(host)) {
    const parts = host.split('.');
    // inet_aton() also reads `127.1` or `10.0.1`; five parts or more, an empty part, or an octet over 255 never resolve
    if (parts.length > 4 || parts.some((p) => p === '') || (parts.length === 4 && parts.some((p) => Number(p) > 255))) {
      return `${spec.label} '${text}' has an invalid IPv4 address '${host}': HAProxy refuses it ("invalid address" or "could not resolve address")`;
    }
    return undefined;
  }
  const bad = /[^A-Za-z0-9._-]/.exec(host);
  if (bad) return `${spec.label} '${text}' has character '${bad[0]}' in its host name '${host}', which no resolver accepts: HAProxy refuses it ("invalid address" or "could not resolve address")`;
  return undefined;
}
