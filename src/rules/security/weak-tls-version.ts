import type { Rule } from '../../engine/types.js';
import type { Word } from '../../parser/ast.js';
import { defaultMinTlsVersion, hasOption, optionValue, tlsOptionLines, WEAK_TLS_VERSIONS } from '../shared/tls-options.js';

const FORCED_WEAK = new Map([['force-sslv3', 'SSLv3'], ['force-tlsv10', 'TLS 1.0'], ['force-tlsv11', 'TLS 1.1']]);

export const rule: Rule = {
  id: 'weak-tls-version',
  description: 'A bind, server or ssl-default-*-options line explicitly allows SSLv3, TLS 1.0 or TLS 1.1',
  severity: 'warning',
  fixable: 'unsafe',
  group: 'security',
  securitySeverity: 7.4,
  docs: {
    what: 'Reports explicit TLS downgrades on `bind`, `server`, `default-server`, `server-template` lines and in the global `ssl-default-bind-options` / `ssl-default-server-options`: `ssl-min-ver SSLv3|TLSv1.0|TLSv1.1`, `ssl-max-ver` below TLSv1.2, `force-sslv3`, `force-tlsv10`, `force-tlsv11`, and `no-tlsv12` together with `no-tlsv13` on servers (which have no minimum of HAProxy\'s own, so only the old protocols remain; on a `bind`, whose minimum is TLSv1.2, nothing remains and HAProxy refuses to start, which is not a downgrade). It judges against the defaults of the target version and never asks for what the version already does: since HAProxy 2.2 (so for every supported target) `bind` lines default to `ssl-min-ver TLSv1.2`, so a missing `ssl-min-ver` is not reported. `no-tlsv1x` words next to `ssl-min-ver`/`ssl-max-ver` are ignored by HAProxy and not judged.',
    why: 'SSLv3 (POODLE), TLS 1.0 and TLS 1.1 (BEAST, weak MAC and handshake hashes) are deprecated by RFC 8996 and dropped by every browser. Allowing them lets an active attacker between client and HAProxy (or HAProxy and a server) force a downgrade to a protocol it can break, and fails PCI DSS. Mozilla\'s server-side TLS guidelines (intermediate and modern profiles) accept only TLS 1.2 and 1.3. References: https://wiki.mozilla.org/Security/Server_Side_TLS, RFC 8996, HAProxy configuration manual §5.1 "ssl-min-ver" and §3.1 "ssl-default-bind-options".',
    bad: 'global\n    ssl-default-bind-options ssl-min-ver TLSv1.0\n\nbackend app\n    server app1 10.0.0.5:443 ssl verify required ca-file /etc/ssl/certs/ca.pem force-tlsv10\n',
    good: 'global\n    ssl-default-bind-options ssl-min-ver TLSv1.2\n\nbackend app\n    server app1 10.0.0.5:443 ssl verify required ca-file /etc/ssl/certs/ca.pem\n',
    fixSafety: 'Unsafe (applied only with --unsafe-fixes): raises `ssl-min-ver` to TLSv1.2, replaces `force-sslv3`/`force-tlsv10`/`force-tlsv11` with `ssl-min-ver TLSv1.2` (or drops them when the line sets `ssl-min-ver`), and drops a `ssl-max-ver` below TLSv1.2. Clients (or servers) that only speak the old protocols can no longer connect: check the logs for them first. `no-tlsv12 no-tlsv13` has no fix (which protocol was meant is unknown).',
  },
  check({ file, report, targetVersion }) {
    for (const { side, options } of tlsOptionLines(file.sections)) {
      const where = side === 'bind' ? 'clients' : 'servers';
      const minVer = optionValue(options, 'ssl-min-ver');
      if (minVer && WEAK_TLS_VERSIONS.has(minVer.value.value)) {
        report({
          message: `\`ssl-min-ver ${minVer.value.value}\` lets ${where} negotiate ${minVer.value.value}, which is broken or deprecated (RFC 8996); the minimum should be TLSv1.2`,
          start: minVer.name.start, end: minVer.value.end,
          fix: { description: 'raise ssl-min-ver to TLSv1.2', applicability: 'unsafe', edits: [{ start: minVer.value.start, end: minVer.value.end, text: 'TLSv1.2' }] },
        });
      }
      const maxVer = optionValue(options, 'ssl-max-ver');
      if (maxVer && WEAK_TLS_VERSIONS.has(maxVer.value.value)) {
        report({
          message: `\`ssl-max-ver ${maxVer.value.value}\` caps ${side === 'bind' ? 'this listener' : 'server connections'} below TLS 1.2, so only broken or deprecated protocols remain`,
          start: maxVer.name.start, end: maxVer.value.end,
          fix: options.length === 2 && !minVer
            ? { description: 'allow TLS 1.2 and newer only', applicability: 'unsafe', edits: [{ start: maxVer.name.start, end: maxVer.value.end, text: 'ssl-min-ver TLSv1.2' }] }
            : { description: 'drop the ssl-max-ver below TLSv1.2', applicability: 'unsafe', edits: [removeWords(file.text, maxVer.name, maxVer.value)] },
        });
      }
      for (const word of options) {
        const forced = FORCED_WEAK.get(word.value);
        if (!forced) continue;
        report({
          message: `\`${word.value}\` makes ${side === 'bind' ? 'this listener' : 'server connections'} use ${forced} only, which is broken or deprecated (RFC 8996)`,
          start: word.start, end: word.end,
          fix: minVer
            ? { description: `drop ${word.value}`, applicability: 'unsafe', edits: [removeWords(file.text, word, word)] }
            : { description: `replace ${word.value} with ssl-min-ver TLSv1.2`, applicability: 'unsafe', edits: [{ start: word.start, end: word.end, text: 'ssl-min-ver TLSv1.2' }] },
        });
      }
      // with the version's default minimum at TLS 1.2 nothing is left, and HAProxy refuses to start: no downgrade
      const defaultMin = defaultMinTlsVersion(side, targetVersion);
      if (!minVer && !maxVer && (defaultMin === undefined || WEAK_TLS_VERSIONS.has(defaultMin))) {
        const no12 = hasOption(options, 'no-tlsv12');
        const no13 = hasOption(options, 'no-tlsv13');
        if (no12 && no13) {
          const last = no12.start > no13.start ? no12 : no13;
          report({
            message: `\`no-tlsv12\` with \`no-tlsv13\` leaves ${where} only protocols older than TLS 1.2 (or none at all)`,
            start: last.start, end: last.end,
          });
        }
      }
    }
  },
};

/** An edit removing the words from `first` to `last` and the blanks before them. */
function removeWords(text: string, first: Word, last: Word): { start: number; end: number; text: string } {
  let start = first.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: last.end, text: '' };
}
