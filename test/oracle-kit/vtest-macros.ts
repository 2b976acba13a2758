/**
 * The reg-test configs are VTest templates: VTest replaces `${name}` macros before HAProxy sees the text
 * (listener fds, server addresses/ports, test directories), and a few names are environment variables the
 * test sets. HAProxy would read them literally (or as unset environment variables), so they are replaced
 * here by loopback values, deterministically (the same input always gives the same output, so verdicts can
 * be cached by the text's hash):
 *
 * - `fd@${name}` (a VTest-made listener) → `127.0.0.1:PORT`
 * - `${x_addr}` → `127.0.0.1`, `${x_port}` → `PORT`, `${x_sock}` → `127.0.0.1:PORT`
 * - `${testdir}`, `${tmpdir}` → fixed paths under /tmp/haproxy-lint-vtest (that do not exist: configs needing
 *   the test's certificates are then classified as missing-file)
 * - environment-like names (`VTC_SOCK_TYPE`, `TLSV`, …) → a typical value
 * - any other `${name}` → `127.0.0.1:PORT` (they are all listener or server addresses in the corpus)
 *
 * Each distinct name gets its own port, from 20000 up, in order of first appearance.
 */

export const VTEST_TESTDIR = '/tmp/haproxy-lint-vtest/testdir';
export const VTEST_TMPDIR = '/tmp/haproxy-lint-vtest/tmpdir';

const ENV_LIKE: Record<string, string> = {
  VTC_SOCK_TYPE: 'stream',
  TLSV: 'TLSv1.2',
  ALPN: 'h2,http/1.1',
  SSL_OPT: 'ssl',
  NO_TLS_TICKETS: 'no-tls-tickets',
  SSL_CACHESIZE: '20000',
  testdir: VTEST_TESTDIR,
  tmpdir: VTEST_TMPDIR,
};

export function expandVtestMacros(text: string, firstPort = 20000): string {
  const ports = new Map<string, number>();
  const portOf = (name: string): number => {
    let p = ports.get(name);
    if (p === undefined) {
      p = firstPort + ports.size;
      ports.set(name, p);
    }
    return p;
  };
  return text.replace(/(fd@)?\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, fd: string | undefined, name: string) => {
    if (fd) return `127.0.0.1:${portOf(name)}`;
    const env = ENV_LIKE[name];
    if (env !== undefined) return env;
    const parts = /^(.*)_(addr|port|sock)$/.exec(name);
    if (parts?.[1] && parts[2]) {
      const base = parts[1];
      if (parts[2] === 'addr') return '127.0.0.1';
      if (parts[2] === 'port') return String(portOf(base));
      return `127.0.0.1:${portOf(base)}`;
    }
    return `127.0.0.1:${portOf(name)}`;
  });
}
