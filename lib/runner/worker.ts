/** A worker thread: takes batches of file jobs, returns their records; asked `'timings'`, returns its file stages (--timing). */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, resolveRules, takeFileTimings, type FileJob, type ProcessConfig } from './process-file.js';

const config = workerData as ProcessConfig;
const rules = resolveRules(config.ruleIds);

parentPort?.on('message', (jobs: FileJob[] | 'timings') => {
  if (jobs === 'timings') parentPort?.postMessage({ timings: takeFileTimings() ?? {} });
  else parentPort?.postMessage(jobs.map((job) => processFile(job, config, rules)));
});
