import type { Line, Section } from '../parser/ast.js';
import type { Rule } from '../engine/types.js';
import { conditionIndex } from './model/conditions.js';
import { keywordLines, PROXY_KINDS } from './shared/proxies.js';

/** Headers a backend trusts to learn who the client is and how it connected, by what they carry. */
const FORWARDING_HEADERS = new Map<string, string>([
  ['x-forwarded-for', 'client address'],
  ['x-real-ip', 'client address'],
  ['x-client-ip', 'client address'],
  ['forwarded', 'client address and scheme'],
  ['x-forwarded-proto', 'scheme'],
  ['x-forwarded-scheme', 'scheme'],
  ['x-forwarded-ssl', 'scheme'],
  ['x-forwarded-host', 'host'],
  ['x-forwarded-port', 'port'],
]);

export const rule: Rule = {
  id: 'spoofable-forwarding-header',
  description: 'A forwarding header (X-Forwarded-For, X-Forwarded-Proto, X-Real-IP…) is added next to the one the client sent, so the backend may trust a spoofed value',
  severity: 'warning',
  fixable: 'unsafe',
  group: 'security',
  docs: {
    what: 'Reports `http-request add-header` of a forwarding header (`X-Forwarded-For`, `X-Forwarded-Proto`, `X-Forwarded-Host`, `X-Forwarded-Port`, `X-Real-IP`, `X-Client-IP`, `X-Forwarded-Scheme`, `X-Forwarded-Ssl`, `Forwarded`; names compared case-insensitively), and `option forwardfor … if-none`. Stays quiet when the same header is removed or set first (`http-request del-header`/`set-header` earlier in the section, or in any frontend, listen or defaults section), and when the `add-header` only applies `if` a `src` condition (traffic from a known proxy that legitimately sends the header).',
    why: '`add-header` appends a header and keeps every copy the client already sent, so the backend receives `X-Forwarded-Proto: https` from the client followed by HAProxy\'s `X-Forwarded-Proto: http`. Most frameworks read the first copy (or join the copies and take the first item): Django\'s SECURE_PROXY_SSL_HEADER, REMOTE_ADDR middlewares, rate limiters and audit logs then believe whatever the client wrote. `option forwardfor if-none` is worse: HAProxy adds nothing when the client already sent X-Forwarded-For, so the only value the backend sees is the client\'s own; the manual says it "should only be used in perfectly trusted environment".',
    bad: 'frontend www\n    bind :80\n    option forwardfor if-none\n    http-request add-header X-Forwarded-Proto http\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    option forwardfor\n    http-request set-header X-Forwarded-Proto http\n    default_backend app\n',
    fixSafety: 'Unsafe (applied only with --unsafe-fixes): replaces `add-header` with `set-header`, which removes what the client sent, and drops `if-none`. Both change what the backend sees; when HAProxy sits behind another proxy (a CDN, a TLS terminator) whose headers must be kept, restrict the add-header with `if { src <proxy network> }` instead, or use `option forwardfor except <network>`. Plain `option forwardfor` is not reported: it also keeps the client\'s copy, but documents that the backend must read the last one.',
  },
  check({ file, report }) {
    for (const section of file.sections) {
      if (!PROXY_KINDS.has(section.kind)) continue;
      const lines = keywordLines(section);
      lines.forEach((line, index) => {
        if (line.keyword === 'http-request' && line.args[0]?.value === 'add-header') {
          const name = line.args[1];
          if (!name || name.envRefs.length > 0) return;
          const carries = FORWARDING_HEADERS.get(name.value.toLowerCase());
          if (!carries) return;
          if (trustedSourceOnly(line, section) || replacedBefore(file.sections, section, lines.slice(0, index), name.value.toLowerCase())) return;
          const action = line.args[0];
          report({
            message: `\`http-request add-header ${name.value}\` keeps any ${name.value} the client sent, ahead of HAProxy's: an application reading the first value trusts a spoofed ${carries}; use \`set-header\`, which replaces it`,
            start: action.start,
            end: name.end,
            fix: {
              description: `replace the client's ${name.value} (set-header)`,
              applicability: 'unsafe',
              edits: [{ start: action.start, end: action.end, text: 'set-header' }],
            },
          });
        } else if (line.keyword === 'option forwardfor' && !line.modifier) {
          const ifNone = line.args.find((arg) => arg.value === 'if-none');
          if (!ifNone) return;
          const header = headerOption(line) ?? 'X-Forwarded-For';
          const previousEnd = line.words[line.words.indexOf(ifNone) - 1]!.end;
          report({
            message: `\`option forwardfor if-none\` adds nothing when the client already sent ${header}, so the backend sees only the client's own, possibly spoofed, address`,
            start: ifNone.start,
            end: ifNone.end,
            fix: {
              description: 'always add the header (drop `if-none`)',
              applicability: 'unsafe',
              edits: [{ start: previousEnd, end: ifNone.end, text: '' }],
            },
          });
        }
      });
    }
  },
};

function headerOption(line: Line): string | undefined {
  const index = line.args.findIndex((arg) => arg.value === 'header');
  return index >= 0 ? line.args[index + 1]?.value : undefined;
}

/** `… if { src 10.0.0.0/8 }` or `… if from_proxy` with `acl from_proxy src …`: only a known proxy's traffic. */
function trustedSourceOnly(line: Line, section: Section): boolean {
  const condIndex = conditionIndex(line);
  if (condIndex === undefined || line.args[condIndex]!.value !== 'if') return false;
  const condition = line.args.slice(condIndex + 1).map((arg) => arg.value);
  if (condition.includes('!') || condition.some((w) => w.startsWith('!'))) return false;
  if (condition.some((w) => w === 'src' || w.startsWith('src,'))) return true;
  const acls = new Set(condition);
  return keywordLines(section).some((l) => l.keyword === 'acl' && acls.has(l.args[0]?.value ?? '') && (l.args[1]?.value === 'src' || l.args[1]?.value.startsWith('src,') === true));
}

/** A `del-header`/`set-header` of the same header earlier in this section or in a frontend/listen/defaults. */
function replacedBefore(sections: readonly Section[], section: Section, earlier: Line[], name: string): boolean {
  const replaces = (l: Line) =>
    l.keyword === 'http-request' && (l.args[0]?.value === 'del-header' || l.args[0]?.value === 'set-header') && l.args[1]?.value.toLowerCase() === name;
  if (earlier.some(replaces)) return true;
  return sections.some((s) => s !== section && (s.kind === 'frontend' || s.kind === 'listen' || s.kind === 'defaults') && keywordLines(s).some(replaces));
}
