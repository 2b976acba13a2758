/**
 * Value and argument problems of keyword lines (closed value sets, ranges, times, status codes,
 * missing and unexpected arguments), found once per file and target version and shared by the
 * rules that report each kind (invalid-value, value-out-of-range, invalid-time, invalid-status-code,
 * missing-argument, unexpected-argument). Each check follows what HAProxy's parser refuses, verified
 * with `haproxy -c` 2.6.12 and the manuals of the newer versions.
 */
import type { Line, Section, Word } from '../../parser/ast.js';
import type { Fix } from '../../engine/types.js';
import type { Version } from '../../grammar/versions.js';

export type ProblemKind = 'value' | 'range' | 'time' | 'status' | 'missing' | 'extra';

export interface ValueProblem {
  kind: ProblemKind;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
}

/** What a keyword checker sees: one line, its section, the target, and a sink for problems. */
export interface LineContext {
  line: Line;
  section: Section;
  target: Version;
  /** the target is at least `version` */
  atLeast(version: Version): boolean;
  problem(kind: ProblemKind, message: string, at: Word | { start: number; end: number }, fix?: Fix): void;
  /** the keyword's own words (for a problem about a missing argument) */
  keywordSpan: { start: number; end: number };
}

export type LineChecker = (ctx: LineContext) => void;
