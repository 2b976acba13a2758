import { valueRule } from './values/rule.js';

export const rule = valueRule('missing', {
  id: 'missing-argument',
  description: 'A keyword or keyword option without the argument it requires (bare cookie, server without address, bind without address…)',
  docs: {
    what: "Reports a `cookie` without its name and cookie options `domain`, `maxidle`, `maxlife`, `attr` without their value; a `server` line without an address (outside `peers`); a `bind` line without an address; `source` without an address and its `usesrc`/`interface` without a value; `balance url_param` without a parameter, `balance hdr` without a header, `balance hash` without an expression; `hash-type` alone; `option mysql-check user`/`option pgsql-check` without a user, `option forwardfor`/`originalto` `header`/`except` without a value, `option http-restrict-req-hdr-names` without a mode; `log` without a target or facility; `filter spoe` without `config <file>`; `stats socket … level` without a level; `stick-table` without a type or size; `capture request|response header` and `capture cookie` without `len <n>`; `stats realm`, `stats uri`, `monitor-uri`, `unique-id-header`, `http-send-name-header`, `dynamic-cookie-key`, `description`, `retries`, `fullconn`, `errorfile`, `errorloc`, `http-error` without their value; an `acl` without a criterion; `stick on|match|store-*` without an expression; `http-check send` options (`meth`, `uri`, `ver`, `hdr <name> <value>`, `body`…) and `http-check expect`/`tcp-check expect` matches without their value, `tcp-check send` without data; and rule actions with too few arguments before their condition (`http-request set-header <name>` with no value, `redirect` without a type, `set-var(…)`, `set-src`, `capture`… without an expression, `replace-header`, `replace-uri`, `set-path`, `cache-use`, `use-service`, `wait-for-body`…). More words than an action takes are left to unquoted-value-spaces.",
    why: 'HAProxy refuses the configuration ("\'cookie\' expects <cookie_name> as argument", "\'server\' expects <name> and <addr>[:<port>] as arguments", "missing interface name"), so the proxy does not start.',
    bad: 'backend app\n    option forwardfor header\n    server app1 127.0.0.1:8000\n',
    good: 'backend app\n    option forwardfor header X-Client-IP\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: the missing value cannot be guessed.',
  },
});
