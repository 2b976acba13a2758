import type { Rule } from '../../engine/types.js';
import { configModel, proxyLabel } from '../model/config-model.js';
import { fixAfterLastBind, edgeHttpProxies, responseHeadersSet } from '../shared/exposure.js';

const DELETE = 'http-response del-header Server';

export const rule: Rule = {
  id: 'server-header-exposed',
  description: 'An HTTP frontend passes the backends\' `Server` header (software and version) to clients',
  severity: 'info',
  fixable: 'safe',
  group: 'security',
  recommended: false,
  securitySeverity: 2.6,
  docs: {
    what: 'Reports a frontend or listen section in HTTP mode with a `bind` reachable from the network when no `http-response`/`http-after-response` rule in the file deletes, sets or rewrites the `Server` header. Opt-in and informational.',
    why: 'Application servers announce themselves (`Server: gunicorn/20.0.4`, `Apache/2.4.29 (Ubuntu)`): an attacker learns which software and version runs behind the proxy and which CVEs to try, without probing. Removing the header at the edge hides it for every backend at once. References: OWASP HTTP Security Response Headers Cheat Sheet ("Server": remove or make non-informative); OWASP WSTG-INFO-02; HAProxy configuration manual §4.2 "http-response del-header".',
    bad: 'frontend www\n    bind :80\n    mode http\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    mode http\n    http-response del-header Server\n    default_backend app\n',
    fixSafety: `Safe: adds \`${DELETE}\` after the last bind. Clients do not use the header.`,
  },
  check({ file, report }) {
    if (responseHeadersSet(file).has('server')) return;
    for (const { proxy } of edgeHttpProxies(configModel(file), true)) {
      const at = proxy.section.name ?? proxy.section.header.words[0]!;
      report({
        message: `${proxyLabel(proxy)} passes the backends' \`Server\` header, which names their software and version; remove it with \`${DELETE}\``,
        start: at.start, end: at.end,
        fix: fixAfterLastBind(file.text, proxy, DELETE, 'remove the Server header', 'safe'),
      });
    }
  },
};
