#!/usr/bin/env node
/**
 * The installed `haproxy-lint` (bundle/haproxy-lint.mjs): runs the bundled CLI script next to it
 * (bundle/haproxy-lint-cli.cjs, built from main.ts by scripts/bundle.mjs) with a V8 code cache.
 * Only meaningful in bundle/: dist/ runs main.js directly.
 */
import { runWithCodeCache } from '../util/code-cache.js';

runWithCodeCache(new URL('./haproxy-lint-cli.cjs', import.meta.url));
