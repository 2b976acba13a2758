/**
 * Corrects one version's facts with what that version's binary registers (`haproxy -dKall`): the binary is
 * the authority where its dump is complete, the manual elsewhere.
 *
 * - sample fetches and converters: the dump's list is complete for a build, so a name the dump lacks is
 *   dropped when another release's dump has it (a rename, e.g. `bc_settings_streams_limit`, spelled
 *   `bc_setting_streams_limit` by 3.0 and 3.2), and kept when no dump has it (a library this build lacks:
 *   51Degrees, DeviceAtlas …);
 * - ACL keywords, bind and server options, rule-set actions, argument-less `option`s, the keywords of
 *   global and of the small sections the dump lists: what the binary registers is added (many proxy and
 *   global keywords are parsed outside the registered tables, so the dump's absence proves nothing there).
 *   Names HAProxy only registers to refuse them with a hint (`nbproc`, `clitimeout` …, hand-kept in
 *   grammar/removed-keywords.json) are not added.
 */
import type { KeywordDump } from './dump.js';
import type { ManualFacts } from './facts.js';

const PROXY_KINDS = ['defaults', 'frontend', 'listen', 'backend'] as const;
/** dump sections whose registered keywords are added to the section of the same name */
const SMALL_SECTIONS = ['global', 'userlist', 'peers', 'crt-store', 'traces', 'acme'];

export interface DumpContext {
  /** every release's dump (to tell a renamed fetch from one a library provides) */
  all: KeywordDump[];
  /** names HAProxy registers only to refuse them (removed-keywords.json) */
  refused: Set<string>;
  /** bind/server option names as any manual spells them (`set-proxy-v2-tlv-fmt(<id>)`) */
  spellings: Record<'bind' | 'server', string[]>;
}

function addMissing(facts: ManualFacts, group: string, names: Iterable<string>, refused: Set<string>): void {
  for (const name of names) if (!facts.has(group, name) && !refused.has(name)) facts.add(group, name);
}

/** Keeps a complete list in step with the dump: adds what it registers, drops what another release registers but this one does not. */
function syncComplete(facts: ManualFacts, group: string, registered: string[], elsewhere: Set<string>, refused: Set<string>): void {
  const here = new Set(registered);
  addMissing(facts, group, registered, refused);
  for (const name of facts.names(group)) if (!here.has(name) && elsewhere.has(name)) facts.remove(group, name);
}

export function applyDump(manual: ManualFacts, dump: KeywordDump, context: DumpContext): ManualFacts {
  const facts = manual.clone();
  const { refused } = context;
  const everywhere = (pick: (d: KeywordDump) => string[]) => new Set(context.all.flatMap(pick));
  syncComplete(facts, 'fetch', dump.fetches, everywhere((d) => d.fetches), refused);
  syncComplete(facts, 'converter', dump.converters, everywhere((d) => d.converters), refused);
  addMissing(facts, 'acl', dump.acls.filter((a) => !facts.has('fetch', a)), refused);

  for (const kind of ['bind', 'server'] as const) {
    for (const [name, arg] of Object.entries(dump[kind])) {
      if (facts.has(kind, name) || refused.has(name) || refused.has(`${kind} ${name}`)) continue;
      // the manuals spell some with their argument: `set-proxy-v2-tlv-fmt(<id>)`
      const spelled = context.spellings[kind].find((k) => k.startsWith(`${name}(`));
      if (spelled) facts.add(kind, spelled, { takesArg: true });
      else facts.add(kind, name, { takesArg: arg !== 'noarg' });
    }
  }

  for (const [ruleSet, actions] of Object.entries(dump.actions)) {
    const group = `family:${ruleSet}`;
    if (!facts.groups.has(group)) continue;
    addMissing(facts, group, actions.filter((a) => !a.endsWith('*')), refused);
  }

  // argument-less options, with the proxy capabilities the binary gives them ([ FE ], [ BE ], [ FE BE ])
  for (const [option, caps] of Object.entries(dump.optionCaps)) {
    const keyword = `option ${option}`;
    if (refused.has(keyword)) continue;
    facts.add('family:option', option, { registered: true });
    if (PROXY_KINDS.some((k) => facts.has(`section:${k}`, keyword))) continue;
    for (const kind of PROXY_KINDS) {
      const fits = kind === 'defaults' || kind === 'listen' || (kind === 'frontend' ? caps.includes('FE') : caps.includes('BE'));
      if (fits) facts.add(`section:${kind}`, keyword);
    }
  }

  for (const section of SMALL_SECTIONS) {
    const group = `section:${section}`;
    const registered = dump.sections[section];
    if (!registered || !facts.groups.has(group)) continue;
    const known = facts.names(group);
    // a registered word is known when it names a keyword or heads a multi-word one ("stats" → "stats socket")
    addMissing(facts, group, registered.filter((w) => !known.some((k) => k === w || k.startsWith(w + ' '))), refused);
  }
  return facts;
}
