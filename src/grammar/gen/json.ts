/**
 * Deterministic pretty JSON: object keys sorted, 2-space indent, and small
 * leaf objects/arrays kept on one line so per-keyword records stay readable
 * (and the files stay small enough to diff).
 */
const INLINE_MAX = 100;

function isLeaf(v: unknown): boolean {
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object');
  if (v && typeof v === 'object') {
    return Object.values(v).every((x) => x === null || typeof x !== 'object' || (Array.isArray(x) && isLeaf(x)));
  }
  return true;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

function renderInline(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(renderInline).join(', ')}]`;
  if (Object.keys(v).length === 0) return "{}";
  return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${renderInline(x)}`).join(', ')} }`;
}

function render(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (isLeaf(v)) {
    const inline = renderInline(v);
    if (inline.length + indent.length <= INLINE_MAX) return inline;
  }
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + render(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${render(x, inner)}`).join(',\n')}\n${indent}}`;
}

export function stableJson(value: unknown): string {
  return render(sortKeys(value), '') + '\n';
}
