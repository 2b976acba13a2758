import type { ConfigFile, Line, Section } from '../parser/ast.js';
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
  // a defaults section's inline declaration, read once for all the proxies inheriting it
  const inlineCache = new Map<Section, string | undefined>();
  const inline = (section: Section) => {
    if (inlineCache.has(section)) return inlineCache.get(section);
    const app = inlineApp(section);
    inlineCache.set(section, app);
    return app;
  };
  return (section) => {
    if (!section) return options.app;
    if (cache.has(section)) return cache.get(section);
    const app = inline(section) ?? (section.name ? appNamed(options, section.name.value) : undefined) ?? inheritedApp(file, section, inline) ?? options.app;
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
  const fromHeader = inlineAppOn(section.header);
  if (fromHeader !== undefined) return fromHeader;
  const lines = section.lines;
  for (let i = 0; i < lines.length; i++) {
    const app = inlineAppOn(lines[i]!);
    if (app !== undefined) return app;
  }
  return undefined;
}

function inlineAppOn(line: Line): string | undefined {
  const text = line.comment?.text;
  if (text === undefined || !text.includes('haproxy-lint')) return undefined;
  return INLINE_APP.exec(text)?.[1];
}

function inheritedApp(file: ConfigFile, section: Section, inline: (section: Section) => string | undefined): string | undefined {
  if (section.kind === 'defaults') return undefined;
  const defaults = defaultsOf(file, section);
  return defaults ? inline(defaults) : undefined;
}
