import type { Section, Severity } from '../parser/ast.js';
import type { Rule, TargetVersion } from '../engine/types.js';
import { atLeast } from '../grammar/versions.js';
import { configModel, isDynamicName, proxyLabel, sectionWhere, templateNames, type Proxy } from './model/config-model.js';

/** Named sections (other than proxies) whose names must be unique per kind, and what HAProxy does. */
const UNIQUE_SECTIONS: Record<string, { severity: Severity; consequence: string }> = {
  peers: { severity: 'error', consequence: 'HAProxy refuses this ("peers section has the same name as another peers section")' },
  resolvers: { severity: 'error', consequence: 'HAProxy refuses this ("resolvers has same name as another resolvers")' },
  mailers: { severity: 'error', consequence: 'HAProxy refuses this ("mailers section has the same name as another mailers section")' },
  ring: { severity: 'error', consequence: 'HAProxy refuses this ("sink named … already exists")' },
  cache: { severity: 'error', consequence: 'HAProxy refuses this ("Duplicate cache name")' },
  'http-errors': { severity: 'error', consequence: 'HAProxy refuses this ("http-errors section already exists")' },
  'fcgi-app': { severity: 'error', consequence: 'HAProxy refuses this ("fcgi-app section has the same name as another one")' },
  'log-forward': { severity: 'error', consequence: 'HAProxy refuses this ("log-forward section has the same name as another log-forward section")' },
  userlist: { severity: 'warning', consequence: 'HAProxy ignores the second one ("ignoring duplicated userlist"), so its users are never checked' },
};

/** Since 3.3 proxies of different kinds (frontend + backend, defaults + proxy) may no longer share a name. */
function refusesCrossKindNames(version: TargetVersion): boolean {
  return atLeast(version, '3.3');
}


export const rule: Rule = {
  id: 'duplicate-name',
  description: 'Two proxies, two servers of a backend, or two sections of the same kind share a name',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports a name declared twice where HAProxy needs it unique: two proxies with a common capability (two frontends, two backends, a listen and a frontend or backend), two servers of one backend (including names a `server-template` generates), two `peers`, `resolvers`, `mailers`, `ring`, `cache`, `http-errors`, `fcgi-app` or `log-forward` sections, a `log-forward` section named like a proxy, and a `defaults` name that is declared twice and then referenced by `from`. A frontend and a backend sharing a name, or a proxy named like a `defaults` section, are accepted up to HAProxy 3.2 but refused since 3.3: a warning for older targets, an error when targeting 3.3 or later. A duplicated `userlist` is a warning (HAProxy ignores the second one).',
    why: 'HAProxy refuses the configuration on these duplicates ("has the same name as", "another server named … was already defined"), or silently drops the second definition. Names identify proxies and servers in logs, stats, the runtime API and in `use_backend`/`track` references, so they must be unambiguous.',
    bad: 'backend app\n    server app1 127.0.0.1:8000\n    server app1 127.0.0.1:8001\n',
    good: 'backend app\n    server app1 127.0.0.1:8000\n    server app2 127.0.0.1:8001\n',
    fixSafety: 'No automatic fix: renaming also means updating every reference, logs and monitoring.',
  },
  check({ file, report, targetVersion }) {
    // names are unique over every file HAProxy loads together; this file's duplicates are reported here
    const model = configModel(file);
    const where = (section: Section): string => sectionWhere(model, section);
    const sections = model.set.sections;
    const own = (section: Section): boolean => model.set.fileOf(section) === file;
    const order = (section: Section): number => sections.indexOf(section);
    const proxies = model.allProxies.filter((p) => p.kind !== 'defaults' && p.name !== undefined && !isDynamicName(p.section.name!) && p.section.header.condDepth === 0);

    // proxies: a common capability is always refused; other kinds since 3.3
    const crossKindRefused = refusesCrossKindNames(targetVersion);
    const reportProxyClash = (proxy: Proxy, earlier: Proxy[]): void => {
      const clash = earlier.find((p) => (p.isFrontend && proxy.isFrontend) || (p.isBackend && proxy.isBackend));
      const word = proxy.section.name!;
      if (clash) {
        report({
          message: `${proxyLabel(proxy)} has the same name as the ${clash.kind} declared at ${where(clash.section)}: HAProxy refuses this ("${proxy.kind} '${proxy.name}' has the same name as ${clash.kind === 'listen' ? 'proxy' : clash.kind} '${proxy.name}'"); rename one of them`,
          start: word.start,
          end: word.end,
        });
        return;
      }
      const other = earlier[0]!;
      report({
        message: crossKindRefused
          ? `${proxyLabel(proxy)} has the same name as the ${other.kind} declared at ${where(other.section)}: HAProxy 3.3 and later refuse this ("This is no longer supported as of 3.3"); rename one of them`
          : `${proxyLabel(proxy)} has the same name as the ${other.kind} declared at ${where(other.section)}: accepted up to HAProxy 3.2, refused since 3.3 ("This is no longer supported as of 3.3"), and ambiguous in logs and stats; rename one of them`,
        start: word.start,
        end: word.end,
        severity: crossKindRefused ? 'error' : 'warning',
      });
    };

    const byName = new Map<string, Proxy[]>();
    for (const proxy of proxies) {
      const earlier = byName.get(proxy.name!);
      if (!earlier) byName.set(proxy.name!, [proxy]);
      else {
        if (own(proxy.section)) reportProxyClash(proxy, earlier);
        earlier.push(proxy);
      }
    }

    // defaults sharing a proxy's name (refused since 3.3)
    for (const defaults of model.allProxies.filter((p) => p.kind === 'defaults' && p.name !== undefined && p.name !== '')) {
      const word = defaults.section.name!;
      if (isDynamicName(word)) continue;
      const proxy = byName.get(defaults.name!)?.[0];
      if (!proxy) continue;
      const later = order(proxy.section) > order(defaults.section) ? proxy : defaults;
      if (!own(later.section)) continue;
      const laterWord = later.section.name!;
      const earlier = later === proxy ? defaults : proxy;
      report({
        message: `${proxyLabel(later)} has the same name as the ${earlier.kind === 'defaults' ? 'defaults section' : earlier.kind} declared at ${where(earlier.section)}: ${crossKindRefused ? 'HAProxy 3.3 and later refuse this' : 'accepted up to HAProxy 3.2, refused since 3.3'} ("This is no longer supported as of 3.3"); rename one of them`,
        start: laterWord.start,
        end: laterWord.end,
        severity: crossKindRefused ? 'error' : 'warning',
      });
    }

    // a defaults name declared twice, then referenced by `from`: ambiguous
    const defaultsByName = new Map<string, Section[]>();
    for (const section of sections) {
      if (section.from && !isDynamicName(section.from)) {
        const name = section.from.value;
        const candidates = defaultsByName.get(name) ?? [];
        if (candidates.length >= 2 && own(section)) {
          report({
            message: `defaults section '${name}' is declared more than once (${candidates.map(where).join(', ')}): HAProxy refuses this reference ("ambiguous defaults section name '${name}'"); rename one of them`,
            start: section.from.start,
            end: section.from.end,
          });
        }
      }
      if (section.kind === 'defaults' && section.name) {
        const list = defaultsByName.get(section.name.value) ?? [];
        list.push(section);
        defaultsByName.set(section.name.value, list);
      }
    }

    // log-forward named like a proxy
    for (const section of sections) {
      if (section.kind !== 'log-forward' || !section.name || isDynamicName(section.name) || !own(section)) continue;
      const proxy = byName.get(section.name.value)?.[0];
      if (!proxy) continue;
      report({
        message: `log-forward section '${section.name.value}' has the same name as ${proxyLabel(proxy)}: HAProxy refuses this ("has the same name as")`,
        start: section.name.start,
        end: section.name.end,
      });
    }

    // other named sections
    const seen = new Map<string, Section>();
    for (const section of sections) {
      const spec = UNIQUE_SECTIONS[section.kind];
      if (!spec || !section.name || isDynamicName(section.name) || section.header.condDepth > 0) continue;
      const key = `${section.kind}\0${section.name.value}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, section);
        continue;
      }
      if (!own(section)) continue;
      report({
        message: `${section.kind} section '${section.name.value}' is already declared at ${where(first)}: ${spec.consequence}`,
        start: section.name.start,
        end: section.name.end,
        severity: spec.severity,
      });
    }

    // servers of one proxy
    for (const proxy of model.proxies) checkServers(proxy, report);
  },
};

function checkServers(proxy: Proxy, report: Parameters<NonNullable<Rule['check']>>[0]['report']): void {
  const seen = new Map<string, number>();
  for (const server of proxy.servers) {
    if (isDynamicName(server.word)) continue;
    if (server.line.condDepth > 0) continue;
    const names = server.fromTemplate ? templateNames(server.line) : [server.name];
    const clash = names.find((n) => seen.has(n));
    if (clash !== undefined) {
      report({
        message: `${proxyLabel(proxy)}: another server named '${clash}' is already declared at line ${seen.get(clash)}: HAProxy refuses this ("another server named '${clash}' was already defined"); use distinct names`,
        start: server.word.start,
        end: server.word.end,
      });
    }
    for (const n of names) if (!seen.has(n)) seen.set(n, server.line.line);
  }
}
