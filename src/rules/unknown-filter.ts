import type { Rule } from '../engine/types.js';
import { atLeast, versionLabel, type Version } from '../grammar/versions.js';
import { suggest } from '../grammar/suggest.js';

/** The filter names each release registers (`haproxy -dKall`, "List of registered filter names"), by first version. */
const FILTERS: Record<string, Version> = {
  cache: '2.6', compression: '2.6', 'fcgi-app': '2.6', spoe: '2.6', trace: '2.6',
  'bwlim-in': '2.8', 'bwlim-out': '2.8',
  'comp-req': '3.4', 'comp-res': '3.4',
};
/** filters of optional build options (OpenTracing, OpenTelemetry): present or not depending on the build, not the version */
const OPTIONAL = new Set(['opentracing', 'opentelemetry']);

export const rule: Rule = {
  id: 'unknown-filter',
  description: 'A `filter` line naming a filter HAProxy does not know, or not yet in the target version',
  severity: 'error',
  fixable: 'none',
  group: 'keywords',
  docs: {
    what: 'Checks the name after `filter` against the filters HAProxy registers: `cache`, `compression`, `fcgi-app`, `spoe`, `trace`, `bwlim-in`/`bwlim-out` from 2.8 (2.7), `comp-req`/`comp-res` from 3.4. Build options (`opentracing`, `opentelemetry`) and Lua filters (`lua.<name>`, registered by a script) are left alone.',
    why: 'HAProxy refuses the configuration ("\'filter\' : unknown keyword \'comp-req\'. Registered keywords : …"): a filter written for a newer release, or misspelt, stops the proxy from loading.',
    bad: 'frontend www\n    bind :80\n    filter compresion\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    filter compression\n    default_backend app\n',
    fixSafety: 'No automatic fix: a replacement for a newer filter (`compression` for `comp-req`/`comp-res`) works differently, and a misspelling may be meant as another filter.',
  },
  check({ file, report, targetVersion }) {
    for (const line of file.lines) {
      if (line.kind !== 'keyword' || line.keyword !== 'filter' || line.modifier || line.condDepth > 0) continue;
      const word = line.args[0];
      if (!word || word.envRefs.length > 0 || word.quoting !== 'none') continue;
      const name = word.value;
      if (OPTIONAL.has(name) || name.startsWith('lua.')) continue;
      const since = FILTERS[name];
      if (since && atLeast(targetVersion, since)) continue;
      const known = Object.keys(FILTERS).filter((f) => atLeast(targetVersion, FILTERS[f]!));
      const firstIn = since ? ` (it first appears in HAProxy ${versionLabel(since)})` : '';
      const guess = since ? '' : suggest(name, known).slice(0, 1).map((s) => `; did you mean '${s}'?`).join('');
      report({
        message: `filter '${name}' does not exist in HAProxy ${versionLabel(targetVersion)}${firstIn}: HAProxy refuses it ("'filter' : unknown keyword '${name}'")${guess}`,
        start: word.start,
        end: word.end,
      });
    }
  },
};
