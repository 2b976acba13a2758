import type { Rule } from '../engine/types.js';
import { configModel, effectiveMode, proxyLabel, type ConfigModel, type Proxy } from './model/config-model.js';

/** Whether a timeout is set to a non-zero value somewhere along the inheritance chain (or cannot be known). */
function timeoutSet(model: ConfigModel, proxy: Proxy, name: string): boolean {
  const setting = model.effective(proxy, `timeout ${name}`);
  if (setting.uncertain) return true;
  const value = setting.value;
  if (value === undefined) return false;
  return !/^0+(?:us|ms|s|m|h|d)?$/.test(value);
}

export const rule: Rule = {
  id: 'missing-timeouts',
  description: 'A proxy lacks the client, connect or server timeout, which HAProxy warns about',
  severity: 'warning',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports, like HAProxy\'s own "missing timeouts" warning, a frontend or listen section without `timeout client`, and a backend or listen section with servers but without `timeout connect`, or without `timeout server` (in TCP mode a `timeout tunnel` is enough), after inheritance from its `defaults` section. A zero value counts as missing.',
    why: 'Without these timeouts HAProxy waits forever: dead clients and servers keep connections open until the process runs out of them. HAProxy starts anyway but warns: "missing timeouts for frontend … While not properly invalid, you will certainly encounter various problems with such a configuration". Setting them once in the `defaults` section covers every proxy.',
    bad: 'defaults\n    mode http\n\nfrontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    good: 'defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend www\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
    fixSafety: 'No automatic fix: good values depend on the traffic (30s suits most HTTP sites; long-polling, WebSocket or database traffic needs more).',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      if (proxy.kind === 'defaults' || proxy.disabled || !proxy.section.name) continue;
      const { mode, uncertain } = effectiveMode(model, proxy);
      if (uncertain || (mode !== 'tcp' && mode !== 'http')) continue;
      const missing: string[] = [];
      if (proxy.isFrontend && !timeoutSet(model, proxy, 'client')) missing.push('client');
      if (proxy.isBackend && proxy.servers.length > 0) {
        if (!timeoutSet(model, proxy, 'connect')) missing.push('connect');
        if (!timeoutSet(model, proxy, 'server') && (mode === 'http' || !timeoutSet(model, proxy, 'tunnel'))) missing.push('server');
      }
      if (missing.length === 0) continue;
      const word = proxy.section.name;
      const list = missing.map((m) => `\`timeout ${m}\``).join(', ');
      report({
        message: `missing timeouts for ${proxyLabel(proxy)}: ${list} ${missing.length > 1 ? 'are' : 'is'} not set (nor inherited from a defaults section), so stalled connections are never closed; HAProxy warns "missing timeouts". Set ${missing.length > 1 ? 'them' : 'it'}, ideally in the defaults section`,
        start: word.start,
        end: word.end,
      });
    }
  },
};
