/**
 * The language features beyond diagnostics and code actions, each in its own module, registered
 * on the connection in one place; `featureCapabilities` is what initialize announces for them.
 */
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { DocumentModels } from './documents.js';
import { navigationCapabilities, registerNavigation } from './navigation.js';
import { registerStructure, structureCapabilities } from './structure.js';

export const featureCapabilities: ServerCapabilities = {
  ...navigationCapabilities,
  ...structureCapabilities,
};

export function registerFeatures(connection: Connection, models: DocumentModels): void {
  registerNavigation(connection, models);
  registerStructure(connection, models);
}
