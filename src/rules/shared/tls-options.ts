import type { Line, Section, Word } from '../../parser/ast.js';
import { addressInsteadOfName } from './addresses.js';
import { memo } from './memo.js';
import { TARGET_VERSIONS, type TargetVersion } from '../../engine/types.js';

/** The TLS protocol versions HAProxy names in ssl-min-ver/ssl-max-ver, oldest first. */
export const TLS_VERSIONS = ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
/** Older than TLS 1.2: broken or deprecated (RFC 8996, Mozilla's server-side TLS guidelines). */
export const WEAK_TLS_VERSIONS: ReadonlySet<string> = new Set(['SSLv3', 'TLSv1.0', 'TLSv1.1']);

/**
 * The `ssl-min-ver` a listener or server gets when nothing sets one, for a target version: `bind` lines
 * default to TLSv1.2 since HAProxy 2.2 (so in every supported target, manuals 2.6 … 3.4 §5.1 "ssl-min-ver");
 * servers have no default of HAProxy's own (the TLS library decides), so undefined.
 */
export function defaultMinTlsVersion(side: 'bind' | 'server', target: TargetVersion): string | undefined {
  return side === 'bind' && TARGET_VERSIONS.includes(target) ? 'TLSv1.2' : undefined;
}

/** A line carrying TLS options: a bind, a server-like line, or a global ssl-default-*-options. */
export interface TlsOptionLine {
  line: Line;
  side: 'bind' | 'server';
  /** the option words (address and server name left out) */
  options: Word[];
}

/** Where the option words of a bind/server line start (after the address, the name, the template range). */
function optionsStart(line: Line, section: Section): number | undefined {
  if (line.modifier) return undefined;
  switch (line.keyword) {
    case 'bind': return section.kind === 'frontend' || section.kind === 'listen' || section.kind === 'peers' ? 1 : undefined;
    case 'server': return addressInsteadOfName(line) ? undefined : section.kind === 'peers' ? undefined : 2;
    case 'default-server': return 0;
    case 'server-template': return 3;
    default: return undefined;
  }
}

/** Every line of the file with TLS options, with which side (listener or server) it configures. */
export function tlsOptionLines(sections: readonly Section[]): TlsOptionLine[] {
  return memo(tlsOptionLinesOf, sections, () => listTlsOptionLines(sections));
}

/** Listed once per file (the rules reading TLS options share the list; do not modify it). */
const tlsOptionLinesOf = new WeakMap<readonly Section[], TlsOptionLine[]>();

function listTlsOptionLines(sections: readonly Section[]): TlsOptionLine[] {
  const out: TlsOptionLine[] = [];
  for (const section of sections) {
    for (const line of section.lines) {
      if (line.kind !== 'keyword' || line.modifier) continue;
      if (section.kind === 'global') {
        if (line.keyword === 'ssl-default-bind-options') out.push({ line, side: 'bind', options: line.args });
        else if (line.keyword === 'ssl-default-server-options') out.push({ line, side: 'server', options: line.args });
        continue;
      }
      const start = optionsStart(line, section);
      if (start === undefined) continue;
      out.push({ line, side: line.keyword === 'bind' ? 'bind' : 'server', options: line.args.slice(start) });
    }
  }
  return out;
}

/** The word after an option name (`ciphers <list>`), when the option is there. */
export function optionValue(options: readonly Word[], name: string): { name: Word; value: Word } | undefined {
  for (let i = 0; i < options.length - 1; i++) {
    if (options[i]!.value === name) return { name: options[i]!, value: options[i + 1]! };
  }
  return undefined;
}

/** Whether a flag-like option is among the words. */
export function hasOption(options: readonly Word[], name: string): Word | undefined {
  return options.find((word) => word.value === name);
}
