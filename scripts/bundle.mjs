#!/usr/bin/env node
/**
 * `npm run bundle`: the committed bundles in bundle/ that the package's `bin` and the GitHub Action run,
 * so that installing from git, a tarball or pre-commit needs no build step and no dependencies.
 *
 * - one ES module per entry point plus shared chunks, all in bundle/ (one level below the package root,
 *   like src/ and dist/, so src/package-root.ts finds grammar/data and package.json from any of them);
 * - what only some commands need (LSP, probe, docs, diff, formatters) stays behind dynamic imports, so
 *   esbuild splits it into chunks a plain lint never loads;
 * - deterministic: same sources and esbuild version, same bytes (test/bundle.test.ts checks the
 *   committed files against a fresh build in memory).
 */
import { readdirSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_DIR = join(ROOT, 'bundle');

export const ENTRY_POINTS = {
  'haproxy-lint': 'src/cli/main.ts',
  'haproxy-lint-lsp': 'src/lsp/main.ts',
  index: 'src/index.ts',
  action: 'src/action/main.ts',
};

/**
 * src/parser/chevrotain.ts picks chevrotain's single-file build at run time through node_modules (its
 * main entry loads ~650 lodash-es modules). In a bundle there is no node_modules: import the package
 * statically and let esbuild keep only what the parser uses.
 */
const staticChevrotain = {
  name: 'static-chevrotain',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]parser[\\/]chevrotain\.ts$/ }, () => ({
      contents: "export { createToken, Lexer, EmbeddedActionsParser, createSyntaxDiagramsCode } from 'chevrotain';\nexport type { IToken, TokenType } from 'chevrotain';\n",
      loader: 'ts',
    }));
  },
};

/**
 * The bundles as esbuild builds them: files [{ path relative to the root, contents }] and externals,
 * every module they import from outside the bundle (only Node's own modules may be).
 */
export async function bundle() {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.entries(ENTRY_POINTS).map(([out, input]) => ({ out, in: input })),
    outdir: 'bundle',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    // CommonJS dependencies (vscode-languageserver) call require() for Node's own modules
    banner: { js: "import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);" },
    plugins: [staticChevrotain],
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const files = result.outputFiles
    .map((file) => ({ path: relative(ROOT, file.path).split('\\').join('/'), contents: file.contents }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const externals = [...new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort();
  return { files, externals };
}

/** Replaces bundle/ with a fresh build. */
export async function writeBundle() {
  const { files } = await bundle();
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  for (const file of files) {
    mkdirSync(dirname(join(ROOT, file.path)), { recursive: true });
    writeFileSync(join(ROOT, file.path), file.contents, { mode: file.path.endsWith('-lint.mjs') || file.path.endsWith('-lsp.mjs') ? 0o755 : 0o644 });
  }
  return files;
}

/** Files now in bundle/, relative to the root. */
export function committedBundleFiles() {
  try {
    return readdirSync(BUNDLE_DIR).map((name) => `bundle/${name}`).sort();
  } catch {
    return [];
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await writeBundle();
  const bytes = files.reduce((sum, f) => sum + f.contents.length, 0);
  console.log(`bundle/: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
}
