import type { Rule } from '../engine/types.js';
import { configModel, proxyLabel } from './model/config-model.js';

export const rule: Rule = {
  id: 'frontend-without-bind',
  description: 'A frontend or listen section has no bind line, so it accepts no connection',
  severity: 'warning',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports a `frontend` or `listen` section without any `bind` line (one inside an `.if` block counts), also when the address is written on the section line (`frontend www *:80`, a form HAProxy no longer reads: "please use the \'bind\' keyword for listening addresses"). Disabled sections (`disabled`) are not reported.',
    why: 'Such a section never receives a connection; HAProxy warns "frontend \'www\' has no \'bind\' directive. Please declare it as a backend if this was intended." A `listen` section used only to hold servers is better written as a `backend`; a frontend usually lost its `bind` line in an edit.',
    bad: 'frontend www\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    good: 'frontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: the address to listen on cannot be known.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      if (!proxy.isFrontend || proxy.disabled || proxy.section.header.condDepth > 0) continue;
      if (proxy.lines.some((line) => line.keyword === 'bind')) continue;
      const header = proxy.section.header;
      const at = proxy.section.name ?? header.words[0]!;
      report({
        message: `${proxyLabel(proxy)} has no 'bind' line, so it accepts no connection: HAProxy warns ("has no 'bind' directive. Please declare it as a backend if this was intended")`,
        start: header.words[0]!.start,
        end: at.end,
      });
    }
  },
};
