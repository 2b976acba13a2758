/**
 * How to run `haproxy -c` away from the network.
 *
 * - `unshare -n` gives haproxy an empty network namespace: name resolution fails at once instead of
 *   waiting for resolver timeouts, and no query for a corpus config's host names leaves the machine.
 * - `unshare -n -m` plus `mount --bind HOSTS /etc/hosts` additionally shows haproxy a private hosts file,
 *   so configs that only fail on DNS can be checked for real with every name mapped to loopback.
 *
 * As root `unshare -n` is enough; otherwise `unshare -r` (a user namespace mapping us to root) usually
 * grants the same without privileges. When neither works the oracle refuses to run unisolated unless
 * HAPROXY_ORACLE_ALLOW_NETWORK=1 (see assertIsolated).
 */
import { spawnSync } from 'node:child_process';

export interface Sandbox {
  /** the unshare flags that give a private network namespace, or undefined when none work */
  network?: string[];
  /** the unshare flags that give private network and mount namespaces (for a private /etc/hosts) */
  hostsFile?: string[];
}

let cached: Sandbox | undefined;

function works(args: string[]): boolean {
  try {
    return spawnSync('unshare', args, { stdio: 'ignore', timeout: 5_000 }).status === 0;
  } catch {
    return false;
  }
}

export function detectSandbox(): Sandbox {
  if (cached) return cached;
  const network = [['-n'], ['-r', '-n']].find((flags) => works([...flags, 'true']));
  const hostsFile = [['-n', '-m'], ['-r', '-n', '-m']].find((flags) =>
    works([...flags, 'sh', '-c', 'mount --bind /etc/hosts /etc/hosts']),
  );
  cached = { network, hostsFile };
  return cached;
}

/** throws unless haproxy can be isolated from the network or the caller allowed it not to be */
export function assertIsolated(): void {
  if (detectSandbox().network || process.env.HAPROXY_ORACLE_ALLOW_NETWORK === '1') return;
  throw new Error(
    'cannot isolate `haproxy -c` from the network (neither `unshare -n` nor `unshare -r -n` works here), ' +
      'and checking corpus configs unisolated would send DNS queries for their host names. ' +
      'Run as root or enable user namespaces, or set HAPROXY_ORACLE_ALLOW_NETWORK=1 to accept that.',
  );
}

/**
 * The argv that runs `haproxyArgs` with `haproxy` inside the best available sandbox.
 * With `hostsFile`, /etc/hosts is replaced by that file inside a private mount namespace.
 */
export function sandboxedArgv(haproxy: string, haproxyArgs: string[], hostsFile?: string): string[] {
  const sb = detectSandbox();
  if (hostsFile && sb.hostsFile) {
    return [
      'unshare',
      ...sb.hostsFile,
      'sh',
      '-c',
      'mount --bind "$1" /etc/hosts && shift && exec "$@"',
      'sh',
      hostsFile,
      haproxy,
      ...haproxyArgs,
    ];
  }
  if (sb.network) return ['unshare', ...sb.network, haproxy, ...haproxyArgs];
  return [haproxy, ...haproxyArgs];
}
