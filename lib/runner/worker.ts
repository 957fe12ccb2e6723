/** A worker thread: takes batches of file jobs, returns their records. */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, resolveRules, type FileJob, type ProcessConfig } from './process-file.js';

const config = workerData as ProcessConfig;
const rules = resolveRules(config.ruleIds);

parentPort?.on('message', (jobs: FileJob[]) => {
  parentPort?.postMessage(jobs.map((job) => processFile(job, config, rules)));
});
