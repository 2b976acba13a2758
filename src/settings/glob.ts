/**
 * A small glob matcher (Node 20 has no fs.glob): `*` and `?` within one path segment, `**` for any
 * number of segments, `[abc]`/`[!a-z]` classes and `{a,b}` alternatives. Paths use `/`.
 * A pattern without a `/` matches the base name at any depth (like .gitignore), so `*.cfg`
 * matches `a/b/c.cfg`; a pattern with a `/` is anchored to the directory it is relative to.
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

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let i = 0;
  let braceDepth = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` matches zero or more directories; a trailing `**` matches everything below
          if (pattern[i + 2] === '/') {
            source += '(?:[^/]*/)*';
            i += 3;
          } else {
            source += '.*';
            i += 2;
          }
          continue;
        }
        source += '[^/]*';
        i += 2;
        continue;
      }
      source += '[^/]*';
      i++;
    } else if (c === '?') {
      source += '[^/]';
      i++;
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
        i++;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      body = body.replace(/[\\\]^]/g, (m) => `\\${m}`);
      source += negated ? `[^/${body}]` : `[${body}]`;
      i = close + 1;
    } else if (c === '{') {
      source += '(?:';
      braceDepth++;
      i++;
    } else if (c === '}' && braceDepth > 0) {
      source += ')';
      braceDepth--;
      i++;
    } else if (c === ',' && braceDepth > 0) {
      source += '|';
      i++;
    } else if (c === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[i + 1]!);
      i += 2;
    } else {
      source += escapeRegExp(c);
      i++;
    }
  }
  while (braceDepth-- > 0) source += ')';
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A compiled list of patterns, matched against a path relative to their base directory. */
export class GlobSet {
  private readonly anchored: RegExp[] = [];
  private readonly basename: RegExp[] = [];

  constructor(patterns: readonly string[]) {
    for (let pattern of patterns) {
      if (pattern.startsWith('./')) pattern = pattern.slice(2);
      if (pattern.endsWith('/')) pattern += '**';
      if (pattern.includes('/')) this.anchored.push(globToRegExp(pattern.replace(/^\//, '')));
      else this.basename.push(globToRegExp(pattern));
    }
  }

  get empty(): boolean {
    return this.anchored.length === 0 && this.basename.length === 0;
  }

  /** relative: a path relative to the patterns' directory, with `/` separators */
  matches(relative: string): boolean {
    if (this.anchored.some((re) => re.test(relative))) return true;
    if (this.basename.length === 0) return false;
    const segments = relative.split('/');
    const name = segments[segments.length - 1]!;
    if (this.basename.some((re) => re.test(name))) return true;
    // a directory pattern like `vendor` excludes everything below it
    return segments.slice(0, -1).some((dir) => this.basename.some((re) => re.test(dir)));
  }
}
