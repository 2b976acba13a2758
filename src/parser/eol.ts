import type { ConfigFile } from './ast.js';

/** The line ending most lines of the file use (for lines a fix or the formatter adds). */
export function fileEol(file: ConfigFile): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const line of file.lines) {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\n') lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
