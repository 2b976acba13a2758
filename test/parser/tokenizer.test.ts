import { describe, expect, test } from 'vitest';
import { parseConfig, decodeWord } from '../../src/parser/index.js';

/** The words HAProxy would see on the first keyword line of `global\n<line>\n`. */
function wordsOf(line: string): string[] {
  const file = parseConfig(`global\n${line}\n`);
  return file.lines[1]!.words.map((w) => w.value);
}
function codesOf(text: string): string[] {
  return parseConfig(text).syntaxErrors.map((e) => e.code);
}

describe('word splitting (haproxy-language.md §1.2)', () => {
  test('blanks separate words: SP, TAB, VT, FF', () => {
    expect(wordsOf('a b\tc\vd\fe')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  test('NBSP is not a separator', () => {
    expect(wordsOf('a\u00a0b')).toEqual(['a\u00a0b']);
  });
  test('quoted and unquoted pieces glue into one word', () => {
    expect(wordsOf(`a"b c"'d'`)).toEqual(['ab cd']);
    expect(wordsOf(`a"b c"d`)).toEqual(['ab cd']);
  });
  test('empty quoted words are arguments', () => {
    expect(wordsOf(`x "" ''`)).toEqual(['x', '', '']);
  });
  test('an empty argument followed by more words is reported', () => {
    expect(codesOf('global\n  x "" y\n')).toContain('syntax/empty-argument');
    expect(codesOf('global\n  x y ""\n')).not.toContain('syntax/empty-argument');
  });
  test('64 words are fine, 65 are fatal', () => {
    expect(codesOf(`global\n${Array(64).fill('w').join(' ')}\n`)).toEqual([]);
    expect(codesOf(`global\n${Array(65).fill('w').join(' ')}\n`)).toEqual(['syntax/too-many-words']);
  });
});

describe('comments (§1.3)', () => {
  test('# starts a comment even in the middle of a word', () => {
    const file = parseConfig('global#this is the global section\n  maxconn 10#x\n');
    expect(file.sections[0]!.kind).toBe('global');
    expect(file.lines[1]!.words.map((w) => w.value)).toEqual(['maxconn', '10']);
    expect(file.lines[1]!.comment?.text).toBe('#x');
  });
  test('# is literal inside quotes and when escaped', () => {
    expect(wordsOf(`'#x' "a#b" a\\#b`)).toEqual(['#x', 'a#b', 'a#b']);
  });
});

describe('quotes (§1.4)', () => {
  test('single quotes keep everything literal', () => {
    expect(wordsOf(`'a\\nb' '$HOME' 'a"b'`)).toEqual(['a\\nb', '$HOME', 'a"b']);
  });
  test('double quotes keep single quotes literal', () => {
    expect(wordsOf(`"default-src 'self'; script-src 'self';"`)).toEqual(["default-src 'self'; script-src 'self';"]);
  });
  test('an unterminated quote is a fatal error and the rest of the file still parses', () => {
    const file = parseConfig('global\n  x "abc\n  maxconn 10\n');
    expect(file.syntaxErrors.map((e) => [e.code, e.line, e.column])).toEqual([['syntax/unterminated-quote', 2, 5]]);
    expect(file.lines[2]!.keyword).toBe('maxconn');
  });
  test('no quote spans lines', () => {
    expect(codesOf("global\n  x 'a\n  b'\n")).toEqual(['syntax/unterminated-quote', 'syntax/unterminated-quote']);
  });
  test('quoting is recorded per word', () => {
    const words = parseConfig(`global\n  a "b" 'c' d"e" \\ \n`).lines[1]!.words;
    expect(words.map((w) => w.quoting)).toEqual(['none', 'double', 'single', 'mixed', 'none']);
  });
});

describe('backslash escapes (§1.5, the manual is wrong on two)', () => {
  test.each([
    ['a\\ b', 'a b'],
    ['a\\\\b', 'a\\b'],
    ['a\\tb', 'a\tb'],
    ['a\\nb', 'a\nb'],
    ['a\\rb', 'a\rb'],
    ['a\\#b', 'a#b'],
    ["a\\'b", "a'b"],
    ['a\\"b', 'a"b'],
    ['a\\x41b', 'aAb'],
    ['"a\\$b"', 'a$b'],
    ['"a\\\'b"', "a'b"],
  ])('%s → %j', (raw, value) => {
    expect(decodeWord(raw).value).toBe(value);
  });
  test('unknown escapes keep their backslash: application\\json is the seed bug', () => {
    expect(wordsOf('hdr Accept application\\json')).toEqual(['hdr', 'Accept', 'application\\json']);
    expect(wordsOf('"a\\jb" \\d+ \\.')).toEqual(['a\\jb', '\\d+', '\\.']);
  });
  test('backslash-TAB is not an escape (the manual says it is)', () => {
    expect(wordsOf('a\\\tb')).toEqual(['a\\', 'b']);
  });
  test('unquoted \\$ is not an escape (the manual says it is)', () => {
    expect(wordsOf('a\\$b')).toEqual(['a\\$b']);
  });
  test('a backslash at the end of a line is literal: no continuation', () => {
    const file = parseConfig('global\n  a\\\n  b\n');
    expect(file.lines[1]!.words.map((w) => w.value)).toEqual(['a\\']);
    expect(file.lines[2]!.keyword).toBe('b');
  });
  test('an invalid \\x sequence is fatal', () => {
    expect(codesOf('global\n  a\\x4g\n')).toEqual(['syntax/bad-hex-escape']);
    expect(codesOf('global\n  a\\x4\n')).toEqual(['syntax/bad-hex-escape']);
  });
  test('the manual\'s log-format example: all strictly equivalent', () => {
    const lines = [
      'log-format %{+Q}o\\ %t\\ %s\\ %{-Q}r',
      'log-format "%{+Q}o %t %s %{-Q}r"',
      "log-format '%{+Q}o %t %s %{-Q}r'",
      `log-format "%{+Q}o %t"' %s %{-Q}r'`,
      `log-format "%{+Q}o %t"' %s'\\ %{-Q}r`,
    ];
    for (const line of lines) expect(wordsOf(line)).toEqual(['log-format', '%{+Q}o %t %s %{-Q}r']);
  });
  test('the manual\'s regsub example keeps escaped quotes for the second level', () => {
    expect(wordsOf('http-request set-path %[path,regsub(\\"(foo|bar)\\",blah,g)]')).toEqual(['http-request', 'set-path', '%[path,regsub("(foo|bar)",blah,g)]']);
  });
});

describe('environment variables (§1.6)', () => {
  test('only inside double quotes', () => {
    const word = parseConfig('global\n  x "$HOME" ${HOME} $HOME\n').lines[1]!.words;
    expect(word[1]!.envRefs.map((r) => r.name)).toEqual(['HOME']);
    expect(word[2]!.envRefs).toEqual([]);
    expect(word[3]!.envRefs).toEqual([]);
    expect(word[2]!.value).toBe('${HOME}');
  });
  test('braces, defaults, word expansion, pseudo-variables', () => {
    const refs = decodeWord('"${A}x ${B-def ault} ${C[*]} ${.LINE}"').envRefs;
    expect(refs.map((r) => [r.name, r.defaultValue, r.wordExpansion])).toEqual([
      ['A', undefined, false], ['B', 'def ault', false], ['C', undefined, true], ['.LINE', undefined, false],
    ]);
  });
  test.each([
    ['"cost $5"', 'syntax/bad-variable-name'],
    ['"a$"', 'syntax/bad-variable-name'],
    ['"^/(a|$)"', 'syntax/bad-variable-name'],
    ['"${.NOPE}"', 'syntax/bad-variable-name'],
    ['"${X[0]}"', 'syntax/bad-word-expansion'],
    ['"${X"', 'syntax/unmatched-brace'],
  ])('%s is fatal (%s)', (word, code) => {
    expect(codesOf(`global\n  x ${word}\n`)).toContain(code);
  });
  test('env references keep their offsets in the file', () => {
    const file = parseConfig('global\n  x "a${HOME}"\n');
    const ref = file.lines[1]!.words[1]!.envRefs[0]!;
    expect(file.text.slice(ref.start, ref.end)).toBe('${HOME}');
  });
});

describe('lines (§1.1)', () => {
  test('CRLF endings are kept and work', () => {
    const file = parseConfig('global\r\n  maxconn 10\r\n');
    expect(file.lines.map((l) => l.eol)).toEqual(['\r\n', '\r\n']);
    expect(file.lines[1]!.words.map((w) => w.value)).toEqual(['maxconn', '10']);
    expect(file.syntaxErrors).toEqual([]);
  });
  test('a bare CR ends the line: the rest is ignored, and reported', () => {
    const file = parseConfig('global\n  a\rb c\n');
    expect(file.lines[1]!.words.map((w) => w.value)).toEqual(['a']);
    expect(file.syntaxErrors.map((e) => [e.code, e.fatal])).toEqual([['syntax/bare-cr', false]]);
  });
  test('a NUL byte truncates the line and is fatal', () => {
    const file = parseConfig('global\n  a\0b\n');
    expect(file.lines[1]!.words.map((w) => w.value)).toEqual(['a']);
    expect(file.syntaxErrors.map((e) => e.code)).toEqual(['syntax/nul-byte']);
  });
  test('a missing final LF is reported; an empty file is not', () => {
    expect(codesOf('global')).toEqual(['syntax/missing-final-newline']);
    expect(codesOf('')).toEqual([]);
  });
  test('a UTF-8 BOM is kept outside the first word', () => {
    const file = parseConfig('\ufeffglobal\n');
    expect(file.bomLength).toBe(1);
    expect(file.sections[0]!.kind).toBe('global');
    expect(file.sections[0]!.header.words[0]!.start).toBe(1);
  });
  test('leading blanks are the indentation', () => {
    const line = parseConfig('global\n \t maxconn 1\n').lines[1]!;
    expect([line.indent.start, line.indent.end]).toEqual([7, 10]);
  });
});

describe('conditional blocks and directives (§1.7)', () => {
  test('balanced blocks are fine and lines inside are still tokenized', () => {
    const file = parseConfig('global\n.if defined(X)\n  a "b\n.elif 1\n.else\n.endif\n');
    expect(file.syntaxErrors.map((e) => e.code)).toEqual(['syntax/unterminated-quote']);
    expect(file.lines[2]!.condDepth).toBe(1);
  });
  test.each([
    ['.endif', "lone '.endif'"],
    ['.else', "lone '.else'"],
    ['.elif 1', "lone '.elif'"],
    ['.if 1', "non-terminated '.if'"],
    ['.if 1\n.else\n.else\n.endif', "'.else' after '.else'"],
    ['.if 1\n.else\n.elif 1\n.endif', "'.elif' after '.else'"],
    ['.if 1\n.endif x', 'Unexpected argument'],
    ['.notice a b', 'Unexpected argument'],
    ['.frobnicate', 'unknown directive'],
  ])('%j → %s', (lines, message) => {
    const errors = parseConfig(`global\n${lines}\n`).syntaxErrors;
    expect(errors.map((e) => e.message).join('|')).toContain(message);
  });
});

describe('sections and keywords (§1.8, §1.9)', () => {
  test('every 2.6 → 3.x section kind opens a section, with names and from', () => {
    const kinds = ['global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers', 'mailers', 'program', 'http-errors', 'ring', 'cache', 'log-forward', 'fcgi-app', 'crt-store', 'traces', 'log-profile', 'acme', 'healthcheck'];
    const text = kinds.map((k) => (k === 'global' || k === 'defaults' || k === 'traces' ? k : `${k} n_${k.replace('-', '_')}`)).join('\n') + '\n';
    const file = parseConfig(text);
    expect(file.sections.map((s) => s.kind)).toEqual(kinds);
    expect(file.syntaxErrors).toEqual([]);
  });
  test('defaults with a name and from; proxies with from', () => {
    const file = parseConfig('defaults base\ndefaults web from base\ndefaults from base\nbackend b from web\n');
    expect(file.sections.map((s) => [s.name?.value, s.from?.value])).toEqual([['base', undefined], ['web', 'base'], [undefined, 'base'], ['b', 'web']]);
  });
  test('lines before the first section are the prologue', () => {
    const file = parseConfig('# header\n\nglobal\n');
    expect(file.prologue.map((l) => l.kind)).toEqual(['comment', 'blank']);
  });
  test('a keyword before any section is fatal', () => {
    expect(codesOf('maxconn 1\nglobal\n')).toEqual(['syntax/out-of-section']);
  });
  test('section keywords are case-sensitive', () => {
    expect(codesOf('Global\n')).toEqual(['syntax/out-of-section']);
  });
  test('a listening address on a frontend line is refused', () => {
    expect(parseConfig('frontend web *:80\n').syntaxErrors[0]!.message).toContain("'bind'");
  });
  test.each([
    ['option httpchk GET /', 'option httpchk', undefined, ['GET', '/']],
    ['no option httplog', 'option httplog', 'no', []],
    ['default log global', 'log', 'default', ['global']],
    ['timeout connect 5s', 'timeout connect', undefined, ['5s']],
    ['http-check send meth GET', 'http-check send', undefined, ['meth', 'GET']],
    ['http-request set-header X y', 'http-request', undefined, ['set-header', 'X', 'y']],
    ['capture request header Host len 20', 'capture request header', undefined, ['Host', 'len', '20']],
    ['capture cookie c len 20', 'capture cookie', undefined, ['c', 'len', '20']],
    ['default-server inter 1s', 'default-server', undefined, ['inter', '1s']],
    ['stats auth a:b', 'stats auth', undefined, ['a:b']],
    ['tcp-request content accept', 'tcp-request content', undefined, ['accept']],
  ])('%s → keyword %j', (line, keyword, modifier, args) => {
    const parsed = parseConfig(`backend b\n  ${line}\n`).lines[1]!;
    expect([parsed.keyword, parsed.modifier, parsed.args.map((a) => a.value)]).toEqual([keyword, modifier, args]);
  });
});
