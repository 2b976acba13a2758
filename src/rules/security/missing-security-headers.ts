import type { Rule } from '../../engine/types.js';
import { configModel, proxyLabel } from '../model/config-model.js';
import { fixAfterLastBind, edgeHttpProxies, responseHeadersSet } from '../shared/exposure.js';

const NOSNIFF = 'http-response set-header X-Content-Type-Options nosniff';

export const rule: Rule = {
  id: 'missing-security-headers',
  description: 'An HTTP frontend sends neither X-Content-Type-Options nor a framing policy (X-Frame-Options / CSP frame-ancestors)',
  severity: 'info',
  fixable: 'unsafe',
  group: 'security',
  recommended: false,
  securitySeverity: 3.1,
  docs: {
    what: 'Reports a frontend or listen section in HTTP mode with a `bind` reachable from the network when no `http-response`/`http-after-response` rule in the file sets `X-Content-Type-Options`, or none sets `X-Frame-Options` or a `Content-Security-Policy` with `frame-ancestors`. One finding per proxy names what is missing. Opt-in and informational: the application may set these headers.',
    why: '`X-Content-Type-Options: nosniff` stops browsers from guessing a response\'s type, so an uploaded text file cannot run as a script (MIME confusion XSS). A framing policy stops other sites from loading your pages in an invisible frame and tricking users into clicks (clickjacking). References: OWASP HTTP Security Response Headers Cheat Sheet, OWASP Secure Headers Project, HAProxy configuration manual §4.2 "http-response set-header".',
    bad: 'frontend www\n    bind :80\n    mode http\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    mode http\n    http-response set-header X-Content-Type-Options nosniff\n    http-response set-header X-Frame-Options SAMEORIGIN\n    default_backend app\n',
    fixSafety: `Unsafe (applied only with --unsafe-fixes): adds \`${NOSNIFF}\` after the last bind, which overrides what the application sends; responses served with a wrong Content-Type then stop working as scripts or styles. The framing policy has no fix: DENY, SAMEORIGIN or a CSP depends on the site.`,
  },
  check({ file, report }) {
    const headers = responseHeadersSet(file);
    const nosniff = headers.has('x-content-type-options');
    const framing = headers.has('x-frame-options')
      || (headers.get('content-security-policy') ?? []).some((l) => l.args.slice(2).some((w) => w.value.includes('frame-ancestors')));
    if (nosniff && framing) return;
    const missing = [...(nosniff ? [] : ['X-Content-Type-Options']), ...(framing ? [] : ['X-Frame-Options (or CSP frame-ancestors)'])];
    for (const { proxy } of edgeHttpProxies(configModel(file), true)) {
      const at = proxy.section.name ?? proxy.section.header.words[0]!;
      report({
        message: `${proxyLabel(proxy)} does not set ${missing.join(' nor ')}: browsers may run mistyped content (MIME sniffing) or let other sites frame the pages (clickjacking) unless the application sets ${missing.length > 1 ? 'them' : 'it'}`,
        start: at.start, end: at.end,
        ...(nosniff ? {} : { fix: fixAfterLastBind(file.text, proxy, NOSNIFF, 'send X-Content-Type-Options: nosniff', 'unsafe') }),
      });
    }
  },
};
