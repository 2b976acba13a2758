import type { Rule } from '../../engine/types.js';
import { configModel, proxyLabel } from '../model/config-model.js';
import { hasAccessGuard, hasStatsAuth, isHttpProxy, networkBinds, statsPageLines } from '../shared/exposure.js';

export const rule: Rule = {
  id: 'stats-page-unprotected',
  description: 'The statistics page is served on a network address with neither a password nor an access rule',
  severity: 'warning',
  fixable: 'none',
  group: 'security',
  securitySeverity: 7.5,
  docs: {
    what: 'Reports a frontend or listen section in HTTP mode that serves the statistics page (`stats enable` or `stats uri`, its own or inherited from its `defaults` section) on a `bind` reachable from the network (anything but loopback, UNIX and abstract sockets), when neither it nor its defaults have `stats auth`, a `stats http-request` rule, an `http-request auth` rule, or an access rule with a condition (`http-request deny|allow|… if …`, `tcp-request … reject if …`). The conditions are not evaluated: any access rule keeps the rule quiet.',
    why: 'The stats page lists every frontend, backend and server with its address, state, traffic and error counters, and HAProxy\'s version: a map of the infrastructure behind the proxy for whoever finds the port, and with `stats admin` a switch to take servers out of rotation. Scanners look for `/stats`, `/haproxy?stats` and port 8404/9000 routinely. References: HAProxy configuration manual §4.2 "stats auth", "stats http-request"; OWASP Top 10 A01:2021 (broken access control).',
    bad: 'listen stats\n    bind *:9000\n    mode http\n    stats enable\n    stats uri /\n',
    good: 'listen stats\n    bind *:9000\n    mode http\n    stats enable\n    stats uri /\n    stats auth admin:"${STATS_PASSWORD}"\n    http-request deny unless { src 10.0.0.0/8 }\n',
    fixSafety: 'No automatic fix: the credentials or the allowed networks are yours to choose. Binding the page to 127.0.0.1 is the simplest remedy.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      if (!proxy.isFrontend || proxy.disabled) continue;
      const pages = statsPageLines(proxy);
      if (pages.length === 0) continue;
      const binds = networkBinds(proxy);
      if (binds.length === 0 || !isHttpProxy(model, proxy) || hasStatsAuth(proxy) || hasAccessGuard(proxy)) continue;
      const own = pages.find((line) => proxy.lines.includes(line));
      const at = own ? { start: own.words[0]!.start, end: own.words.at(-1)!.end } : proxy.section.name ?? proxy.section.header.words[0]!;
      report({
        message: `${proxyLabel(proxy)} serves the statistics page on ${binds[0]!.args[0]!.value} (reachable from the network) without \`stats auth\` or any access rule: anyone can read the server list${own ? '' : ` (stats enabled by its defaults section at line ${pages[0]!.line})`}`,
        start: at.start, end: at.end,
      });
    }
  },
};
