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
