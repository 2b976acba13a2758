import { valueRule } from './values/rule.js';

export const rule = valueRule('extra', {
  id: 'unexpected-argument',
  description: 'An argument given to a keyword that takes none or fewer (daemon yes, peers p1 extra, option tcpka on)',
  docs: {
    what: "Reports arguments after keywords that take none: global flags (`daemon`, `quiet`, `noepoll`, `nosplice`, `busy-polling`, `strict-limits`, `insecure-fork-wanted`…; `set-dumpable` before 3.3, `external-check` before 2.9), `disabled`, `enabled`, `http-check disable-on-404`, `http-check send-state`, boolean `option`s (`option tcpka`, `option http-server-close`, `option redis-check`…, `option tcplog` before 3.1), and after the last argument of `option mysql-check`, `option pgsql-check`, `option httplog clf`, `log`, `log global`, `master-worker` and `capture … len <n>`; also a second word after the name of a `peers`, `userlist`, `cache` or `program` section.",
    why: 'HAProxy refuses the configuration ("\'daemon\' cannot handle unexpected argument \'yes\'", "\'peers\' cannot handle unexpected argument \'extra\'"), so the proxy does not start. `daemon no` does not turn anything off: the keyword itself is the setting.',
    bad: 'global\n    daemon yes\n',
    good: 'global\n    daemon\n',
    fixSafety: 'No automatic fix: `daemon no` or `option tcpka off` mean the opposite of what removing the word gives.',
  },
});
