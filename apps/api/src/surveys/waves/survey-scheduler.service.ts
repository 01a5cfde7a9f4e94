import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { nextRunOf, removeStaleSchedulers, syncCronScheduler } from '../../jobs/job-schedulers';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../../jobs/queues';
import { type ScheduledSurveyRow, SurveysRepository } from '../surveys.repository';

/**
 * One BullMQ job scheduler per survey with a schedule (the same machinery as self-assessment
 * cycles), plus one housekeeping scheduler. The database is the truth: the worker rebuilds them at start.
 */
@Injectable()
export class SurveySchedulerService {
  constructor(
    @InjectQueue(QUEUES.surveys) private readonly queue: Queue,
    private readonly surveys: SurveysRepository,
  ) {}

  async sync(survey: ScheduledSurveyRow): Promise<void> {
    await syncCronScheduler(
      this.queue,
      JOBS.sendWave.schedulerKey(survey.id),
      survey.status === 'active' && survey.cron ? { pattern: survey.cron, tz: survey.time_zone } : null,
      { name: JOBS.sendWave.name, data: { surveyId: survey.id } },
    );
  }

  /** Every scheduled survey gets its scheduler; stale ones go; housekeeping runs every few minutes. */
  async syncAll(): Promise<number> {
    const surveys = await this.surveys.scheduled();
    for (const survey of surveys) await this.sync(survey);
    const wanted = new Set([
      ...surveys.filter((s) => s.status === 'active' && s.cron).map((s) => JOBS.sendWave.schedulerKey(s.id)),
      JOBS.surveyHousekeeping.schedulerKey,
    ]);
    await this.queue.upsertJobScheduler(
      JOBS.surveyHousekeeping.schedulerKey,
      { every: JOBS.surveyHousekeeping.every },
      { name: JOBS.surveyHousekeeping.name, data: {}, opts: DEFAULT_JOB_OPTIONS },
    );
    await removeStaleSchedulers(this.queue, wanted);
    return wanted.size - 1;
  }

  nextRun(surveyId: string): Promise<Date | null> {
    return nextRunOf(this.queue, JOBS.sendWave.schedulerKey(surveyId));
  }
}
