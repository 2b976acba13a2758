import type { Rule } from '../../engine/types.js';
import { configModel, proxyLabel } from '../model/config-model.js';
import { fixAfterLastBind, edgeHttpProxies, isTlsBind, responseHeadersSet } from '../shared/exposure.js';

const HSTS = 'http-response set-header Strict-Transport-Security "max-age=63072000"';

export const rule: Rule = {
  id: 'missing-hsts',
  description: 'An HTTPS frontend does not send Strict-Transport-Security (HSTS)',
  severity: 'info',
  fixable: 'unsafe',
  group: 'security',
  recommended: false,
  securitySeverity: 3.7,
  docs: {
    what: 'Reports a frontend or listen section in HTTP mode with a TLS `bind` (`ssl`) reachable from the network when no `http-response`/`http-after-response` rule anywhere in the file sets, adds or rewrites `Strict-Transport-Security`. Opt-in and informational: the application may send the header itself.',
    why: 'Without HSTS a browser that types the bare host name or follows an `http://` link makes its first request in clear text, and an attacker on the path can keep it on HTTP (SSL stripping) and read or change everything. The header tells browsers to use HTTPS only for `max-age` seconds. References: OWASP HTTP Security Response Headers Cheat Sheet ("Strict-Transport-Security"), RFC 6797, Mozilla server-side TLS guidelines (HSTS max-age of two years), HAProxy configuration manual §4.2 "http-response set-header".',
    bad: 'frontend www\n    bind :443 ssl crt /etc/haproxy/site.pem\n    mode http\n    default_backend app\n',
    good: 'frontend www\n    bind :443 ssl crt /etc/haproxy/site.pem\n    mode http\n    http-response set-header Strict-Transport-Security "max-age=63072000"\n    default_backend app\n',
    fixSafety: `Unsafe (applied only with --unsafe-fixes): adds \`${HSTS}\` after the last bind (two years, as Mozilla recommends, without includeSubDomains). Browsers remember it: a site that later drops HTTPS is unreachable for them until max-age expires.`,
  },
  check({ file, report }) {
    if (responseHeadersSet(file).has('strict-transport-security')) return;
    for (const { proxy } of edgeHttpProxies(configModel(file), true)) {
      const tlsBinds = proxy.lines.filter((l) => l.keyword === 'bind' && isTlsBind(l));
      if (tlsBinds.length === 0) continue;
      const at = proxy.section.name ?? proxy.section.header.words[0]!;
      report({
        message: `${proxyLabel(proxy)} serves HTTPS without a Strict-Transport-Security header: browsers can be kept on plain HTTP (SSL stripping)`,
        start: at.start, end: at.end,
        fix: fixAfterLastBind(file.text, proxy, HSTS, 'send HSTS (max-age two years)', 'unsafe'),
      });
    }
  },
};
