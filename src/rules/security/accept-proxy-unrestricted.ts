import type { Rule } from '../../engine/types.js';
import { configModel } from '../model/config-model.js';
import { conditionIndex } from '../model/conditions.js';
import { bindReach, inheritanceChain } from '../shared/exposure.js';

export const rule: Rule = {
  id: 'accept-proxy-unrestricted',
  description: 'A bind accepts the PROXY protocol (`accept-proxy`) from any address, so clients can claim any source address',
  severity: 'warning',
  fixable: 'none',
  group: 'security',
  recommended: false,
  securitySeverity: 6.5,
  docs: {
    what: 'Reports `accept-proxy` on a `bind` reachable from the network when the frontend (and its defaults) has no `tcp-request connection` rule with a condition (such as `tcp-request connection reject unless { src 10.0.0.0/8 }`). Those are the only rules that see the real peer address before the PROXY header replaces it. Opt-in: a firewall in front may already restrict the port.',
    why: 'With `accept-proxy`, the first bytes of a connection say which client address to use for everything after: ACLs on `src`, logs, `X-Forwarded-For`, rate limits and stick tables. If anyone can connect, anyone can send `PROXY TCP4 127.0.0.1 …` and pass IP allow-lists, escape rate limits and forge audit logs. References: HAProxy configuration manual §5.1 "accept-proxy" ("should only be used … from trusted sources") and §4.2 "tcp-request connection"; the PROXY protocol specification, §"Security considerations".',
    bad: 'frontend www\n    bind :443 accept-proxy\n    default_backend app\n',
    good: 'frontend www\n    bind :443 accept-proxy\n    tcp-request connection reject unless { src 10.0.0.0/8 }\n    default_backend app\n',
    fixSafety: 'No automatic fix: the addresses of your load balancers are yours to name.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      if (!proxy.isFrontend || proxy.disabled) continue;
      const guarded = inheritanceChain(proxy).some((p) => p.lines.some((l) => (l.keyword === 'tcp-request connection' || (l.keyword === 'tcp-request' && l.args[0]?.value === 'connection')) && conditionIndex(l) !== undefined));
      if (guarded) continue;
      for (const line of proxy.lines) {
        if (line.keyword !== 'bind' || line.modifier || bindReach(line) !== 'network') continue;
        const word = line.args.slice(1).find((w) => w.value === 'accept-proxy');
        if (!word) continue;
        report({
          message: `\`accept-proxy\` on ${line.args[0]!.value} trusts the PROXY header of any peer: a client can claim any source address and pass src ACLs, rate limits and logs; allow only your load balancers with \`tcp-request connection reject unless { src … }\``,
          start: word.start, end: word.end,
        });
      }
    }
  },
};
