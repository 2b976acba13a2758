import type { Rule } from '../engine/types.js';
import { checkOptions } from './keywords/options.js';

export const rule: Rule = {
  id: 'unknown-server-option',
  description: 'An unknown, misplaced or incomplete option on a server, default-server or server-template line',
  severity: 'error',
  fixable: 'unsafe',
  group: 'keywords',
  docs: {
    what:
      "Walks the options of `server <name> <addr> [options]`, `default-server [options]` and `server-template <prefix> <num> <fqdn> [options]` lines (also in `peers` and `ring` sections) and reports an option no HAProxy version knows (with \"did you mean\"), a `bind` option used on a server line, an option newer than the target version, and an option that takes a value given none (`check inter` at the end of the line).",
    why: 'HAProxy refuses the whole configuration on an unknown server option ("unknown keyword \'x\'"), and an option missing its value either fails the same way or silently swallows the next option as its value.',
    bad: 'backend app\n    server app1 127.0.0.1:8000 check inetr 2s\n',
    good: 'backend app\n    server app1 127.0.0.1:8000 check inter 2s\n',
    fixSafety: 'Unsafe: when one known option is closer than all others, the fix replaces the word with it (only with --unsafe-fixes).',
  },
  check(ctx) {
    checkOptions('server', ctx);
  },
};
