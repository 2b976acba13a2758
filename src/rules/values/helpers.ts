import type { Word } from '../../parser/ast.js';
import type { Fix } from '../../engine/types.js';
import type { LineContext } from './problems.js';
import { readTime, MAX_TIMER_MS } from './time.js';

/** `'a', 'b' and 'c'` */
export function listOf(values: readonly string[], conjunction = 'or'): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/**
 * The fix for a value of a closed set written in the wrong case (HAProxy compares them
 * case-sensitively): safe, since only one member can be meant.
 */
export function caseFix(word: Word, allowed: readonly string[]): Fix | undefined {
  if (word.raw !== word.value) return undefined;
  const hit = allowed.filter((a) => a.toLowerCase() === word.value.toLowerCase());
  if (hit.length !== 1 || hit[0] === word.value) return undefined;
  return { description: `write '${hit[0]}'`, applicability: 'safe', edits: [{ start: word.start, end: word.end, text: hit[0]! }] };
}

/** Reports `word` when it is not one of `allowed`; true when it is. */
export function expectOneOf(ctx: LineContext, word: Word, allowed: readonly string[], what: string): boolean {
  if (allowed.includes(word.value)) return true;
  const fix = caseFix(word, allowed);
  const hint = fix ? ` (values are case-sensitive: '${fix.edits[0]!.text}')` : '';
  ctx.problem('value', `${what} expects ${listOf(allowed)}, not '${word.value}'${hint}`, word, fix);
  return false;
}

/** Reports the words from `from` on as unexpected; `what` names what takes no more argument. */
export function unexpected(ctx: LineContext, words: readonly Word[], from: number, what: string): void {
  const first = words[from];
  if (!first) return;
  ctx.problem('extra', `${what} cannot handle unexpected argument '${first.value}'`, { start: first.start, end: words[words.length - 1]!.end });
}

/**
 * Checks a time argument (`inter 2s`): a character HAProxy does not read as part of the time, a
 * timer over the maximum. `unit` is the unit of a bare number; `zero` whether 0 is refused.
 */
export function checkTime(ctx: LineContext, word: Word, what: string, unit: 'ms' | 's' = 'ms', zero = false): void {
  const t = readTime(word.value, unit);
  if (t.ok) {
    if (zero && t.ms === 0) ctx.problem('range', `${what} must be greater than 0, not '${word.value}'`, word);
    return;
  }
  if (t.reason === 'overflow') {
    const max = unit === 's' ? `${MAX_TIMER_MS} s (~68 years)` : `${MAX_TIMER_MS} ms (~24.8 days)`;
    ctx.problem('time', `timer overflow in '${word.value}' for ${what}: the maximum is ${max}`, word);
  } else if (t.reason === 'character' || t.reason === 'empty') {
    const c = t.reason === 'character' ? t.character! : '';
    ctx.problem('time', `unexpected character '${c}' in the time '${word.value}' for ${what}: expected a number with an optional unit us, ms, s, m, h or d (e.g. 2s, 100ms)`, word);
  }
  // 'trailing' (`1m30s`): HAProxy 2.6 warns and reads 1m; left to the checks that own it
}

/** Whether the word is a plain non-negative integer. */
export function isUnsigned(value: string): boolean {
  return /^\d+$/.test(value);
}
