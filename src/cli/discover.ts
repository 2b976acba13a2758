import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ConfigFinder } from './config.js';
import { relativeToConfig } from './config.js';
import { configuredSets, directorySet, isHaproxyConfigName, setContaining, type LoadSpec } from '../settings/sets.js';

export { isHaproxyConfigName };
import { describeFsError } from './errors.js';
import { CliError } from './errors.js';
import { compileGlob, globBase, GlobError, isGlob, type GlobMatcher } from './glob.js';

/** A file to lint: how to show it and where it is. */
export interface Target {
  displayPath: string;
  absPath: string;
}

export interface Discovery {
  targets: Target[];
  /** directories named on the command line that are loaded as one set (`haproxy -f DIR`) */
  sets: LoadSpec[];
  /** one line each: a path that does not exist, a directory with nothing to lint, a glob that matches nothing */
  problems: string[];
}

/** Directories never searched. */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules']);

export function displayPathFor(cwd: string, absPath: string): string {
  const rel = relative(cwd, absPath);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? absPath : rel;
}

async function walk(dir: string, visit: (file: string) => void): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // unreadable subdirectories are skipped, as find(1) would with a warning; the top one is checked by the caller
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) await walk(path, visit);
    } else if (entry.isFile()) {
      visit(path);
    } else if (entry.isSymbolicLink()) {
      // follow links to files, never to directories (no loops)
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile()) visit(path);
    }
  }
}

function isExcluded(finder: ConfigFinder, file: string): boolean {
  const config = finder.forFile(file);
  if (!config) return false;
  const rel = relativeToConfig(config, file);
  return rel !== undefined && config.exclude.matches(rel);
}

function isIncluded(finder: ConfigFinder, file: string): boolean {
  const config = finder.forFile(file);
  if (!config) return false;
  // the files of the configuration sets are HAProxy configurations whatever their names
  if (config.data.configurations && setContaining(configuredSets(config).sets, file)) return true;
  if (config.include.empty) return false;
  const rel = relativeToConfig(config, file);
  return rel !== undefined && config.include.matches(rel);
}

/**
 * Expands the command-line paths: a file is linted as given (even if excluded: naming it is
 * explicit); a directory of fragments (`*.cfg`, none named `haproxy*.cfg`) is one set, as
 * `haproxy -f DIR` loads it; another directory is searched for HAProxy configurations (default
 * names, plus `include`, minus `exclude`); anything else with glob characters is matched as a glob.
 */
export async function discover(paths: readonly string[], cwd: string, finder: ConfigFinder): Promise<Discovery> {
  const targets: Target[] = [];
  const sets: LoadSpec[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (absPath: string) => {
    if (seen.has(absPath)) return;
    seen.add(absPath);
    targets.push({ displayPath: displayPathFor(cwd, absPath), absPath });
  };
  for (const given of paths) {
    const absPath = resolve(cwd, given);
    const info = await stat(absPath).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const set = directorySet(absPath, given);
        if (set) {
          sets.push(set);
          set.files.filter((file) => !isExcluded(finder, file)).forEach(add);
          continue;
        }
        const found: string[] = [];
        await walk(absPath, (file) => {
          if ((isHaproxyConfigName(file) || isIncluded(finder, file)) && !isExcluded(finder, file)) found.push(file);
        });
        if (found.length === 0) problems.push(`${given}: no HAProxy configuration files found in this directory (looked for haproxy*.cfg, *.cfg under a haproxy/ directory, and the configuration's "include" globs)`);
        found.forEach(add);
      } else {
        add(absPath);
      }
      continue;
    }
    if (isGlob(given)) {
      const pattern = given.replace(/\\/g, '/').replace(/^\.\//, '');
      const base = resolve(cwd, globBase(pattern));
      let matcher: GlobMatcher;
      try {
        matcher = compileGlob(pattern);
      } catch (error) {
        if (error instanceof GlobError) throw new CliError(`${given}: ${error.message}`);
        throw error;
      }
      const found: string[] = [];
      await walk(base, (file) => {
        const candidate = isAbsolute(pattern) ? file : relative(cwd, file).split(sep).join('/');
        if (matcher.test(candidate) && !isExcluded(finder, file)) found.push(file);
      });
      if (found.length === 0) problems.push(`${given}: no files match this pattern`);
      found.forEach(add);
      continue;
    }
    problems.push(`${given}: ${describeFsError(info)}`);
  }
  return { targets, sets, problems };
}
