import type { Rule } from '../engine/types.js';
import { configModel, proxyLabel } from './model/config-model.js';

export const rule: Rule = {
  id: 'unused-acl',
  description: 'An ACL is declared but no condition of its section uses it',
  severity: 'info',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports an `acl <name> …` declaration that no `if`/`unless` condition (nor `acl()` fetch) of the same frontend, backend, listen or defaults section uses.',
    why: 'An unused ACL is dead configuration, and often the sign of a mistake: a typo in the condition meant to use it, a rule that was removed, or an ACL declared in the frontend while the rule using it sits in a backend (ACLs are private to their section).',
    bad: 'frontend www\n    bind :80\n    acl is_api path_beg /api\n    acl is_admin path_beg /admin\n    use_backend api if is_api\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    acl is_api path_beg /api\n    use_backend api if is_api\n    default_backend app\n',
    fixSafety: 'No automatic fix: the declaration may be waiting for a rule still to be written.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      const uses = [...proxy.aclUses, ...proxy.looseAclUses];
      // a condition naming its ACLs through the environment (or a template value) may use any of them
      if (uses.some((u) => u.word.envRefs.length > 0 || u.name.includes('${'))) continue;
      const used = new Set(uses.map((u) => u.name));
      const reported = new Set<string>();
      for (const def of proxy.acls) {
        if (used.has(def.name) || reported.has(def.name) || def.word.envRefs.length > 0) continue;
        reported.add(def.name);
        report({
          message: `ACL '${def.name}' is declared in ${proxyLabel(proxy)} but no condition there uses it`,
          start: def.word.start,
          end: def.word.end,
        });
      }
    }
  },
};
