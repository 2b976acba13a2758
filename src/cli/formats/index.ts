import type { FormatName, Formatter } from './types.js';

/** Formats are imported only when used, so the default run loads one small module. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish': return (await import('./stylish.js')).stylish;
    case 'json': return (await import('./json.js')).json;
    case 'sarif': return (await import('./sarif.js')).sarif;
    case 'github': return (await import('./github.js')).github;
    case 'unix': return (await import('./unix.js')).unix;
    case 'checkstyle': return (await import('./checkstyle.js')).checkstyle;
    case 'codeclimate': return (await import('./codeclimate.js')).codeclimate;
    case 'junit': return (await import('./junit.js')).junit;
  }
}
