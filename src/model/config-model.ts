/**
 * The semantic model of a configuration set, shared by the rules: proxies with their effective
 * defaults section and mode, ACL definitions and uses, servers, backend references and the named
 * sections of every kind, resolved over every file HAProxy loads together. Built once per set;
 * `configModel(file)` gives the view from one file of it (its own proxies, names resolved over
 * the set), so a rule checking `file` reports on that file only.
 */
import { memo } from './memo.js';
import type { ConfigFile, Line, Section, Word } from '../parser/ast.js';
import { defaultsOf } from './defaults.js';
import { keywordLines, PROXY_KINDS } from './sections.js';
import { setOf, type ConfigSet } from './set.js';
import { aclFetchUses, aclUsesInCondition, conditionIndex, type AclUse } from './conditions.js';
import { pushAll } from '../util/arrays.js';

export type ProxyKind = 'defaults' | 'frontend' | 'backend' | 'listen';

export interface AclDef {
  name: string;
  word: Word;
  line: Line;
}

export interface ServerDef {
  name: string;
  /** the word naming it (the prefix for a server-template) */
  word: Word;
  line: Line;
  fromTemplate: boolean;
}

export interface BackendRef {
  keyword: 'use_backend' | 'default_backend';
  /** the word naming the backend */
  word: Word;
  line: Line;
  /** built at run time (`%[…]` log-format) or depending on the environment: cannot be checked */
  dynamic: boolean;
}

export interface Proxy {
  section: Section;
  /** the file declaring it */
  file: ConfigFile;
  kind: ProxyKind;
  name: string | undefined;
  /** the defaults section it inherits from (explicit `from`, else the last one before it) */
  defaults: Proxy | undefined;
  /** frontend capability: frontend or listen */
  isFrontend: boolean;
  /** backend capability: backend or listen */
  isBackend: boolean;
  lines: Line[];
  acls: AclDef[];
  aclUses: AclUse[];
  /** ACL names after `if`/`unless` on lines that are not known rule keywords (e.g. removed `reqrep … if acl`) */
  looseAclUses: AclUse[];
  servers: ServerDef[];
  backendRefs: BackendRef[];
  hasStickTable: boolean;
  disabled: boolean;
  /** `from <name>` names no defaults section declared before: what it inherits is unknown */
  defaultsUnresolved: boolean;
}

export interface EffectiveSetting {
  /** the value as written (last occurrence wins), undefined when set nowhere */
  value: string | undefined;
  line: Line | undefined;
  /** set inside an `.if` block or through the environment somewhere along the chain: unknown */
  uncertain: boolean;
}

export interface ConfigModel {
  /** the file this view is from */
  file: ConfigFile;
  /** the proxies of this file, in order (what a rule checking this file reports on) */
  proxies: Proxy[];
  /** the set the file belongs to */
  set: ConfigSet;
  /** the proxies of every file of the set, in load order */
  allProxies: Proxy[];
  /** a proxy of any file of the set */
  proxyOf(section: Section): Proxy | undefined;
  /** sections of a kind with a given name, in load order over the set */
  sectionsNamed(kind: string, name: string): Section[];
  /** proxies with backend capability (backend, listen) named `name` */
  backendsNamed(name: string): Proxy[];
  /** whether a section of this kind has a name HAProxy resolves from the environment */
  hasUncertainNames(kind: string): boolean;
  /** any `use_backend` whose target is built at run time */
  hasDynamicBackendRefs: boolean;
  /** the effective value of a single-valued proxy keyword (`mode`, `timeout client`, …) through inheritance */
  effective(proxy: Proxy, keyword: string): EffectiveSetting;
}

type SetModel = Omit<ConfigModel, 'file' | 'proxies'>;

const setModels = new WeakMap<ConfigSet, SetModel>();
const views = new WeakMap<ConfigSet, Map<ConfigFile, ConfigModel>>();

/** The model of the set a file belongs to, seen from that file. */
export function configModel(file: ConfigFile): ConfigModel {
  const set = setOf(file);
  const model = memo(setModels, set, () => buildModel(set));
  const byFile = memo(views, set, () => new Map<ConfigFile, ConfigModel>());
  return memo(byFile, file, () => ({ ...model, file, proxies: model.allProxies.filter((p) => p.file === file) }));
}

/** The model of a whole set. */
export function setModel(set: ConfigSet): SetModel {
  return memo(setModels, set, () => buildModel(set));
}

/** Where a section is, for messages: `line 12`, or `conf.d/20-be.cfg:12` when it is in another file of the set. */
export function sectionWhere(model: ConfigModel, section: Section): string {
  const file = model.set.fileOf(section);
  if (!file || file === model.file) return `line ${section.header.line}`;
  const path = model.set.entryOf(file)?.path;
  return path ? `${path}:${section.header.line}` : `line ${section.header.line} of another file`;
}

const KIND_LABEL: Record<ProxyKind, string> = { defaults: 'defaults section', frontend: 'frontend', backend: 'backend', listen: 'listen section' };

/** How messages name a proxy: `backend 'app'`, `the unnamed defaults section`. */
export function proxyLabel(proxy: Proxy): string {
  return proxy.name !== undefined ? `${KIND_LABEL[proxy.kind]} '${proxy.name}'` : `the unnamed ${KIND_LABEL[proxy.kind]}`;
}

/** The mode a proxy runs in: its own `mode` line, else its defaults' (through `from`), else tcp. */
export function effectiveMode(model: ConfigModel, proxy: Proxy): { mode: string; uncertain: boolean } {
  const setting = model.effective(proxy, 'mode');
  const value = setting.value;
  const uncertain = setting.uncertain || (value !== undefined && value.length > 0 && DYNAMIC_MODE.test(value));
  return { mode: value ?? 'tcp', uncertain };
}

const DYNAMIC_MODE = /[$%]/;

/** Whether a word's value is only known at run time or through the environment. */
export function isDynamicName(word: Word): boolean {
  return word.envRefs.length > 0 || word.value.includes('%') || word.value.includes('${') || word.value === '';
}

function buildModel(set: ConfigSet): SetModel {
  const proxies: Proxy[] = [];
  const bySection = new Map<Section, Proxy>();
  const named = new Map<string, Section[]>();
  const uncertainKinds = new Set<string>();

  for (const section of set.sections) {
    if (section.name) {
      if (isDynamicName(section.name)) uncertainKinds.add(section.kind);
      const key = `${section.kind}\0${section.name.value}`;
      const list = named.get(key) ?? [];
      list.push(section);
      named.set(key, list);
    }
    if (!PROXY_KINDS.has(section.kind)) continue;
    const proxy = buildProxy(section, set.fileOf(section)!);
    proxies.push(proxy);
    bySection.set(section, proxy);
  }
  for (const proxy of proxies) {
    const defaults = defaultsOf(proxy.file, proxy.section);
    proxy.defaults = defaults ? bySection.get(defaults) : undefined;
    proxy.defaultsUnresolved = proxy.section.from !== undefined && proxy.defaults === undefined;
  }

  const backendsByName = new Map<string, Proxy[]>();
  for (const proxy of proxies) {
    if (!proxy.isBackend || proxy.name === undefined) continue;
    const list = backendsByName.get(proxy.name) ?? [];
    list.push(proxy);
    backendsByName.set(proxy.name, list);
  }

  const hasDynamicBackendRefs = proxies.some((p) => p.backendRefs.some((r) => r.dynamic));

  // answers by proxy and keyword, kept with this model (rules ask for `mode` and the timeouts of every proxy);
  // a proxy without its own line takes its defaults' answer, so a defaults section is read once per keyword
  const answers = new Map<Proxy, Map<string, EffectiveSetting>>();
  const effective = (proxy: Proxy, keyword: string, depth = 0): EffectiveSetting => {
    let byKeyword = answers.get(proxy);
    if (!byKeyword) answers.set(proxy, (byKeyword = new Map()));
    let answer = byKeyword.get(keyword);
    if (answer) return answer;
    const own = ownSetting(proxy, keyword);
    if (own) answer = { value: own.last.args[0]?.value, line: own.last, uncertain: own.uncertain };
    else {
      // the chain only goes back to earlier sections; the depth bound is a guard, not a limit met in practice
      const inherited = proxy.defaults && depth < proxies.length ? effective(proxy.defaults, keyword, depth + 1) : undefined;
      answer = { value: inherited?.value, line: inherited?.line, uncertain: proxy.defaultsUnresolved || (inherited?.uncertain ?? false) };
    }
    byKeyword.set(keyword, Object.freeze(answer));
    return answer;
  };

  return {
    set,
    allProxies: proxies,
    proxyOf: (section) => bySection.get(section),
    sectionsNamed: (kind, name) => named.get(`${kind}\0${name}`) ?? [],
    backendsNamed: (name) => backendsByName.get(name) ?? [],
    hasUncertainNames: (kind) => uncertainKinds.has(kind),
    hasDynamicBackendRefs,
    effective,
  };
}

/** A keyword as a proxy's own lines set it: the last line (without `no`/`default`), and whether any such line is uncertain. */
interface OwnSetting {
  last: Line;
  /** one of the lines sits in an `.if` block or reads the environment */
  uncertain: boolean;
}

/** A keyword's last line among a proxy's own lines (without `no`/`default`), and whether any such line is uncertain. */
function ownSetting(proxy: Proxy, keyword: string): OwnSetting | undefined {
  let found: OwnSetting | undefined;
  const lines = proxy.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.keyword !== keyword || line.modifier) continue;
    const uncertain = line.condDepth > 0 || line.args.some((a) => a.envRefs.length > 0);
    if (found) {
      found.last = line;
      if (uncertain) found.uncertain = true;
    } else found = { last: line, uncertain };
  }
  return found;
}

function buildProxy(section: Section, file: ConfigFile): Proxy {
  const kind = section.kind as ProxyKind;
  const lines = keywordLines(section);
  const proxy: Proxy = {
    section,
    file,
    kind,
    name: section.name?.value,
    defaults: undefined,
    isFrontend: kind === 'frontend' || kind === 'listen',
    isBackend: kind === 'backend' || kind === 'listen',
    lines,
    acls: [],
    aclUses: [],
    looseAclUses: [],
    servers: [],
    backendRefs: [],
    hasStickTable: false,
    disabled: false,
    defaultsUnresolved: false,
  };
  for (const line of lines) {
    const first = line.args[0];
    switch (line.keyword) {
      case 'acl':
        if (first) proxy.acls.push({ name: first.value, word: first, line });
        for (let i = 1; i < line.args.length; i++) pushAll(proxy.aclUses, aclFetchUses(line.args[i]!, line));
        continue;
      case 'server':
        if (first) proxy.servers.push({ name: first.value, word: first, line, fromTemplate: false });
        break;
      case 'server-template':
        if (first) proxy.servers.push({ name: first.value, word: first, line, fromTemplate: true });
        break;
      case 'use_backend':
      case 'default_backend':
        if (first) proxy.backendRefs.push({ keyword: line.keyword, word: first, line, dynamic: isDynamicName(first) });
        break;
      case 'stick-table':
        proxy.hasStickTable = true;
        break;
      case 'disabled':
        proxy.disabled = true;
        break;
    }
    if (conditionIndex(line) !== undefined) pushAll(proxy.aclUses, aclUsesInCondition(line));
    else {
      const args = line.args;
      for (let i = 0; i < args.length; i++) pushAll(proxy.aclUses, aclFetchUses(args[i]!, line));
      pushAll(proxy.looseAclUses, aclUsesInCondition(line, true));
    }
  }
  return proxy;
}

/** The server names a server-template line creates: `<prefix><n>` for each number of its range. */
export function templateNames(line: Line): string[] {
  const prefix = line.args[0]?.value;
  const range = /^(\d+)(?:-(\d+))?$/.exec(line.args[1]?.value ?? '');
  if (prefix === undefined || !range) return [];
  const from = range[2] ? Number(range[1]) : 1;
  const to = Math.min(range[2] ? Number(range[2]) : Number(range[1]), from + 10000);
  const names: string[] = [];
  for (let i = from; i <= to; i++) names.push(`${prefix}${i}`);
  return names;
}

/** Whether a proxy declares a server named `name` (a `server` line or a `server-template` expansion). */
export function hasServer(proxy: Proxy, name: string): boolean | 'unknown' {
  const index = serverIndex(proxy);
  if (index.names.has(name)) return true;
  return index.unknown ? 'unknown' : false;
}

/** The names a proxy's servers take, built once per proxy (a chain of `track`s asks once per server). */
const serverIndexes = new WeakMap<Proxy, { names: Set<string>; unknown: boolean }>();

function serverIndex(proxy: Proxy): { names: Set<string>; unknown: boolean } {
  let index = serverIndexes.get(proxy);
  if (index) return index;
  index = { names: new Set(), unknown: false };
  for (const server of proxy.servers) {
    if (isDynamicName(server.word)) index.unknown = true;
    if (!server.fromTemplate) {
      index.names.add(server.name);
      continue;
    }
    const names = templateNames(server.line);
    if (names.length === 0) index.unknown = true;
    for (const n of names) index.names.add(n);
  }
  serverIndexes.set(proxy, index);
  return index;
}
