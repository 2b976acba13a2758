import type { Rule } from '../engine/types.js';
import { configModel, effectiveMode, proxyLabel } from './model/config-model.js';

export const rule: Rule = {
  id: 'mode-mismatch',
  description: 'An HTTP frontend routes to a backend in TCP mode',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports a `use_backend` or `default_backend` of a frontend or listen section in `mode http` that names a backend in `mode tcp`. Modes are taken from the section itself, else from its `defaults` section (the one named by `from`, else the last one before it), else HAProxy\'s default, `tcp`. A TCP frontend may route to an HTTP backend (HAProxy then upgrades the stream), so that direction is not reported.',
    why: 'HAProxy refuses the configuration: "http frontend \'www\' tries to use incompatible tcp backend \'db\' as its default backend (see \'mode\')". It often happens when the backend sits after a `defaults` section with `mode tcp`, or when `mode http` is only set in the frontend.',
    bad: 'defaults\n    mode tcp\n\nfrontend www\n    mode http\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    good: 'defaults\n    mode tcp\n\nfrontend www\n    mode http\n    bind :80\n    default_backend app\n\nbackend app\n    mode http\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: which of the two modes is intended cannot be known.',
  },
  check({ file, report }) {
    const model = configModel(file);
    const reported = new Set<unknown>();
    for (const frontend of model.proxies) {
      if (!frontend.isFrontend) continue;
      const { mode, uncertain } = effectiveMode(model, frontend);
      if (uncertain || mode !== 'http') continue;
      const refs = [...frontend.backendRefs];
      // a default_backend inherited from the defaults section (maybe of another file: then reported on the frontend's name)
      let inheritedFrom: typeof frontend.file | undefined;
      if (!refs.some((r) => r.keyword === 'default_backend')) {
        for (let d = frontend.defaults; d; d = d.defaults) {
          const inherited = d.backendRefs.filter((r) => r.keyword === 'default_backend');
          if (inherited.length) {
            refs.push(inherited[inherited.length - 1]!);
            inheritedFrom = d.file;
            break;
          }
        }
      }
      for (const ref of refs) {
        if (ref.dynamic || ref.line.condDepth > 0) continue;
        const targets = model.backendsNamed(ref.word.value);
        if (targets.length !== 1) continue;
        const backend = targets[0]!;
        const target = effectiveMode(model, backend);
        if (target.uncertain || target.mode !== 'tcp') continue;
        const key = ref.line.start;
        if (reported.has(key)) continue;
        reported.add(key);
        const how = ref.keyword === 'default_backend' ? 'as its default backend' : "in a 'use_backend' rule";
        report({
          message: `${proxyLabel(frontend)} is in mode http but ${proxyLabel(backend)} is in mode tcp${target.mode === 'tcp' && !model.effective(backend, 'mode').value ? ' (no mode set: tcp is the default)' : ''}: HAProxy refuses this ("http frontend tries to use incompatible tcp backend ${how}"); set \`mode http\` in the backend or its defaults section`,
          ...(inheritedFrom && inheritedFrom !== file && ref === refs[refs.length - 1] && frontend.section.name
            ? { start: frontend.section.name.start, end: frontend.section.name.end }
            : { start: ref.word.start, end: ref.word.end }),
        });
      }
    }
  },
};
