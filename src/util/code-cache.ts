/**
 * Runs a bundled CommonJS script with a V8 code cache, so that a cold start skips parsing and compiling
 * (Node 20 has no compile cache of its own; this is what `vm.Script` `cachedData` is for).
 *
 * - the cache is a file named by a hash of everything that makes it valid: the script's bytes, Node's
 *   version and architecture, and the flags V8 runs with (V8 checks its own version, flags and the
 *   source length too, and rejects a cache that does not match);
 * - it is looked for in HAPROXY_LINT_CODE_CACHE (a directory; `off` disables the cache), else in
 *   `.cache/` next to the script, else in the user's cache directory;
 * - it is written (to a temporary file, then renamed, so a reader never sees half a file) when it was
 *   missing or rejected, at exit, after a run worth caching, so it holds the functions that run
 *   compiled too; the first directory that takes it keeps it;
 * - nothing about it may fail the command: an unreadable, unwritable or corrupt cache is no cache. V8
 *   checks a cache's header but not its body (a damaged body crashes the process), so the file starts
 *   with a SHA-256 of the rest, checked before V8 sees it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';
import { fileURLToPath } from 'node:url';

/** What the script's module.exports may tell the runner. */
export interface CachedScriptExports {
  /** whether this run is representative enough to write the cache from (e.g. it linted) */
  worthCaching?: () => boolean;
}

/** Where the cache of a script may live, in order of preference. */
export function codeCacheDirs(scriptPath: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const configured = env.HAPROXY_LINT_CODE_CACHE;
  if (configured !== undefined && configured !== '') return configured === 'off' || configured === '0' ? [] : [configured];
  const dirs = [join(dirname(scriptPath), '.cache')];
  const home = (() => {
    try {
      return homedir();
    } catch {
      return '';
    }
  })();
  const userCache = platform === 'win32' ? env.LOCALAPPDATA
    : platform === 'darwin' ? (home ? join(home, 'Library', 'Caches') : undefined)
    : env.XDG_CACHE_HOME || (home ? join(home, '.cache') : undefined);
  if (userCache) dirs.push(join(userCache, 'haproxy-lint'));
  return dirs;
}

/** The cache file's name: what the cache is valid for, hashed. */
function cacheName(scriptPath: string, bytes: Buffer, env: NodeJS.ProcessEnv): string {
  const hash = createHash('sha256')
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${env.NODE_OPTIONS ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  return `${basename(scriptPath)}-${hash}.v8cache`;
}

const DIGEST_BYTES = 32;
const digest = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** The first cache file found and where; `data` is undefined when that file is damaged. */
function readCache(dirs: readonly string[], name: string): { data?: Buffer; dir: string } | undefined {
  for (const dir of dirs) {
    let file: Buffer;
    try {
      file = readFileSync(join(dir, name));
    } catch {
      continue; // not there, or not readable: the next place, or no cache
    }
    const data = file.subarray(DIGEST_BYTES);
    return { data: file.length > DIGEST_BYTES && digest(data).equals(file.subarray(0, DIGEST_BYTES)) ? data : undefined, dir };
  }
  return undefined;
}

function writeCache(dirs: readonly string[], name: string, data: Buffer): void {
  const prefix = name.replace(/-[0-9a-f]+\.v8cache$/, '-');
  for (const dir of dirs) {
    const temp = join(dir, `${name}.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temp, Buffer.concat([digest(data), data]), { mode: 0o644 });
      renameSync(temp, join(dir, name));
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // never written
      }
      continue;
    }
    // the caches of earlier builds or other Node versions would only take space
    try {
      for (const old of readdirSync(dir)) if (old.startsWith(prefix) && old.endsWith('.v8cache') && old !== name) unlinkSync(join(dir, old));
    } catch {
      // another process may be doing the same
    }
    return;
  }
}

/**
 * Runs the CommonJS script at `scriptUrl` (an esbuild bundle in which `import.meta.url` reads
 * `__hlModuleUrl`) in this process, as Node would run it with `node script.cjs`, with a code cache.
 */
export function runWithCodeCache(scriptUrl: URL, env: NodeJS.ProcessEnv = process.env): void {
  const scriptPath = fileURLToPath(scriptUrl);
  const bytes = readFileSync(scriptPath);
  const dirs = codeCacheDirs(scriptPath, env);
  const name = dirs.length > 0 ? cacheName(scriptPath, bytes, env) : '';
  const cached = dirs.length > 0 ? readCache(dirs, name) : undefined;
  // the same wrapper as Node's for CommonJS, plus the module's URL; the script is ASCII (scripts/bundle.mjs)
  const wrapped = `(function (exports, require, module, __filename, __dirname, __hlModuleUrl) {${bytes.toString('latin1')}\n})`;
  const script = new Script(wrapped, {
    filename: scriptPath,
    ...(cached?.data ? { cachedData: cached.data } : {}),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as CachedScriptExports };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(scriptPath), module, scriptPath, dirname(scriptPath), scriptUrl.href);
  if (dirs.length === 0 || (cached?.data && !script.cachedDataRejected)) return;
  process.once('exit', () => {
    if (module.exports.worthCaching && !module.exports.worthCaching()) return;
    try {
      const data = script.createCachedData();
      writeCache(cached ? [cached.dir, ...dirs.filter((dir) => dir !== cached.dir)] : dirs, name, data);
    } catch {
      // no cache this time
    }
  });
}
