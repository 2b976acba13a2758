import type { Line, SyntaxError } from './ast.js';
import { syntaxError } from './syntax-error.js';

/** cfgcond-t.h MAXNESTEDCONDS */
const MAX_NESTED_CONDITIONS = 100;
const MESSAGE_DIRECTIVES = new Set(['.diag', '.notice', '.warning', '.alert']);

/**
 * Checks `.if/.elif/.else/.endif` nesting and the message directives, and records each line's
 * nesting depth. Conditions are not evaluated: lines in every branch are checked alike, as
 * HAProxy still tokenizes the lines of a false block.
 */
export function checkConditionals(lines: Line[], errors: SyntaxError[]): void {
  const open: { line: Line; sawElse: boolean }[] = [];
  for (const line of lines) {
    line.condDepth = open.length;
    if (line.kind !== 'directive') continue;
    const directive = line.words[0]!;
    const fail = (message: string, at = directive) =>
      errors.push(syntaxError('syntax/conditional', message, at.start, at.end, line.line, at.column, true));
    switch (directive.value) {
      case '.if':
        if (open.length >= MAX_NESTED_CONDITIONS) fail(`too many nested '.if', max is ${MAX_NESTED_CONDITIONS}`);
        else if (line.words.length < 2) fail("'.if' needs a condition");
        open.push({ line, sawElse: false });
        break;
      case '.elif': {
        const block = open[open.length - 1];
        if (!block) fail("lone '.elif' with no matching '.if'");
        else if (block.sawElse) fail("'.elif' after '.else'");
        else if (line.words.length < 2) fail("'.elif' needs a condition");
        line.condDepth = Math.max(0, open.length - 1);
        break;
      }
      case '.else':
      case '.endif': {
        const block = open[open.length - 1];
        if (!block) fail(`lone '${directive.value}' with no matching '.if'`);
        else if (directive.value === '.else') {
          if (block.sawElse) fail("'.else' after '.else'");
          block.sawElse = true;
        } else open.pop();
        if (line.words[1]) fail(`Unexpected argument '${line.words[1].value}' for '${directive.value}'`, line.words[1]);
        line.condDepth = Math.max(0, block ? open.length - (directive.value === '.else' ? 1 : 0) : 0);
        break;
      }
      default:
        if (MESSAGE_DIRECTIVES.has(directive.value)) {
          if (line.words.length > 2) fail(`Unexpected argument '${line.words[2]!.value}' for '${directive.value}': use quotes if the message should contain spaces`, line.words[2]);
        } else if (open.length === 0) {
          // inside a block HAProxy may be skipping it; outside, it stops parsing the file
          fail(`unknown directive '${directive.value}'`);
        }
    }
  }
  for (const block of open) {
    const directive = block.line.words[0]!;
    errors.push(syntaxError('syntax/conditional', "non-terminated '.if' block", directive.start, directive.end, block.line.line, directive.column, true));
  }
}
