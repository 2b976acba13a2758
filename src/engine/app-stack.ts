import type { ConfigFile, Section } from '../parser/ast.js';
import { defaultsOf } from '../model/defaults.js';
import type { LintOptions } from './types.js';
import { ownValue } from './own.js';

/** `# haproxy-lint app=django` on a section header or on a comment line inside the section. */
const INLINE_APP = /haproxy-lint\s+app=([A-Za-z0-9_.-]+)/;

/**
 * The application stack behind a section: an inline comment wins, then the per-backend setting,
 * then the global one. Defaults sections pass their declaration on to the proxies after them.
 */
export function appResolver(file: ConfigFile, options: LintOptions): (section: Section | undefined) => string | undefined {
  const cache = new Map<Section, string | undefined>();
  return (section) => {
    if (!section) return options.app;
    if (cache.has(section)) return cache.get(section);
    const app = inlineApp(section) ?? (section.name ? appNamed(options, section.name.value) : undefined) ?? inheritedApp(file, section) ?? options.app;
    cache.set(section, app);
    return app;
  };
}

/** the per-backend setting: an own string property only (a backend may be named `constructor`) */
function appNamed(options: LintOptions, name: string): string | undefined {
  const app = ownValue(options.appByBackend, name);
  return typeof app === 'string' ? app : undefined;
}

function inlineApp(section: Section): string | undefined {
  for (const line of [section.header, ...section.lines]) {
    const match = line.comment && INLINE_APP.exec(line.comment.text);
    if (match) return match[1];
  }
  return undefined;
}

function inheritedApp(file: ConfigFile, section: Section): string | undefined {
  if (section.kind === 'defaults') return undefined;
  const defaults = defaultsOf(file, section);
  return defaults ? inlineApp(defaults) : undefined;
}
