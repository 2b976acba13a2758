import type { Finding, Rule } from '../../engine/types.js';

/** One linted file as the formats see it. */
export interface FileReport {
  /** the path as shown to the user (relative to the working directory when inside it) */
  path: string;
  absPath: string;
  /** the text the findings' offsets refer to */
  text: string;
  /** the findings to show (already filtered by --quiet) */
  findings: Finding[];
  /** how many findings --fix fixed in this file */
  fixedCount: number;
}

export interface ReportContext {
  files: FileReport[];
  rules: readonly Rule[];
  /** whether unsafe fixes count as applicable */
  unsafeFixes: boolean;
  color: boolean;
  cwd: string;
  version: string;
}

export type Formatter = (context: ReportContext) => string;

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'unix', 'checkstyle', 'codeclimate', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  /** findings --fix would fix */
  fixable: number;
  /** findings only --unsafe-fixes would fix (0 when --unsafe-fixes is on) */
  unsafeFixable: number;
}

export function countFindings(findings: readonly Finding[], unsafeFixes: boolean): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0, unsafeFixable: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
    const applicability = f.fix?.applicability;
    if (applicability === 'safe' || (unsafeFixes && applicability === 'unsafe')) counts.fixable++;
    else if (applicability === 'unsafe') counts.unsafeFixable++;
  }
  return counts;
}

export function isFixable(finding: Finding, unsafeFixes: boolean): boolean {
  const applicability = finding.fix?.applicability;
  return applicability === 'safe' || (unsafeFixes && applicability === 'unsafe');
}
