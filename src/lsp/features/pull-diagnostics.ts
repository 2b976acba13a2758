/**
 * Pull diagnostics (`textDocument/diagnostic`): the same findings the server publishes, on request.
 * A client that pulls is not also pushed to (the server checks its capabilities), so findings are
 * never shown twice.
 */
import { DocumentDiagnosticReportKind, type Connection, type ServerCapabilities } from 'vscode-languageserver';
import type { FeatureContext } from './context.js';

export const pullDiagnosticsCapabilities: ServerCapabilities = {
  diagnosticProvider: { identifier: 'haproxy-lint', interFileDependencies: false, workspaceDiagnostics: false },
};

export function registerPullDiagnostics(connection: Connection, context: FeatureContext): void {
  connection.languages.diagnostics.on(async (params) => {
    const items = (await context.diagnostics(params.textDocument.uri)) ?? [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });
}
