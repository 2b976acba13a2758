/**
 * A small glob matcher (Node 20 has no fs.glob): `*` and `?` within one path segment, `**` for any
 * number of segments, `[abc]`/`[!a-z]` classes and `{a,b}` alternatives. Paths use `/`.
 * A pattern without a `/` matches the base name at any depth (like .gitignore), so `*.cfg`
 * matches `a/b/c.cfg`; a pattern with a `/` is anchored to the directory it is relative to.
 *
 * Patterns are compiled to a Thompson automaton and run as a set of states over the path, so matching
 * takes time proportional to (pattern length × path length), whatever the pattern: no backtracking
 * regex (a few `**` or `*a*a*a*b` made the former regex translation run for minutes).
 */

const GLOB_CHARS = /[*?[{]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** The leading directories of a pattern that contain no glob character: where to start walking. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isGlob(part)) break;
    base.push(part);
  }
  if (base.length === 0) return pattern.startsWith('/') ? '/' : '.';
  const joined = base.join('/');
  return joined === '' ? '/' : joined;
}

/** A pattern that cannot be compiled (`[z-a]`): a configuration error for the key that holds it. */
export class GlobError extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(`invalid glob '${pattern}': ${reason}`);
    this.name = 'GlobError';
  }
}

const SLASH = 47;

/** An automaton state: reads one character (test), or moves without reading (epsilon edges). */
interface State {
  test?: (code: number) => boolean;
  /** where the character read leads */
  next?: State;
  /** epsilon edges */
  epsilon: State[];
  accept?: boolean;
  mark: number;
}

const state = (test?: (code: number) => boolean): State => ({ ...(test ? { test } : {}), epsilon: [], mark: -1 });

/** A piece of automaton with one entry and dangling exits to connect to what follows. */
interface Fragment {
  start: State;
  /** connects every exit to `to` */
  connect(to: State): void;
}

function reads(test: (code: number) => boolean): Fragment {
  const s = state(test);
  return { start: s, connect: (to) => void (s.next = to) };
}

function sequence(parts: Fragment[]): Fragment {
  if (parts.length === 0) {
    const empty = state();
    return { start: empty, connect: (to) => void empty.epsilon.push(to) };
  }
  for (let i = 0; i + 1 < parts.length; i++) parts[i]!.connect(parts[i + 1]!.start);
  return { start: parts[0]!.start, connect: (to) => parts[parts.length - 1]!.connect(to) };
}

function alternatives(options: Fragment[]): Fragment {
  const fork = state();
  for (const o of options) fork.epsilon.push(o.start);
  return { start: fork, connect: (to) => options.forEach((o) => o.connect(to)) };
}

/** zero or more of `body` (made fresh by the caller, whose exits loop back) */
function repeat(body: Fragment): Fragment {
  const loop = state();
  loop.epsilon.push(body.start);
  body.connect(loop);
  return { start: loop, connect: (to) => void loop.epsilon.push(to) };
}

const notSlash = (code: number) => code !== SLASH;

/** `[...]` at pattern[i]: the test and where it ends; undefined when there is no closing `]` (then `[` is literal). */
function readClass(pattern: string, i: number): { test: (code: number) => boolean; end: number } | undefined {
  const close = pattern.indexOf(']', i + 2);
  if (close === -1) return undefined;
  let body = pattern.slice(i + 1, close);
  const negated = body.startsWith('!') || body.startsWith('^');
  if (negated) body = body.slice(1);
  const ranges: [number, number][] = [];
  for (let k = 0; k < body.length; k++) {
    const low = body.charCodeAt(k);
    if (body[k + 1] === '-' && k + 2 < body.length) {
      const high = body.charCodeAt(k + 2);
      if (high < low) throw new GlobError(pattern, `the range '${body.slice(k, k + 3)}' is out of order`);
      ranges.push([low, high]);
      k += 2;
    } else ranges.push([low, low]);
  }
  const inRanges = (code: number) => ranges.some(([low, high]) => code >= low && code <= high);
  return { test: negated ? (code) => code !== SLASH && !inRanges(code) : inRanges, end: close + 1 };
}

/** Compiles a pattern; throws GlobError for one that cannot mean anything. */
function compile(pattern: string): State {
  let i = 0;
  // reads a sequence up to a `,` or `}` of the enclosing braces (depth > 0) or the end
  const readSequence = (depth: number): Fragment => {
    const parts: Fragment[] = [];
    while (i < pattern.length) {
      const c = pattern[i]!;
      if (depth > 0 && (c === ',' || c === '}')) break;
      if (c === '*') {
        if (pattern[i + 1] === '*') {
          const atSegmentStart = i === 0 || pattern[i - 1] === '/';
          const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
          if (atSegmentStart && atSegmentEnd) {
            if (pattern[i + 2] === '/') {
              // `**/`: zero or more directories
              parts.push(repeat(sequence([repeat(reads(notSlash)), reads((code) => code === SLASH)])));
              i += 3;
            } else {
              // a trailing `**`: everything below
              parts.push(repeat(reads(() => true)));
              i += 2;
            }
            continue;
          }
          parts.push(repeat(reads(notSlash)));
          i += 2;
          continue;
        }
        parts.push(repeat(reads(notSlash)));
        i++;
      } else if (c === '?') {
        parts.push(reads(notSlash));
        i++;
      } else if (c === '[') {
        const cls = readClass(pattern, i);
        if (!cls) {
          parts.push(reads((code) => code === 91));
          i++;
          continue;
        }
        parts.push(reads(cls.test));
        i = cls.end;
      } else if (c === '{') {
        i++;
        const options = [readSequence(depth + 1)];
        while (pattern[i] === ',') {
          i++;
          options.push(readSequence(depth + 1));
        }
        // an unclosed `{` closes at the end of the pattern
        if (pattern[i] === '}') i++;
        parts.push(alternatives(options));
      } else if (c === '\\' && i + 1 < pattern.length) {
        const code = pattern.charCodeAt(i + 1);
        parts.push(reads((x) => x === code));
        i += 2;
      } else {
        const code = pattern.charCodeAt(i);
        parts.push(reads((x) => x === code));
        i++;
      }
    }
    return sequence(parts);
  };
  const whole = readSequence(0);
  const accept = state();
  accept.accept = true;
  whole.connect(accept);
  return whole.start;
}

/** A compiled glob: `test(path)` is true when the whole path matches. */
export interface GlobMatcher {
  readonly pattern: string;
  test(path: string): boolean;
}

let generation = 0;

/** adds `s` and what its epsilon edges reach to `into` (each state once per step) */
function addClosure(s: State, into: State[], step: number): void {
  const stack = [s];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.mark === step) continue;
    current.mark = step;
    if (current.test || current.accept) into.push(current);
    for (const e of current.epsilon) if (e.mark !== step) stack.push(e);
  }
}

export function compileGlob(pattern: string): GlobMatcher {
  const start = compile(pattern);
  return {
    pattern,
    test(path: string): boolean {
      let current: State[] = [];
      addClosure(start, current, ++generation);
      for (let k = 0; k < path.length && current.length > 0; k++) {
        const code = path.charCodeAt(k);
        const next: State[] = [];
        const step = ++generation;
        for (const s of current) if (s.test && s.test(code) && s.next) addClosure(s.next, next, step);
        current = next;
      }
      return current.some((s) => s.accept === true);
    },
  };
}

/** @deprecated the name of the former regex translation; returns a matcher with the same `test` */
export const globToRegExp = compileGlob;

/** A compiled list of patterns, matched against a path relative to their base directory. */
export class GlobSet {
  private readonly anchored: GlobMatcher[] = [];
  private readonly basename: GlobMatcher[] = [];

  /** throws GlobError for a pattern that cannot be compiled */
  constructor(patterns: readonly string[]) {
    for (let pattern of patterns) {
      if (pattern.startsWith('./')) pattern = pattern.slice(2);
      if (pattern.endsWith('/')) pattern += '**';
      if (pattern.includes('/')) this.anchored.push(compileGlob(pattern.replace(/^\//, '')));
      else this.basename.push(compileGlob(pattern));
    }
  }

  get empty(): boolean {
    return this.anchored.length === 0 && this.basename.length === 0;
  }

  /** relative: a path relative to the patterns' directory, with `/` separators */
  matches(relative: string): boolean {
    if (this.anchored.some((m) => m.test(relative))) return true;
    if (this.basename.length === 0) return false;
    const segments = relative.split('/');
    const name = segments[segments.length - 1]!;
    if (this.basename.some((m) => m.test(name))) return true;
    // a directory pattern like `vendor` excludes everything below it
    return segments.slice(0, -1).some((dir) => this.basename.some((m) => m.test(dir)));
  }
}
