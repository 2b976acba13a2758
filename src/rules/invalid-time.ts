import { valueRule } from './values/rule.js';

export const rule = valueRule('time', {
  id: 'invalid-time',
  description: 'A time value HAProxy cannot read, or a timer over its maximum (~24.8 days)',
  docs: {
    what: "Checks time arguments outside `timeout` keywords' syntax check (see wrong-argument-count): server options `inter`, `fastinter`, `downinter`, `agent-inter`, `slowstart`, `pool-purge-delay`, cookie `maxidle` and `maxlife`, `stick-table … expire`, `tcp-request`/`tcp-response inspect-delay`, `stats refresh`, `http-request set-timeout`, the bind option `tcp-ut`, global `hard-stop-after` and `stats timeout`: a number followed by an optional unit `us`, `ms`, `s`, `m`, `h` or `d` (case-sensitive). Also reports a timer over 2147483647 ms (~24.8 days) on these and on `timeout` keywords, as HAProxy's parse_time_err() does.",
    why: 'HAProxy refuses the configuration ("unexpected character \'x\' in \'inter\' argument", "timer overflow in argument \'25d\' to \'timeout connect\' (maximum value is 2147483647 ms or ~24.8 days)"), so the proxy does not start.',
    bad: 'backend app\n    server app1 127.0.0.1:8000 check inter 2x\n',
    good: 'backend app\n    server app1 127.0.0.1:8000 check inter 2s\n',
    fixSafety: 'No automatic fix: the unit or value meant cannot be known.',
  },
});
