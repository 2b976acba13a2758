import type { Rule } from '../../engine/types.js';

export const rule: Rule = {
  id: 'process-runs-as-root',
  description: 'The global section sets no `user`/`uid` (or sets root), so HAProxy keeps root privileges',
  severity: 'warning',
  fixable: 'none',
  group: 'security',
  recommended: false,
  securitySeverity: 6.5,
  docs: {
    what: 'Reports a `global` section without `user` or `uid`, or with `user root` / `uid 0`, and likewise a missing `group`/`gid` or `group root` / `gid 0`. Files without a `global` section (fragments loaded with other files) are not judged. Opt-in: in containers HAProxy often starts as an unprivileged user already, and the configuration cannot tell.',
    why: 'Started as root (to bind ports below 1024), HAProxy drops to `user`/`group` after binding only when told to. Otherwise every request is parsed by a root process: a memory-safety bug in HAProxy, OpenSSL or a Lua script then gives the attacker the whole machine instead of an unprivileged account. References: HAProxy configuration manual §3.1 "user", "group", "uid", "gid"; HAProxy management guide §13 "Security considerations".',
    bad: 'global\n    log stdout local0\n',
    good: 'global\n    log stdout local0\n    user haproxy\n    group haproxy\n',
    fixSafety: 'No automatic fix: the account must exist on the host (Debian and RHEL packages create `haproxy`).',
  },
  check({ file, report }) {
    for (const section of file.sections) {
      if (section.kind !== 'global') continue;
      const last = (names: string[]) => section.lines.filter((l) => l.kind === 'keyword' && !l.modifier && names.includes(l.keyword)).at(-1);
      for (const [kind, named, numeric, root] of [['user', 'user', 'uid', 'root'], ['group', 'group', 'gid', 'root']] as const) {
        const line = last([named, numeric]);
        const value = line?.args[0];
        if (!line) {
          const header = section.header.words[0]!;
          report({ message: `no \`${named}\` in the global section: HAProxy keeps the ${kind} it was started with, usually root, while it handles traffic`, start: header.start, end: header.end });
        } else if (value && (value.value === root || value.value === '0')) {
          report({ message: `\`${line.keyword} ${value.value}\` keeps root privileges while HAProxy handles traffic; use an unprivileged ${kind} such as haproxy`, start: value.start, end: value.end });
        }
      }
    }
  },
};
