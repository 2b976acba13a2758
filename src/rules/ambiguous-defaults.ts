import type { Rule } from '../engine/types.js';
import { atLeast } from '../grammar/versions.js';
import { configModel, proxyLabel, type Proxy } from './model/config-model.js';

export const rule: Rule = {
  id: 'ambiguous-defaults',
  description: 'A named defaults section used both explicitly (`from <name>`) and implicitly (as the last defaults section before a proxy)',
  severity: 'error',
  fixable: 'safe',
  group: 'correctness',
  docs: {
    what: 'Reports a proxy that uses a named defaults section implicitly (no `from`, the defaults section is the last one before it) when another proxy names it with `from`, or the other way round: from the second way of using it on, every proxy using it. An error up to HAProxy 2.8, a warning from 2.9.',
    why: 'HAProxy 2.6 and 2.8 refuse the configuration ("defaults section \'base\' … is explicitly referenced by another proxy and implicitly used here. To avoid any ambiguity don\'t mix both usage"); 2.9 and later warn. A proxy written without `from` after named defaults sections silently takes whichever one happens to be last, which changes when sections are moved.',
    bad: 'defaults base\n    mode http\n\nfrontend www from base\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    good: 'defaults base\n    mode http\n\nfrontend www from base\n    bind :80\n    default_backend app\n\nbackend app from base\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'Safe: adding `from <name>` to a proxy using the section implicitly names the section it already inherits from, so nothing else changes.',
  },
  check({ file, report, targetVersion }) {
    const model = configModel(file);
    const uses = new Map<Proxy, { explicit: boolean; implicit: boolean }>();
    for (const proxy of model.allProxies) {
      const defaults = proxy.defaults;
      if (!defaults?.name || proxy.defaultsUnresolved || proxy.section.header.condDepth > 0) continue;
      // two defaults sections of that name: duplicate-name reports the ambiguity
      if (model.sectionsNamed('defaults', defaults.name).length > 1) continue;
      const explicit = proxy.section.from !== undefined;
      // a defaults section without `from` inherits nothing: only proxies use defaults implicitly
      if (!explicit && proxy.kind === 'defaults') continue;
      const seen = uses.get(defaults) ?? { explicit: false, implicit: false };
      uses.set(defaults, seen);
      if (explicit) seen.explicit = true;
      else seen.implicit = true;
      if (!(seen.explicit && seen.implicit) || proxy.file !== file) continue;
      const header = proxy.section.header;
      const name = proxy.section.name ?? header.words[0]!;
      const end = proxy.section.from ?? name;
      report({
        message: `defaults section '${defaults.name}' is used both explicitly (\`from ${defaults.name}\`) and implicitly (as the last defaults section before a proxy without \`from\`); ${proxyLabel(proxy)} ${explicit ? 'names it' : 'uses it implicitly'}: HAProxy ${atLeast(targetVersion, '2.9') ? 'warns' : 'refuses this'} ("is explicitly referenced by another proxy and implicitly used here. To avoid any ambiguity don't mix both usage"); ${explicit ? 'write `from` in every proxy using it' : `write \`from ${defaults.name}\``}`,
        start: header.words[0]!.start,
        end: end.end,
        severity: atLeast(targetVersion, '2.9') ? 'warning' : 'error',
        fix: explicit || !proxy.section.name
          ? undefined
          : { description: `add 'from ${defaults.name}'`, applicability: 'safe', edits: [{ start: proxy.section.name.end, end: proxy.section.name.end, text: ` from ${defaults.name}` }] },
      });
    }
  },
};
