/** Runs the oracle over many texts: cached by text hash, with bounded concurrency. */
import { availableParallelism } from 'node:os';
import { VerdictCache, textKey } from './cache.js';
import { checkConfigText, type CheckOptions, type LoopbackCheckResult } from '../../src/oracle/haproxy-check.js';
import { reclassified } from '../../src/oracle/classify.js';
import { mapBounded } from './pool.js';

export const DEFAULT_CACHE_PATH = '.tmp/oracle-cache.json';

export interface OracleRunner {
  check(text: string): Promise<LoopbackCheckResult>;
  checkAll(texts: readonly string[]): Promise<LoopbackCheckResult[]>;
  /** haproxy runs actually made (cache misses) */
  readonly runs: number;
  save(): void;
}

export interface OracleRunnerOptions extends CheckOptions {
  cachePath?: string;
  concurrency?: number;
}

export function createOracleRunner(options: OracleRunnerOptions = {}): OracleRunner {
  const { cachePath = DEFAULT_CACHE_PATH, concurrency = Math.max(2, availableParallelism()), ...checkOptions } = options;
  const mode = JSON.stringify({ hosts: checkOptions.hosts ?? 'isolated', fileName: checkOptions.fileName ?? '' });
  const cache = new VerdictCache(cachePath);
  let runs = 0;
  const check = async (text: string): Promise<LoopbackCheckResult> => {
    const key = textKey(text, mode);
    const hit = cache.get(key);
    if (hit) return reclassified(hit);
    runs++;
    const result = await checkConfigText(text, checkOptions);
    // timeouts may be load-related: don't remember them
    if (result.verdict !== 'timeout') cache.set(key, result);
    return result;
  };
  return {
    check,
    checkAll: (texts) => mapBounded(texts, concurrency, (t) => check(t)),
    get runs() {
      return runs;
    },
    save: () => cache.save(),
  };
}
