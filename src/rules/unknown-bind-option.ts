import type { Rule } from '../engine/types.js';
import { checkOptions } from './keywords/options.js';

export const rule: Rule = {
  id: 'unknown-bind-option',
  description: 'An unknown, misplaced or incomplete option on a bind line',
  severity: 'error',
  fixable: 'unsafe',
  group: 'keywords',
  docs: {
    what:
      "Walks the options of `bind <addr>[,<addr>…] [options]` lines (and `default-bind` in `peers` sections) and reports an option no HAProxy version knows (with \"did you mean\"), a server option used on a bind line, an option newer than the target version, and an option that takes a value given none (`crt` at the end of the line). SSL and QUIC options count as known even though only some builds accept them. Also `process` on `stats socket` lines (a warning at 2.6, refused from 2.7), the `qmux` protocol of `proto` (3.4), and `load` options of `crt-store` sections newer than the target (`jwt`, 3.3).",
    why: 'HAProxy refuses the whole configuration on an unknown bind option ("\'bind :443\' in section \'frontend\': unknown keyword \'x\'"), so nothing listens after the next reload.',
    bad: 'frontend www\n    bind :443 ssl crt /etc/haproxy/site.pem alpm h2,http/1.1\n',
    good: 'frontend www\n    bind :443 ssl crt /etc/haproxy/site.pem alpn h2,http/1.1\n',
    fixSafety: 'Unsafe: when one known option is closer than all others, the fix replaces the word with it (only with --unsafe-fixes).',
  },
  check(ctx) {
    checkOptions('bind', ctx);
  },
};
