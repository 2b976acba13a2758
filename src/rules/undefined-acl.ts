import type { Rule } from '../engine/types.js';
import { sampleFetches, suggest, type Version } from '../grammar/index.js';
import { configModel, proxyLabel, type AclDef, type Proxy } from './model/config-model.js';
import { predefinedAcls, predefinedAclSince } from './model/predefined-acls.js';

export const rule: Rule = {
  id: 'undefined-acl',
  description: 'A condition uses a named ACL that is not defined (before it) in the same section',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports a named ACL used in an `if`/`unless` condition (`http-request deny if bad_ip`, `use_backend api if !is_static || is_api`) or in the `acl()` sample fetch that is neither declared with `acl <name> …` earlier in the same frontend, backend, listen or defaults section nor one of HAProxy\'s pre-defined ACLs (`TRUE`, `FALSE`, `HTTP`, `HTTP_1.1`, `LOCALHOST`, `METH_GET`, `WAIT_END`…). Anonymous ACLs between braces (`{ path_beg /api }`) need no declaration.',
    why: 'ACLs are private to the section declaring them: a backend cannot use an ACL of the frontend that routed to it, and a proxy does not see the ACLs of its `defaults` section. They must also be declared before the line using them, because HAProxy resolves a condition while reading its line. Otherwise HAProxy refuses the configuration ("no such ACL : \'name\'"). A sample fetch used as a bare word (`if ssl_fc`) is not an ACL either: write it between braces, `if { ssl_fc }`.',
    bad: 'frontend www\n    bind :80\n    http-request deny if blocked\n    acl blocked src 10.0.0.0/8\n    default_backend app\n\nbackend app\n    http-request deny if blocked\n    server app1 127.0.0.1:8000\n',
    good: 'frontend www\n    bind :80\n    acl blocked src 10.0.0.0/8\n    http-request deny if blocked\n    default_backend app\n\nbackend app\n    acl blocked src 10.0.0.0/8\n    http-request deny if blocked\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: where the ACL should come from (a typo, a missing declaration, a declaration in another section) cannot be known.',
  },
  check({ file, report, targetVersion }) {
    const model = configModel(file);
    const predefined = predefinedAcls(targetVersion);
    // declarations indexed by name: per proxy, and which proxies declare a name (for the message)
    const declaringProxies = new Map<string, Proxy[]>();
    for (const proxy of model.allProxies) {
      if (proxy.acls.length === 0) continue;
      for (const name of new Set(proxy.acls.map((d) => d.name))) {
        const list = declaringProxies.get(name);
        if (list) list.push(proxy);
        else declaringProxies.set(name, [proxy]);
      }
    }
    for (const proxy of model.proxies) {
      const byName = new Map<string, AclDef[]>();
      for (const d of proxy.acls) {
        const list = byName.get(d.name);
        if (list) list.push(d);
        else byName.set(d.name, [d]);
      }
      for (const use of proxy.aclUses) {
        const name = use.name;
        if (use.word.envRefs.length > 0 || name.includes('${') || /[{}()]/.test(name)) continue;
        const defs = byName.get(name) ?? [];
        if (defs.some((d) => d.line.line < use.line.line || (use.viaFetch && d.line.line <= use.line.line && d.line !== use.line))) continue;
        if (predefined.has(name)) continue;
        let message: string;
        if (defs.length > 0) {
          message = `ACL '${name}' is used before it is declared (line ${defs[0]!.line.line}): HAProxy resolves conditions while reading the line and refuses this ("no such ACL : '${name}'"); move the \`acl ${name}\` line above its first use`;
        } else {
          const since = predefinedAclSince(name);
          const elsewhere = (declaringProxies.get(name) ?? []).filter((p) => p !== proxy);
          if (since) {
            message = `pre-defined ACL '${name}' does not exist before HAProxy ${since} (target ${targetVersion}): HAProxy refuses this ("no such ACL : '${name}'")`;
          } else if (elsewhere.length > 0) {
            message = `ACL '${name}' is not declared in ${proxyLabel(proxy)}: it is declared in ${elsewhere.map(proxyLabel).slice(0, 3).join(', ')}, but ACLs are private to the section declaring them ("no such ACL : '${name}'"); declare it here too`;
          } else {
            const hint = suggest(name, [...new Set(proxy.acls.map((d) => d.name))]);
            const isFetch = sampleFetches(targetVersion as Version).includes(name.replace(/\(.*$/, ''));
            const advice = isFetch
              ? `; \`${name}\` is a sample fetch, not an ACL: write it as an anonymous ACL, \`{ ${name} }\``
              : hint.length
                ? `; did you mean '${hint[0]}'?`
                : `; declare it with \`acl ${name} …\` or use an anonymous ACL \`{ … }\``;
            message = `ACL '${name}' is not declared in ${proxyLabel(proxy)} and is not a pre-defined ACL: HAProxy refuses this ("no such ACL : '${name}'")${advice}`;
          }
        }
        report({ message, start: use.word.start, end: use.word.end });
      }
    }
  },
};
