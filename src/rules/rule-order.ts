import type { Line } from '../parser/ast.js';
import type { Rule } from '../engine/types.js';
import { configModel } from './model/config-model.js';
import { aclUsesInCondition } from './model/conditions.js';

/**
 * The request rule sets in the order HAProxy evaluates them, whatever their order in the file
 * (cfgparse-listen.c `warnif_misplaced_*`). use_backend and use-server share the last rank: HAProxy
 * does not compare them with each other.
 */
const REQUEST_CHAIN: Record<string, { rank: number; name: string }> = {
  'quic-initial': { rank: 0, name: 'quic-initial' },
  'tcp-request connection': { rank: 1, name: 'tcp-request connection' },
  'tcp-request session': { rank: 2, name: 'tcp-request session' },
  'tcp-request content': { rank: 3, name: 'tcp-request content' },
  'monitor fail': { rank: 4, name: 'monitor fail' },
  'http-request': { rank: 5, name: 'http-request' },
  redirect: { rank: 6, name: 'redirect' },
  use_backend: { rank: 7, name: 'use_backend' },
  'use-server': { rank: 7, name: 'use-server' },
};
/** tcp-response content rules run before http-response rules. */
const RESPONSE_CHAIN: Record<string, { rank: number; name: string }> = {
  'tcp-response content': { rank: 0, name: 'tcp-response content' },
  'http-response': { rank: 1, name: 'http-response' },
};

interface Placement {
  chain: 'request' | 'response';
  rank: number;
  name: string;
}

/** keyword → its place in a chain, built once */
const PLACEMENTS = new Map<string, Placement>([
  ...Object.entries(REQUEST_CHAIN).map(([keyword, place]): [string, Placement] => [keyword, { chain: 'request', ...place }]),
  ...Object.entries(RESPONSE_CHAIN).map(([keyword, place]): [string, Placement] => [keyword, { chain: 'response', ...place }]),
]);

function classify(line: Line): Placement | undefined {
  if (line.kind !== 'keyword' || line.modifier) return undefined;
  return PLACEMENTS.get(line.keyword);
}

/** The way HAProxy words a rule in its warning ("a 'tcp-request' rule", "an 'http-request' rule"). */
function article(name: string): string {
  return /^[aeiouh]/.test(name) && !name.startsWith('use') ? `an '${name}'` : `a '${name}'`;
}

export const rule: Rule = {
  id: 'rule-order',
  description: 'A rule is written after rules HAProxy evaluates later, so it still runs before them',
  severity: 'warning',
  fixable: 'safe',
  group: 'correctness',
  docs: {
    what: 'Reports, like HAProxy\'s warning "a \'http-request\' rule placed after a \'use_backend\' rule will still be processed before", a rule written below a rule of a set HAProxy evaluates later. Within a proxy HAProxy evaluates, whatever the order in the file: `tcp-request connection`, `tcp-request session`, `tcp-request content`, `monitor fail`, `http-request`, `redirect`, then `use_backend` and `use-server`; on responses, `tcp-response content` before `http-response`.',
    why: 'The file reads as if the later rule only applied to requests the earlier rules let through, but HAProxy runs it first: an `http-request deny` written after `use_backend` still blocks requests routed by that `use_backend`, a `redirect` written after `use_backend` still redirects. Keeping rules in evaluation order makes the configuration say what it does.',
    bad: 'frontend www\n    bind :80\n    use_backend api if { path_beg /api }\n    http-request deny if { src 10.0.0.0/8 }\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    http-request deny if { src 10.0.0.0/8 }\n    use_backend api if { path_beg /api }\n    default_backend app\n',
    fixSafety: 'Safe: moves the line (with the comment lines right above it, its trailing comment and line ending) just above the first rule HAProxy evaluates after it, which is where HAProxy effectively runs it; rules of one set keep their relative order, so behaviour is unchanged. No fix when the move would cross an `.if` block, or put the line above the declaration of an ACL it uses.',
  },
  check({ file, report }) {
    const model = configModel(file);
    for (const proxy of model.proxies) {
      // per chain, the first rule written of each rank so far
      const firstOfRank = { request: new Map<number, { line: Line; name: string; rank: number }>(), response: new Map<number, { line: Line; name: string; rank: number }>() };
      for (const line of proxy.lines) {
        const kind = classify(line);
        if (!kind) continue;
        const seen = firstOfRank[kind.chain];
        if (!seen.has(kind.rank)) seen.set(kind.rank, { line, name: kind.name, rank: kind.rank });
        // the earlier-written rules that HAProxy evaluates after this one: the first of them is where it moves,
        // the one of the lowest rank is the set HAProxy names in its warning
        let first: { line: Line; name: string; rank: number } | undefined;
        let nearest: { line: Line; name: string; rank: number } | undefined;
        for (const r of seen.values()) {
          if (r.rank <= kind.rank) continue;
          if (!first || r.line.start < first.line.start) first = r;
          if (!nearest || r.rank < nearest.rank) nearest = r;
        }
        if (!first || !nearest) continue;
        const target = first.line;
        const fix = moveFix(file.text, proxy.section.lines, line, target);
        const shown = kind.name.startsWith('tcp-request') ? 'tcp-request' : kind.name;
        report({
          message: `${article(shown)} rule placed after ${article(nearest.name)} rule (line ${nearest.line.line}) will still be processed before it: HAProxy evaluates ${kind.name} rules first; move it above line ${target.line}`,
          start: line.words[0]?.start ?? line.start,
          end: line.contentEnd,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};

function moveFix(text: string, lines: Line[], line: Line, target: Line) {
  if (line.condDepth > 0 || target.condDepth > 0) return undefined;
  // ACLs the line uses must stay declared above it; capture slots too; no `.if` block crossed
  const uses = new Set(aclUsesInCondition(line).map((u) => u.name));
  const usesCapture = /capture/.test(line.words.map((w) => w.value).join(' '));
  for (const other of lines) {
    if (other.start < target.start || other.start >= line.start) continue;
    if (other.kind === 'directive') return undefined;
    if (other.keyword === 'acl' && other.args[0] && uses.has(other.args[0].value)) return undefined;
    if (usesCapture && (other.keyword.startsWith('capture') || other.keyword.startsWith('declare'))) return undefined;
  }
  // comment lines right above the rule (its description, a suppression comment) move with it
  let start = line.start;
  for (let i = lines.indexOf(line) - 1; i >= 0 && lines[i]!.kind === 'comment' && lines[i]!.start > target.start; i--) start = lines[i]!.start;
  let bytes = text.slice(start, line.end);
  if (line.eol === '') bytes += '\n';
  return {
    description: `move the line above line ${target.line}`,
    applicability: 'safe' as const,
    edits: [
      { start: target.start, end: target.start, text: bytes },
      { start, end: line.end, text: '' },
    ],
  };
}
