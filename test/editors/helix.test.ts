/**
 * The Helix setup (editors/helix/languages.toml). Helix is not packaged in Debian 12, so it is not
 * run: the TOML parses, names the server the package installs, sends settings the server accepts
 * without a warning, and claims the files the CLI lints.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { RULES } from '../../src/index.js';
import { resolveSettings } from '../../src/lsp/settings.js';
import { globToRegExp } from '../../src/cli/glob.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface HelixLanguages {
  'language-server': Record<string, { command: string; args: string[]; config?: Record<string, unknown> }>;
  language: { name: string; 'file-types': { glob: string }[]; 'language-servers': string[]; 'auto-format': boolean; 'comment-token': string }[];
}

describe('Helix languages.toml', () => {
  const config = parse(readFileSync(join(ROOT, 'editors/helix/languages.toml'), 'utf8')) as unknown as HelixLanguages;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  test('runs the installed server over stdio, with settings the server accepts', () => {
    const server = config['language-server']['haproxy-lint']!;
    expect(Object.keys(pkg.bin)).toContain(server.command);
    expect(server.args).toEqual(['--stdio']);
    const { problems } = resolveSettings(server.config?.['haproxy-lint'], RULES);
    expect(problems).toEqual([]);
  });

  test('the haproxy language uses it, formats on save, and claims the files the CLI lints', () => {
    const language = config.language.find((l) => l.name === 'haproxy')!;
    expect(language['language-servers']).toEqual(['haproxy-lint']);
    expect(language['auto-format']).toBe(true);
    expect(language['comment-token']).toBe('#');
    const globs = language['file-types'].map((f) => globToRegExp(f.glob));
    const claimed = (path: string) => globs.some((g) => g.test(path));
    expect(claimed('haproxy.cfg')).toBe(true);
    expect(claimed('etc/haproxy/conf.d/site.cfg')).toBe(true);
    expect(claimed('setup.cfg')).toBe(false);
  });
});
