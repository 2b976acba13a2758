import type { Rule } from '../../engine/types.js';
import { configModel, proxyLabel } from '../model/config-model.js';
import { edgeHttpProxies, inheritanceChain } from '../shared/exposure.js';

const BODY_FETCH = /\breq\.body_(?:size|len)\b/;

export const rule: Rule = {
  id: 'missing-request-body-limit',
  description: 'An HTTP frontend never checks the request body size (`req.body_size`), e.g. with `option http-buffer-request`',
  severity: 'info',
  fixable: 'none',
  group: 'security',
  recommended: false,
  securitySeverity: 3.7,
  docs: {
    what: 'Reports a frontend or listen section in HTTP mode with a `bind` reachable from the network when no line of the file uses `req.body_size` or `req.body_len` (as in `http-request deny deny_status 413 if { req.body_size gt 10m }`). The message says so when the proxy also buffers request bodies (`option http-buffer-request`). Opt-in and informational: the application server usually enforces its own limit.',
    why: 'Without a limit, anyone can send gigabyte uploads that the backends have to read, store and parse, a cheap denial of service; with `option http-buffer-request` HAProxy also holds each body in a buffer while it waits. Rejecting oversized bodies at the edge keeps them off the application. References: HAProxy configuration manual §7.3.6 "req.body_size" and §4.2 "option http-buffer-request"; OWASP Denial of Service Cheat Sheet ("limit request size").',
    bad: 'frontend www\n    bind :80\n    mode http\n    option http-buffer-request\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    mode http\n    option http-buffer-request\n    http-request deny deny_status 413 if { req.body_size gt 10485760 }\n    default_backend app\n',
    fixSafety: 'No automatic fix: the right limit depends on what the application accepts (uploads).',
  },
  check({ file, report }) {
    if (file.lines.some((l) => l.kind === 'keyword' && l.args.some((w) => BODY_FETCH.test(w.value)))) return;
    for (const { proxy } of edgeHttpProxies(configModel(file), true)) {
      const buffering = inheritanceChain(proxy).some((p) => p.lines.some((l) => l.keyword === 'option http-buffer-request' && !l.modifier));
      const at = proxy.section.name ?? proxy.section.header.words[0]!;
      report({
        message: `${proxyLabel(proxy)} ${buffering ? 'buffers request bodies (`option http-buffer-request`) but never limits their size' : 'never limits the request body size'}: add \`http-request deny deny_status 413 if { req.body_size gt <limit> }\` unless the application enforces one`,
        start: at.start, end: at.end,
      });
    }
  },
};
