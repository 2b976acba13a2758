import type { Section } from '../parser/ast.js';
import type { Rule } from '../engine/types.js';
import { defaultsOf, keywordLines } from './shared/proxies.js';
import { setOf } from '../model/set.js';

/** Rule-set keywords whose presence makes a `defaults` section one "defining TCP/HTTP rules" (inspect-delay is no rule). */
const RULE_KEYWORDS = new Set([
  'http-request', 'http-response', 'http-after-response',
  'tcp-request connection', 'tcp-request session', 'tcp-request content', 'tcp-response content',
]);

interface RulesInfo {
  any: boolean;
  connectionOrSession: boolean;
  responseContent: boolean;
}

function rulesOf(section: Section): RulesInfo {
  const info: RulesInfo = { any: false, connectionOrSession: false, responseContent: false };
  for (const line of keywordLines(section)) {
    if (!RULE_KEYWORDS.has(line.keyword)) continue;
    info.any = true;
    if (line.keyword === 'tcp-request connection' || line.keyword === 'tcp-request session') info.connectionOrSession = true;
    if (line.keyword === 'tcp-response content') info.responseContent = true;
  }
  return info;
}

function where(section: Section): string {
  return `${section.kind}${section.name ? ` '${section.name.value}'` : ''}`;
}

export const rule: Rule = {
  id: 'defaults-rules-conflict',
  description: 'A defaults section with http-request/tcp-request… rules is inherited in a way HAProxy refuses',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what:
      'A `defaults` section that defines rules (`http-request`, `http-response`, `http-after-response`, `tcp-request connection|session|content`, `tcp-response content`) may only be inherited by frontends or only by backends, never by a `listen` section or another `defaults` section (`from`). A backend may not inherit `tcp-request connection`/`session` rules, a frontend may not inherit `tcp-response content` rules. Inheritance is explicit (`frontend fe from web`) or implicit (the last `defaults` section above).',
    why:
      'HAProxy runs inherited rules before the proxy\'s own, and refuses every ambiguous case: "frontends and backends cannot inherit from the same defaults section if it defines TCP/HTTP rules", "a listen section cannot inherit from a defaults section defining TCP/HTTP rules", and so on.',
    bad: 'defaults web\n    mode http\n    http-request set-header X-Forwarded-Proto https if { ssl_fc }\n\nfrontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    good: 'defaults web\n    mode http\n    http-request set-header X-Forwarded-Proto https if { ssl_fc }\n\nfrontend www from web\n    bind :80\n    default_backend app\n\ndefaults plain\n    mode http\n\nbackend app from plain\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: splitting the defaults section is a design decision.',
  },
  check({ file, report }) {
    const infos = new Map<Section, RulesInfo>();
    const firstUser = new Map<Section, Section>();
    // inheritance crosses files: every section of the set counts, this file's ones are reported
    const set = setOf(file);
    for (const section of set.sections) {
      if (!['defaults', 'frontend', 'backend', 'listen'].includes(section.kind)) continue;
      const defaults = defaultsOf(file, section);
      // an anonymous defaults section cannot hold rules at all (keyword-wrong-section reports those lines)
      if (!defaults || !defaults.name) continue;
      let info = infos.get(defaults);
      if (!info) infos.set(defaults, (info = rulesOf(defaults)));
      if (!info.any) continue;
      const header = section.header;
      if (set.fileOf(section) !== file) {
        if (!firstUser.has(defaults) && (section.kind === 'frontend' || section.kind === 'backend')) firstUser.set(defaults, section);
        continue;
      }
      const at = { start: header.words[0]?.start ?? header.start, end: header.words[header.words.length - 1]?.end ?? header.end };
      const from = `${where(defaults)} (line ${defaults.header.line})`;
      if (section.kind === 'defaults' || section.kind === 'listen') {
        report({
          message: `a ${section.kind} section cannot inherit from ${from}, which defines TCP/HTTP rules: HAProxy refuses this ("a ${section.kind} section cannot inherit from a defaults section defining TCP/HTTP rules")`,
          ...at,
        });
        continue;
      }
      const first = firstUser.get(defaults);
      if (first && first.kind !== section.kind) {
        report({
          message: `${where(section)} inherits from ${from}, which defines TCP/HTTP rules and is already inherited by ${where(first)} (line ${first.header.line}): HAProxy refuses this ("frontends and backends cannot inherit from the same defaults section if it defines TCP/HTTP rules"); give the ${section.kind}s their own defaults section`,
          ...at,
        });
        continue;
      }
      if (!first) firstUser.set(defaults, section);
      if (section.kind === 'backend' && info.connectionOrSession) {
        report({
          message: `backend inherits from ${from}, which defines 'tcp-request connection' or 'tcp-request session' rules: HAProxy refuses this (those rules only run in frontends)`,
          ...at,
        });
      } else if (section.kind === 'frontend' && info.responseContent) {
        report({
          message: `frontend inherits from ${from}, which defines 'tcp-response content' rules: HAProxy refuses this (those rules only run in backends)`,
          ...at,
        });
      }
    }
  },
};
