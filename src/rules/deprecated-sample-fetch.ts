import type { Rule } from '../engine/types.js';
import { parseSampleExpression } from './shared/sample-expr.js';
import { expressionSites } from './shared/sample-sites.js';
import { sourceOffset } from './shared/words.js';

/** Deprecated fetch aliases and the fetch each stands for (the manual lists them right under it). */
const RENAMES: Record<string, string> = {
  req_len: 'req.len', req_proto_http: 'req.proto_http', rdp_cookie: 'req.rdp_cookie', rdp_cookie_cnt: 'req.rdp_cookie_cnt',
  req_ssl_hello_type: 'req.ssl_hello_type', req_ssl_sni: 'req.ssl_sni', req_ssl_ver: 'req.ssl_ver', rep_ssl_hello_type: 'res.ssl_hello_type',
  cook: 'req.cook', cook_cnt: 'req.cook_cnt', cook_val: 'req.cook_val', hdr_cnt: 'req.hdr_cnt', hdr_ip: 'req.hdr_ip', hdr_val: 'req.hdr_val',
  req_ver: 'req.ver', scook: 'res.cook', scook_cnt: 'res.cook_cnt', scook_val: 'res.cook_val', shdr: 'res.hdr', shdr_cnt: 'res.hdr_cnt',
  shdr_ip: 'res.hdr_ip', shdr_val: 'res.hdr_val', resp_ver: 'res.ver',
};
/** Aliases whose target depends on the direction: `req.…` on requests, `res.…` on responses (ACLs read them on requests). */
const DIRECTIONAL = new Set(['payload', 'payload_lv']);
/** Deprecated with no single replacement */
const NO_RENAME: Record<string, string> = { cookie: 'req.cook or res.cook', 'set-cookie': 'res.cook' };

export const rule: Rule = {
  id: 'deprecated-sample-fetch',
  description: 'A sample fetch written with a deprecated alias (hdr_cnt, payload_lv, req_ssl_sni…) instead of its current name',
  severity: 'warning',
  fixable: 'safe',
  group: 'correctness',
  docs: {
    what: 'Reports the sample fetches the manual marks "(deprecated)": aliases kept for old configurations, such as `hdr_cnt` for `req.hdr_cnt`, `shdr` for `res.hdr`, `req_ssl_sni` for `req.ssl_sni`, `payload_lv` for `req.payload_lv`/`res.payload_lv`, in ACLs, conditions, `%[…]` and other sample expressions.',
    why: 'Deprecated aliases may be removed in a later release, and their names hide which side of the exchange they read (`shdr` is the response header). The current names work in every supported version.',
    bad: 'frontend www\n    bind :80\n    acl many_hosts hdr_cnt(host) gt 1\n    http-request deny if many_hosts\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    acl many_hosts req.hdr_cnt(host) gt 1\n    http-request deny if many_hosts\n    default_backend app\n',
    fixSafety: 'Safe: the alias and its replacement are the same fetch in HAProxy (same function, arguments and type). `payload`/`payload_lv` are renamed to `req.…` in ACLs and request rules, `res.…` in response rules, and left alone elsewhere; `cookie` and `set-cookie` have no single replacement and are not fixed.',
  },
  check({ file, report }) {
    for (const site of expressionSites(file)) {
      const { expr } = parseSampleExpression(site.word.value, site.from, site.context === 'log-format');
      if (!expr) continue;
      const name = expr.fetch.name;
      let replacement = RENAMES[name];
      if (DIRECTIONAL.has(name)) {
        const direction = site.context === 'acl' || /^(?:http|tcp)-request\b/.test(site.line.keyword) ? 'req' : /^(?:http|tcp)-response\b/.test(site.line.keyword) ? 'res' : undefined;
        if (direction) replacement = `${direction}.${name}`;
      }
      const start = sourceOffset(site.word, expr.fetch.at);
      const end = sourceOffset(site.word, expr.fetch.at + name.length);
      if (replacement === undefined && !DIRECTIONAL.has(name) && NO_RENAME[name] === undefined) continue;
      const advice = replacement ?? (NO_RENAME[name] ?? `req.${name} or res.${name}`);
      report({
        message: `sample fetch '${name}' is a deprecated alias: write ${advice}`,
        start: start ?? site.word.start,
        end: end ?? site.word.end,
        ...(replacement && start !== undefined && end !== undefined
          ? { fix: { description: `rename to ${replacement}`, applicability: 'safe' as const, edits: [{ start, end, text: replacement }] } }
          : {}),
      });
    }
  },
};
