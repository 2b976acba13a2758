/**
 * A JSON file of oracle verdicts keyed by the sha256 of the checked text (plus the check mode), so
 * reruns over the corpus only run haproxy for texts not seen before. A different haproxy binary
 * invalidates nothing by itself: delete the file (it lives in .tmp/, which git ignores).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoopbackCheckResult } from '../../src/oracle/haproxy-check.js';

const FORMAT = 1;

export function textKey(text: string, mode = ''): string {
  return createHash('sha256').update(mode).update('\0').update(text).digest('hex');
}

export class VerdictCache {
  private entries: Record<string, LoopbackCheckResult> = {};
  private dirty = false;

  constructor(private readonly path: string) {
    if (existsSync(path)) {
      try {
        const data = JSON.parse(readFileSync(path, 'utf8')) as { format?: number; entries?: Record<string, LoopbackCheckResult> };
        if (data.format === FORMAT && data.entries) this.entries = data.entries;
      } catch {
        /* a corrupt cache is just empty */
      }
    }
  }

  get(key: string): LoopbackCheckResult | undefined {
    return this.entries[key];
  }

  set(key: string, value: LoopbackCheckResult): void {
    this.entries[key] = value;
    this.dirty = true;
  }

  get size(): number {
    return Object.keys(this.entries).length;
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, entries: this.entries }));
    renameSync(tmp, this.path);
    this.dirty = false;
  }
}
