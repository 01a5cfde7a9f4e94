import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { JOB_STATES } from '@wk/contracts';
import type { JobState, OrganisationJob, OrganisationJobs, OrganisationSchedule } from '@wk/contracts';
import { JOB_SUBJECT_TABLES, JobOwnersRepository, JobSubjectKey } from './job-owners.repository';
import { JOBS, QUEUES } from './queues';

/** Jobs read per queue and state: the newest, enough for an admin's overview of recent work. */
const PER_STATE = 200;

const SUBJECT_KEYS = Object.keys(JOB_SUBJECT_TABLES) as JobSubjectKey[];

/**
 * An organisation's own view of the shared queues: only jobs whose subject (a round, wave, cycle,
 * survey, message, or the organisation itself) is its own, read-only. Bull Board stays the operator's.
 */
@Injectable()
export class OrganisationJobsService {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly owners: JobOwnersRepository,
  ) {}

  async list(organisationId: string, state?: JobState): Promise<OrganisationJobs> {
    const found: { queue: string; job: Job; state: JobState; subject: { kind: string; id: string } }[] = [];
    for (const queueName of Object.values(QUEUES)) {
      const queue = this.queue(queueName);
      for (const jobState of state ? [state] : JOB_STATES) {
        for (const job of await queue.getJobs([jobState], 0, PER_STATE - 1)) {
          const subject = job ? subjectOf(job.data) : null;
          if (subject) found.push({ queue: queueName, job, state: jobState, subject });
        }
      }
    }
    const schedulers = await this.schedulers();
    const wanted = new Map<JobSubjectKey, Set<string>>();
    const want = (key: JobSubjectKey, id: string) =>
      (wanted.get(key) ?? wanted.set(key, new Set()).get(key)!).add(id);
    for (const { subject } of found)
      if (subject.kind !== 'organisationId') want(subject.kind as JobSubjectKey, subject.id);
    for (const s of schedulers) want(s.kind === 'cycle' ? 'cycleId' : 'surveyId', s.id);
    const owned = await this.owners.ownedBy(organisationId, wanted);
    const isOwn = (subject: { kind: string; id: string }) =>
      subject.kind === 'organisationId' ? subject.id === organisationId : owned.has(subject.id);

    const jobs = found
      .filter(({ subject }) => isOwn(subject))
      .map(({ queue, job, state: jobState, subject }) =>
        toJob(queue, job, jobState, { ...subject, label: owned.get(subject.id) ?? null }),
      )
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
    const schedules = schedulers
      .filter((s) => owned.has(s.id))
      .map((s) => ({ ...s, label: owned.get(s.id) ?? '' }));
    return { jobs, schedules };
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** Cycle and survey schedules (keys from queues.ts) with their next firing. */
  private async schedulers(): Promise<Omit<OrganisationSchedule, 'label'>[]> {
    const result: Omit<OrganisationSchedule, 'label'>[] = [];
    const sources = [
      { queue: JOBS.openRound.queue, kind: 'cycle' as const, prefix: JOBS.openRound.schedulerKey('') },
      { queue: JOBS.sendWave.queue, kind: 'survey' as const, prefix: JOBS.sendWave.schedulerKey('') },
    ];
    for (const { queue, kind, prefix } of sources) {
      for (const scheduler of await this.queue(queue).getJobSchedulers(0, -1)) {
        if (!scheduler.key?.startsWith(prefix)) continue;
        result.push({
          kind,
          id: scheduler.key.slice(prefix.length),
          nextRunAt: scheduler.next ? new Date(scheduler.next).toISOString() : null,
        });
      }
    }
    return result;
  }
}

function subjectOf(data: unknown): { kind: string; id: string } | null {
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  for (const key of SUBJECT_KEYS) if (typeof record[key] === 'string') return { kind: key, id: record[key] };
  if (typeof record['organisationId'] === 'string')
    return { kind: 'organisationId', id: record['organisationId'] };
  return null;
}

const iso = (ms: number | undefined | null) => (ms ? new Date(ms).toISOString() : null);

function toJob(
  queue: string,
  job: Job,
  state: JobState,
  subject: { kind: string; id: string; label: string | null },
): OrganisationJob {
  return {
    id: String(job.id),
    queue,
    name: job.name,
    state,
    subject: { ...subject, kind: subject.kind.replace(/Id$/, '') },
    attempts: job.attemptsMade,
    failedReason: state === 'failed' ? (job.failedReason ?? null) : null,
    createdAt: new Date(job.timestamp).toISOString(),
    runAt: state === 'delayed' ? iso(job.timestamp + (job.delay ?? 0)) : null,
    finishedAt: iso(job.finishedOn),
  };
}
