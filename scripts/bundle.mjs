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
  index: 'src/index.ts',
  action: 'src/action/main.ts',
};

/**
 * The two commands, each as one CommonJS script (`script`) and a launcher (`launcher`, the package's
 * `bin`) that compiles it with a V8 code cache (src/util/code-cache.ts): Node 20 caches no compiled ES
 * modules, but `vm.Script` takes V8's cachedData. One file per script, since a cached script cannot
 * import chunks; what only some commands need is still initialised only when they import it.
 */
export const COMMANDS = [
  { launcher: { in: 'src/cli/launch.ts', out: 'bundle/haproxy-lint.mjs' }, script: { in: 'src/cli/main.ts', out: 'bundle/haproxy-lint-cli.cjs' } },
  { launcher: { in: 'src/lsp/launch.ts', out: 'bundle/haproxy-lint-lsp.mjs' }, script: { in: 'src/lsp/main.ts', out: 'bundle/haproxy-lint-lsp-server.cjs' } },
];

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
 * A command's script as its launcher reads it: ASCII (esbuild escapes the rest), so the launcher can
 * decode it as Latin-1, a plain copy; compiled as a function body, where a #! line is a syntax error.
 */
function asScript(file) {
  const text = Buffer.from(file.contents).toString('latin1').replace(/^#!.*\n/, '');
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`${file.path}: not ASCII`);
  return Buffer.from(text, 'latin1');
}

/**
 * The bundles as esbuild builds them: files [{ path relative to the root, contents }] and externals,
 * every module they import from outside the bundle (only Node's own modules may be).
 */
export async function bundle() {
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    plugins: [staticChevrotain],
    write: false,
    metafile: true,
    logLevel: 'warning',
  };
  const modules = build({
    ...common,
    entryPoints: Object.entries(ENTRY_POINTS).map(([out, input]) => ({ out, in: input })),
    outdir: 'bundle',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    splitting: true,
    format: 'esm',
    // CommonJS dependencies (vscode-languageserver) call require() for Node's own modules
    banner: { js: "import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);" },
  });
  const commands = COMMANDS.flatMap(({ launcher, script }) => [
    build({
      ...common,
      entryPoints: [script.in],
      outfile: script.out,
      format: 'cjs',
      // the launcher passes the script's URL (src/util/code-cache.ts)
      define: { 'import.meta.url': '__hlModuleUrl' },
    }),
    build({ ...common, entryPoints: [launcher.in], outfile: launcher.out, format: 'esm' }),
  ]);
  const scripts = new Set(COMMANDS.map((c) => c.script.out));
  const results = await Promise.all([modules, ...commands]);
  const files = results.flatMap((result) => result.outputFiles)
    .map((file) => ({ path: relative(ROOT, file.path).split('\\').join('/'), contents: file.contents }))
    .map((file) => (scripts.has(file.path) ? { ...file, contents: asScript(file) } : file))
    .sort((a, b) => a.path.localeCompare(b.path));
  const externals = [...new Set(results.flatMap((result) => Object.values(result.metafile.outputs)).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort();
  return { files, externals };
}

/** Replaces bundle/ with a fresh build. */
export async function writeBundle() {
  const { files } = await bundle();
  for (const file of committedBundleFiles()) rmSync(join(ROOT, file));
  mkdirSync(BUNDLE_DIR, { recursive: true });
  for (const file of files) {
    mkdirSync(dirname(join(ROOT, file.path)), { recursive: true });
    writeFileSync(join(ROOT, file.path), file.contents, { mode: COMMANDS.some((c) => c.launcher.out === file.path) ? 0o755 : 0o644 });
  }
  return files;
}

/** Files now in bundle/, relative to the root (not the code caches the launcher may keep in bundle/.cache/). */
export function committedBundleFiles() {
  try {
    return readdirSync(BUNDLE_DIR).filter((name) => !name.startsWith('.')).map((name) => `bundle/${name}`).sort();
  } catch {
    return [];
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await writeBundle();
  const bytes = files.reduce((sum, f) => sum + f.contents.length, 0);
  console.log(`bundle/: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
}
