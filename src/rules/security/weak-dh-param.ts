import type { Rule } from '../../engine/types.js';

const MINIMUM_BITS = 2048;

export const rule: Rule = {
  id: 'weak-dh-param',
  description: '`tune.ssl.default-dh-param` is below 2048 bits',
  severity: 'warning',
  fixable: 'unsafe',
  group: 'security',
  securitySeverity: 5.9,
  docs: {
    what: 'Reports `tune.ssl.default-dh-param` in the `global` section set below 2048. It is not reported when absent: HAProxy then uses no default DH parameters at all (DHE suites stay off unless the certificate carries its own), which is safe.',
    why: 'Ephemeral Diffie-Hellman groups of 1024 bits and less can be precomputed by a well-funded attacker (Logjam, https://weakdh.org): the captured traffic of DHE sessions can then be decrypted. Mozilla\'s server-side TLS guidelines ask for at least 2048-bit DH groups (the ffdhe2048 group of RFC 7919). References: https://wiki.mozilla.org/Security/Server_Side_TLS, HAProxy configuration manual §3.2 "tune.ssl.default-dh-param".',
    bad: 'global\n    tune.ssl.default-dh-param 1024\n',
    good: 'global\n    tune.ssl.default-dh-param 2048\n',
    fixSafety: 'Unsafe (applied only with --unsafe-fixes): sets the value to 2048. Java 7 and older clients cannot use DH groups above 1024 bits; with ECDHE suites available modern clients are unaffected.',
  },
  check({ file, report }) {
    for (const section of file.sections) {
      if (section.kind !== 'global') continue;
      for (const line of section.lines) {
        if (line.keyword !== 'tune.ssl.default-dh-param' || line.modifier) continue;
        const value = line.args[0];
        if (!value || !/^\d+$/.test(value.value) || Number(value.value) >= MINIMUM_BITS) continue;
        report({
          message: `${value.value}-bit Diffie-Hellman parameters can be broken by precomputation (Logjam); use at least ${MINIMUM_BITS}`,
          start: value.start, end: value.end,
          fix: { description: `set ${MINIMUM_BITS} bits`, applicability: 'unsafe', edits: [{ start: value.start, end: value.end, text: String(MINIMUM_BITS) }] },
        });
      }
    }
  },
};
