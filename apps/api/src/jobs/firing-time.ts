import type { Job } from 'bullmq';

/** A scheduler's job id ends in the time it fires for (`repeat:<key>:<millis>`); that names the round. */
export function firingTime(job: Pick<Job, 'id' | 'timestamp' | 'delay'>): number {
  const match = /:(\d{10,})$/.exec(job.id ?? '');
  return match ? Number(match[1]) : job.timestamp + (job.delay ?? 0);
}
