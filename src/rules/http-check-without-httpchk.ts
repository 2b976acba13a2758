import type { Rule } from '../engine/types.js';
import type { Line } from '../parser/ast.js';
import { configModel, proxyLabel, type Proxy } from './model/config-model.js';
import { checkSections, fileEol, indentOf } from './http-check/syntax.js';

/** the options choosing a proxy's health-check type: the last one (own lines, else inherited) wins */
const CHECK_TYPES = new Set([
  'option httpchk', 'option tcp-check', 'option ssl-hello-chk', 'option smtpchk', 'option pgsql-check', 'option redis-check',
  'option mysql-check', 'option ldap-check', 'option spop-check', 'option external-check',
]);

/** The check type option in effect for a proxy; `uncertain` when one sits in an `.if` block, has a modifier, or the defaults are unknown. */
function checkType(proxy: Proxy): { line: Line | undefined; uncertain: boolean } {
  for (let p: Proxy | undefined = proxy; p; p = p.defaults) {
    if (p.defaultsUnresolved) return { line: undefined, uncertain: true };
    const own = p.lines.filter((l) => l.kind === 'keyword' && CHECK_TYPES.has(l.keyword));
    if (own.some((l) => l.condDepth > 0)) return { line: undefined, uncertain: true };
    const last = own[own.length - 1];
    // `no option httpchk`, `default option …`: rare, and what they leave is not worth guessing
    if (last) return { line: last, uncertain: last.modifier !== undefined };
  }
  return { line: undefined, uncertain: false };
}

export const rule: Rule = {
  id: 'http-check-without-httpchk',
  description: 'A backend has http-check rules but its health checks are not HTTP checks (no option httpchk), so HAProxy ignores the rules',
  severity: 'warning',
  fixable: 'unsafe',
  group: 'healthcheck',
  docs: {
    what: "Reports the first `http-check` rule (`send`, `expect`, `connect`, `comment`, `set-var`, `unset-var`) of a backend or listen section whose check type, its own or inherited from its defaults section, is not `option httpchk`: none at all, or another one (`option tcp-check`, `option ssl-hello-chk`, …) written after it.",
    why: "HAProxy warns \"backend 'app' uses http-check rules without 'option httpchk', so the rules are ignored\": the servers are checked with a plain TCP connection (or the other check type), so a server answering 500 or the wrong page still counts as up.",
    bad: 'backend app\n    http-check expect status 200\n    server app1 127.0.0.1:8000 check\n',
    good: 'backend app\n    option httpchk\n    http-check expect status 200\n    server app1 127.0.0.1:8000 check\n',
    fixSafety: 'Unsafe: inserting `option httpchk` (where no other check type is chosen) makes the rules apply, which is what they were written for, but servers that answered a TCP connect may now fail their check. Not offered when another check type is chosen.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const lines of checkSections(file)) {
      const first = lines.rules[0];
      const proxy = model.proxyOf(lines.section);
      if (!first || !proxy || !proxy.isBackend || proxy.kind === 'defaults' || proxy.disabled) continue;
      if (lines.section.header.condDepth > 0) continue;
      const type = checkType(proxy);
      if (type.uncertain || type.line?.keyword === 'option httpchk') continue;
      const other = type.line ? ` (\`${type.line.keyword}\` on line ${type.line.line} chooses another check type)` : '';
      const indent = indentOf(file, first);
      report({
        message: `${proxyLabel(proxy)} has http-check rules but no \`option httpchk\`${other}: HAProxy ignores the rules ("uses http-check rules without 'option httpchk', so the rules are ignored")`,
        start: first.words[0]!.start,
        end: first.words[first.keywordWordCount - 1]!.end,
        fix: type.line
          ? undefined
          : { description: "insert 'option httpchk' before the first http-check rule", applicability: 'unsafe', edits: [{ start: first.start, end: first.start, text: `${indent}option httpchk${fileEol(file)}` }] },
      });
    }
  },
};
