/** A worker thread: claims file jobs from the shared counter until none are left, posting their records. */
import { parentPort, workerData } from 'node:worker_threads';
import { drain, type WorkerInput } from './pool.js';

drain(workerData as WorkerInput, (batch) => parentPort?.postMessage(batch));
parentPort?.postMessage(null);
