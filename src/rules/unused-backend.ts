import type { Rule } from '../engine/types.js';
import { configModel } from './model/config-model.js';

/** Filters whose own configuration files (SPOE, OpenTracing) may name backends this file cannot see. */
const EXTERNAL_REFERENCES = /^(?:spoe|opentracing|opentelemetry)$/;

export const rule: Rule = {
  id: 'unused-backend',
  description: 'A backend that no frontend or listen section routes to',
  severity: 'info',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports a `backend` section that nothing in the file refers to: no `use_backend`/`default_backend`, no `track <backend>/<server>`, no stick-table reference (`table <backend>`, `src_conn_rate(<backend>)`…), no sample fetch argument (`nbsrv(<backend>)`, `be_conn(<backend>)`…) and no `log backend@<backend>`. It stays silent when a `use_backend` target is built at run time (`use_backend %[var(txn.backend)]`), when a SPOE or OpenTracing filter is configured (their own files name backends), and when the file has no frontend or listen section at all (a fragment loaded with others).',
    why: 'A backend nobody routes to never receives traffic: it is either dead configuration to remove, or a routing rule is missing or misspelled (`use_backend` on the wrong name, a rule deleted by mistake).',
    bad: 'frontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n\nbackend app_old\n    server old1 127.0.0.1:8001\n',
    good: 'frontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: the backend may be used by a configuration file loaded alongside this one, or through the runtime API.',
  },
  check({ file, report }) {
    // a backend is used when any file of the set routes to it; this file's unused backends are reported here
    const model = configModel(file);
    if (model.hasDynamicBackendRefs) return;
    if (!model.allProxies.some((p) => p.isFrontend)) return;
    const lines = model.set.files.flatMap((f) => f.file.lines);
    for (const line of lines) {
      if (line.kind === 'keyword' && line.keyword === 'filter' && EXTERNAL_REFERENCES.test(line.args[0]?.value ?? '')) return;
    }
    const referenced = new Set<string>();
    for (const proxy of model.allProxies) for (const ref of proxy.backendRefs) referenced.add(ref.word.value);
    // any other mention: track b/s, table b, fetch arguments (nbsrv(b), srv_is_up(b/s)…), log backend@b
    for (const line of lines) {
      if (line.kind !== 'keyword') continue;
      line.args.forEach((word, index) => {
        const value = word.value;
        const previous = line.args[index - 1]?.value;
        if (previous === 'track' || previous === 'table') referenced.add(value.split('/')[0]!);
        if (value.startsWith('backend@')) referenced.add(value.slice('backend@'.length));
        if (!value.includes('(')) return;
        for (const m of value.matchAll(/\(([^()]*)\)/g)) {
          for (const arg of m[1]!.split(',')) referenced.add(arg.trim().split('/')[0]!);
        }
      });
    }
    for (const proxy of model.proxies) {
      if (proxy.kind !== 'backend' || proxy.name === undefined) continue;
      const word = proxy.section.name!;
      if (referenced.has(proxy.name) || word.envRefs.length > 0 || proxy.disabled) continue;
      report({
        message: `backend '${proxy.name}' is never used: no use_backend, default_backend or other reference names it, so it receives no traffic`,
        start: word.start,
        end: word.end,
      });
    }
  },
};
