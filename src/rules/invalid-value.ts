import { valueRule } from './values/rule.js';

export const rule = valueRule('value', {
  id: 'invalid-value',
  description: 'A keyword argument outside the closed set of values HAProxy accepts there',
  fixable: 'safe',
  docs: {
    what:
      "Checks arguments whose values the manual lists: `cookie` options (`insert`, `indirect`, `nocache`…; one of `rewrite`, `insert`, `prefix`), the arguments of `balance url_param`, `hdr(<name>)`, `uri` and `random(<draws>)`, `hash-type` methods, functions (`none` from 2.9) and modifier, `option mysql-check user <name> [post-41|pre-41]` (`post-80` from 3.3), `option pgsql-check user`, `option forwardfor`/`originalto` (`except`, `header`, `if-none`), `option httplog [clf]`, `option http-restrict-req-hdr-names`, `log` formats, facilities and levels (`profile` from 3.1), `stats socket … level`, `master-worker [no-exit-on-failure]`, `nbthread`, server options `observe`, `on-error`, `on-marked-down`, `on-marked-up`, `resolve-prefer`, `init-addr`, `rise`, `fall`, `error-limit`, `id`, `verify` (`none` or `required`; `optional` too on bind lines), `log-proto`, `ws`, the octal `mode` of bind lines, `ssl-min-ver`/`ssl-max-ver` on server and bind lines and in `ssl-default-bind-options`/`ssl-default-server-options` (whose options are checked at target 2.6; `strict-sni` there from 3.2), `http-reuse`, `load-server-state-from-file`, `compression algo`, `stick-table type`, `email-alert level`, `server-template` counts, `rate-limit sessions`, `tune.quic.socket-owner`, and the actions `set-log-level` and `http-request set-timeout` (`client` from 3.0, `connect`, `queue`, `tarpit` from 3.4). Values from environment variables are not judged, nor lines another keyword rule already reports.",
    why: 'HAProxy refuses the configuration on each of these ("\'cookie\' supports \'rewrite\', \'insert\', …", "balance url_param only accepts \'check_post\' modifier", "unknown log facility \'local9\'", "\'level\' only supports \'user\', \'operator\', and \'admin\'"), so the proxy does not start. Values are case-sensitive.',
    bad: 'backend app\n    cookie SRV insert indirect nocahe\n    server app1 127.0.0.1:8000 cookie a1\n',
    good: 'backend app\n    cookie SRV insert indirect nocache\n    server app1 127.0.0.1:8000 cookie a1\n',
    fixSafety: 'Safe, only for a value written in the wrong case (`Insert`, `LOCAL0`, `Admin`): HAProxy compares case-sensitively and only one value of the set can be meant. Other values are left alone: which one was meant cannot be known.',
  },
});
