#!/usr/bin/env node
/**
 * `haproxy-lint-lsp`: the language server over stdio (`--stdio`, the default), or whatever
 * transport the client names (`--node-ipc`, `--socket=N`, `--pipe=NAME`).
 */
import { startLanguageServer } from './start.js';

startLanguageServer(process.argv.slice(2));
