/** A large, realistic haproxy.cfg: about `lines` lines of global, defaults, frontends and backends. */
export function generateConfig(lines = 45_000) {
  const out = [
    'global',
    '    log stdout format raw local0',
    '    maxconn 4096',
    '    stats socket /run/haproxy/admin.sock mode 660 level admin',
    '',
    'defaults',
    '    mode http',
    '    option httplog',
    '    timeout connect 5s',
    '    timeout client 30s',
    '    timeout server 30s',
    '',
  ];
  let n = 0;
  while (out.length < lines) {
    n++;
    out.push(
      `frontend fe_${n} # generated`,
      `    bind 127.0.0.1:${10000 + (n % 50000)}`,
      `    http-request set-header X-Forwarded-Proto https if { ssl_fc }`,
      `    acl is_api path_beg /api/ "/v${n}/"`,
      `    use_backend be_${n} if is_api`,
      `    default_backend be_${n}`,
      '',
      `backend be_${n}`,
      '    balance roundrobin',
      '    option httpchk',
      `    http-check send meth GET uri /health ver HTTP/1.1 hdr Host "app${n}.internal" hdr Accept 'application/json'`,
      '    http-check expect status 200',
      `    server app${n}a 127.0.0.1:${20000 + (n % 40000)} check inter 2s fall 3 rise 2`,
      `    server app${n}b 127.0.0.1:${30000 + (n % 30000)} check inter 2s fall 3 rise 2 backup`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}
