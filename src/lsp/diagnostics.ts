/** Findings as LSP diagnostics. Offsets are UTF-16 code units, as LSP positions are; the document converts them. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../engine/types.js';
import { ruleDocsUrl } from '../cli/meta.js';

export const SOURCE = 'haproxy-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** rules whose findings mark text that does nothing (editors fade it) */
const UNNECESSARY = new Set(['unused-suppression', 'unused-acl']);

export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(document, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
  };
  if (UNNECESSARY.has(finding.ruleId)) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** Whether a diagnostic the client sent back is the one we published for this finding. */
export function sameFinding(document: TextDocument, diagnostic: Diagnostic, finding: Finding): boolean {
  if (diagnostic.source !== SOURCE || diagnostic.code !== finding.ruleId || diagnostic.message !== finding.message) return false;
  return document.offsetAt(diagnostic.range.start) === finding.start && document.offsetAt(diagnostic.range.end) === finding.end;
}
