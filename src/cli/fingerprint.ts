/**
 * Fingerprints of findings that survive edits elsewhere in a file: a finding is known by its rule, its
 * file and a hash of the text of its line (whitespace collapsed), not by its line number; several
 * findings of one rule on identical lines are told apart by their occurrence index in file order.
 * The baseline and the GitLab Code Quality format share them.
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { Finding } from '../engine/types.js';
import { lineStartsOf } from './formats/stylish.js';

export interface FingerprintedFinding {
  finding: Finding;
  /** hash of the finding's line content (16 hex digits) */
  contentHash: string;
  /** how many earlier findings (file order) have the same rule and line content */
  occurrence: number;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The text of a 1-based line without its terminator, runs of whitespace collapsed and trimmed. */
export function lineContent(text: string, lineStarts: readonly number[], line: number): string {
  const start = lineStarts[line - 1];
  if (start === undefined) return '';
  const end = lineStarts[line] ?? text.length;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** Fingerprints the findings of one file; the result is in the findings' order. */
export function fingerprintFindings(text: string, findings: readonly Finding[]): FingerprintedFinding[] {
  const lineStarts = lineStartsOf(text);
  const order = findings.map((finding, index) => ({ finding, index }))
    .sort((a, b) => a.finding.line - b.finding.line || a.finding.column - b.finding.column || a.index - b.index);
  const seen = new Map<string, number>();
  const out: FingerprintedFinding[] = new Array(findings.length);
  for (const { finding, index } of order) {
    const contentHash = sha256(lineContent(text, lineStarts, finding.line)).slice(0, 16);
    const key = `${finding.ruleId}\0${contentHash}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out[index] = { finding, contentHash, occurrence };
  }
  return out;
}

/** A path relative to `base` with `/` separators, or undefined when it is not below `base`. */
export function relativeSlashPath(base: string, absPath: string): string | undefined {
  const rel = relative(base, absPath);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep) || /^[A-Za-z]:/.test(rel)) return undefined;
  return rel.split(sep).join('/');
}
