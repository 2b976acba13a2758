#!/usr/bin/env node
/**
 * The installed `haproxy-lint-lsp` (bundle/haproxy-lint-lsp.mjs): runs the bundled server script next
 * to it (bundle/haproxy-lint-lsp-server.cjs, built from main.ts by scripts/bundle.mjs) with a V8 code
 * cache. Only meaningful in bundle/: dist/ runs main.js directly.
 */
import { runWithCodeCache } from '../util/code-cache.js';

runWithCodeCache(new URL('./haproxy-lint-lsp-server.cjs', import.meta.url));
