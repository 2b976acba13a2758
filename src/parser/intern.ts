/**
 * Shared strings for the words that start lines. A config repeats a few dozen keywords thousands of
 * times; handing out one string per distinct keyword instead of a fresh slice per line keeps the
 * parser's allocations (and the garbage collector's work) per line small.
 */
const MAX_ENTRIES = 4096;
const buckets = new Map<number, string[]>();
let entries = 0;

/** The string text[from, to), shared with every earlier call for the same characters. */
export function internSlice(text: string, from: number, to: number): string {
  const length = to - from;
  if (length === 0) return '';
  const key = length * 65536 + text.charCodeAt(from);
  const bucket = buckets.get(key);
  if (bucket) {
    for (const candidate of bucket) if (text.startsWith(candidate, from)) return candidate;
  }
  const slice = text.slice(from, to);
  if (entries < MAX_ENTRIES) {
    if (bucket) bucket.push(slice);
    else buckets.set(key, [slice]);
    entries++;
  }
  return slice;
}

const joined = new Map<string, Map<string, string>>();

/** `${a} ${b}`, shared for the same pair (`option httpchk`, `timeout connect`). */
export function internJoin(a: string, b: string): string {
  let inner = joined.get(a);
  if (!inner) {
    if (joined.size >= MAX_ENTRIES) return `${a} ${b}`;
    joined.set(a, (inner = new Map()));
  }
  let result = inner.get(b);
  if (result === undefined) {
    result = `${a} ${b}`;
    if (inner.size < MAX_ENTRIES) inner.set(b, result);
  }
  return result;
}
