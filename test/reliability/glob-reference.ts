/**
 * The former glob → regex translation (src/cli/glob.ts before the automaton), kept as the reference the
 * automaton must agree with. Exponential on some patterns: only for short patterns and paths in tests.
 */
export function referenceGlob(pattern: string): RegExp {
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
          if (pattern[i + 2] === '/') {
            source += '(?:[^/]*/)*';
            i += 3;
          } else {
            source += '[^]*';
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
      source += pattern[i + 1]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i += 2;
    } else {
      source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    }
  }
  while (braceDepth-- > 0) source += ')';
  return new RegExp(`^${source}$`);
}
