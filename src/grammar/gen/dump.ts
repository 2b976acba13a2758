import { RULE_SET_FAMILIES } from '../rule-sets.js';

/**
 * The keyword dump of a HAProxy binary (`haproxy -dKall`), used to sanity-check
 * what the generator read from the same version's manual.
 */
export interface KeywordDump {
  /** config section → top-level keywords registered for it (proxy keywords are under "listen") */
  sections: Record<string, string[]>;
  bind: Record<string, 'arg' | 'noarg' | 'optional'>;
  server: Record<string, 'arg' | 'noarg' | 'optional'>;
  /** "option X" registered in the proxy option table */
  options: string[];
  /** the same options with the proxy capabilities they need ("FE", "BE", "HTTP") */
  optionCaps: Record<string, string[]>;
  /** rule set → registered actions; a trailing "*" means prefix match ("track-sc*" covers track-sc0…2) */
  actions: Record<string, string[]>;
  converters: string[];
  fetches: string[];
  acls: string[];
}


function argKind(rest: string): 'arg' | 'noarg' | 'optional' {
  if (/\+-\d/.test(rest)) return 'optional';
  return /\+\d/.test(rest) ? 'arg' : 'noarg';
}

export function parseKeywordDump(text: string): KeywordDump {
  const dump: KeywordDump = { sections: {}, bind: {}, server: {}, options: [], optionCaps: {}, actions: {}, converters: [], fetches: [], acls: [] };
  let part = '';
  let section = '';
  for (const raw of text.split('\n')) {
    const header = /^# List of registered (.+?):/.exec(raw);
    if (header) {
      part = header[1]!;
      continue;
    }
    if (raw.startsWith('#') || raw.trim() === '') continue;
    if (part === 'ACL keywords') dump.acls.push(raw.split(/\s*=/)[0]!.trim());
    else if (part === 'sample converter functions') dump.converters.push(raw.split(/[(:]/)[0]!.trim());
    else if (part === 'sample fetch functions') dump.fetches.push(raw.replace(/^\[[^\]]*\]\s*/, '').split(/[(:]/)[0]!.trim());
    else if (part === 'configuration keywords') {
      if (!raw.startsWith('\t')) {
        section = raw.trim();
        dump.sections[section] ??= [];
        continue;
      }
      const line = raw.trim();
      let m: RegExpExecArray | null;
      if ((m = /^bind <addr> (?:ssl )?(\S+)(.*)$/.exec(line))) dump.bind[m[1]!] = argKind(m[2]!);
      else if ((m = /^server <name> <addr> (\S+)(.*)$/.exec(line))) dump.server[m[1]!] = argKind(m[2]!);
      else if ((m = /^option (\S+)(?:\s+\[([^\]]*)\])?/.exec(line))) {
        dump.options.push(m[1]!);
        dump.optionCaps[m[1]!] = (m[2] ?? '').split(/\s+/).filter(Boolean);
      }
      else if (section === 'crt-list') (dump.sections[section] ??= []).push(line.split(/\s/)[0]!);
      else {
        const rs = RULE_SET_FAMILIES.find((p) => line.startsWith(p + ' '));
        if (rs) (dump.actions[rs] ??= []).push(line.slice(rs.length + 1));
        else dump.sections[section]!.push(line.split(/\s/)[0]!);
      }
    }
  }
  return dump;
}
