import type { Rule } from '../engine/types.js';

/** Reported by the engine while it reads suppression comments (src/engine/lint.ts). */
export const rule: Rule = {
  id: 'unknown-suppression-rule',
  description: 'A haproxy-lint-disable comment names a rule that does not exist',
  severity: 'warning',
  fixable: 'none',
  group: 'suppressions',
  docs: {
    what: 'Reports rule ids in suppression comments that no rule has.',
    why: 'A misspelt id suppresses nothing, so the finding it was meant to silence is still reported, or worse, the comment is believed to document an exception that is not there.',
    bad: 'backend app # haproxy-lint-disable-line unqouted-header-value\n',
    good: 'backend app # haproxy-lint-disable-line unquoted-header-value\n',
  },
};
