import type { Rule } from '../../engine/types.js';
import { configModel, proxyLabel } from '../model/config-model.js';
import { conditionIndex } from '../model/conditions.js';
import { hasAccessGuard, networkBinds } from '../shared/exposure.js';

export const rule: Rule = {
  id: 'prometheus-exporter-exposed',
  description: 'The Prometheus exporter is served on a network address without an access rule',
  severity: 'warning',
  fixable: 'none',
  group: 'security',
  recommended: false,
  securitySeverity: 5.3,
  docs: {
    what: 'Reports `http-request use-service prometheus-exporter` in a frontend or listen section with a `bind` reachable from the network when the line\'s condition does not test the peer address (`src`) and the proxy (and its defaults) has no other access rule (`http-request deny … if …`, `auth`, `tcp-request … reject if …`). Opt-in: a firewall may already restrict the port.',
    why: 'The exporter publishes every frontend, backend and server with its name, state and traffic counters: the same map of the infrastructure as the stats page, to anyone who reaches the port, and scraping it repeatedly costs CPU. References: HAProxy configuration manual §4.2 "http-request use-service" and the Prometheus exporter README (addons/promex); OWASP Top 10 A01:2021.',
    bad: 'frontend metrics\n    bind :8405\n    mode http\n    http-request use-service prometheus-exporter if { path /metrics }\n',
    good: 'frontend metrics\n    bind :8405\n    mode http\n    http-request use-service prometheus-exporter if { path /metrics } { src 10.0.0.0/8 }\n',
    fixSafety: 'No automatic fix: the scraper\'s addresses are yours to name; binding to 127.0.0.1 also works.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      if (!proxy.isFrontend || proxy.disabled) continue;
      const binds = networkBinds(proxy);
      if (binds.length === 0) continue;
      for (const line of proxy.lines) {
        if (line.keyword !== 'http-request' || line.modifier || line.args[0]?.value !== 'use-service' || line.args[1]?.value !== 'prometheus-exporter') continue;
        const index = conditionIndex(line);
        const condition = index === undefined ? [] : line.args.slice(index + 1).map((w) => w.value);
        if (condition.some((w) => w === 'src' || w.startsWith('src,') || proxy.acls.some((a) => a.name === w.replace(/^!/, '') && a.line.args[1]?.value.startsWith('src')))) continue;
        if (hasAccessGuard(proxy)) continue;
        report({
          message: `${proxyLabel(proxy)} serves the Prometheus exporter on ${binds[0]!.args[0]!.value} to anyone: it lists every proxy and server with its state; restrict it with \`{ src … }\` or bind it to 127.0.0.1`,
          start: line.args[0].start, end: line.args[1].end,
        });
      }
    }
  },
};
