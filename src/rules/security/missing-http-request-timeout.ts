import type { Rule } from '../../engine/types.js';
import { configModel, proxyLabel } from '../model/config-model.js';
import { fixAfterLastBind, edgeHttpProxies } from '../shared/exposure.js';

const TIMEOUT = 'timeout http-request 10s';

export const rule: Rule = {
  id: 'missing-http-request-timeout',
  description: 'An HTTP frontend has no `timeout http-request`, so slow clients (slowloris) can hold connections',
  severity: 'info',
  fixable: 'unsafe',
  group: 'security',
  recommended: false,
  securitySeverity: 5.3,
  docs: {
    what: 'Reports a frontend or listen section in HTTP mode with a `bind` reachable from the network whose effective `timeout http-request` (its own or its defaults section\'s) is not set. Opt-in and informational.',
    why: 'Without `timeout http-request`, HAProxy waits for a complete request header as long as the client sends a byte within each `timeout client` period. A slowloris attacker opens thousands of connections and trickles one header line per period, using up `maxconn` and locking out real users with little bandwidth. `timeout http-request` bounds the whole header (and, with `option http-buffer-request`, the body) to a fixed time. References: HAProxy configuration manual §4.2 "timeout http-request" ("help protect against some types of DoS attacks"); OWASP Denial of Service Cheat Sheet.',
    bad: 'defaults\n    mode http\n    timeout client 30s\n\nfrontend www\n    bind :80\n    default_backend app\n',
    good: 'defaults\n    mode http\n    timeout client 30s\n    timeout http-request 10s\n\nfrontend www\n    bind :80\n    default_backend app\n',
    fixSafety: `Unsafe (applied only with --unsafe-fixes): adds \`${TIMEOUT}\` after the proxy's last bind. Clients that need more than 10 seconds to send their request headers (very slow links) get a 408.`,
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const { proxy } of edgeHttpProxies(model)) {
      const setting = model.effective(proxy, 'timeout http-request');
      if (setting.value !== undefined || setting.uncertain) continue;
      const at = proxy.section.name ?? proxy.section.header.words[0]!;
      report({
        message: `${proxyLabel(proxy)} has no \`timeout http-request\` (nor does its defaults section): a client trickling its headers (slowloris) keeps a connection as long as \`timeout client\` allows per byte`,
        start: at.start, end: at.end,
        fix: fixAfterLastBind(file.text, proxy, TIMEOUT, `add ${TIMEOUT}`, 'unsafe'),
      });
    }
  },
};
