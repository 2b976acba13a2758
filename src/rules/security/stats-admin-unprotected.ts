import type { Rule } from '../../engine/types.js';
import { configModel } from '../model/config-model.js';
import { conditionIndex } from '../model/conditions.js';
import { hasAccessGuard, hasStatsAuth, networkBinds } from '../shared/exposure.js';

export const rule: Rule = {
  id: 'stats-admin-unprotected',
  description: '`stats admin if TRUE` on a stats page anyone on the network can reach without a password',
  severity: 'warning',
  fixable: 'none',
  group: 'security',
  securitySeverity: 9.1,
  docs: {
    what: 'Reports `stats admin` whose condition is always true (`if TRUE`, `unless FALSE`) in a frontend or listen section with a `bind` reachable from the network, when the stats page asks for no password (`stats auth`, an `auth` rule) and no access rule restricts it. `stats admin if TRUE` behind `stats auth` is the manual\'s own example ("admin for authenticated users") and is not reported.',
    why: 'The admin level lets the page put servers in maintenance, drain them, change their weights and kill sessions. Unauthenticated and reachable, it is a remote switch to take the service down or steer all traffic to one server. References: HAProxy configuration manual §4.2 "stats admin" (its examples restrict it to localhost or to authenticated users); OWASP Top 10 A01:2021.',
    bad: 'listen stats\n    bind :8404\n    mode http\n    stats enable\n    stats admin if TRUE\n',
    good: 'listen stats\n    bind :8404\n    mode http\n    stats enable\n    stats auth admin:"${STATS_PASSWORD}"\n    stats admin if TRUE\n',
    fixSafety: 'No automatic fix: add `stats auth` or restrict the condition, e.g. `stats admin if { src 10.0.0.0/8 }`.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      if (!proxy.isFrontend || proxy.disabled) continue;
      for (const line of proxy.lines) {
        if (line.keyword !== 'stats admin' || line.modifier) continue;
        const index = conditionIndex(line);
        if (index === undefined) continue;
        const condition = line.args.slice(index).map((w) => w.value).join(' ');
        if (condition !== 'if TRUE' && condition !== 'unless FALSE') continue;
        if (networkBinds(proxy).length === 0 || hasStatsAuth(proxy) || hasAccessGuard(proxy)) continue;
        report({
          message: `\`stats admin ${condition}\` gives everyone who reaches ${networkBinds(proxy)[0]!.args[0]!.value} the admin level (servers can be disabled) without a password`,
          start: line.words[0]!.start, end: line.words.at(-1)!.end,
        });
      }
    }
  },
};
