import type { Rule } from '../engine/types.js';
import { classify } from './keywords/classify.js';

export const rule: Rule = {
  id: 'keyword-wrong-section',
  description: 'A known keyword used in a section where HAProxy refuses or ignores it',
  severity: 'error',
  fixable: 'none',
  group: 'keywords',
  docs: {
    what:
      "Reports a keyword HAProxy knows, used in a section that does not accept it, and says where it belongs: `bind` in a backend, `server` in a frontend, `timeout connect` in global, `http-request` or `acl` in an anonymous `defaults` section, `nameserver` outside a `resolvers` section. Placements HAProxy refuses are errors; placements it only ignores with a warning (`fullconn` in a frontend, `maxconn` or `option httplog` in a backend, `timeout client` in a backend) are warnings.",
    why: 'A refused placement stops HAProxy from starting; an ignored one silently does nothing, so the setting the author relied on (a connection limit, a log format, a timeout) is not in effect.',
    bad: 'frontend www\n    bind :80\n    fullconn 1000\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    maxconn 1000\n    default_backend app\n',
    fixSafety: 'No automatic fix: moving a line to another section changes which proxies it applies to.',
  },
  check({ file, targetVersion, report }) {
    for (const v of classify(file, targetVersion)) {
      if (v.kind !== 'wrong-section') continue;
      const words = v.line.words;
      const start = words[0]!.start;
      const end = words[v.line.keywordWordCount - 1]!.end;
      report({ message: v.message, start, end, severity: v.fatal ? 'error' : 'warning' });
    }
  },
};
