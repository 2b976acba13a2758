import type { Rule } from '../../engine/types.js';
import type { Line, Word } from '../../parser/ast.js';
import { configModel } from '../model/config-model.js';
import { conditionIndex } from '../model/conditions.js';

/** Headers carrying a client address that any client can write itself. */
const CLIENT_ADDRESS_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'x-cluster-client-ip'];
/** hdr(), hdr_ip(), req.hdr(), req.hdr_ip(), req.fhdr(), hdr_beg(), … reading one of them; group 2: the occurrence */
const HEADER_FETCH = new RegExp(`(?:^|[^A-Za-z0-9_.])(?:req\\.)?f?hdr(?:_[a-z]+)?\\(\\s*(${CLIENT_ADDRESS_HEADERS.join('|')})\\s*(?:,\\s*([^),]*))?\\)`, 'i');

/** The header a word reads the client address from, unless it takes a last-hop occurrence (`,-1`): that one the nearest proxy wrote. */
function spoofableRead(word: Word): string | undefined {
  const match = HEADER_FETCH.exec(word.value);
  if (!match) return undefined;
  const occurrence = match[2]?.trim();
  if (occurrence && occurrence.startsWith('-')) return undefined;
  return match[1];
}

/** Whether the condition of a line tests the peer address (`if { src … }`, `if from_lb` with `acl from_lb src …`). */
function conditionOnSource(line: Line, acls: Map<string, Line>): boolean {
  const index = conditionIndex(line);
  if (index === undefined) return false;
  return line.args.slice(index + 1).some((w) => w.value === 'src' || w.value.startsWith('src,') || /^src_/.test(w.value)
    || acls.get(w.value.replace(/^!/, ''))?.args[1]?.value.startsWith('src') === true);
}

export const rule: Rule = {
  id: 'client-ip-from-header',
  description: 'The client address is taken from a header the client can write (X-Forwarded-For, X-Real-IP, Forwarded…) without checking who sent it',
  severity: 'warning',
  fixable: 'none',
  group: 'security',
  recommended: false,
  securitySeverity: 6.5,
  docs: {
    what: 'Reports `http-request set-src` from a client-address header (`X-Forwarded-For`, `X-Real-IP`, `Forwarded`, `X-Client-IP`, `True-Client-IP`, `CF-Connecting-IP`, `X-Cluster-Client-IP`) that has no condition on the peer address (`if { src <proxies> }`), and ACLs that test such a header (`acl internal hdr_ip(X-Forwarded-For) 10.0.0.0/8`). A fetch of the last occurrence (`hdr_ip(X-Forwarded-For,-1)`), written by the nearest proxy, is not reported. It complements `spoofable-forwarding-header`, which covers the headers HAProxy adds for its backends. Opt-in: behind a load balancer that always rewrites the header this can be right.',
    why: 'Any client can send `X-Forwarded-For: 10.0.0.1`. An ACL on that header is an access check anyone passes by writing the allowed address, and `set-src` from it makes every later `src` ACL, rate limit, stick table and log line believe the forged address. References: HAProxy configuration manual §4.2 "http-request set-src" and §7.3.6 "hdr_ip"; OWASP Top 10 A01:2021; MDN "X-Forwarded-For: security and privacy concerns".',
    bad: 'frontend www\n    bind :80\n    acl internal hdr_ip(X-Forwarded-For) 10.0.0.0/8\n    http-request set-src hdr(X-Real-IP)\n    http-request deny if { path_beg /admin } !internal\n',
    good: 'frontend www\n    bind :80\n    acl internal src 10.0.0.0/8\n    http-request set-src hdr(X-Real-IP) if { src 192.0.2.10 }\n    http-request deny if { path_beg /admin } !internal\n',
    fixSafety: 'No automatic fix: the trusted proxies\' addresses are yours to name.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      const acls = new Map(proxy.acls.map((a) => [a.name, a.line]));
      for (const line of proxy.lines) {
        if (line.modifier) continue;
        if (line.keyword === 'http-request' && line.args[0]?.value === 'set-src') {
          const expression = line.args[1];
          const header = expression && spoofableRead(expression);
          if (!header || conditionOnSource(line, acls)) continue;
          report({
            message: `\`set-src\` from ${header} believes whatever the client wrote: every later src ACL, rate limit and log sees a forged address; add \`if { src <your proxies> }\``,
            start: line.args[0].start, end: expression.end,
          });
        } else if (line.keyword === 'acl' && line.args[1]) {
          const header = spoofableRead(line.args[1]);
          if (!header) continue;
          report({
            message: `ACL \`${line.args[0]!.value}\` tests ${header}, which any client can write: as an access check it is passed by sending the allowed address; test \`src\` (or the last occurrence, \`,-1\`, behind one trusted proxy)`,
            start: line.args[1].start, end: line.args[1].end,
          });
        }
      }
    }
  },
};
