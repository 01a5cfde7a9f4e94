import type { JobsOptions } from 'bullmq';

/**
 * The one place that owns queue names and job options: ids for dedup, attempts, backoff, retention.
 * Job payloads carry ids only; processors reload state from the database.
 */
export const QUEUES = { mail: 'mail', assessments: 'assessments', surveys: 'surveys' } as const;

export const JOBS = {
  sendMail: { queue: QUEUES.mail, name: 'send-mail', id: (outboxId: string) => `mail-${outboxId}` },
  /** Fired by the cycle's job scheduler (key below), or once by "open a round now". */
  openRound: {
    queue: QUEUES.assessments,
    name: 'open-round',
    schedulerKey: (cycleId: string) => `cycle-${cycleId}`,
  },
  remind: {
    queue: QUEUES.assessments,
    name: 'remind',
    id: (roundId: string, at: number) => `remind-${roundId}-${at}`,
  },
  closeRound: { queue: QUEUES.assessments, name: 'close-round', id: (roundId: string) => `close-${roundId}` },
  /** Fired by a survey's schedule: a wave to the contacts uploaded since the last one. */
  sendWave: {
    queue: QUEUES.surveys,
    name: 'send-wave',
    schedulerKey: (surveyId: string) => `survey-${surveyId}`,
  },
  remindWave: { queue: QUEUES.surveys, name: 'remind-wave', id: (waveId: string) => `wave-remind-${waveId}` },
  closeWave: { queue: QUEUES.surveys, name: 'close-wave', id: (waveId: string) => `wave-close-${waveId}` },
  /** Closes overdue waves, deletes contact data past retention, forgets old quarantine and idempotency rows. */
  surveyHousekeeping: {
    queue: QUEUES.surveys,
    name: 'survey-housekeeping',
    schedulerKey: 'survey-housekeeping',
    every: 10 * 60 * 1000,
  },
} as const;

/** Mails delivered at once by one worker, and SMTP connections kept open for them. */
export const MAIL_CONCURRENCY = 16;

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { count: 5_000, age: 7 * 24 * 3600 },
  // failed jobs stay for inspection
  removeOnFail: false,
};
