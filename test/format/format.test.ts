/**
 * The formatter: layout cases, and the properties that make it safe to run on any file — over the
 * shared corpus (real-world files, HAProxy's regression-test configs, templates) when present and
 * the repository's own fixtures always: the words, quotes and comments of every line are the same
 * before and after, formatting twice changes nothing, and blank-only differences format alike.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { formatText, type FormatOptions } from '../../src/format/format.js';
import { parseConfig } from '../../src/parser/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED_CORPUS = join(ROOT, '../shared/corpus');

/** every .cfg file below a directory */
function cfgFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? cfgFiles(path) : name.endsWith('.cfg') ? [path] : [];
  });
}

/** What HAProxy reads from a file: each non-blank line's kind, words as written and comment. */
function meaning(text: string): string[] {
  return parseConfig(text).lines.filter((l) => l.kind !== 'blank').map((l) => `${l.kind}|${l.words.map((w) => w.raw).join('\u0001')}|${l.comment?.text.trimEnd() ?? ''}`);
}

const OPTIONS: FormatOptions[] = [{}, { indent: 2, alignServers: true }, { indent: 'tab' }];

describe('layout', () => {
  test('indents bodies, puts headers at column 0, one blank line between sections, no trailing blanks', () => {
    const input = [
      '',
      '# top comment',
      '  global   ',
      'maxconn 100',
      '\t\tlog stdout format raw local0   # why',
      'defaults',
      '  mode http',
      '',
      '',
      '',
      '  timeout client 5s',
      '# the frontend',
      'frontend web',
      '        bind :80',
      '   # an indented comment stays with its section',
      '',
      '',
      'backend app',
      '  server a 127.0.0.1:8000 check',
      '',
      '',
    ].join('\n');
    expect(formatText(input)).toBe([
      '# top comment',
      'global',
      '    maxconn 100',
      '    log stdout format raw local0   # why',
      '',
      'defaults',
      '    mode http',
      '',
      '    timeout client 5s',
      '',
      '# the frontend',
      'frontend web',
      '    bind :80',
      '    # an indented comment stays with its section',
      '',
      'backend app',
      '    server a 127.0.0.1:8000 check',
      '',
    ].join('\n'));
  });

  test('indent 2 or tab, as .haproxy-lint.json sets', () => {
    const input = 'backend app\n    server a 127.0.0.1:80\n';
    expect(formatText(input, { indent: 2 })).toBe('backend app\n  server a 127.0.0.1:80\n');
    expect(formatText(input, { indent: 'tab' })).toBe('backend app\n\tserver a 127.0.0.1:80\n');
  });

  test('aligns the names and addresses of consecutive server lines when asked', () => {
    const input = 'backend app\n  server a 10.0.0.1:80 check\n  server bbbb 10.0.0.22:8080 check weight 2 # main\n  server c 10.0.0.3:80\n';
    expect(formatText(input, { alignServers: true })).toBe([
      'backend app',
      '    server a    10.0.0.1:80    check',
      '    server bbbb 10.0.0.22:8080 check weight 2 # main',
      '    server c    10.0.0.3:80',
      '',
    ].join('\n'));
    expect(formatText(input)).toBe(input.replace(/^ {2}/gm, '    '));
  });

  test('keeps CRLF line ends and a BOM', () => {
    const input = '\ufeffglobal\r\n  maxconn 1\r\nbackend b\r\n  server s 1.2.3.4:80\r\n';
    expect(formatText(input)).toBe('\ufeffglobal\r\n    maxconn 1\r\n\r\nbackend b\r\n    server s 1.2.3.4:80\r\n');
  });

  test('leaves .if blocks and template tags alone', () => {
    const input = [
      'global',
      '.if defined(DEBUG)',
      '  log stdout   local0',
      '',
      '',
      '.endif',
      'backend {{ name }}',
      '{% for s in servers %}',
      '  server {{ s.name }} {{ s.addr }}',
      '{% endfor %}',
      '  balance roundrobin',
      '',
    ].join('\n');
    expect(formatText(input)).toBe(input.replace('  balance', '    balance'));
  });

  test('an already formatted file is returned unchanged, quotes, escapes and comments included', () => {
    const input = 'frontend f\n    http-request set-header X-A "a  b"\\ c  # keep   this\n    acl x path_beg \'/a b\'\n';
    expect(formatText(input)).toBe(input);
  });
});

describe('properties', () => {
  const corpus = [...cfgFiles(join(ROOT, 'fixtures')), ...['real', 'reg-tests', 'templated'].flatMap((d) => cfgFiles(join(SHARED_CORPUS, d)))];
  if (!existsSync(SHARED_CORPUS)) console.warn(`notice: ${SHARED_CORPUS} not found; the formatter properties run over fixtures/ only`);

  test('over the whole corpus: same words, quotes and comments; idempotent; line ends and BOM kept', () => {
    expect(corpus.length).toBeGreaterThan(existsSync(SHARED_CORPUS) ? 600 : 50);
    const wrong: string[] = [];
    let changed = 0;
    for (const path of corpus) {
      const text = readFileSync(path, 'latin1');
      const before = meaning(text);
      for (const options of OPTIONS) {
        const output = formatText(text, options);
        if (output !== text) changed++;
        if (JSON.stringify(meaning(output)) !== JSON.stringify(before)) wrong.push(`${path}: words changed with ${JSON.stringify(options)}`);
        if (formatText(output, options) !== output) wrong.push(`${path}: not idempotent with ${JSON.stringify(options)}`);
        if (text.startsWith('\ufeff') !== output.startsWith('\ufeff')) wrong.push(`${path}: BOM`);
        if (text.includes('\r\n') !== output.includes('\r\n')) wrong.push(`${path}: CRLF`);
      }
    }
    expect(wrong).toEqual([]);
    // the test would prove nothing if the formatter never changed anything
    expect(changed).toBeGreaterThan(corpus.length / 4);
  });

  test('files that differ only in indentation, trailing blanks and blank-run lengths format alike', () => {
    const samples = corpus.filter((p) => p.includes('/fixtures/rules/')).map((p) => readFileSync(p, 'latin1'))
      // .if blocks are copied as they are; a BOM read as Latin-1 is three letters, not a BOM (the corpus test covers BOMs)
      .filter((t) => !/^\s*\.(if|elif|else|endif)/m.test(t) && !t.startsWith('\u00ef\u00bb\u00bf'));
    expect(samples.length).toBeGreaterThan(20);
    fc.assert(fc.property(fc.constantFrom(...samples), fc.array(fc.nat(7), { minLength: 64, maxLength: 64 }), (text, noise) => {
      let n = 0;
      const pick = () => noise[n++ % noise.length]!;
      const file = parseConfig(text);
      // perturb only blanks the formatter owns: body indentation, trailing blanks, lengths of blank runs
      const perturbed = file.lines.map((line) => {
        const content = text.slice(line.start, line.contentEnd);
        // text after a bare CR is copied as it is
        if (line.ignoredTail) return content + line.eol;
        if (line.kind === 'blank') return '\n'.repeat(1 + (pick() % 3)).slice(0, -1) + line.eol;
        const trailing = ' '.repeat(pick() % 3);
        if (line.kind === 'keyword') return ' '.repeat(pick()) + content.trimStart() + trailing + line.eol;
        return content + trailing + line.eol;
      }).join('');
      expect(formatText(perturbed)).toBe(formatText(text));
    }), { numRuns: 200 });
  });
});
