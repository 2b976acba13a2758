export * from './ast.js';
export { parseConfig } from './parse.js';
export { decodeWord } from './word.js';
export { lineParser } from './line-parser.js';
