/** What the feature modules need from the server: documents, and per-document settings. */
import type { Diagnostic } from 'vscode-languageserver';
import type { FormatOptions } from '../../format/format.js';
import type { DocumentModels } from './documents.js';

export interface FeatureContext {
  models: DocumentModels;
  /** the HAProxy version the document targets (settings, then .haproxy-lint.json) */
  targetVersion(uri: string): Promise<string | undefined>;
  /** `format` of the .haproxy-lint.json that applies to the document */
  formatOptions(uri: string): FormatOptions;
  /** the document's findings as diagnostics (undefined: not ours, or linting is off) */
  diagnostics(uri: string): Promise<Diagnostic[] | undefined>;
  /** whether the client renders Markdown in hovers */
  markdown(): boolean;
  /** the workspace folder (taken as the directory HAProxy starts in, for relative paths) */
  workspaceRoot(): string | undefined;
}
