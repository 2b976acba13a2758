/**
 * Every `server`/`default-server` keyword HAProxy registers in 2.6 … 3.5-dev
 * (src/*.c `srv_kw_list` tables; /work/shared/docs/haproxy-language.md §4).
 * Used to recognise a server line whose name or address is missing.
 */
export const SERVER_KEYWORDS: ReadonlySet<string> = new Set([
  'addr', 'agent-addr', 'agent-check', 'agent-inter', 'agent-port', 'agent-send', 'allow-0rtt', 'alpn', 'backup',
  'ca-file', 'check', 'check-alpn', 'check-proto', 'check-send-proxy', 'check-sni', 'check-ssl', 'check-via-socks4',
  'ciphers', 'ciphersuites', 'cookie', 'crl-file', 'crt', 'disabled', 'downinter', 'enabled', 'error-limit', 'fall',
  'fastinter', 'force-sslv3', 'force-tlsv10', 'force-tlsv11', 'force-tlsv12', 'force-tlsv13', 'id', 'init-addr',
  'inter', 'log-proto', 'max-reuse', 'maxconn', 'maxqueue', 'minconn', 'namespace', 'no-agent-check', 'no-backup',
  'no-check', 'no-check-send-proxy', 'no-check-ssl', 'no-send-proxy', 'no-send-proxy-v2', 'no-send-proxy-v2-ssl',
  'no-send-proxy-v2-ssl-cn', 'no-ssl', 'no-ssl-reuse', 'no-sslv3', 'no-tfo', 'no-tls-tickets', 'no-tlsv10',
  'no-tlsv11', 'no-tlsv12', 'no-tlsv13', 'non-stick', 'npn', 'observe', 'on-error', 'on-marked-down',
  'on-marked-up', 'pool-low-conn', 'pool-max-conn', 'pool-purge-delay', 'port', 'proto', 'proxy-v2-options',
  'redir', 'resolve-net', 'resolve-opts', 'resolve-prefer', 'resolvers', 'rise', 'send-proxy', 'send-proxy-v2',
  'send-proxy-v2-ssl', 'send-proxy-v2-ssl-cn', 'slowstart', 'sni', 'socks4', 'source', 'ssl', 'ssl-max-ver',
  'ssl-min-ver', 'ssl-reuse', 'stick', 'tcp-ut', 'tfo', 'tls-tickets', 'track', 'usesrc', 'verify', 'verifyhost',
  'weight', 'ws',
  // added after 2.6
  'cc', 'check-pool-conn-name', 'check-reuse-pool', 'check-sni-auto', 'client-sigalgs', 'curves', 'guid', 'hash-key',
  'healthcheck', 'idle-ping', 'init-state', 'ktls', 'log-bufsize', 'no-check-reuse-pool', 'no-check-sni-auto',
  'no-renegotiate', 'no-sni-auto', 'pool-conn-name', 'quic-cc-algo', 'renegotiate', 'set-proxy-v2-tlv-fmt', 'shard',
  'sigalgs', 'sni-auto', 'strict-maxconn', 'tcp-md5sig',
]);
