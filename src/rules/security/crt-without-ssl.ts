import type { Rule } from '../../engine/types.js';
import { hasOption, tlsOptionLines } from '../shared/tls-options.js';

export const rule: Rule = {
  id: 'crt-without-ssl',
  description: 'A bind line names a certificate (`crt`, `crt-list`) but has no `ssl`, so it serves plain text',
  severity: 'warning',
  fixable: 'unsafe',
  group: 'security',
  securitySeverity: 7.5,
  docs: {
    what: 'Reports a `bind` line with `crt` or `crt-list` and without the `ssl` keyword (QUIC binds, `quic4@`/`quic6@`, are left out). HAProxy 2.6 accepts such a line silently: it loads the certificate and then listens in clear text.',
    why: 'The certificate shows that TLS was meant, yet clients talk to this port unencrypted: passwords, cookies and session tokens cross the network in clear and can be read or changed by anyone on the path. Browsers pointed at `https://` fail, and people "fix" that by switching to `http://`. Reference: HAProxy configuration manual §5.1 "ssl" ("enables SSL deciphering on connections instantiated from this listener").',
    bad: 'frontend www\n    bind :443 crt /etc/haproxy/certs/site.pem\n',
    good: 'frontend www\n    bind :443 ssl crt /etc/haproxy/certs/site.pem\n',
    fixSafety: 'Unsafe (applied only with --unsafe-fixes): inserts `ssl` before `crt`. Clients that talked plain text to this port must switch to TLS.',
  },
  check({ file, report }) {
    for (const { line, side, options } of tlsOptionLines(file.sections)) {
      if (side !== 'bind' || line.keyword !== 'bind') continue;
      if (/^quic/.test(line.args[0]?.value ?? '')) continue;
      const crt = hasOption(options, 'crt') ?? hasOption(options, 'crt-list');
      if (!crt || hasOption(options, 'ssl')) continue;
      report({
        message: `\`${crt.value}\` without \`ssl\`: this listener serves plain text and never uses the certificate`,
        start: crt.start, end: crt.end,
        fix: { description: 'enable TLS on the listener (add `ssl`)', applicability: 'unsafe', edits: [{ start: crt.start, end: crt.start, text: 'ssl ' }] },
      });
    }
  },
};
