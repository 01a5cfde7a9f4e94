import type { JobsOptions } from 'bullmq';

/**
 * The one place that owns queue names and job options: ids for dedup, attempts, backoff, retention.
 * Job payloads carry ids only; processors reload state from the database.
 */
export const QUEUES = {
  mail: 'mail',
  assessments: 'assessments',
  surveys: 'surveys',
  insights: 'insights',
  imports: 'imports',
  webhooks: 'webhooks',
  actions: 'actions',
  appraisals: 'appraisals',
} as const;

export const JOBS = {
  sendMail: { queue: QUEUES.mail, name: 'send-mail', id: (outboxId: string) => `mail-${outboxId}` },
  /** Fired by the cycle's job scheduler (key below), or once by "open a round now". */
  openRound: {
    queue: QUEUES.assessments,
    name: 'open-round',
    schedulerKey: (cycleId: string) => `cycle-${cycleId}`,
  },
  /** Invites a round's audience in batches ("open a round now" returns before it is done). */
  fanOutRound: {
    queue: QUEUES.assessments,
    name: 'fan-out-round',
    id: (roundId: string) => `fan-out-${roundId}`,
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
  /** KPI rollups of a round or of an organisation's new customer responses, debounced by a fixed id. */
  refreshRound: {
    queue: QUEUES.insights,
    name: 'refresh-round',
    id: (roundId: string) => `kpi-round-${roundId}`,
  },
  refreshCustomer: {
    queue: QUEUES.insights,
    name: 'refresh-customer',
    id: (organisationId: string) => `kpi-customer-${organisationId}`,
  },
  /** Catches what a debounced refresh missed: open rounds and organisations with unrolled responses. */
  kpiSweep: { queue: QUEUES.insights, name: 'kpi-sweep', schedulerKey: 'kpi-sweep', every: 10 * 60 * 1000 },
  /** Owner reminders of action plans (before and on the due date); the outbox dedup keys make each go once. */
  actionReminders: {
    queue: QUEUES.actions,
    name: 'action-reminders',
    schedulerKey: 'action-reminders',
    every: 60 * 60 * 1000,
  },
  /** A CSV import stored in import_jobs, applied in one transaction. */
  runImport: {
    queue: QUEUES.imports,
    name: 'run-import',
    id: (importJobId: string) => `import-${importJobId}`,
  },
  /** One webhook delivery; a manual redelivery is a new round of the same delivery (a new job id). */
  deliverWebhook: {
    queue: QUEUES.webhooks,
    name: 'deliver-webhook',
    id: (deliveryId: string, round: number) => `webhook-${deliveryId}-${round}`,
  },
  /** Queues pending deliveries whose job was lost (Redis lost, or a crash between commit and queueing). */
  webhookSweep: {
    queue: QUEUES.webhooks,
    name: 'webhook-sweep',
    schedulerKey: 'webhook-sweep',
    every: 60 * 1000,
  },
  /** Forgets finished imports after their retention: their results name people (e-mail addresses). */
  importHousekeeping: {
    queue: QUEUES.imports,
    name: 'import-housekeeping',
    schedulerKey: 'import-housekeeping',
    every: 6 * 3600 * 1000,
  },
  /** Reminds whoever is behind before one stage's deadline of an appraisal cycle (once per cycle and stage). */
  remindAppraisals: {
    queue: QUEUES.appraisals,
    name: 'remind-appraisals',
    id: (cycleId: string, stage: string) => `appraisal-remind-${cycleId}-${stage}`,
  },
} as const;

/**
 * A retry re-applies the whole file (the failed transaction wrote nothing); rows the database
 * refuses fail the job at once, so attempts only cover lost connections and crashes.
 */
export const IMPORT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 1_000 },
};

/**
 * Rollup refreshes wait this long so that a burst of answers costs one refresh. A customer refresh
 * adds just the new answers, so a short delay keeps the dashboard seconds behind a submit.
 */
export const KPI_REFRESH_DELAY_MS = 1_000;

/** A refresh job leaves no trace when done, so the next answer can queue the next refresh under the same id. */
export const REFRESH_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  delay: KPI_REFRESH_DELAY_MS,
  removeOnComplete: true,
  removeOnFail: true,
};

/** Mails delivered at once by one worker, and SMTP connections kept open for them. */
export const MAIL_CONCURRENCY = 16;

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { count: 5_000, age: 7 * 24 * 3600 },
  // failed jobs stay for inspection
  removeOnFail: false,
};
