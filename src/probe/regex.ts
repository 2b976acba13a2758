/**
 * Regex matches of `http-check expect rstring/rstatus/… -m reg`, bounded in time. The configuration's
 * pattern meets the server's response: `^(a+)+$` on a long body backtracks for hours in JavaScript's
 * engine, where HAProxy's PCRE stops at its match limit. Each match runs in a worker thread; one that
 * outlives the check's timeout is stopped and counts as not matching (as a PCRE match-limit error does).
 */
import { Worker } from 'node:worker_threads';

/** A synchronous tester for the judge: true/false when known, undefined when it must be computed first. */
export type RegexTester = (pattern: string, text: string) => boolean;

// plain JavaScript evaluated by the worker (no file to resolve: the same in the built CLI and in tests)
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, pattern, text }) => {
  let matched = false;
  try { matched = new RegExp(pattern).test(text); } catch { matched = false; }
  parentPort.postMessage({ id, matched });
});
`;

/** Runs regex matches in a worker, each bounded by `timeoutMs`; remembers the answers for `tester`. */
export class BoundedRegex {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly answers = new Map<string, boolean>();
  private readonly missing = new Map<string, { pattern: string; text: string }>();
  /** patterns stopped at the timeout, for the report */
  readonly timedOut: string[] = [];

  constructor(private readonly timeoutMs: number) {}

  private static key(pattern: string, text: string): string {
    return `${pattern.length}:${pattern}${text}`;
  }

  /** answers what is known; records the rest (answered false for now) */
  readonly tester: RegexTester = (pattern, text) => {
    const key = BoundedRegex.key(pattern, text);
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    this.missing.set(key, { pattern, text });
    return false;
  };

  /** true when matches were asked for that are not known yet */
  get pending(): boolean {
    return this.missing.size > 0;
  }

  /** computes the recorded matches */
  async resolve(): Promise<void> {
    const jobs = [...this.missing.entries()];
    this.missing.clear();
    for (const [key, { pattern, text }] of jobs) this.answers.set(key, await this.match(pattern, text));
  }

  private async match(pattern: string, text: string): Promise<boolean> {
    if (!this.worker) {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      this.worker = worker;
      // the clock starts once the thread runs: a slow start on a busy machine is not the pattern's fault
      await new Promise<void>((resolveOnline) => {
        worker.once('online', resolveOnline);
        worker.once('error', () => resolveOnline());
      });
    }
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise((resolvePromise) => {
      const done = (matched: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolvePromise(matched);
      };
      const onMessage = (message: { id: number; matched: boolean }) => {
        if (message.id === id) done(message.matched);
      };
      const onError = () => {
        this.worker = undefined;
        done(false);
      };
      const timer = setTimeout(() => {
        this.timedOut.push(pattern);
        this.worker = undefined;
        void worker.terminate();
        done(false);
      }, Math.max(1, this.timeoutMs));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, pattern, text });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
