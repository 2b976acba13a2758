import type { Rule } from '../../engine/types.js';

export const rule: Rule = {
  id: 'missing-chroot',
  description: 'The global section has no `chroot`, so a compromised process sees the whole file system',
  severity: 'info',
  fixable: 'none',
  group: 'security',
  recommended: false,
  securitySeverity: 3.7,
  docs: {
    what: 'Reports a `global` section without `chroot`. Files without a `global` section are not judged. Opt-in: containers already isolate the file system, and some setups (Lua scripts reading files at run time, certificates updated on disk) need the full view.',
    why: 'With `chroot`, HAProxy locks itself into an empty directory once it has read its configuration and certificates: an attacker who takes over the process cannot read keys, passwords or other services\' files, nor execute a shell. It is cheap defence in depth that the HAProxy manual recommends. References: HAProxy configuration manual §3.1 "chroot"; HAProxy management guide §13 "Security considerations".',
    bad: 'global\n    user haproxy\n    group haproxy\n',
    good: 'global\n    chroot /var/lib/haproxy\n    user haproxy\n    group haproxy\n',
    fixSafety: 'No automatic fix: the directory must exist, be empty and not writable by HAProxy\'s user.',
  },
  check({ file, report }) {
    for (const section of file.sections) {
      if (section.kind !== 'global') continue;
      if (section.lines.some((l) => l.kind === 'keyword' && l.keyword === 'chroot' && !l.modifier)) continue;
      const header = section.header.words[0]!;
      report({ message: 'no `chroot` in the global section: a compromised HAProxy process can read the whole file system', start: header.start, end: header.end });
    }
  },
};
