import type { ConfigFile, Line, Section, Word } from '../parser/ast.js';

/** The syntax tree as plain JSON (like nginx's crossplane): every node with offsets, lines and columns. */
export function treeToJson(file: ConfigFile, path: string, encoding: string) {
  const word = (w: Word) => ({
    raw: w.raw, value: w.value, quoting: w.quoting,
    start: w.start, end: w.end, line: w.line, column: w.column,
    ...(w.envRefs.length > 0 ? { envRefs: w.envRefs } : {}),
  });
  const line = (l: Line) => ({
    line: l.line, kind: l.kind, start: l.start, end: l.end, contentEnd: l.contentEnd, eol: l.eol,
    indent: l.indent,
    ...(l.kind === 'keyword' || l.kind === 'section' || l.kind === 'directive' || l.kind === 'scope' ? { keyword: l.keyword } : {}),
    ...(l.modifier ? { modifier: l.modifier } : {}),
    ...(l.words.length > 0 ? { keywordWordCount: l.keywordWordCount } : {}),
    words: l.words.map(word),
    ...(l.comment ? { comment: l.comment } : {}),
    ...(l.ignoredTail ? { ignoredTail: l.ignoredTail } : {}),
    ...(l.condDepth ? { condDepth: l.condDepth } : {}),
  });
  const section = (s: Section) => ({
    kind: s.kind, start: s.start, end: s.end,
    ...(s.name ? { name: word(s.name) } : {}),
    ...(s.from ? { from: word(s.from) } : {}),
    header: line(s.header),
    lines: s.lines.map(line),
  });
  return {
    file: path,
    status: file.syntaxErrors.length === 0 ? 'ok' : 'failed',
    encoding,
    length: file.text.length,
    bomLength: file.bomLength,
    syntaxErrors: file.syntaxErrors.map((e) => ({ code: e.code, message: e.message, fatal: e.fatal, line: e.line, column: e.column, start: e.start, end: e.end })),
    prologue: file.prologue.map(line),
    sections: file.sections.map(section),
  };
}

/**
 * The same JSON as `JSON.stringify(treeToJson(…), null, 2)`, in pieces: the whole tree of a large file
 * as one string passes V8's string limit ("Invalid string length").
 */
export function* treeJsonChunks(file: ConfigFile, path: string, encoding: string): Generator<string> {
  const json = treeToJson(file, path, encoding) as Record<string, unknown>;
  const indent = (text: string, spaces: number) => text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
  const entries = Object.entries(json);
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    const comma = i < entries.length - 1 ? ',\n' : '\n';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let j = 0; j < value.length; j++) yield `    ${indent(JSON.stringify(value[j], null, 2), 4)}${j < value.length - 1 ? ',\n' : '\n'}`;
      yield `  ]${comma}`;
    } else yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), 2)}${comma}`;
  }
  yield '}\n';
}
