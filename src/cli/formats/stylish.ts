import type { Finding } from '../../engine/types.js';
import { colors, type Colors } from '../color.js';
import { countFindings, type FileReport, type ReportContext } from './types.js';
import { maxOf, pushAll } from '../../util/arrays.js';

/** Widest source excerpt shown under a finding; longer lines are windowed around the range. */
const MAX_EXCERPT = 140;
const TAB = '    ';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The default format, after ESLint's: findings grouped by file as `line:col  severity  message  rule-id`,
 * each followed by its source line with a caret under the range; then a summary with counts and
 * how many findings --fix (and --unsafe-fixes) would fix.
 */
export function stylish(context: ReportContext): string {
  const c = colors(context.color);
  const out: string[] = [];
  const all: Finding[] = [];
  let fixed = 0;
  let fixedFiles = 0;
  for (const file of context.files) {
    fixed += file.fixedCount;
    if (file.fixedCount > 0) fixedFiles++;
    if (file.findings.length === 0) continue;
    pushAll(all, file.findings);
    out.push(c.underline(file.path));
    const positions = file.findings.map((f) => `${f.line}:${f.column}`);
    const posWidth = maxOf(positions.map((p) => p.length));
    const sevWidth = maxOf(file.findings.map((f) => f.severity.length));
    const lineStarts = lineStartsOf(file.text);
    file.findings.forEach((finding, i) => {
      const severity = paintSeverity(c, finding.severity, finding.severity.padEnd(sevWidth));
      const message = finding.message.replace(/\r?\n/g, ' ');
      out.push(`  ${c.dim(positions[i]!.padEnd(posWidth))}  ${severity}  ${message}  ${c.dim(finding.ruleId)}`);
      pushAll(out, excerpt(file, finding, lineStarts, c));
    });
    out.push('');
  }
  const counts = countFindings(all, context.unsafeFixes);
  const total = counts.errors + counts.warnings + counts.infos;
  if (total > 0) {
    const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
    if (counts.infos > 0) parts.push(plural(counts.infos, 'info'));
    const mark = counts.errors > 0 ? c.red('✖') : counts.warnings > 0 ? c.yellow('⚠') : c.cyan('ℹ');
    out.push(`${mark} ${c.bold(`${plural(total, 'problem')} (${parts.join(', ')})`)}`);
    if (counts.fixable > 0 || counts.unsafeFixable > 0) {
      const more = counts.unsafeFixable > 0 ? ` (${counts.unsafeFixable} more with --unsafe-fixes)` : '';
      out.push(`  ${counts.fixable} fixable with --fix${more}`);
    }
  }
  if (fixed > 0) out.push(`${c.green('✔')} fixed ${plural(fixed, 'problem')} in ${plural(fixedFiles, 'file')}`);
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

function paintSeverity(c: Colors, severity: Finding['severity'], text: string): string {
  return severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : c.cyan(text);
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Text of a line (without its terminator), tabs expanded and control characters made visible, with a map from code-unit column to display column. */
function displayLine(raw: string): { text: string; columnAt: (index: number) => number } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    at.push(text.length);
    const ch = raw[i]!;
    const code = ch.charCodeAt(0);
    if (ch === '\t') text += TAB;
    else if (code < 0x20 || code === 0x7f) text += '·';
    else if (code === 0xfeff) text += '';
    else text += ch;
  }
  at.push(text.length);
  return { text, columnAt: (index) => at[Math.max(0, Math.min(index, raw.length))]! };
}

function excerpt(file: FileReport, finding: Finding, lineStarts: number[], c: Colors): string[] {
  const lineIndex = finding.line - 1;
  const start = lineStarts[lineIndex];
  if (start === undefined) return [];
  const next = lineStarts[lineIndex + 1] ?? file.text.length;
  let raw = file.text.slice(start, next).replace(/\r?\n$/, '');
  if (raw.trim() === '' && finding.start === finding.end && finding.start >= file.text.length && lineIndex > 0) {
    // a zero-width finding at the very end of the file: show the last line
    return [];
  }
  const from = finding.column - 1;
  const to = finding.endLine === finding.line ? Math.max(from + 1, finding.endColumn - 1) : raw.length;
  const shown = displayLine(raw);
  let caretStart = shown.columnAt(from);
  let caretEnd = Math.max(caretStart + 1, shown.columnAt(to));
  let text = shown.text;
  // window long lines around the range
  if (text.length > MAX_EXCERPT) {
    const windowStart = Math.max(0, Math.min(caretStart - 40, text.length - MAX_EXCERPT));
    const windowEnd = Math.min(text.length, windowStart + MAX_EXCERPT);
    const prefix = windowStart > 0 ? '…' : '';
    const suffix = windowEnd < text.length ? '…' : '';
    text = prefix + text.slice(windowStart, windowEnd) + suffix;
    caretStart = caretStart - windowStart + prefix.length;
    caretEnd = Math.min(caretEnd - windowStart + prefix.length, text.length - suffix.length + (suffix ? 0 : 1));
    caretEnd = Math.max(caretEnd, caretStart + 1);
  }
  raw = text;
  const gutter = String(finding.line);
  const pad = ' '.repeat(gutter.length);
  const caret = ' '.repeat(caretStart) + '^'.repeat(Math.min(caretEnd - caretStart, Math.max(1, raw.length - caretStart + 1)));
  const paint = finding.severity === 'error' ? c.red : finding.severity === 'warning' ? c.yellow : c.cyan;
  return [`    ${c.dim(`${gutter} |`)} ${raw}`, `    ${c.dim(`${pad} |`)} ${paint(caret)}`];
}
