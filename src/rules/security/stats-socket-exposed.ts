import type { Rule } from '../../engine/types.js';
import { statsSockets } from '../shared/stats-sockets.js';

export const rule: Rule = {
  id: 'stats-socket-exposed',
  description: 'The runtime API (`stats socket`) listens on a network address, or on a world-writable UNIX socket',
  severity: 'warning',
  fixable: 'none',
  group: 'security',
  securitySeverity: 9.1,
  docs: {
    what: 'Reports a global `stats socket` bound to a TCP address other than loopback (`ipv4@0.0.0.0:9999`, `*:9999`, `:9999`), and a UNIX socket whose `mode` lets every local user write to it (`mode 666`, `777`, any mode with the "others write" bit) when its level is `admin` or `operator` (HAProxy\'s default level). The runtime API has no password: whoever can connect has the socket\'s level.',
    why: 'On the `admin` level the runtime API can disable servers, change their addresses, rewrite maps and ACLs, dump TLS session keys and shut down sessions; `operator` (the default) can still change weights and clear counters. On a network address anyone who reaches the port gets that power; on a world-writable socket every local user and every compromised web application on the host does. References: HAProxy management guide §9.3 "Unix Socket commands" ("the socket must be protected"), HAProxy configuration manual §3.1 "stats socket" and §5.1 "level", "mode".',
    bad: 'global\n    stats socket ipv4@0.0.0.0:9999 level admin\n    stats socket /run/haproxy.sock mode 666 level admin\n',
    good: 'global\n    stats socket ipv4@127.0.0.1:9999 level admin\n    stats socket /run/haproxy.sock mode 600 level admin\n',
    fixSafety: 'No automatic fix: bind it to 127.0.0.1 or a UNIX socket, and choose who may use it (`mode 600`/`660` with `group`).',
  },
  check({ file, report }) {
    for (const socket of statsSockets(file)) {
      const { address, level, mode } = socket;
      if (socket.family === 'inet' && socket.reach === 'network') {
        report({
          message: `the runtime API listens on ${address.value} at level ${level} with no authentication: anyone who reaches the port can ${level === 'admin' ? 'disable servers, rewrite maps and dump TLS keys' : level === 'user' ? 'read the state of every proxy and server' : 'change server weights and read every counter'}; bind it to 127.0.0.1 or a UNIX socket`,
          start: address.start, end: address.end,
        });
        continue;
      }
      if (socket.family === 'unix' && mode && /^[0-7]{3,4}$/.test(mode.value) && (Number.parseInt(mode.value, 8) & 0o002) !== 0 && level !== 'user') {
        report({
          message: `\`mode ${mode.value}\` lets every local user use the runtime API at level ${level}; use \`mode 600\` (or \`660\` with a \`group\`)`,
          start: mode.start, end: mode.end,
        });
      }
    }
  },
};
