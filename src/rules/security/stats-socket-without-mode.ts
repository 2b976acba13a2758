import type { Rule } from '../../engine/types.js';
import { statsSockets } from '../shared/stats-sockets.js';

export const rule: Rule = {
  id: 'stats-socket-without-mode',
  description: 'A UNIX `stats socket` has no `mode`, so who may use the runtime API depends on the umask',
  severity: 'warning',
  fixable: 'safe',
  group: 'security',
  securitySeverity: 5.5,
  docs: {
    what: 'Reports a global `stats socket` on a UNIX path (`/run/haproxy.sock`, `unix@…`) without a `mode` parameter.',
    why: 'Without `mode` the socket gets the permissions of HAProxy\'s umask at start-up: 0755 under the usual 022 (only the owner can connect), but 0777 under a umask of 000, which some init systems and container images use, and then every local user and every compromised process on the host can drive the runtime API (at the default `operator` level or at `admin`). An explicit mode makes the access control part of the configuration. References: HAProxy configuration manual §5.1 "mode" and §3.1 "stats socket"; HAProxy management guide §9.3.',
    bad: 'global\n    stats socket /run/haproxy/admin.sock level admin\n',
    good: 'global\n    stats socket /run/haproxy/admin.sock mode 600 level admin\n',
    fixSafety: 'Safe: adds `mode 600` after the path (`mode 660` when the line names a `group` or `gid`, which only makes sense with group access), the permissions the socket has under the usual umask for its owner.',
  },
  check({ file, report }) {
    for (const socket of statsSockets(file)) {
      if (socket.family !== 'unix' || socket.mode || /^(?:fd|sockpair)@/.test(socket.address.value)) continue;
      const mode = socket.param('group') || socket.param('gid') ? '660' : '600';
      report({
        message: `stats socket ${socket.address.value} has no \`mode\`: its permissions come from the umask, which may let every local user use the runtime API (level ${socket.level}); set \`mode ${mode}\``,
        start: socket.address.start, end: socket.address.end,
        fix: { description: `add mode ${mode}`, applicability: 'safe', edits: [{ start: socket.address.end, end: socket.address.end, text: ` mode ${mode}` }] },
      });
    }
  },
};
