import type { Line, Section, Word } from '../parser/ast.js';
import type { Rule, RuleContext } from '../engine/types.js';
import { atLeast } from '../grammar/versions.js';
import { suggest } from '../grammar/index.js';
import { configModel, hasServer, isDynamicName, proxyLabel, type ConfigModel, type Proxy } from './model/config-model.js';
import { conditionIndex } from './model/conditions.js';
import { defaultsOf } from './shared/proxies.js';

const RULE_SET_KEYWORD = /^(?:http-request|http-response|http-after-response|tcp-request (?:connection|session|content)|tcp-response content|http-error)$/;
const STICK_RULE = /^stick (?:on|match|store-request|store-response)$/;
const MAY_NAME_TABLES = /^(?:http-|tcp-|stick |use_backend|use-server|redirect|quic-initial|monitor)/;

export const rule: Rule = {
  id: 'undefined-reference',
  description: 'A name refers to a backend, server, defaults section, stick-table or other section that is not defined',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports references to things the file does not define: `use_backend`/`default_backend` naming no backend or listen section; `use-server` naming no server of the proxy; a server\'s `track [<backend>/]<server>`; `from <defaults>` naming no `defaults` section declared before; a stick-table named by `track-sc*`/`stick … table <name>` or by a sample fetch or converter (`src_conn_rate(<table>)`, `table_http_req_rate(<table>)`, `sc_…(<ctr>,<table>)`), or a `track-sc*` without `table` in a proxy that has no `stick-table`; a `userlist` named by `http_auth(<list>)`; `resolvers <name>` on server lines; `email-alert mailers <name>`; `log ring@<name>`; `errorfiles <name>`; `cache-use`/`cache-store`/`filter cache <name>`; `use-fcgi-app <name>`; `stick-table … peers <name>`. Names built at run time (`%[…]`) or from environment variables are not checked.',
    why: 'HAProxy resolves these names when it loads the configuration and refuses to start when one is missing ("unable to find required use_backend", "unable to find table", "unable to find userlist", "unknown ring named"…). The missing name is usually a typo or a section that was renamed or removed.',
    bad: 'frontend www\n    bind :80\n    use_backend api if { path_beg /api }\n    default_backend app\n\nbackend apps\n    server app1 127.0.0.1:8000\n',
    good: 'frontend www\n    bind :80\n    use_backend api if { path_beg /api }\n    default_backend app\n\nbackend api\n    server api1 127.0.0.1:9000\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: whether the name or the definition is wrong cannot be known. A close name is suggested.',
  },
  check(context) {
    const model = configModel(context.file);
    const checker = new ReferenceChecker(context, model);
    for (const section of context.file.sections) checker.checkSection(section);
  },
};

class ReferenceChecker {
  private readonly reportedLines = new Set<Line>();

  constructor(
    private readonly context: RuleContext,
    private readonly model: ConfigModel,
  ) {}

  checkSection(section: Section): void {
    if (section.from) this.checkFrom(section, section.from);
    const proxy = this.model.proxyOf(section);
    for (const line of section.lines) {
      if (line.kind !== 'keyword') continue;
      if (line.keyword === 'log' && !line.modifier) this.checkLog(line);
      if (!proxy) continue;
      this.checkProxyLine(proxy, line);
    }
  }

  private report(word: Word, message: string): void {
    this.context.report({ message, start: word.start, end: word.end });
  }

  private didYouMean(name: string, candidates: Iterable<string>): string {
    const hint = suggest(name, [...new Set(candidates)]);
    return hint.length ? `; did you mean '${hint[0]}'?` : '';
  }

  /** names of sections of a kind, for suggestions */
  private namesOf(kind: string): string[] {
    return this.model.set.sections.filter((s) => s.kind === kind && s.name).map((s) => s.name!.value);
  }

  /** Whether a section of `kind` named `name` exists (or names of that kind are not all known). */
  private sectionExists(kind: string, name: string): boolean {
    return this.model.sectionsNamed(kind, name).length > 0 || this.model.hasUncertainNames(kind);
  }

  private checkSectionRef(word: Word, kind: string, what: string, consequence: string): void {
    if (isDynamicName(word)) return;
    const name = word.value;
    if (this.sectionExists(kind, name)) return;
    this.report(word, `${what} '${name}' is not defined: there is no \`${kind} ${name}\` section, and HAProxy refuses this (${consequence})${this.didYouMean(name, this.namesOf(kind))}`);
  }

  private checkFrom(section: Section, from: Word): void {
    if (isDynamicName(from)) return;
    const name = from.value;
    if (defaultsOf(this.context.file, section) || this.model.hasUncertainNames('defaults')) return;
    const sections = this.model.set.sections;
    const index = sections.indexOf(section);
    const later = sections.slice(index + 1).some((s) => s.kind === 'defaults' && s.name?.value === name);
    const label = `${section.kind}${section.name ? ` '${section.name.value}'` : ''}`;
    this.report(
      from,
      later
        ? `defaults section '${name}' is declared after ${label}: \`from\` only finds a defaults section declared before, and HAProxy refuses this ("defaults section '${name}' not found"); move it above`
        : `defaults section '${name}' is not defined: HAProxy refuses this ("defaults section '${name}' not found for ${label}")${this.didYouMean(name, this.namesOf('defaults'))}`,
    );
  }

  private checkLog(line: Line): void {
    const target = line.args[0];
    if (!target || isDynamicName(target)) return;
    const ring = /^ring@(.+)$/.exec(target.value);
    if (ring) {
      const name = ring[1]!;
      if (this.sectionExists('ring', name)) return;
      this.report(target, `ring '${name}' is not defined: there is no \`ring ${name}\` section, and HAProxy refuses to start ("uses unknown ring named '${name}'")${this.didYouMean(name, this.namesOf('ring'))}`);
      return;
    }
    const backend = /^backend@(.+)$/.exec(target.value);
    if (backend && atLeast(this.context.targetVersion, '2.9')) {
      const name = backend[1]!;
      if (this.model.backendsNamed(name).length > 0 || this.model.hasUncertainNames('backend') || this.model.hasUncertainNames('listen')) return;
      this.report(target, `backend '${name}' is not defined: \`log backend@${name}\` needs a \`backend ${name}\` section in \`mode log\``);
    }
  }

  private checkProxyLine(proxy: Proxy, line: Line): void {
    const args = line.args;
    const first = args[0];
    switch (line.keyword) {
      case 'use_backend':
      case 'default_backend':
        if (first) this.checkBackendRef(proxy, line, first);
        break;
      case 'use-server':
        if (first && proxy.isBackend && !isDynamicName(first)) {
          if (hasServer(proxy, first.value) === false)
            this.report(first, `server '${first.value}' is not defined in ${proxyLabel(proxy)}: HAProxy refuses this ("unable to find server '${first.value}' referenced in a 'use-server' rule")${this.didYouMean(first.value, proxy.servers.map((s) => s.name))}`);
        }
        break;
      case 'server':
      case 'server-template':
      case 'default-server':
        this.checkServerOptions(proxy, line);
        break;
      case 'email-alert mailers':
        if (first) this.checkSectionRef(first, 'mailers', 'mailers section', `"unable to find mailers '${first.value}'"`);
        break;
      case 'errorfiles':
        if (first) this.checkSectionRef(first, 'http-errors', 'http-errors section', `"unknown http-errors section '${first.value}'"`);
        break;
      case 'use-fcgi-app':
        if (first && proxy.isBackend) this.checkSectionRef(first, 'fcgi-app', 'fcgi-app section', `"unable to find fcgi-app '${first.value}'"`);
        break;
      case 'filter':
        if (first?.value === 'cache' && args[1]) this.checkSectionRef(args[1], 'cache', 'cache', `"unable to find the cache '${args[1].value}'"`);
        break;
      case 'stick-table': {
        const peers = args.findIndex((w) => w.value === 'peers');
        if (peers >= 0 && args[peers + 1]) this.checkSectionRef(args[peers + 1]!, 'peers', 'peers section', `"unable to find sync peers '${args[peers + 1]!.value}'"`);
        break;
      }
    }
    this.checkRuleReferences(proxy, line);
    this.checkWordReferences(proxy, line);
  }

  private checkBackendRef(proxy: Proxy, line: Line, word: Word): void {
    if (isDynamicName(word)) return;
    if (proxy.kind === 'backend') return; // not a frontend keyword: another rule's business
    const name = word.value;
    if (this.model.backendsNamed(name).length > 0) return;
    if (this.model.hasUncertainNames('backend') || this.model.hasUncertainNames('listen')) return;
    if (proxy.kind === 'defaults') {
      // only resolved for the frontends inheriting it without their own default_backend
      const inheritors = this.model.allProxies.filter((p) => p.isFrontend && p.defaults === proxy && !p.backendRefs.some((r) => r.keyword === 'default_backend'));
      if (inheritors.length === 0) return;
    }
    const frontendNamed = this.model.allProxies.some((p) => p.kind === 'frontend' && p.name === name);
    const candidates = this.model.allProxies.filter((p) => p.isBackend && p.name !== undefined).map((p) => p.name!);
    const reason = frontendNamed ? `; '${name}' is a frontend, which cannot receive traffic from another proxy` : this.didYouMean(name, candidates);
    this.report(word, `backend '${name}' is not defined (no backend or listen section has this name): HAProxy refuses this ("unable to find required ${line.keyword}: '${name}'")${reason}`);
  }

  private checkServerOptions(proxy: Proxy, line: Line): void {
    const args = line.args;
    for (let i = 0; i < args.length - 1; i++) {
      const option = args[i]!.value;
      const value = args[i + 1]!;
      if (option === 'track' && line.keyword !== 'default-server') this.checkTrack(proxy, value);
      else if (option === 'resolvers') this.checkSectionRef(value, 'resolvers', 'resolvers section', `"unable to find required resolvers '${value.value}'"`);
    }
  }

  private checkTrack(proxy: Proxy, word: Word): void {
    if (isDynamicName(word)) return;
    const slash = word.value.indexOf('/');
    const backendName = slash >= 0 ? word.value.slice(0, slash) : undefined;
    const serverName = slash >= 0 ? word.value.slice(slash + 1) : word.value;
    let target: Proxy | undefined = proxy;
    if (backendName !== undefined) {
      const targets = this.model.backendsNamed(backendName);
      if (targets.length === 0) {
        if (this.model.hasUncertainNames('backend') || this.model.hasUncertainNames('listen')) return;
        this.report(word, `backend '${backendName}' is not defined: HAProxy refuses this ("unable to find required proxy '${backendName}' for tracking")${this.didYouMean(backendName, this.model.allProxies.filter((p) => p.isBackend && p.name).map((p) => p.name!))}`);
        return;
      }
      target = targets[0];
    }
    if (!target || !target.isBackend) return;
    if (hasServer(target, serverName) === false)
      this.report(word, `server '${serverName}' is not defined in ${proxyLabel(target)}: HAProxy refuses this ("unable to find required server '${serverName}' for tracking")${this.didYouMean(serverName, target.servers.map((s) => s.name))}`);
  }

  /** track-sc / stick … table, cache-use/cache-store, errorfiles in return/deny actions */
  private checkRuleReferences(proxy: Proxy, line: Line): void {
    const end = conditionIndex(line) ?? line.args.length;
    const args = end === line.args.length ? line.args : line.args.slice(0, end);
    const isRuleSet = RULE_SET_KEYWORD.test(line.keyword);
    if (isRuleSet && args[0]) {
      const action = args[0].value;
      if (/^track-sc\d*$/.test(action)) {
        const table = args.findIndex((w, i) => i > 0 && w.value === 'table');
        if (table >= 0 && args[table + 1]) this.checkTable(args[table + 1]!, `referenced by ${action}`);
        else if (table < 0 && proxy.kind !== 'defaults' && !proxy.hasStickTable && proxy.name !== undefined && !this.model.hasUncertainNames(proxy.kind))
          this.reportOnce(line, args[0], `${action} without \`table\` uses the stick-table of ${proxyLabel(proxy)}, which declares none: HAProxy refuses this ("unable to find table '${proxy.name}' referenced by ${action}"); add \`table <name>\` or a \`stick-table\` line`);
      } else if ((action === 'cache-use' || action === 'cache-store') && args[1]) {
        this.checkSectionRef(args[1], 'cache', 'cache', `"unable to find the cache '${args[1].value}'"`);
      }
      const errorfiles = args.findIndex((w, i) => i > 0 && w.value === 'errorfiles');
      if (errorfiles >= 0 && args[errorfiles + 1] && /^(?:return|deny|tarpit|status)$/.test(action))
        this.checkSectionRef(args[errorfiles + 1]!, 'http-errors', 'http-errors section', `"unknown http-errors section '${args[errorfiles + 1]!.value}'"`);
    }
    if (STICK_RULE.test(line.keyword)) {
      const table = args.findIndex((w) => w.value === 'table');
      if (table >= 0 && args[table + 1]) this.checkTable(args[table + 1]!, `referenced by '${line.keyword}'`);
    }
  }

  private reportOnce(line: Line, word: Word, message: string): void {
    if (this.reportedLines.has(line)) return;
    this.reportedLines.add(line);
    this.report(word, message);
  }

  /** Tables, userlists and resolvers named inside sample fetch and converter arguments. */
  private checkWordReferences(_proxy: Proxy, line: Line): void {
    if (line.keyword !== 'acl' && conditionIndex(line) === undefined && !MAY_NAME_TABLES.test(line.keyword)) return;
    for (const word of line.args) {
      if (isDynamicName(word) && word.envRefs.length > 0) continue;
      const text = word.value;
      if (!text.includes('(')) continue;
      for (const m of text.matchAll(/(?:^|[^A-Za-z0-9_.])((?:in_table|table_[a-z0-9_]+|src_[a-z0-9_]+|sc[0-9]_[a-z0-9_]+))\(([^,()]*)\)/g)) {
        this.checkTableArg(word, m[2]!, `in ${m[1]}()`);
      }
      for (const m of text.matchAll(/(?:^|[^A-Za-z0-9_.])(sc_[a-z0-9_]+)\(\s*\d+\s*,([^,()]*)\)/g)) {
        this.checkTableArg(word, m[2]!, `in ${m[1]}()`);
      }
      for (const m of text.matchAll(/(?:^|[^A-Za-z0-9_.])(http_auth(?:_group)?)\(([^,()]*)[,)]/g)) {
        const name = m[2]!.trim();
        if (!name || name.includes('%') || name.includes('$')) continue;
        if (this.sectionExists('userlist', name)) continue;
        this.report(word, `userlist '${name}' is not defined: there is no \`userlist ${name}\` section, and HAProxy refuses this ("unable to find userlist '${name}' referenced in arg 1 of ACL keyword '${m[1]}'")${this.didYouMean(name, this.namesOf('userlist'))}`);
      }
      for (const m of text.matchAll(/(?:^|[^A-Za-z0-9_.])do-resolve\([^,()]*,([^,()]*)[,)]/g)) {
        const name = m[1]!.trim();
        if (!name || name.includes('%') || name.includes('$')) continue;
        if (this.sectionExists('resolvers', name)) continue;
        this.report(word, `resolvers section '${name}' is not defined: there is no \`resolvers ${name}\` section, and HAProxy refuses this${this.didYouMean(name, this.namesOf('resolvers'))}`);
      }
    }
  }

  private checkTableArg(word: Word, raw: string, where: string): void {
    const name = raw.trim();
    if (!name || /^\d+$/.test(name) || name.includes('%') || name.includes('$')) return;
    this.checkTable(word, where, name);
  }

  private tableExists(name: string): boolean {
    const slash = name.indexOf('/');
    if (slash >= 0) {
      // <peers>/<table>: a `table` line of a peers section
      const peers = this.model.sectionsNamed('peers', name.slice(0, slash));
      if (this.model.hasUncertainNames('peers')) return true;
      const table = name.slice(slash + 1);
      return peers.some((s) => s.lines.some((l) => l.kind === 'keyword' && l.keyword === 'table' && l.args[0]?.value === table));
    }
    if (this.model.hasUncertainNames('backend') || this.model.hasUncertainNames('frontend') || this.model.hasUncertainNames('listen')) return true;
    return this.proxiesWithTables().has(name);
  }

  private tableOwners: Set<string> | undefined;

  /** names of the proxies (not defaults) declaring a stick-table, listed once */
  private proxiesWithTables(): Set<string> {
    this.tableOwners ??= new Set(this.model.allProxies.filter((p) => p.kind !== 'defaults' && p.name !== undefined && p.hasStickTable).map((p) => p.name!));
    return this.tableOwners;
  }

  private checkTable(word: Word, where: string, nameOverride?: string): void {
    const name = nameOverride ?? word.value;
    if (nameOverride === undefined && isDynamicName(word)) return;
    if (this.tableExists(name)) return;
    const proxyNamed = this.model.allProxies.some((p) => p.kind !== 'defaults' && p.name === name);
    const tables = this.model.allProxies.filter((p) => p.hasStickTable && p.name).map((p) => p.name!);
    const reason = proxyNamed ? `; the ${name.includes('/') ? 'peers section' : 'proxy'} '${name}' has no \`stick-table\` line` : this.didYouMean(name, tables);
    this.report(word, `stick-table '${name}' ${where} is not defined: a table is named after the proxy declaring it with \`stick-table\` (or \`<peers>/<table>\` for a peers section table), and HAProxy refuses this ("unable to find table '${name}'")${reason}`);
  }
}
