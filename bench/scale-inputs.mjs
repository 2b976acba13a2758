/** Inputs whose size is `n` units of one kind of work, for growth measurements (n vs 4n). */

const HEAD = 'global\n    log stdout format raw local0\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n';

export const SCALE_INPUTS = {
  /** n safe fixes in one section (`srvtimeout` → `timeout server`) */
  fixes: (n) => `${HEAD}\nbackend app\n${'    srvtimeout 30s\n'.repeat(n)}    server s1 127.0.0.1:8000\n`,
  /** n findings, each suppressed by its own line's comment */
  suppressions: (n) => `${HEAD}\nbackend app\n${'    redispatch # haproxy-lint-disable-line removed-keyword\n'.repeat(n)}    server s1 127.0.0.1:8000\n`,
  /** n regions opened, then n closed */
  regions: (n) => `${HEAD}\nbackend app\n${'    # haproxy-lint-disable removed-keyword\n'.repeat(n)}    redispatch\n${'    # haproxy-lint-enable removed-keyword\n'.repeat(n)}    server s1 127.0.0.1:8000\n`,
  /** n ACLs declared and used in one frontend */
  acls: (n) => {
    const lines = [];
    for (let i = 0; i < n; i++) lines.push(`    acl a${i} path /x${i}`);
    for (let i = 0; i < n; i++) lines.push(`    http-request deny if a${i}`);
    return `${HEAD}\nfrontend web\n    bind 127.0.0.1:8080\n${lines.join('\n')}\n    default_backend app\n\nbackend app\n    server s1 127.0.0.1:8000\n`;
  },
  /** a chain of n servers, each tracking the previous one */
  tracks: (n) => {
    const lines = ['    server s0 127.0.0.1:8000 check'];
    for (let i = 1; i < n; i++) lines.push(`    server s${i} 127.0.0.1:${8000 + (i % 1000)} track s${i - 1}`);
    return `${HEAD}\nfrontend web\n    bind 127.0.0.1:8080\n    default_backend app\n\nbackend app\n${lines.join('\n')}\n`;
  },
  /** n findings with a fix each, on n lines (for code actions: the client sends all diagnostics) */
  findings: (n) => `${HEAD}\nbackend app\n${'    redispatch\n'.repeat(n)}    server s1 127.0.0.1:8000\n`,
};
