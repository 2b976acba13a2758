/**
 * Array helpers for unbounded arrays: `target.push(...items)` and `Math.max(...items)` pass every item
 * as a call argument, which overflows the stack past ~120,000 items ("Maximum call stack size exceeded").
 */

/** Appends every item of `items` to `target` (in place) and returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  if (Array.isArray(items)) {
    // indexed: no iterator objects (this runs once or more per line)
    for (let i = 0; i < items.length; i++) target.push(items[i] as T);
  } else for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `empty` for no values. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let any = false;
  for (const v of values) {
    if (!any || v > max) max = v;
    any = true;
  }
  return max;
}
