/**
 * chevrotain, loaded from its single-file ES bundle. The package's main entry pulls in about 650
 * lodash-es modules, which costs over half a second at every start: too slow for a pre-commit
 * hook or an editor on save. The bundle has the same API (same version, same package).
 */
import type * as Chevrotain from 'chevrotain';

async function loadChevrotain(): Promise<typeof Chevrotain> {
  try {
    const entry = import.meta.resolve('chevrotain');
    return (await import(new URL('../chevrotain.mjs', entry).href)) as typeof Chevrotain;
  } catch {
    return await import('chevrotain');
  }
}

const chevrotain = await loadChevrotain();

export const { createToken, Lexer, EmbeddedActionsParser, createSyntaxDiagramsCode } = chevrotain;
export type { IToken, TokenType } from 'chevrotain';
