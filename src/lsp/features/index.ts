/**
 * The language features beyond push diagnostics, code actions and keyword hover, each in its own
 * module, registered on the connection in one place; `featureCapabilities` is what initialize
 * announces for them.
 */
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import { completionCapabilities, registerCompletion } from './completion.js';
import type { FeatureContext } from './context.js';
import { formattingCapabilities, registerFormatting } from './formatting.js';
import { lensCapabilities, registerLenses } from './lenses.js';
import { linkCapabilities, registerLinks } from './links.js';
import { navigationCapabilities, registerNavigation } from './navigation.js';
import { pullDiagnosticsCapabilities, registerPullDiagnostics } from './pull-diagnostics.js';
import { registerStructure, structureCapabilities } from './structure.js';

export type { FeatureContext } from './context.js';
export { extraHover } from './hover.js';

export const featureCapabilities: ServerCapabilities = {
  ...navigationCapabilities,
  ...structureCapabilities,
  ...completionCapabilities,
  ...formattingCapabilities,
  ...pullDiagnosticsCapabilities,
  ...lensCapabilities,
  ...linkCapabilities,
};

export function registerFeatures(connection: Connection, context: FeatureContext): void {
  registerNavigation(connection, context.models);
  registerStructure(connection, context.models);
  registerCompletion(connection, context);
  registerFormatting(connection, context);
  registerPullDiagnostics(connection, context);
  registerLenses(connection, context.models);
  registerLinks(connection, context.models, context.workspaceRoot);
}
