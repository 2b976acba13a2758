/**
 * Fault injection for the oracle's mutation check: each mutation takes an accepted config and breaks it in
 * one place, the way people break configs. The oracle then keeps the mutants `haproxy -c` rejects, and the
 * linter should report an error on the broken line. Pure text functions, deterministic.
 */

export type MutationKind =
  | 'misspelt-keyword'
  | 'global-keyword-in-proxy'
  | 'proxy-keyword-in-global'
  | 'removed-keyword'
  | 'nameless-server'
  | 'unterminated-quote'
  | 'bad-env-brace'
  | 'stray-dollar'
  | 'missing-lf-at-eof';

export interface Mutant {
  kind: MutationKind;
  text: string;
  /** 1-based line of the fault in the mutated text */
  line: number;
}

type Mutator = (lines: string[], text: string) => Omit<Mutant, 'kind'> | undefined;

const PROXY_HEADER = /^\s*(frontend|backend|listen)\s+\S/;
const GLOBAL_HEADER = /^\s*global\s*(#.*)?$/;
const SECTION_HEADER = /^\s*(global|defaults|frontend|backend|listen|peers|resolvers|userlist|cache|program|http-errors|ring|mailers|crt-store|traces|log-forward)\b/;
const MISSPELLABLE = new Set(['balance', 'timeout', 'option', 'mode', 'bind', 'server', 'default_backend', 'use_backend', 'http-request', 'maxconn', 'acl', 'retries', 'log']);

function join(lines: string[]): string {
  return lines.join('\n');
}

function indentOf(line: string): string {
  return /^\s*/.exec(line)?.[0] ?? '';
}

/** index of the first line after a header matching `header`, with a plausible indent for a keyword line */
function insertAfterHeader(lines: string[], header: RegExp, keywordLine: string): Omit<Mutant, 'kind'> | undefined {
  const i = lines.findIndex((l) => header.test(l));
  if (i < 0) return undefined;
  const next = lines.slice(i + 1).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const indent = next && !SECTION_HEADER.test(next) && indentOf(next) !== '' ? indentOf(next) : '    ';
  const out = [...lines.slice(0, i + 1), indent + keywordLine, ...lines.slice(i + 1)];
  return { text: join(out), line: i + 2 };
}

/** a keyword line inside a proxy section, with no comment and no quote, whose first word passes `accept` */
function findProxyKeywordLine(lines: string[], accept: (first: string) => boolean): number {
  let inProxy = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (SECTION_HEADER.test(l)) {
      inProxy = PROXY_HEADER.test(l) || /^\s*defaults\b/.test(l);
      continue;
    }
    if (!inProxy || /[#"'\\]/.test(l)) continue;
    const first = l.trim().split(/\s+/)[0] ?? '';
    if (first && !first.startsWith('.') && accept(first)) return i;
  }
  return -1;
}

function appendToKeywordLine(lines: string[], suffix: string): Omit<Mutant, 'kind'> | undefined {
  const i = findProxyKeywordLine(lines, (w) => w === 'http-request' || w === 'acl' || w === 'option' || w === 'timeout' || w === 'balance' || w === 'mode');
  if (i < 0) return undefined;
  const out = [...lines];
  out[i] = (out[i] ?? '').replace(/\s+$/, '') + suffix;
  return { text: join(out), line: i + 1 };
}

const MUTATORS: Record<MutationKind, Mutator> = {
  'misspelt-keyword': (lines) => {
    const i = findProxyKeywordLine(lines, (w) => MISSPELLABLE.has(w) && w.length >= 4 && w[2] !== w[3]);
    if (i < 0) return undefined;
    const line = lines[i] ?? '';
    const word = line.trim().split(/\s+/)[0] ?? '';
    const misspelt = word.slice(0, 2) + word[3] + word[2] + word.slice(4);
    const out = [...lines];
    out[i] = line.replace(word, misspelt);
    return { text: join(out), line: i + 1 };
  },
  'global-keyword-in-proxy': (lines) => insertAfterHeader(lines, PROXY_HEADER, 'nbthread 4'),
  'proxy-keyword-in-global': (lines) => insertAfterHeader(lines, GLOBAL_HEADER, 'balance roundrobin'),
  'removed-keyword': (lines) => insertAfterHeader(lines, /^\s*(frontend|listen)\s+\S/, 'reqadd X-Forwarded-Proto:\\ https'),
  'nameless-server': (lines) => {
    const i = lines.findIndex((l) => /^\s*server\s+\S+\s+\S+\s+\S/.test(l) && !/["'\\#]/.test(l));
    if (i < 0) return undefined;
    const out = [...lines];
    out[i] = (lines[i] ?? '').replace(/^(\s*server\s+)\S+\s+/, '$1');
    return { text: join(out), line: i + 1 };
  },
  'unterminated-quote': (lines) => appendToKeywordLine(lines, ' "unterminated'),
  'bad-env-brace': (lines) => appendToKeywordLine(lines, ' "${UNTERMINATED"'),
  'stray-dollar': (lines) => appendToKeywordLine(lines, ' "costs $ 5"'),
  'missing-lf-at-eof': (_lines, text) => {
    const trimmed = text.replace(/\s+$/, '');
    if (trimmed === '' || trimmed === text) return undefined;
    // a last line that is a comment is not reported by HAProxy; keep it simple and require a keyword line
    const last = trimmed.split('\n').pop() ?? '';
    if (last.trim().startsWith('#')) return undefined;
    return { text: trimmed, line: trimmed.split('\n').length };
  },
};

export const MUTATION_KINDS = Object.keys(MUTATORS) as MutationKind[];

export function mutate(text: string, kind: MutationKind): Mutant | undefined {
  const lines = text.split('\n');
  const m = MUTATORS[kind](lines, text);
  return m && m.text !== text ? { kind, ...m } : undefined;
}

/**
 * Up to `perConfig` mutants of one config, kinds rotated by `seed` so that a corpus gets every kind
 * in about equal numbers.
 */
export function mutantsOf(text: string, seed: number, perConfig = 3): Mutant[] {
  const out: Mutant[] = [];
  for (let k = 0; k < MUTATION_KINDS.length && out.length < perConfig; k++) {
    const kind = MUTATION_KINDS[(seed + k) % MUTATION_KINDS.length] as MutationKind;
    const m = mutate(text, kind);
    if (m) out.push(m);
  }
  return out;
}
