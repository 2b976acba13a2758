/**
 * The pre-commit hooks as a user's repository meets them: `pre-commit try-repo <hook repository> <hook>`
 * installs the hook the way `rev:` would (language: node: pre-commit packs the repository and
 * `npm install -g`s the tarball, so the committed bundles are what runs) and runs it on a repository
 * holding HAProxy files and an unrelated setup.cfg. The hook repository is this checkout as it is now
 * (tracked and untracked files, uncommitted changes included) committed once into a temporary
 * repository (so no tag is needed, and what runs is what the working tree holds). Each try-repo installs
 * the hook afresh, and slowly: pre-commit runs `npm install` with the devDependencies in the hook
 * repository before packing it (npm's cache is allowed to answer, to spare the registry).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePrograms } from '../helpers/programs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const programs = requirePrograms(['pre-commit', 'git']);

const HAPROXY_CFG = readFileSync(join(ROOT, 'fixtures/seed/question.cfg'), 'utf8');
// no final newline (an error, safely fixable) and no timeouts (a warning a fix cannot settle)
const EXTRA_CFG = 'frontend www\n    bind :80\n    default_backend app';
// would be a pile of unknown-keyword errors if it were linted as HAProxy
const SETUP_CFG = '[metadata]\nname = demo\n\n[flake8]\nmax-line-length = 100\n';

/** The README's pre-commit snippet: the YAML block of the "pre-commit" section. */
function readmeSnippet(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.search(/^#+ pre-commit$/m));
  return /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
}

describe('README pre-commit snippet', () => {
  it('pins the tag of this version (the release step creates it) and names hooks the repository has', () => {
    const snippet = readmeSnippet();
    expect(snippet).toContain('repo: https://github.com/haproxy-lint/haproxy-lint');
    expect(snippet).toMatch(new RegExp(`^\\s*rev: v${VERSION.replace(/\./g, '\\.')}$`, 'm'));
    const manifest = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const hookIds = [...manifest.matchAll(/^- id: (\S+)$/gm)].map((m) => m[1]);
    const used = [...snippet.matchAll(/- id: (\S+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(hookIds).toContain(id);
  });
});

describe.skipIf(!programs.ok)('pre-commit hooks (pre-commit try-repo)', () => {
  let work: string;
  let repo: string;
  let hookRepo: string;
  let env: NodeJS.ProcessEnv;

  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const preCommit = (...args: string[]) => {
    const r = spawnSync('pre-commit', args, { cwd: repo, env, encoding: 'utf8', timeout: 280_000 });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'haproxy-lint-pre-commit-'));
    repo = join(work, 'repo');
    env = {
      ...process.env,
      PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
      GIT_CONFIG_GLOBAL: join(work, 'gitconfig'),
      GIT_CONFIG_NOSYSTEM: '1',
      NO_COLOR: '1',
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    writeFileSync(env.GIT_CONFIG_GLOBAL!, '[user]\n\tname = test\n\temail = test@example.invalid\n[init]\n\tdefaultBranch = main\n[safe]\n\tdirectory = *\n');

    hookRepo = join(work, 'hook-repo');
    mkdirSync(hookRepo);
    for (const file of git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0')) {
      if (file === '' || !existsSync(join(ROOT, file)) || !statSync(join(ROOT, file)).isFile()) continue;
      mkdirSync(dirname(join(hookRepo, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(hookRepo, file));
    }
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-qm', 'haproxy-lint as checked out');

    mkdirSync(join(repo, 'haproxy'), { recursive: true });
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'haproxy.cfg'), HAPROXY_CFG);
    writeFileSync(join(repo, 'haproxy/extra.cfg'), EXTRA_CFG);
    writeFileSync(join(repo, 'setup.cfg'), SETUP_CFG);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'configs');
  }, 60_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('haproxy-lint reports on the HAProxy files only and fails the commit', () => {
    const { status, output } = preCommit('try-repo', hookRepo, 'haproxy-lint', '--all-files');
    expect(output).toMatch(/haproxy-lint\.+Failed/);
    expect(status, output).toBe(1);
    expect(output).toContain('- exit code: 1');
    expect(output).toContain('haproxy.cfg\n');
    expect(output).toContain('http11-check-without-host');
    expect(output).toContain('haproxy/extra.cfg\n');
    expect(output).toContain('missing-final-newline');
    expect(output).not.toContain('setup.cfg');
    // reporting writes nothing
    expect(readFileSync(join(repo, 'haproxy/extra.cfg'), 'utf8')).toBe(EXTRA_CFG);
  }, 300_000);

  it('haproxy-lint-fix applies the safe fixes, reports what remains, and fails so the fixes get reviewed', () => {
    const { status, output } = preCommit('try-repo', hookRepo, 'haproxy-lint-fix', '--all-files');
    expect(status, output).toBe(1);
    expect(output).toContain('files were modified by this hook');
    expect(readFileSync(join(repo, 'haproxy/extra.cfg'), 'utf8')).toBe(`${EXTRA_CFG}\n`);
    const fixed = readFileSync(join(repo, 'haproxy.cfg'), 'utf8');
    expect(fixed).not.toBe(HAPROXY_CFG);
    expect(fixed).toContain('application/json');
    expect(readFileSync(join(repo, 'setup.cfg'), 'utf8')).toBe(SETUP_CFG);
    // what no safe fix settles is still reported
    expect(output).toContain('missing-timeouts');
    expect(output).not.toContain('setup.cfg');
  }, 300_000);
});
