export const OUTBOX_STATUSES = ['pending', 'held', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxMessage {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The self-assessment round an invitation or reminder belongs to. */
  round: { id: string; cycleId: string; cycleName: string; opensAt: string } | null;
  /** The survey wave an invitation or reminder belongs to. */
  wave: { id: string; surveyId: string; surveyName: string; opensAt: string } | null;
}

export const JOB_STATES = ['active', 'waiting', 'delayed', 'failed', 'completed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** One background job of the caller's organisation, as its admins see it (never another's). */
export interface OrganisationJob {
  id: string;
  queue: string;
  name: string;
  state: JobState;
  /** What the job works on: a round, wave, cycle, survey, mail message or the organisation itself. */
  subject: { kind: string; id: string; label: string | null };
  attempts: number;
  failedReason: string | null;
  createdAt: string;
  /** When a delayed job is due. */
  runAt: string | null;
  finishedAt: string | null;
}

/** A schedule of the organisation (a cycle's rounds, a survey's waves) and its next firing. */
export interface OrganisationSchedule {
  kind: 'cycle' | 'survey';
  id: string;
  /** The cycle's or survey's name. */
  label: string;
  nextRunAt: string | null;
}

export interface OrganisationJobs {
  jobs: OrganisationJob[];
  schedules: OrganisationSchedule[];
}
