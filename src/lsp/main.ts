#!/usr/bin/env node
/**
 * `haproxy-lint-lsp`: the language server over stdio (`--stdio`, the default), or whatever
 * transport the client names (`--node-ipc`, `--socket=N`, `--pipe=NAME`). The installed command runs
 * this as a bundled script with a code cache (launch.ts, ../util/code-cache.ts).
 */
import { startLanguageServer } from './start.js';

const started = startLanguageServer(process.argv.slice(2));

/** A server session is what the code cache should be made from, not --version (read by ../util/code-cache.ts). */
export const worthCaching = (): boolean => started;
