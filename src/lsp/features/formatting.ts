/**
 * Document and range formatting through the formatter the CLI uses (src/format/), with the
 * `format` settings of the .haproxy-lint.json that applies to the document — not the editor's tab
 * settings, so that `haproxy-lint format --check` in CI agrees with what the editor wrote.
 * The edits replace only the lines that change; a range request keeps the edits inside its lines.
 */
import { diffArrays } from 'diff';
import type { Connection, Range, ServerCapabilities, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatFile } from '../../format/format.js';
import type { FeatureContext } from './context.js';

export const formattingCapabilities: ServerCapabilities = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
};

/** Lines with their terminators, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The edits turning a document's text into `formatted`, one per run of changed lines. */
export function lineEdits(document: TextDocument, formatted: string, range?: Range): TextEdit[] {
  const before = splitLines(document.getText());
  const after = splitLines(formatted);
  const edits: TextEdit[] = [];
  let line = 0;
  let pending: { start: number; end: number; lines: string[] } | undefined;
  const push = (start: number, end: number, text: string) => {
    const inside = !range || (end > range.start.line && start <= range.end.line) || (start === end && start >= range.start.line && start <= range.end.line + 1);
    if (inside) edits.push({ range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } }, newText: text });
  };
  const flush = () => {
    if (!pending) return;
    // as many lines in as out: one edit per line, so that a range keeps to its own lines
    if (range && pending.lines.length === pending.end - pending.start) pending.lines.forEach((text, i) => push(pending!.start + i, pending!.start + i + 1, text));
    else push(pending.start, pending.end, pending.lines.join(''));
    pending = undefined;
  };
  for (const change of diffArrays(before, after)) {
    if (!change.added && !change.removed) {
      flush();
      line += change.count ?? change.value.length;
      continue;
    }
    pending ??= { start: line, end: line, lines: [] };
    if (change.removed) {
      line += change.value.length;
      pending.end = line;
    } else pending.lines.push(...change.value);
  }
  flush();
  return edits;
}

export function registerFormatting(connection: Connection, context: FeatureContext): void {
  const format = (uri: string, range?: Range): TextEdit[] | null => {
    const model = context.models.get(uri);
    if (!model) return null;
    const formatted = formatFile(model.file, context.formatOptions(uri));
    if (formatted === model.file.text) return [];
    return lineEdits(model.document, formatted, range);
  };
  connection.onDocumentFormatting((params) => format(params.textDocument.uri));
  connection.onDocumentRangeFormatting((params) => format(params.textDocument.uri, params.range));
}
