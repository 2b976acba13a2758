/**
 * Time values as HAProxy's parse_time_err() reads them: digits, then an optional unit among
 * `us`, `ms`, `s`, `m`, `h`, `d` (case-sensitive); a timer may not exceed 2147483647 ms (~24.8 days).
 */

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const MAX_TIMER_MS = 2147483647;

export type TimeReading =
  | { ok: true; ms: number }
  | { ok: false; reason: 'empty' | 'character'; character?: string }
  | { ok: false; reason: 'overflow' }
  /** a unit followed by more text (`1m30s`): HAProxy 2.6 warns and ignores the rest */
  | { ok: false; reason: 'trailing'; character: string };

/** Reads `text` as a time whose bare number is in `defaultUnit` (milliseconds for timers). */
export function readTime(text: string, defaultUnit: 'ms' | 's' = 'ms'): TimeReading {
  const m = /^(\d*)(.*)$/s.exec(text)!;
  const digits = m[1]!;
  const rest = m[2]!;
  if (digits === '') return text === '' ? { ok: false, reason: 'empty' } : { ok: false, reason: 'character', character: text[0] };
  let unit = defaultUnit as string;
  if (rest !== '') {
    const u = /^(us|ms|s|m|h|d)/.exec(rest);
    if (!u) return { ok: false, reason: 'character', character: rest[0] };
    if (u[1]!.length !== rest.length) return { ok: false, reason: 'trailing', character: rest[u[1]!.length]! };
    unit = u[1]!;
  }
  const ms = Number(digits) * UNIT_MS[unit]!;
  // HAProxy keeps the value in the keyword's own unit (seconds for some), bounded by INT_MAX there
  if (ms > (defaultUnit === 's' ? MAX_TIMER_MS * 1000 : MAX_TIMER_MS)) return { ok: false, reason: 'overflow' };
  return { ok: true, ms };
}
