import type { Rule } from '../engine/types.js';
import type { Section } from '../parser/ast.js';
import { configModel, effectiveMode, proxyLabel } from './model/config-model.js';
import { parseSampleExpression } from './shared/sample-expr.js';
import { expressionSites } from './shared/sample-sites.js';
import { sourceOffset } from './shared/words.js';

/**
 * Fetches that read the raw request or response buffer (SMP_USE_L6REQ/L6RES in src/payload.c), with
 * their ACL forms. In an HTTP proxy the buffer holds HAProxy's internal HTTP representation, not bytes.
 */
const L6_FETCHES = new Set([
  'payload', 'payload_lv', 'rdp_cookie', 'rdp_cookie_cnt', 'rep_ssl_hello_type', 'req_len', 'req_ssl_hello_type', 'req_ssl_sni', 'req_ssl_ver',
  'req.len', 'req.payload', 'req.payload_lv', 'req.rdp_cookie', 'req.rdp_cookie_cnt', 'req.ssl_ec_ext', 'req.ssl_hello_type', 'req.ssl_sni',
  'req.ssl_st_ext', 'req.ssl_ver', 'req.ssl_alpn', 'req.ssl_cipherlist', 'req.ssl_sigalgs', 'req.ssl_keyshare_groups', 'req.ssl_supported_groups',
  'res.len', 'res.payload', 'res.payload_lv', 'res.ssl_hello_type', 'distcc_body', 'distcc_param',
  'req_ssl_sni_end', 'req_ssl_sni_reg', 'req_ssl_sni_beg', 'req.ssl_sni_end', 'req.ssl_sni_reg', 'req.ssl_sni_beg',
]);

/** The fetch name an expression starts with, read cheaply so that only L6 candidates are parsed. */
function leadingName(value: string, from: number): string {
  let i = from;
  while (value[i] === ' ' || value[i] === '\t') i++;
  let end = i;
  while (end < value.length && /[\w.]/.test(value[end]!)) end++;
  return value.slice(i, end);
}

export const rule: Rule = {
  id: 'l6-fetch-in-http-mode',
  description: 'A sample fetch reading raw buffer contents (req.payload, req.len, req.ssl_sni…) in a proxy that runs in HTTP mode, where HAProxy ignores it',
  severity: 'warning',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports, in a proxy whose mode is `http` (its own `mode`, else its defaults section\'s), the fetches that read the raw bytes of the request or response buffer: `req.payload`, `req.payload_lv`, `req.len`, `req.ssl_sni`, `req.ssl_hello_type`, `req.ssl_ver`, `req.rdp_cookie`, `res.payload`, `res.len`… and their old aliases (`req_ssl_sni`, `payload_lv`, …), in ACLs, conditions and `%[…]`. Proxies whose mode comes from `.if` blocks or the environment are not judged.',
    why: 'In HTTP mode the buffer holds HAProxy\'s parsed HTTP messages, not the bytes on the wire, so these fetches find nothing: HAProxy warns ("L6 sample fetches ignored on HTTP proxies", "L6 sample fetch <req.ssl_sni> ignored in HTTP log-format string") and a condition on them never matches. An SNI or TLS hello inspection belongs in a `mode tcp` frontend; in HTTP mode use `ssl_fc_sni`, `req.body`, `req.hdr`….',
    bad: 'frontend www\n    mode http\n    bind :443 ssl crt /etc/haproxy/site.pem\n    use_backend api if { req.ssl_sni -i api.example.com }\n    default_backend app\n',
    good: 'frontend www\n    mode http\n    bind :443 ssl crt /etc/haproxy/site.pem\n    use_backend api if { ssl_fc_sni -i api.example.com }\n    default_backend app\n',
    fixSafety: 'No automatic fix: the HTTP-mode equivalent depends on what was meant (`ssl_fc_sni` for the SNI of a TLS connection HAProxy terminates, `req.body` for the payload…).',
  },
  check({ file, report }) {
    const model = configModel(file);
    const httpSections = new Map<Section, string>();
    for (const proxy of model.proxies) {
      if (proxy.kind === 'defaults') continue;
      const { mode, uncertain } = effectiveMode(model, proxy);
      if (!uncertain && mode === 'http') httpSections.set(proxy.section, proxyLabel(proxy));
    }
    if (httpSections.size === 0) return;
    // sites come in file order: one pointer walks the sections alongside them (no scan per site)
    let index = 0;
    for (const site of expressionSites(file)) {
      if (site.line.condDepth > 0) continue;
      while (index < file.sections.length && file.sections[index]!.end <= site.line.start) index++;
      const section = file.sections[index];
      const label = section && section.start <= site.line.start ? httpSections.get(section) : undefined;
      if (!label || !L6_FETCHES.has(leadingName(site.word.value, site.from))) continue;
      const { expr } = parseSampleExpression(site.word.value, site.from, site.context === 'log-format');
      const name = expr?.fetch.name;
      if (!name || !L6_FETCHES.has(name)) continue;
      const start = sourceOffset(site.word, expr.fetch.at);
      const end = sourceOffset(site.word, expr.fetch.at + name.length);
      report({
        message: `sample fetch '${name}' reads the raw ${name.startsWith('res') || name === 'rep_ssl_hello_type' ? 'response' : 'request'} buffer, but ${label} runs in mode http, where it finds nothing: HAProxy ignores it with a warning ("L6 sample fetches ignored on HTTP proxies")`,
        start: start ?? site.word.start,
        end: end ?? site.word.end,
      });
    }
  },
};
