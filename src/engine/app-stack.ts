import type { Section } from '../parser/ast.js';
import type { LintOptions } from './types.js';

/** `# haproxy-lint app=django` on a section header or on a comment line inside the section. */
const INLINE_APP = /haproxy-lint\s+app=([A-Za-z0-9_.-]+)/;

/**
 * The application stack behind a section: an inline comment wins, then the per-backend setting,
 * then the global one. Defaults sections pass their declaration on to the proxies after them.
 */
export function appResolver(sections: readonly Section[], options: LintOptions): (section: Section | undefined) => string | undefined {
  const cache = new Map<Section, string | undefined>();
  return (section) => {
    if (!section) return options.app;
    if (cache.has(section)) return cache.get(section);
    const app = inlineApp(section) ?? (section.name ? options.appByBackend?.[section.name.value] : undefined) ?? inheritedApp(sections, section) ?? options.app;
    cache.set(section, app);
    return app;
  };
}

function inlineApp(section: Section): string | undefined {
  for (const line of [section.header, ...section.lines]) {
    const match = line.comment && INLINE_APP.exec(line.comment.text);
    if (match) return match[1];
  }
  return undefined;
}

function inheritedApp(sections: readonly Section[], section: Section): string | undefined {
  if (section.kind === 'defaults') return undefined;
  const index = sections.indexOf(section);
  for (let i = index - 1; i >= 0; i--) {
    const candidate = sections[i]!;
    if (candidate.kind !== 'defaults') continue;
    if (section.from && candidate.name?.value !== section.from.value) continue;
    return inlineApp(candidate);
  }
  return undefined;
}
