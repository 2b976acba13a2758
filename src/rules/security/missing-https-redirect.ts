import type { Rule } from '../../engine/types.js';
import { configModel, proxyLabel } from '../model/config-model.js';
import { fixAfterLastBind, bindReach, edgeHttpProxies, inheritanceChain, isTlsBind } from '../shared/exposure.js';

const REDIRECT = 'http-request redirect scheme https unless { ssl_fc }';

export const rule: Rule = {
  id: 'missing-https-redirect',
  description: 'A frontend serves both HTTP and HTTPS without redirecting HTTP to HTTPS',
  severity: 'info',
  fixable: 'unsafe',
  group: 'security',
  recommended: false,
  securitySeverity: 4.3,
  docs: {
    what: 'Reports a frontend or listen section in HTTP mode with both a TLS `bind` and a plain `bind` reachable from the network when it (and its defaults) has no `redirect` / `http-request redirect` to `https` (`scheme https`, or a `prefix`/`location` starting with `https://`). Opt-in and informational.',
    why: 'Users who type the bare host name, and old links, land on the plain HTTP port and stay there: their cookies and form data cross the network in clear. A redirect moves them to HTTPS on the first request (and lets HSTS take over from then on). References: OWASP Transport Layer Security Cheat Sheet ("use TLS for all pages"), HAProxy configuration manual §4.2 "http-request redirect".',
    bad: 'frontend www\n    bind :80\n    bind :443 ssl crt /etc/haproxy/site.pem\n    mode http\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    bind :443 ssl crt /etc/haproxy/site.pem\n    mode http\n    http-request redirect scheme https unless { ssl_fc }\n    default_backend app\n',
    fixSafety: `Unsafe (applied only with --unsafe-fixes): adds \`${REDIRECT}\` after the last bind. Clients that cannot do TLS (some health checkers, old devices, ACME HTTP-01 challenges) get a redirect instead of the page; exempt their paths first if needed.`,
  },
  check({ file, report }) {
    for (const { proxy } of edgeHttpProxies(configModel(file))) {
      const binds = proxy.lines.filter((l) => l.keyword === 'bind' && !l.modifier);
      const plain = binds.filter((l) => !isTlsBind(l) && bindReach(l) === 'network');
      if (plain.length === 0 || !binds.some(isTlsBind)) continue;
      const redirects = inheritanceChain(proxy).some((p) => p.lines.some((l) => (l.keyword === 'redirect' || (l.keyword === 'http-request' && l.args[0]?.value === 'redirect'))
        && l.args.some((w, i, all) => (w.value === 'scheme' && all[i + 1]?.value === 'https') || /^https:\/\//i.test(w.value))));
      if (redirects) continue;
      const at = proxy.section.name ?? proxy.section.header.words[0]!;
      report({
        message: `${proxyLabel(proxy)} serves HTTPS and also plain HTTP on ${plain[0]!.args[0]!.value} without redirecting to HTTPS: visitors arriving over HTTP stay unencrypted`,
        start: at.start, end: at.end,
        fix: fixAfterLastBind(file.text, proxy, REDIRECT, 'redirect plain HTTP to HTTPS', 'unsafe'),
      });
    }
  },
};
