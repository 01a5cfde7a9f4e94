import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { firingTime } from '../../jobs/firing-time';
import { JOBS, QUEUES } from '../../jobs/queues';
import { SurveySchedulerService } from './survey-scheduler.service';
import { WavesService, type WaveTimes } from './waves.service';

/** Scheduled waves, reminders, closing and housekeeping; each job reloads state from the database. */
@Processor(QUEUES.surveys, { concurrency: 2 })
export class SurveyProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SurveyProcessor.name);

  constructor(
    private readonly waves: WavesService,
    private readonly schedulers: SurveySchedulerService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  /** Redis may have lost everything: schedulers, and the reminder and close jobs of open waves. */
  async onApplicationBootstrap(): Promise<void> {
    const scheduled = await this.schedulers.syncAll();
    const open: (WaveTimes & { reminder_after_days: number })[] = await this.db.query(
      `SELECT w.id, w.organisation_id, w.opens_at, w.closes_at, s.reminder_after_days
         FROM survey_waves w JOIN surveys s ON s.id = w.survey_id WHERE w.closed_at IS NULL`,
    );
    for (const wave of open) await this.waves.scheduleJobs(wave);
    if (scheduled || open.length)
      this.logger.log(`Scheduled ${scheduled} survey(s), ${open.length} open wave(s)`);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.sendWave.name:
        return this.waves.sendPending(job.data.surveyId, 'scheduled', new Date(firingTime(job)));
      case JOBS.remindWave.name:
        return this.waves.remind(job.data.waveId);
      case JOBS.closeWave.name:
        return this.waves.close(job.data.waveId);
      case JOBS.surveyHousekeeping.name:
        return this.waves.housekeeping();
      default:
        throw new Error(`unknown job ${job.name}`);
    }
  }
}
