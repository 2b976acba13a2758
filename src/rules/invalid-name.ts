import type { Word } from '../parser/ast.js';
import type { Rule } from '../engine/types.js';
import { sourceOffset } from './shared/words.js';
import { addressInsteadOfName } from './shared/addresses.js';

/** invalid_char(): names may only hold letters, digits, `.`, `:`, `-` and `_` */
/** named sections whose names HAProxy 2.6.12 checks (proxies are checked by the parser: syntax-error; `cache` and `program` names are not checked) */
const CHECKED_SECTIONS = new Set(['userlist', 'peers', 'resolvers', 'ring', 'mailers', 'http-errors', 'fcgi-app', 'log-forward']);
const INVALID = /[^A-Za-z0-9.:_-]/;

export const rule: Rule = {
  id: 'invalid-name',
  description: 'An ACL, server, peer or section name with a character HAProxy does not permit in names',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports a name holding a character other than letters, digits, `.`, `:`, `-` and `_`: the name of an `acl`, of a `server` or `server-template`, of a `peer`, `mailer`, `nameserver` or userlist `group`, and of a `userlist`, `peers`, `resolvers`, `ring`, `mailers`, `http-errors`, `fcgi-app` or `log-forward` section (proxy names are checked by `syntax-error`). Names from environment variables are not judged.',
    why: 'HAProxy refuses the configuration ("character \'/\' is not permitted in acl name \'bad/name\'", "character \'/\' is not permitted in server name \'bk2/srv-1\'"): `/` separates backend and server in references, `!` negates an ACL, so such names could not be referred to.',
    bad: 'frontend www\n    bind :80\n    acl is/admin path_beg /admin\n    use_backend admin if is/admin\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    acl is_admin path_beg /admin\n    use_backend admin if is_admin\n    default_backend app\n',
    fixSafety: 'No automatic fix: every reference to the name would have to change with it.',
  },
  check({ file, report }) {
    const judge = (word: Word | undefined, what: string) => {
      if (!word || word.envRefs.length > 0 || word.value.includes('${') || word.value === '') return;
      const bad = INVALID.exec(word.value);
      if (!bad) return;
      const at = sourceOffset(word, bad.index);
      report({
        message: `character '${bad[0]}' is not permitted in ${what} name '${word.value}': HAProxy refuses it (names may only hold letters, digits, '.', ':', '-' and '_')`,
        start: at ?? word.start,
        end: at === undefined ? word.end : at + 1,
      });
    };
    for (const section of file.sections) {
      if (CHECKED_SECTIONS.has(section.kind)) judge(section.name, `'${section.kind}'`);
      for (const line of section.lines) {
        if (line.kind !== 'keyword' || line.modifier) continue;
        if (line.keyword === 'acl') judge(line.args[0], 'acl');
        else if ((line.keyword === 'server' || line.keyword === 'server-template') && !addressInsteadOfName(line)) judge(line.args[0], 'server');
        else if (line.keyword === 'peer' && section.kind === 'peers') judge(line.args[0], 'peer');
        else if ((line.keyword === 'mailer' && section.kind === 'mailers') || (line.keyword === 'nameserver' && section.kind === 'resolvers')) judge(line.args[0], line.keyword);
        else if (line.keyword === 'group' && section.kind === 'userlist') judge(line.args[0], "'group'");
      }
    }
  },
};
