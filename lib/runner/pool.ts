/**
 * Spreads file jobs over worker threads, a small batch at a time so a slow
 * file does not hold a whole share. Falls back to this thread when there is
 * too little work to pay for starting workers (each one loads the parser).
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileResult, Progress } from '../types.js';
import { processFile, resolveRules, takeFileTimings, type FileJob, type ProcessConfig } from './process-file.js';
import type { Timings } from './timing.js';
import { LARGE_FILE } from './large-file.js';

/**
 * A worker must have this many files to parse before starting it pays: each one
 * loads babel and crawls scopes on its own (~1.5 s CPU). Measured on the 2-core
 * bench corpus (220 files to parse), two workers cost 3–4 s more CPU than one
 * thread and finished later (bench/RESULTS-speed.md).
 */
export const FILES_PER_WORKER = 400;
const BATCH = 8;

export function defaultJobs(): number {
  return availableParallelism();
}

export interface JobControl {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** Lets a signal handler run between two files of in-process work. */
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The records, the worker threads used, and (with ProcessConfig.timing) each thread's file stages. */
export interface JobsDone {
  results: FileResult[];
  workers: number;
  timings: Timings[];
}

export async function runJobs(jobs: FileJob[], config: ProcessConfig, requested?: number, control: JobControl = {}): Promise<JobsDone> {
  const { signal, onProgress } = control;
  const progress = (done: number) => onProgress?.({ phase: 'analyse', done, total: jobs.length });
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const large = existsSync(workerFile) ? jobs.filter((j) => (j.size ?? 0) >= LARGE_FILE) : [];
  if (large.length > 0) {
    const rest = await runJobs(
      jobs.filter((j) => !large.includes(j)),
      config,
      requested,
      { ...control, onProgress: onProgress && ((p) => onProgress({ ...p, total: jobs.length })) },
    );
    const results = [...rest.results];
    const timings = [...rest.timings];
    for (const job of large) {
      if (signal?.aborted) break;
      const done = await inWorker(workerFile, config, [job]);
      results.push(...done.results);
      timings.push(...done.timings);
      progress(results.length);
    }
    return { results, workers: Math.max(rest.workers, 1), timings };
  }
  // --jobs N is obeyed as asked; by default, workers start only when there is enough to parse.
  const threads = requested !== undefined ? Math.min(requested, jobs.length) : Math.min(defaultJobs(), Math.floor(jobs.length / FILES_PER_WORKER));
  // Under a TypeScript test runner there is no compiled worker: run in-process.
  if (threads <= 1 || !existsSync(workerFile)) {
    const rules = resolveRules(config.ruleIds);
    const results: FileResult[] = [];
    for (const job of jobs) {
      if (signal?.aborted) break;
      results.push(processFile(job, config, rules));
      progress(results.length);
      if (signal !== undefined) await nextTick();
    }
    const timings = takeFileTimings();
    return { results, workers: 0, timings: timings ? [timings] : [] };
  }
  const results: FileResult[] = [];
  const timings: Timings[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () =>
      new Promise<void>((resolvePromise, reject) => {
        const worker = new Worker(workerFile, { workerData: config });
        const end = () => void worker.terminate().then(() => resolvePromise());
        const feed = () => {
          if (next >= jobs.length || signal?.aborted) {
            if (config.timing) worker.postMessage('timings');
            else end();
            return;
          }
          const batch = jobs.slice(next, next + BATCH);
          next += batch.length;
          worker.postMessage(batch);
        };
        worker.on('message', (message: FileResult[] | { timings: Timings }) => {
          if (!Array.isArray(message)) {
            timings.push(message.timings);
            end();
            return;
          }
          results.push(...message);
          progress(results.length);
          feed();
        });
        worker.on('error', reject);
        feed();
      }),
    ),
  );
  return { results, workers: threads, timings };
}

/** One batch in a worker of its own, which then ends. */
function inWorker(workerFile: string, config: ProcessConfig, batch: FileJob[]): Promise<Omit<JobsDone, 'workers'>> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(workerFile, { workerData: config });
    let results: FileResult[] = [];
    worker.on('message', (message: FileResult[] | { timings: Timings }) => {
      if (Array.isArray(message)) {
        results = message;
        if (config.timing) {
          worker.postMessage('timings');
          return;
        }
      }
      const timings = Array.isArray(message) ? [] : [message.timings];
      void worker.terminate().then(() => resolvePromise({ results, timings }));
    });
    worker.once('error', reject);
    worker.postMessage(batch);
  });
}
