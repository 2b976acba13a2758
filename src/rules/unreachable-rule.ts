import type { Line } from '../parser/ast.js';
import type { Rule } from '../engine/types.js';
import { conditionIndex } from './model/conditions.js';
import { configModel } from './model/config-model.js';

/**
 * A condition as HAProxy evaluates it: OR of branches, each an AND of terms (`acl`, `!acl`,
 * `{ anonymous acl }`); undefined when it cannot be read that way (`unless` over several terms).
 */
type Condition = string[][];

function readCondition(line: Line): Condition | undefined {
  const cond = conditionIndex(line);
  if (cond === undefined) return [[]]; // no condition: always true
  const words = line.args.slice(cond + 1).map((w) => w.value);
  const branches: Condition = [[]];
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    if (word === '||' || word.toLowerCase() === 'or') {
      branches.push([]);
      continue;
    }
    if (word === '{' || word === '!{') {
      const close = words.indexOf('}', i);
      if (close < 0) return undefined;
      word = `${word === '!{' ? '!' : ''}{ ${words.slice(i + 1, close).join(' ')} }`;
      i = close;
    } else if (/^!+\{$/.test(word)) return undefined;
    branches[branches.length - 1]!.push(word);
  }
  if (branches.some((b) => b.length === 0) && branches.length > 1) return undefined;
  if (line.args[cond]!.value === 'unless') {
    if (branches.length !== 1 || branches[0]!.length !== 1) return undefined;
    const term = branches[0]![0]!;
    return [[term.startsWith('!') ? term.slice(1) : `!${term}`]];
  }
  return branches;
}

/** Whether `earlier` holds whenever `later` does: each branch of `later` contains all terms of some branch of `earlier`. */
function covers(earlier: Condition, later: Condition): boolean {
  return later.every((b) => earlier.some((a) => a.every((term) => b.includes(term))));
}

/** Rule keywords whose first matching line ends the evaluation, so a later line the earlier one covers never runs. */
const FIRST_MATCH = new Set(['use_backend', 'use-server']);
/** Rules whose exact repetition does nothing more */
const REPEATABLE_HEADS = /^(?:use_backend|use-server|block|redirect|http-request|http-response|tcp-request|tcp-response)\b/;
const RULE_SET = /^(?:http|tcp)-(?:request|response)/;
const FINAL_ACTIONS = /^(?:deny|reject|allow|tarpit|redirect|return|auth|accept|silent-drop|use-service)$/;

function describe(line: Line): string {
  return line.words.map((w) => w.raw).join(' ');
}

export const rule: Rule = {
  id: 'unreachable-rule',
  description: 'A use_backend/use-server rule an earlier rule with the same or a weaker condition always takes first, or a rule repeated word for word',
  severity: 'warning',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'In each frontend, backend or listen section, compares the `use_backend` (and `use-server`) rules in order: when an earlier rule matches whenever a later one would (no condition, the same condition, or a condition made of a subset of the later one\'s ACLs: `if h_test` before `if h_test h_some`, also across `or` branches), the later rule is reported as unreachable, and the earlier one gets an info finding saying what it shadows. A rule repeated word for word (`use_backend`, `redirect`, `block`, and `http-request`/`http-response`/`tcp-request`/`tcp-response` rules with a final action such as `deny`) is reported as a duplicate. Rules inside `.if` blocks and conditions written with `unless` over several ACLs are not judged.',
    why: 'HAProxy uses the first `use_backend` whose condition matches: a later rule whose condition implies an earlier one never routes anything, which usually means the order is wrong (the specific rule must come before the general one). A duplicate rule is dead text, often a merge leftover.',
    bad: 'frontend www\n    bind :80\n    acl is_api path_beg /api\n    acl is_v2 path_beg /api/v2\n    use_backend api if is_api\n    use_backend api_v2 if is_api is_v2\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    acl is_api path_beg /api\n    acl is_v2 path_beg /api/v2\n    use_backend api_v2 if is_api is_v2\n    use_backend api if is_api\n    default_backend app\n',
    fixSafety: 'No automatic fix: the intended order cannot be known.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      // duplicates; and the first-match rules by keyword, for the second check
      const seen = new Map<string, Line>();
      let firstMatch: Map<string, Line[]> | undefined;
      for (const line of proxy.lines) {
        if (line.condDepth !== 0 || line.modifier) continue;
        if (FIRST_MATCH.has(line.keyword)) {
          firstMatch ??= new Map();
          const group = firstMatch.get(line.keyword);
          if (group) group.push(line);
          else firstMatch.set(line.keyword, [line]);
        }
        if (!REPEATABLE_HEADS.test(line.keyword)) continue;
        const args = line.args;
        if (RULE_SET.test(line.keyword) && !(args.length > 0 && FINAL_ACTIONS.test(args[0]!.value)) && !(args.length > 1 && FINAL_ACTIONS.test(args[1]!.value))) continue;
        let key = line.keyword;
        for (const word of args) key += '\0' + word.value;
        const first = seen.get(key);
        if (first) {
          report({ message: `this rule repeats line ${first.line} word for word ('${describe(first)}'): it can never do anything more; remove it`, start: line.words[0]!.start, end: line.words[line.words.length - 1]!.end });
        } else seen.set(key, line);
      }
      // first-match rules covered by an earlier one
      if (!firstMatch) continue;
      for (const keyword of FIRST_MATCH) {
        const group = firstMatch.get(keyword);
        if (!group || group.length < 2) continue;
        const rules = group.map((line) => ({ line, cond: readCondition(line), key: line.args.map((w) => w.value).join('\0') }));
        for (let j = 1; j < rules.length; j++) {
          const later = rules[j]!;
          if (!later.cond) continue;
          let earlier: (typeof rules)[number] | undefined;
          for (let i = 0; i < j && !earlier; i++) {
            const r = rules[i]!;
            if (r.cond && covers(r.cond, later.cond) && r.key !== later.key) earlier = r;
          }
          if (!earlier) continue;
          const at = later.line.words;
          report({
            message: `unreachable: '${describe(earlier.line)}' on line ${earlier.line.line} matches whenever this rule would, and ${keyword} takes the first match; move this rule before it or narrow the earlier condition`,
            start: at[0]!.start,
            end: at[at.length - 1]!.end,
          });
          report({
            severity: 'info',
            message: `this rule shadows '${describe(later.line)}' on line ${later.line.line}: its condition matches whenever that one would, so that rule never applies`,
            start: earlier.line.words[0]!.start,
            end: earlier.line.words[earlier.line.words.length - 1]!.end,
          });
        }
      }
    }
  },
};
