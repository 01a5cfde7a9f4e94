import type { JobsOptions } from 'bullmq';

/**
 * The one place that owns queue names and job options: ids for dedup, attempts, backoff, retention.
 * Job payloads carry ids only; processors reload state from the database.
 */
export const QUEUES = { mail: 'mail' } as const;

export const JOBS = {
  sendMail: { queue: QUEUES.mail, name: 'send-mail', id: (outboxId: string) => `mail-${outboxId}` },
} as const;

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { count: 5_000, age: 7 * 24 * 3600 },
  // failed jobs stay for inspection
  removeOnFail: false,
};
