import type { Rule } from '../engine/types.js';

/** Reported by the engine after every other rule ran (src/engine/lint.ts). */
export const rule: Rule = {
  id: 'unused-suppression',
  description: 'A haproxy-lint-disable comment that suppresses nothing',
  severity: 'warning',
  fixable: 'none',
  group: 'suppressions',
  docs: {
    what: 'Reports `# haproxy-lint-disable…` comments whose rules found nothing to suppress where the comment applies.',
    why: 'A stale suppression hides the next real problem of that kind on the same line; removing it keeps the config honest.',
    bad: 'backend app\n    # haproxy-lint-disable-next-line missing-final-newline\n    server app1 127.0.0.1:8000\n',
    good: 'backend app\n    server app1 127.0.0.1:8000\n',
  },
};
