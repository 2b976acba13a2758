/**
 * Which files are linted together: the configuration sets of the settings (`configurations`),
 * of `--load`, and directories loaded as HAProxy loads `-f DIR`. Shared by the CLI and the
 * language server.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import type { TargetVersion } from '../engine/types.js';
import type { LoadedConfig } from './config.js';
import { describeFsError } from './errors.js';

/** A configuration set to lint: absolute paths in load order, and its own settings. */
export interface LoadSpec {
  /** how messages name where it was declared: `--load`, `.haproxy-lint.json configurations[0]`, `conf.d/` */
  origin: string;
  files: string[];
  targetVersion?: TargetVersion;
  app?: string;
}

/**
 * Whether a file found while searching a directory is a HAProxy configuration: `haproxy.cfg`,
 * `haproxy*.cfg`, or any `*.cfg` below a directory named `haproxy` (like /etc/haproxy/conf.d/x.cfg).
 * Other `.cfg` files belong to other programs.
 */
export function isHaproxyConfigName(absPath: string): boolean {
  const name = basename(absPath);
  if (!name.endsWith('.cfg')) return false;
  if (name.startsWith('haproxy')) return true;
  return dirname(absPath).split(sep).includes('haproxy');
}

/** The `*.cfg` files directly in a directory, in lexical (byte) order, as `haproxy -f DIR` loads them. */
export function directoryCfgFiles(dir: string): string[] {
  const names = readdirSync(dir).filter((name) => name.endsWith('.cfg') && !name.startsWith('.'));
  names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return names.map((name) => resolve(dir, name)).filter(isFile);
}

/** Expands `-f` arguments: a file is itself, a directory its `*.cfg` files; a path loaded twice counts once. */
export function expandLoad(paths: readonly string[], base: string, label = (path: string) => path): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  const add = (file: string) => {
    if (!files.includes(file)) files.push(file);
  };
  for (const path of paths) {
    const absPath = resolve(base, path);
    try {
      if (statSync(absPath).isDirectory()) directoryCfgFiles(absPath).forEach(add);
      else add(absPath);
    } catch (error) {
      problems.push(`${label(path)}: ${describeFsError(error)}`);
    }
  }
  return { files, problems };
}

const configured = new WeakMap<LoadedConfig, { sets: LoadSpec[]; problems: string[] }>();

/** The sets a settings file declares, expanded against the file system (once per loaded settings file). */
export function configuredSets(config: LoadedConfig, display: (path: string) => string = (p) => p): { sets: LoadSpec[]; problems: string[] } {
  let found = configured.get(config);
  if (!found) {
    const sets: LoadSpec[] = [];
    const problems: string[] = [];
    (config.data.configurations ?? []).forEach((entry, index) => {
      const origin = `${display(config.path)}: configurations[${index}]`;
      const expanded = expandLoad(entry.load, config.dir, (path) => `${origin}: load '${path}'`);
      problems.push(...expanded.problems);
      sets.push({ origin, files: expanded.files, ...(entry.targetVersion ? { targetVersion: entry.targetVersion } : {}), ...(entry.app ? { app: entry.app } : {}) });
    });
    found = { sets, problems };
    configured.set(config, found);
  }
  return found;
}

/** The first set listing a file. */
export function setContaining(sets: readonly LoadSpec[], file: string): LoadSpec | undefined {
  return sets.find((set) => set.files.includes(file));
}

/**
 * A directory named on the command line is loaded as `haproxy -f DIR` loads it when it holds
 * `*.cfg` files and none of them is a whole configuration of its own (`haproxy*.cfg`): a conf.d
 * of fragments. Otherwise it is searched as before, each configuration found linted alone.
 */
export function directorySet(dir: string, display: string): LoadSpec | undefined {
  let files: string[];
  try {
    files = directoryCfgFiles(dir);
  } catch {
    return undefined;
  }
  if (files.length === 0 || files.some((file) => basename(file).startsWith('haproxy'))) return undefined;
  return { origin: display, files };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The set of a file in a `*.d` directory (`conf.d/`, `haproxy.d/`: the Unix convention for
 * fragments loaded together) that is a directory of fragments: that directory, loaded as one.
 */
export function fragmentDirectorySet(file: string, display: (path: string) => string = (p) => p): LoadSpec | undefined {
  const dir = dirname(file);
  if (!basename(dir).endsWith('.d')) return undefined;
  const set = directorySet(dir, `${display(dir)}/`);
  return set && set.files.includes(file) ? set : undefined;
}
