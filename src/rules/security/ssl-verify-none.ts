import type { Rule } from '../../engine/types.js';
import { hasOption, optionValue, tlsOptionLines } from '../shared/tls-options.js';

export const rule: Rule = {
  id: 'ssl-verify-none',
  description: 'HAProxy connects to a server over TLS without checking its certificate (`verify none`)',
  severity: 'warning',
  fixable: 'none',
  group: 'security',
  recommended: false,
  securitySeverity: 5.9,
  docs: {
    what: 'Reports `verify none` on a `server`, `default-server` or `server-template` line that uses `ssl`, and `ssl-server-verify none` in the `global` section. A server without `verify` is not reported: every supported HAProxy version defaults to `verify required` (`ssl-server-verify required`) and refuses to start when no `ca-file` is given, so the default is already safe.',
    why: 'Without verification, anyone who can intercept the traffic between HAProxy and the server (a compromised host in the same network, ARP or DNS spoofing, a cloud neighbour) can present any certificate, read and change every request, and collect the credentials and cookies they carry. Encryption without authentication only stops passive eavesdroppers. On a network you control end to end this may be an accepted risk, which is why the rule is opt-in. References: HAProxy configuration manual §5.2 "verify" and §3.1 "ssl-server-verify"; OWASP Transport Layer Security Cheat Sheet.',
    bad: 'backend app\n    server app1 10.0.0.5:443 ssl verify none\n',
    good: 'backend app\n    server app1 10.0.0.5:443 ssl verify required ca-file /etc/haproxy/ca.pem verifyhost app1.internal\n',
    fixSafety: 'No automatic fix: the CA file and the expected host name are yours to choose.',
  },
  check({ file, report }) {
    for (const section of file.sections) {
      if (section.kind !== 'global') continue;
      for (const line of section.lines) {
        if (line.keyword === 'ssl-server-verify' && !line.modifier && line.args[0]?.value === 'none') {
          report({ message: '`ssl-server-verify none` turns off certificate checks for every TLS server: a man in the middle can impersonate them', start: line.args[0].start, end: line.args[0].end });
        }
      }
    }
    for (const { line, side, options } of tlsOptionLines(file.sections)) {
      if (side !== 'server' || line.keyword === 'ssl-default-server-options') continue;
      const verify = optionValue(options, 'verify');
      if (!verify || verify.value.value !== 'none') continue;
      // default-server lines set it for servers that may add `ssl` themselves
      if (line.keyword !== 'default-server' && !hasOption(options, 'ssl')) continue;
      report({
        message: `\`verify none\`: HAProxy accepts any certificate from ${line.keyword === 'default-server' ? 'these servers' : 'this server'}, so a man in the middle can read and change the traffic; use \`verify required\` with a \`ca-file\``,
        start: verify.name.start, end: verify.value.end,
      });
    }
  },
};
