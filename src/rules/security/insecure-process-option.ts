import type { Rule } from '../../engine/types.js';

const OPTIONS = new Map([
  ['insecure-fork-wanted', 'lets HAProxy (and any Lua script or exploited bug) start new processes'],
  ['insecure-setuid-wanted', 'lets HAProxy run setuid/setgid programs that can regain privileges'],
]);

export const rule: Rule = {
  id: 'insecure-process-option',
  description: '`insecure-fork-wanted` or `insecure-setuid-wanted` turns off a process protection',
  severity: 'warning',
  fixable: 'unsafe',
  group: 'security',
  recommended: false,
  securitySeverity: 5.3,
  docs: {
    what: 'Reports `insecure-fork-wanted` and `insecure-setuid-wanted` in the `global` section. Opt-in: external health checks (`option external-check`) need them.',
    why: 'HAProxy forbids itself to fork and to gain privileges through setuid programs once started, so that a vulnerability in HAProxy, a library or a Lua script cannot simply spawn a shell. These options remove that barrier; the manual calls them "a bad idea" and recommends agents (`agent-check`) over external checks. References: HAProxy configuration manual §3.1 "insecure-fork-wanted", "insecure-setuid-wanted".',
    bad: 'global\n    insecure-fork-wanted\n',
    good: 'global\n    log stdout local0\n',
    fixSafety: 'Unsafe (applied only with --unsafe-fixes), and only offered when the file uses neither `external-check` nor `lua-load`: removes the line.',
  },
  check({ file, report }) {
    const needed = file.lines.some((l) => l.kind === 'keyword' && (l.keyword.includes('external-check') || l.keyword.startsWith('lua-load')));
    for (const section of file.sections) {
      if (section.kind !== 'global') continue;
      for (const line of section.lines) {
        const why = OPTIONS.get(line.keyword);
        if (!why || line.modifier) continue;
        report({
          message: `\`${line.keyword}\` ${why}; remove it unless external checks require it`,
          start: line.words[0]!.start, end: line.words[0]!.end,
          ...(needed || line.condDepth > 0 ? {} : { fix: { description: `remove ${line.keyword}`, applicability: 'unsafe' as const, edits: [{ start: line.start, end: line.end, text: '' }] } }),
        });
      }
    }
  },
};
