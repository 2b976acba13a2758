/**
 * Finding the external programs the integration tests need (haproxy, uwsgi and its python3 plugin, a
 * python3 that can import Django), with one policy for when they are missing:
 * in CI (`CI=true`) that is a failure with a clear message; elsewhere the tests are skipped with a
 * visible notice.
 *
 *   const programs = requirePrograms(['haproxy', 'uwsgi', 'uwsgi-python3', 'python3-django']);
 *   describe.skipIf(!programs.ok)('…', () => { … programs.paths.haproxy … });
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

export { freePort, httpGet, unixSocketCommand } from './net.js';
export { waitFor } from './wait.js';
export { startProcess, stopAllProcesses, type ManagedProcess } from './process.js';

export type ProgramName = 'haproxy' | 'uwsgi' | 'uwsgi-python3' | 'python3-django' | 'nvim' | 'emacs' | 'pre-commit' | 'git';

const INSTALL_HINT: Record<ProgramName, string> = {
  haproxy: 'apt-get install haproxy',
  uwsgi: 'apt-get install uwsgi',
  'uwsgi-python3': 'apt-get install uwsgi-plugin-python3',
  'python3-django': 'apt-get install python3-django',
  nvim: 'apt-get install neovim',
  emacs: 'apt-get install emacs-nox elpa-eglot',
  'pre-commit': 'apt-get install pre-commit',
  git: 'apt-get install git',
};

function onPath(name: string, extraDirs: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* next */
    }
  }
  return undefined;
}

const UWSGI_PLUGIN_DIRS = ['/usr/lib/uwsgi/plugins', '/usr/lib/uwsgi', '/usr/local/lib/uwsgi/plugins'];

function locate(name: ProgramName): string | undefined {
  switch (name) {
    case 'haproxy':
      return onPath('haproxy', ['/usr/sbin', '/usr/local/sbin', '/sbin']);
    case 'uwsgi':
      return onPath('uwsgi');
    case 'nvim':
      return onPath('nvim');
    case 'emacs':
      return onPath('emacs');
    case 'pre-commit':
    case 'git':
      return onPath(name);
    case 'uwsgi-python3':
      return UWSGI_PLUGIN_DIRS.map((d) => join(d, 'python3_plugin.so')).find((p) => existsSync(p));
    case 'python3-django': {
      // uWSGI's python3 plugin embeds the system python, so that one must see Django; try it first
      const candidates = ['/usr/bin/python3', onPath('python3')].filter((p): p is string => !!p);
      return candidates.find((py) => spawnSync(py, ['-c', 'import django'], { stdio: 'ignore', timeout: 20_000 }).status === 0);
    }
  }
}

export interface ProgramCheck {
  /** every program was found */
  ok: boolean;
  paths: Partial<Record<ProgramName, string>>;
  missing: ProgramName[];
}

const inCI = (): boolean => process.env.CI === 'true';

/** Locates one program; missing → throws in CI, warns and returns undefined elsewhere. */
export function requireProgram(name: ProgramName): string | undefined {
  return requirePrograms([name]).paths[name];
}

/** Locates programs; any missing → throws in CI, warns (tests should skip on `!ok`) elsewhere. */
export function requirePrograms(names: ProgramName[]): ProgramCheck {
  const paths: Partial<Record<ProgramName, string>> = {};
  const missing: ProgramName[] = [];
  for (const name of names) {
    const found = locate(name);
    if (found) paths[name] = found;
    else missing.push(name);
  }
  if (missing.length > 0) {
    const message = `missing test prerequisites: ${missing.map((m) => `${m} (${INSTALL_HINT[m]})`).join(', ')}`;
    if (inCI()) throw new Error(`${message}; CI=true, so this is a failure, not a skip`);
    console.warn(`\n⚠ SKIPPING integration tests: ${message}\n`);
  }
  return { ok: missing.length === 0, paths, missing };
}
