import type { SyntaxError } from './ast.js';

export function syntaxError(code: string, message: string, start: number, end: number, line: number, column: number, fatal: boolean): SyntaxError {
  return { code, message, start, end, line, column, fatal };
}
