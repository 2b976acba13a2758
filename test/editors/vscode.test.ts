/**
 * The VS Code extension (editors/vscode): its manifest declares what the server provides and the
 * formatter; `vsce package` (installed by `npm ci` in editors/vscode, as .ci/run does) builds a
 * package with no warning that holds the esbuild bundle and no node_modules.
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXTENSION = join(ROOT, 'editors/vscode');
const VSCE = join(EXTENSION, 'node_modules/.bin/vsce');
const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8')) as Record<string, any>;

describe('VS Code extension', () => {
  test('the manifest: bundled entry point, formatter default, LICENSE and .vscodeignore', () => {
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.contributes.configurationDefaults['[haproxy]']['editor.defaultFormatter']).toBe(`${manifest.publisher}.${manifest.name}`);
    expect(manifest.categories).toContain('Formatters');
    expect(existsSync(join(EXTENSION, 'LICENSE'))).toBe(true);
    expect(readFileSync(join(EXTENSION, '.vscodeignore'), 'utf8')).toContain('!dist/extension.js');
  });

  const installed = existsSync(VSCE);
  if (!installed) {
    const message = `editors/vscode has no node_modules (run 'npm ci --prefix editors/vscode'): vsce package not tried`;
    if (process.env.CI === 'true') throw new Error(`${message}; CI=true, so this is a failure`);
    console.warn(`notice: ${message}`);
  }

  test.runIf(installed)('vsce package builds the bundle and packages it without a warning', () => {
    const vsix = join(EXTENSION, `${manifest.name}-${manifest.version}.vsix`);
    rmSync(vsix, { force: true });
    try {
      const result = spawnSync(VSCE, ['package', '--out', vsix], { cwd: EXTENSION, encoding: 'utf8', timeout: 120_000 });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status, output).toBe(0);
      expect(output).not.toMatch(/WARNING/i);
      const listing = spawnSync(VSCE, ['ls'], { cwd: EXTENSION, encoding: 'utf8', timeout: 120_000 });
      const files = listing.stdout.trim().split('\n').sort();
      expect(files).toEqual(['LICENSE', 'README.md', 'dist/extension.js', 'language-configuration.json', 'package.json', 'syntaxes/haproxy.tmLanguage.json']);
      // the language client is inside the bundle
      expect(readFileSync(join(EXTENSION, 'dist/extension.js'), 'utf8')).toContain('textDocument/publishDiagnostics');
    } finally {
      rmSync(vsix, { force: true });
    }
  });
});
