import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { firingTime } from '../../jobs/firing-time';
import { JOBS, QUEUES } from '../../jobs/queues';
import { SurveySchedulerService } from './survey-scheduler.service';
import { WaveSendingService } from './wave-sending.service';
import { WavesService } from './waves.service';

/** Scheduled waves, reminders, closing and housekeeping; each job reloads state from the database. */
@Processor(QUEUES.surveys, { concurrency: 2 })
export class SurveyProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SurveyProcessor.name);

  constructor(
    private readonly waves: WavesService,
    private readonly sending: WaveSendingService,
    private readonly schedulers: SurveySchedulerService,
  ) {
    super();
  }

  /** Redis may have lost everything: schedulers, and the reminder and close jobs of open waves. */
  async onApplicationBootstrap(): Promise<void> {
    const scheduled = await this.schedulers.syncAll();
    const open = await this.waves.scheduleOpenWaves();
    if (scheduled || open) this.logger.log(`Scheduled ${scheduled} survey(s), ${open} open wave(s)`);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.sendWave.name:
        return this.sending.sendPending(job.data.surveyId, 'scheduled', new Date(firingTime(job)));
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
