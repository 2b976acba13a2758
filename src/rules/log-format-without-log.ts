import type { Rule } from '../engine/types.js';
import type { Line } from '../parser/ast.js';
import { configModel, proxyLabel, type Proxy } from './model/config-model.js';

/** the keywords that set a proxy's log format */
const FORMAT_KEYWORDS = new Set(['log-format', 'option httplog', 'option httpslog', 'option tcplog']);

/** The line setting the log format a proxy uses (its own, else its defaults'); `uncertain` when a modifier or `.if` block makes it unclear. */
function logFormat(proxy: Proxy): { line: Line | undefined; uncertain: boolean } {
  for (let p: Proxy | undefined = proxy; p; p = p.defaults) {
    const own = p.lines.filter((l) => l.kind === 'keyword' && FORMAT_KEYWORDS.has(l.keyword));
    if (own.some((l) => l.condDepth > 0 || l.modifier !== undefined)) return { line: undefined, uncertain: true };
    if (own.length > 0) return { line: own[own.length - 1], uncertain: false };
    if (p.defaultsUnresolved) return { line: undefined, uncertain: true };
  }
  return { line: undefined, uncertain: false };
}

/**
 * Whether a proxy may send logs anywhere: a `log` line of its own after its last `no log`, or (without a
 * `no log`) one it inherits; `log global` counts only when the global section has a `log` line.
 */
function mayLog(proxy: Proxy | undefined, globalLogs: boolean): boolean {
  if (!proxy) return false;
  if (proxy.defaultsUnresolved) return true;
  const own = proxy.lines.filter((l) => l.kind === 'keyword' && l.keyword === 'log');
  if (own.some((l) => l.condDepth > 0 || l.modifier === 'default')) return true;
  const lastNo = own.map((l) => l.modifier === 'no').lastIndexOf(true);
  const after = own.slice(lastNo + 1);
  if (after.some((l) => l.args[0]?.value !== 'global' || globalLogs)) return true;
  return lastNo < 0 && mayLog(proxy.defaults, globalLogs);
}

function chainOf(proxy: Proxy): Proxy[] {
  const chain: Proxy[] = [];
  for (let p: Proxy | undefined = proxy; p && !chain.includes(p); p = p.defaults) chain.push(p);
  return chain;
}

export const rule: Rule = {
  id: 'log-format-without-log',
  description: 'A frontend sets a log format (option httplog, option tcplog, log-format) but has no log target, so HAProxy ignores the format',
  severity: 'warning',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: "Reports a frontend or listen section whose log format (`option httplog`, `option httpslog`, `option tcplog` or `log-format`, its own or its defaults section's) has nowhere to go: no `log` line of its own or inherited, or only `log global` while the global section has no `log` line, or a `no log` after which none follows.",
    why: "HAProxy warns \"log format ignored for frontend 'www' since it has no log address\": no traffic log is written, which is usually found out only when the logs are needed.",
    bad: 'defaults\n    mode http\n    log global\n    option httplog\n\nfrontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    good: 'global\n    log stdout format raw local0\n\ndefaults\n    mode http\n    log global\n    option httplog\n\nfrontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: where the logs should go cannot be known.',
  },
  check({ file, report }) {
    const model = configModel(file);
    const globals = model.set.sections.filter((s) => s.kind === 'global');
    const globalLogs = globals.some((s) => s.lines.some((l) => l.kind === 'keyword' && l.keyword === 'log'));
    for (const proxy of model.proxies) {
      if (!proxy.isFrontend || proxy.disabled || proxy.section.header.condDepth > 0) continue;
      const format = logFormat(proxy);
      if (format.uncertain || !format.line || mayLog(proxy, globalLogs)) continue;
      const own = format.line && proxy.lines.includes(format.line);
      const at = own ? format.line.words[0]! : proxy.section.header.words[0]!;
      const end = own ? format.line.words[format.line.keywordWordCount - 1]!.end : (proxy.section.name ?? at).end;
      const inherited = own ? '' : ` (\`${format.line.keyword}\` inherited from line ${format.line.line})`;
      const usesGlobal = chainOf(proxy).some((p) => p.lines.some((l) => l.keyword === 'log' && !l.modifier && l.args[0]?.value === 'global'));
      report({
        message: `${proxyLabel(proxy)} sets a log format${inherited} but has no log target${usesGlobal ? ' (`log global` finds no `log` line in the global section)' : ''}: HAProxy ignores it ("log format ignored … since it has no log address"); add a \`log\` line`,
        start: at.start,
        end,
      });
    }
  },
};
