import type { Rule } from '../engine/types.js';
import { configModel, type ConfigModel } from './model/config-model.js';
import type { ConfigSet } from '../model/set.js';
import { memo } from './shared/memo.js';

/** Filters whose own configuration files (SPOE, OpenTracing) may name backends this file cannot see. */
const EXTERNAL_REFERENCES = /^(?:spoe|opentracing|opentelemetry)$/;

const referencedBySet = new WeakMap<ConfigSet, { names: Set<string> | undefined }>();

/**
 * The backend names the set's lines mention, found once per set: routing lines, and any other mention
 * (track b/s, table b, fetch arguments such as nbsrv(b) or srv_is_up(b/s), log backend@b). Undefined when
 * an external filter (SPOE, tracing) may route to any backend.
 */
function referencedBackends(model: ConfigModel): Set<string> | undefined {
  return memo(referencedBySet, model.set, () => {
    const files = model.set.files;
    for (const { file } of files) {
      for (const line of file.lines) {
        if (line.kind === 'keyword' && line.keyword === 'filter' && EXTERNAL_REFERENCES.test(line.args[0]?.value ?? '')) return { names: undefined };
      }
    }
    const referenced = new Set<string>();
    for (const proxy of model.allProxies) for (const ref of proxy.backendRefs) referenced.add(ref.word.value);
    for (const { file } of files) {
      for (const line of file.lines) {
        if (line.kind !== 'keyword') continue;
        const args = line.args;
        for (let index = 0; index < args.length; index++) {
          const value = args[index]!.value;
          const previous = index > 0 ? args[index - 1]!.value : undefined;
          if (previous === 'track' || previous === 'table') referenced.add(value.split('/')[0]!);
          if (value.startsWith('backend@')) referenced.add(value.slice('backend@'.length));
          if (!value.includes('(')) continue;
          for (const m of value.matchAll(/\(([^()]*)\)/g)) {
            for (const arg of m[1]!.split(',')) referenced.add(arg.trim().split('/')[0]!);
          }
        }
      }
    }
    return { names: referenced };
  }).names;
}

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
    const referenced = referencedBackends(model);
    if (!referenced) return;
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
