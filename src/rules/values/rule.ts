import type { Rule, RuleDocs } from '../../engine/types.js';
import type { ProblemKind } from './problems.js';
import { problemsOfKind } from './collect.js';

/** A rule reporting one kind of value problem (see ./collect.ts). */
export function valueRule(kind: ProblemKind, meta: { id: string; description: string; fixable?: Rule['fixable']; docs: RuleDocs }): Rule {
  return {
    id: meta.id,
    description: meta.description,
    severity: 'error',
    fixable: meta.fixable ?? 'none',
    group: 'values',
    docs: meta.docs,
    check({ file, targetVersion, report }) {
      for (const p of problemsOfKind(file, targetVersion, kind)) report({ message: p.message, start: p.start, end: p.end, fix: p.fix });
    },
  };
}
