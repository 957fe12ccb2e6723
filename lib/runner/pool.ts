/**
 * Spreads file jobs over threads. Every thread (the workers, and by default
 * this one too) claims the next job from one shared counter (Atomics on a
 * SharedArrayBuffer), so no thread waits to be fed and a slow file holds up
 * only the thread that drew it. Records come back in batches; the caller sorts.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileResult } from '../types.js';
import { processFile, resolveRules, type FileJob, type ProcessConfig } from './process-file.js';

/**
 * By default, a helper worker starts per this many files to parse (at most one
 * per other core): a worker loads babel on its own (~0.3 s of CPU) and holds a
 * heap of its own (~60 MiB more peak RSS), which pays only on long runs. Below
 * that, this thread does all the work (bench/RESULTS-speed.md).
 */
export const FILES_FOR_HELPERS = 400;
/** Records a thread sends back at a time. */
const BATCH = 16;

export function defaultJobs(): number {
  return availableParallelism();
}

/** What a worker is started with. */
export interface WorkerInput {
  config: ProcessConfig;
  jobs: FileJob[];
  /** Int32Array over it: [0] is the index of the next unclaimed job. */
  next: SharedArrayBuffer;
}

/** Claim jobs from the shared counter until none are left, handing records over in batches. */
export function drain(input: WorkerInput, send: (batch: FileResult[]) => void): void {
  const counter = new Int32Array(input.next);
  const rules = resolveRules(input.config.ruleIds);
  let batch: FileResult[] = [];
  for (let i = Atomics.add(counter, 0, 1); i < input.jobs.length; i = Atomics.add(counter, 0, 1)) {
    batch.push(processFile(input.jobs[i], input.config, rules));
    if (batch.length >= BATCH) {
      send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) send(batch);
}

/**
 * `requested` (--jobs N): N workers do the work (0 or 1: this thread alone).
 * Default: this thread, plus one worker per other core once there are
 * FILES_FOR_HELPERS files to parse.
 */
export async function runJobs(jobs: FileJob[], config: ProcessConfig, requested?: number): Promise<{ results: FileResult[]; workers: number }> {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const explicit = requested !== undefined;
  const workers = explicit
    ? requested <= 1
      ? 0
      : Math.min(requested, jobs.length)
    : jobs.length >= FILES_FOR_HELPERS
      ? Math.min(defaultJobs() - 1, Math.floor(jobs.length / FILES_FOR_HELPERS))
      : 0;
  const results: FileResult[] = [];
  if (jobs.length === 0) return { results, workers: 0 };
  const input: WorkerInput = { config, jobs, next: new SharedArrayBuffer(4) };
  // Under a TypeScript test runner there is no compiled worker: run in-process.
  if (workers <= 0 || !existsSync(workerFile)) {
    drain(input, (batch) => results.push(...batch));
    return { results, workers: 0 };
  }
  const done = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolvePromise, reject) => {
        const worker = new Worker(workerFile, { workerData: input });
        let finished = false;
        // A batch of records, then `null` once the worker has drained the queue.
        worker.on('message', (batch: FileResult[] | null) => {
          if (batch) results.push(...batch);
          else {
            finished = true;
            resolvePromise();
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (!finished) reject(new Error(`a worker thread stopped early (exit code ${code})`));
        });
      }),
  );
  // By default this thread works too, while the workers load.
  if (!explicit) drain(input, (batch) => results.push(...batch));
  await Promise.all(done);
  return { results, workers };
}
