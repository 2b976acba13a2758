/** Bounded polling: no test waits forever. */
export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** what is being waited for, for the timeout message */
  what?: string;
}

/**
 * Polls `predicate` until it returns a truthy value (returned) or the time is up (throws, including the
 * last value or error seen, which is usually what explains the failure).
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, options: WaitOptions): Promise<NonNullable<T>> {
  const { timeoutMs, intervalMs = 100, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${detail})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
