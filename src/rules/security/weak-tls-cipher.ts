import type { Rule } from '../../engine/types.js';
import type { Word } from '../../parser/ast.js';
import { sourceOffset } from '../shared/words.js';
import { optionValue, tlsOptionLines } from '../shared/tls-options.js';

/** OpenSSL cipher-string components that bring in broken or unauthenticated suites (compared upper-case). */
const WEAK_COMPONENTS = new Map([
  ['RC4', 'RC4'], ['RC2', 'RC2'], ['DES', 'DES/3DES'], ['3DES', '3DES'], ['MD5', 'MD5'], ['IDEA', 'IDEA'],
  ['NULL', 'no encryption (NULL)'], ['ENULL', 'no encryption (eNULL)'], ['ANULL', 'no authentication (aNULL)'],
  ['ADH', 'anonymous DH (no authentication)'], ['AECDH', 'anonymous ECDH (no authentication)'],
  ['EXP', 'EXPORT-grade'], ['EXPORT', 'EXPORT-grade'], ['EXPORT40', 'EXPORT-grade'], ['EXPORT56', 'EXPORT-grade'], ['LOW', 'LOW-strength'],
]);

/** TLS 1.3 suites without encryption (RFC 9150 integrity-only). */
const WEAK_SUITES = new Map([['TLS_SHA256_SHA256', 'no encryption (integrity only)'], ['TLS_SHA384_SHA384', 'no encryption (integrity only)']]);

/** What makes one token of a cipher string weak, or undefined when it is not (removals `!X`/`-X` and `+X` moves never are). */
export function weakCipherToken(token: string, suites: boolean): string | undefined {
  if (token === '' || token.startsWith('!') || token.startsWith('-') || token.startsWith('+')) return undefined;
  if (/^@SECLEVEL=0$/i.test(token)) return 'security level 0 (every weak key and cipher allowed)';
  if (token.startsWith('@')) return undefined;
  if (suites) return WEAK_SUITES.get(token.toUpperCase()) ?? (/NULL/i.test(token) ? 'no encryption (NULL)' : undefined);
  for (const component of token.split(/[-+]/)) {
    const weak = WEAK_COMPONENTS.get(component.toUpperCase());
    if (weak) return weak;
  }
  return undefined;
}

const GLOBAL_KEYWORDS = new Map([
  ['ssl-default-bind-ciphers', false], ['ssl-default-server-ciphers', false],
  ['ssl-default-bind-ciphersuites', true], ['ssl-default-server-ciphersuites', true],
]);

export const rule: Rule = {
  id: 'weak-tls-cipher',
  description: 'A cipher list enables broken ciphers (RC4, DES/3DES, MD5, NULL, EXPORT, anonymous key exchange)',
  severity: 'warning',
  fixable: 'unsafe',
  group: 'security',
  securitySeverity: 7.4,
  docs: {
    what: 'Reads the OpenSSL cipher lists of `ciphers`/`ciphersuites` on `bind`, `server` and `default-server` lines and of the global `ssl-default-bind-ciphers`, `ssl-default-server-ciphers`, `ssl-default-bind-ciphersuites` and `ssl-default-server-ciphersuites`, and reports each token that adds weak suites: RC4, RC2, DES, 3DES, IDEA, MD5, NULL/eNULL (no encryption), aNULL/ADH/AECDH (no authentication), EXPORT/EXP, LOW, `@SECLEVEL=0`, and the integrity-only TLS 1.3 suites. Removals (`!RC4`, `-MD5`) and moves (`+RC4`) are fine; group names like `HIGH` or `ALL` are not judged.',
    why: 'A client or a man in the middle can pick any suite the list allows: RC4 (RFC 7465) and 3DES (Sweet32) leak plaintext, EXPORT suites enable FREAK and Logjam, NULL suites send data in clear, anonymous suites let anyone impersonate the server. Mozilla\'s server-side TLS guidelines list none of them, even in the "old" profile\'s modern variants. References: https://wiki.mozilla.org/Security/Server_Side_TLS, RFC 7465, HAProxy configuration manual §3.1 "ssl-default-bind-ciphers" and §5.1 "ciphers".',
    bad: 'global\n    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA:DES-CBC3-SHA\n',
    good: 'global\n    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256\n',
    fixSafety: 'Unsafe (applied only with --unsafe-fixes): removes the weak tokens from the list (never empties it). Clients that can only use those suites can no longer connect, which is the point, but check your logs for them first.',
  },
  check({ file, report }) {
    const lists: { word: Word; suites: boolean }[] = [];
    for (const section of file.sections) {
      if (section.kind !== 'global') continue;
      for (const line of section.lines) {
        const suites = GLOBAL_KEYWORDS.get(line.keyword);
        if (suites === undefined || line.modifier || !line.args[0]) continue;
        lists.push({ word: line.args[0], suites });
      }
    }
    for (const { options } of tlsOptionLines(file.sections)) {
      for (const [name, suites] of [['ciphers', false], ['ciphersuites', true]] as const) {
        const found = optionValue(options, name);
        if (found) lists.push({ word: found.value, suites });
      }
    }
    for (const { word, suites } of lists) {
      if (word.envRefs.length > 0) continue;
      const tokens = tokenize(word.value);
      const weak = tokens.map((t) => ({ ...t, why: weakCipherToken(t.text, suites) })).filter((t) => t.why !== undefined);
      if (weak.length === 0) continue;
      const weakAt = new Set(weak.map((t) => t.index));
      const kept = tokens.filter((t) => !weakAt.has(t.index)).map((t) => t.text);
      const positiveLeft = kept.some((t) => !t.startsWith('!') && !t.startsWith('-') && !t.startsWith('+') && !t.startsWith('@'));
      const start = sourceOffset(word, 0);
      for (const token of weak) {
        const from = start === undefined ? word.start : sourceOffset(word, token.index)!;
        const to = start === undefined ? word.end : from + token.text.length;
        report({
          message: `cipher \`${token.text}\` enables ${token.why} suites, which an attacker can force and break; remove it`,
          start: from, end: to,
          ...(start !== undefined && positiveLeft ? {
            fix: { description: 'remove the weak cipher tokens', applicability: 'unsafe' as const, edits: [{ start: word.start, end: word.end, text: kept.join(':') }] },
          } : {}),
        });
      }
    }
  },
};

/** The tokens of an OpenSSL cipher string (separated by `:`, `,` or blanks) with their index in it. */
function tokenize(value: string): { text: string; index: number }[] {
  const tokens: { text: string; index: number }[] = [];
  for (const match of value.matchAll(/[^:, ]+/g)) tokens.push({ text: match[0], index: match.index });
  return tokens;
}
