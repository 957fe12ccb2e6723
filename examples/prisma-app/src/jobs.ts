import { prisma } from './db.js';

const retryQueue: number[] = [];

/** Re-queue failed jobs that still have attempts left. */
export async function retryFailedJobs() {
  retryQueue.length = 0;
  for (const job of await prisma.job.findMany({ where: { status: 'failed' } })) {
    if (job.attempts < 3) retryQueue.push(job.id);
  }
  return retryQueue.length;
}

// Left alone: the whole list is handed to another function.
export async function queuedJobs() {
  const jobs = await prisma.job.findMany({ where: { status: 'queued' }, take: 100 });
  return summarize(jobs);
}

function summarize(jobs: { kind: string }[]) {
  return new Set(jobs.map((j) => j.kind)).size;
}
