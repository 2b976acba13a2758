import type { Rule } from '../engine/types.js';
import { converterSignature, fetchSignature, parseSampleExpression, type SampleCall, type Signature } from './shared/sample-expr.js';
import { expressionSites } from './shared/sample-sites.js';
import { sourceOffset } from './shared/words.js';

/**
 * What HAProxy refuses in a defaults section, where no proxy stands behind a rule: a server named without
 * its backend (`srv_conn(www)`), a table argument left out (`table_cnt`). Undefined when fine.
 */
function problem(call: SampleCall, sig: Signature, kind: string): string | undefined {
  for (let i = 0; i < sig.args.length; i++) {
    const type = sig.args[i];
    const arg = call.args?.[i]?.text;
    if (type === 'server' && arg !== undefined && arg !== '' && !arg.includes('/')) {
      return `${kind} '${call.name}' names server '${arg}' without its backend, which a defaults section cannot supply: HAProxy refuses it ("backend name must be set in arg ${i + 1} of sample fetch keyword '${call.name}'"); write \`<backend>/${arg}\``;
    }
    if (type === 'table' && i < sig.min && (arg === undefined || arg === '')) {
      return `${kind} '${call.name}' has no table argument, and a defaults section has no table of its own: HAProxy refuses it ("table name must be set in arg ${i + 1} of sample fetch keyword '${call.name}'"); name the table`;
    }
  }
  return undefined;
}

export const rule: Rule = {
  id: 'proxy-argument-in-defaults',
  description: 'A sample fetch in a defaults section relying on the current proxy (a server without its backend, a table left out)',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports, in the rules of a defaults section, sample fetches and converters whose server argument does not name its backend (`srv_conn(www)`, `srv_is_up(www)`, `srv_queue(www)`…) or whose table argument is left out (`table_cnt`, `table_avl`): elsewhere they mean the current proxy, which a defaults section does not have.',
    why: 'HAProxy refuses the configuration ("backend name must be set in arg 1 of sample fetch keyword \'srv_conn\' in http-request expression in proxy \'base\'"): rules in a named defaults section are parsed there, before any proxy inherits them.',
    bad: 'defaults base\n    mode http\n    http-request set-header X-Conn "%[srv_conn(www)]"\n\nbackend app from base\n    server www 127.0.0.1:8000\n',
    good: 'defaults base\n    mode http\n    http-request set-header X-Conn "%[srv_conn(app/www)]"\n\nbackend app from base\n    server www 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: which backend or table was meant cannot be known.',
  },
  check({ file, report, targetVersion }) {
    const defaults = file.sections.filter((s) => s.kind === 'defaults');
    if (defaults.length === 0) return;
    for (const site of expressionSites(file)) {
      if (site.line.condDepth > 0 || site.context === 'acl') continue;
      if (!defaults.some((s) => s.start <= site.line.start && site.line.start < s.end)) continue;
      const { expr } = parseSampleExpression(site.word.value, site.from, site.context === 'log-format');
      if (!expr) continue;
      const calls: Array<[SampleCall, Signature | undefined, string]> = [
        [expr.fetch, fetchSignature(expr.fetch.name, targetVersion), 'sample fetch'],
        ...expr.converters.map((c): [SampleCall, Signature | undefined, string] => [c, converterSignature(c.name, targetVersion), 'converter']),
      ];
      for (const [call, sig, kind] of calls) {
        const message = sig && problem(call, sig, kind);
        if (!message) continue;
        report({
          message,
          start: sourceOffset(site.word, call.at) ?? site.word.start,
          end: sourceOffset(site.word, call.end) ?? site.word.end,
        });
      }
    }
  },
};
