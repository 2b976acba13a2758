import type { Rule } from '../../engine/types.js';
import { configModel } from '../model/config-model.js';
import { inheritanceChain, insertLineAfter } from '../shared/exposure.js';

export const rule: Rule = {
  id: 'stats-version-disclosure',
  description: 'The statistics page shows HAProxy\'s version (no `stats hide-version`) or internal details (`stats show-legends`)',
  severity: 'info',
  fixable: 'safe',
  group: 'security',
  recommended: false,
  securitySeverity: 3.1,
  docs: {
    what: 'Reports a `stats enable` / `stats uri` line in a section (or one inheriting it) where neither the section nor its defaults has `stats hide-version`, and every `stats show-legends`. Opt-in and informational.',
    why: 'The version and release date on the stats page tell an attacker which known vulnerabilities (CVEs) to try, without any probing; `stats show-legends` adds server addresses, process ids and the configuration\'s internals. Hiding them costs nothing. References: HAProxy configuration manual §4.2 "stats hide-version", "stats show-legends"; OWASP Web Security Testing Guide, "Fingerprint Web Server" (WSTG-INFO-02).',
    bad: 'listen stats\n    bind 127.0.0.1:8404\n    mode http\n    stats enable\n',
    good: 'listen stats\n    bind 127.0.0.1:8404\n    mode http\n    stats enable\n    stats hide-version\n',
    fixSafety: 'Safe: adds `stats hide-version` after the line enabling the page. `stats show-legends` has no automatic fix.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      const own = proxy.lines.filter((l) => !l.modifier && (l.keyword === 'stats enable' || l.keyword === 'stats uri'));
      for (const legend of proxy.lines.filter((l) => l.keyword === 'stats show-legends' && !l.modifier)) {
        report({ message: '`stats show-legends` shows server addresses and process details on the statistics page', start: legend.words[0]!.start, end: legend.words.at(-1)!.end });
      }
      if (own.length === 0) continue;
      if (inheritanceChain(proxy).some((p) => p.lines.some((l) => l.keyword === 'stats hide-version' && !l.modifier))) continue;
      const first = own[0]!;
      report({
        message: 'the statistics page shows the HAProxy version, which tells attackers which vulnerabilities to try; add `stats hide-version`',
        start: first.words[0]!.start, end: first.words.at(-1)!.end,
        ...(first.condDepth > 0 ? {} : { fix: { description: 'add stats hide-version', applicability: 'safe' as const, edits: [insertLineAfter(file.text, first, proxy.lines, 'stats hide-version')] } }),
      });
    }
  },
};
