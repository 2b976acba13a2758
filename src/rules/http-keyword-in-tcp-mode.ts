import type { Line } from '../parser/ast.js';
import type { Rule } from '../engine/types.js';
import { configModel, effectiveMode, proxyLabel } from './model/config-model.js';

/** What HAProxy says when it ignores an HTTP-only keyword in a TCP proxy, by keyword (or keyword head). */
function httpOnly(line: Line): string | undefined {
  const kw = line.keyword;
  if (kw === 'http-request' || kw === 'http-response' || kw === 'http-after-response' || kw === 'redirect') return `'${kw}' rules ignored … as they require HTTP mode`;
  if (kw === 'capture cookie') return "'capture' statement ignored … as it requires HTTP mode";
  if (kw === 'option httplog') return "'option httplog' not usable … (needs 'mode http'). Falling back to 'option tcplog'";
  if (kw === 'option forwardfor') return "'option forwardfor' ignored … as it requires HTTP mode";
  if (kw === 'cookie') return "cookie will be ignored … (needs 'mode http')";
  if (kw.startsWith('stats ') && kw !== 'stats socket' && kw !== 'stats timeout' && kw !== 'stats maxconn' && kw !== 'stats bind-process') return "'stats' statement ignored … as it requires HTTP mode";
  if (kw === 'balance' && /^(?:uri|url_param|hdr\(.*\))$/.test(line.args[0]?.value ?? '')) return "Layer 7 hash not possible … (needs 'mode http'). Falling back to round robin";
  return undefined;
}

export const rule: Rule = {
  id: 'http-keyword-in-tcp-mode',
  description: 'An HTTP-only keyword in a frontend, backend or listen section that runs in TCP mode, where HAProxy ignores it',
  severity: 'warning',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports, in a proxy whose mode is `tcp` (its own `mode`, else its defaults section\'s, else HAProxy\'s default), the keywords that only work on HTTP: `http-request`, `http-response`, `http-after-response` and `redirect` rules, `capture cookie`, `option httplog`, `option forwardfor`, `cookie`, `stats` settings, `balance uri|url_param|hdr(…)`. Proxies whose mode comes from `.if` blocks or the environment are not judged.',
    why: 'HAProxy accepts the configuration but ignores these keywords with a warning ("\'http-request\' rules ignored for proxy \'db\' as they require HTTP mode"), so the headers are not set, the requests not denied, the logs not in HTTP format. Either the proxy was meant to be in `mode http` (often the mode is only set in the frontend) or the lines are leftovers.',
    bad: 'defaults\n    mode tcp\n\nfrontend www\n    bind :80\n    http-request set-header X-Forwarded-Proto https\n    default_backend app\n',
    good: 'defaults\n    mode http\n\nfrontend www\n    bind :80\n    http-request set-header X-Forwarded-Proto https\n    default_backend app\n',
    fixSafety: 'No automatic fix: whether the proxy should run in HTTP mode or the lines should go cannot be known.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      if (proxy.kind === 'defaults') continue;
      const { mode, uncertain } = effectiveMode(model, proxy);
      if (uncertain || mode !== 'tcp') continue;
      for (const line of proxy.lines) {
        if (line.modifier || line.condDepth > 0) continue;
        const says = httpOnly(line);
        if (!says) continue;
        report({
          message: `'${line.keyword}' only works in mode http, but ${proxyLabel(proxy)} runs in mode tcp${model.effective(proxy, 'mode').value ? '' : ' (no mode set: tcp is the default)'}: HAProxy ignores it with a warning ("${says}"); set \`mode http\` or remove the line`,
          start: line.words[0]!.start,
          end: line.words[line.keywordWordCount - 1]!.end,
        });
      }
    }
  },
};
