import { createSyntaxDiagramsCode } from '../parser/chevrotain.js';
import { lineParser } from '../parser/line-parser.js';

/**
 * The chevrotain grammar's railroad diagram as a standalone HTML page (grammar/syntax-diagrams.html).
 * chevrotain's default page loads its renderer from a CDN; it is written as chevrotain makes it.
 */
export function syntaxDiagramsHtml(): string {
  return createSyntaxDiagramsCode(lineParser.getSerializedGastProductions());
}
