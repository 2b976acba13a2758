import type { Finding, Fix } from '../../engine/types.js';
import { countFindings, isFixable, type ReportContext } from './types.js';
import { maxOf } from '../../util/arrays.js';

/** ESLint's fix shape: one range and its replacement (several edits merged over the text between them). */
export function eslintFix(text: string, fix: Fix): { range: [number, number]; text: string } | undefined {
  if (fix.edits.length === 0) return undefined;
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const start = edits[0]!.start;
  const end = maxOf(edits.map((e) => e.end));
  let replacement = '';
  let at = start;
  for (const edit of edits) {
    replacement += text.slice(at, edit.start) + edit.text;
    at = Math.max(at, edit.end);
  }
  replacement += text.slice(at, end);
  return { range: [start, end], text: replacement };
}

function message(text: string, finding: Finding, unsafeFixes: boolean) {
  const fix = finding.fix ? eslintFix(text, finding.fix) : undefined;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    level: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    ...(finding.fix && fix
      ? {
          fix: {
            ...fix,
            applicability: finding.fix.applicability,
            description: finding.fix.description,
            applies: isFixable(finding, unsafeFixes),
            edits: finding.fix.edits.map((e) => ({ range: [e.start, e.end], text: e.text })),
          },
        }
      : {}),
  };
}

/** ESLint's JSON result shape, one entry per file; every message also carries its `level`. */
export function json(context: ReportContext): string {
  const results = context.files.map((file) => {
    const errors = file.findings.filter((f) => f.severity === 'error');
    const warnings = file.findings.filter((f) => f.severity !== 'error');
    const counts = countFindings(file.findings, context.unsafeFixes);
    return {
      filePath: file.absPath || file.path,
      messages: file.findings.map((f) => message(file.text, f, context.unsafeFixes)),
      errorCount: errors.length,
      warningCount: counts.warnings,
      infoCount: counts.infos,
      fatalErrorCount: 0,
      fixableErrorCount: errors.filter((f) => isFixable(f, context.unsafeFixes)).length,
      fixableWarningCount: warnings.filter((f) => isFixable(f, context.unsafeFixes)).length,
      fixedCount: file.fixedCount,
    };
  });
  return `${JSON.stringify(results, null, 2)}\n`;
}
