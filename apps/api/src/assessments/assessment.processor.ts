import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { firingTime } from '../jobs/firing-time';
import { JOBS, QUEUES } from '../jobs/queues';
import { CycleSchedulerService } from './cycle-scheduler.service';
import { RoundJobsService } from './round-jobs.service';
import { RoundsService } from './rounds.service';

type AssessmentJob =
  | Job<{ cycleId: string; scheduledFor?: number }>
  | Job<{ roundId: string; at: number }>
  | Job<{ roundId: string }>;

/** The firing of a schedule, its reminders and its close: each job reloads state from the database. */
@Processor(QUEUES.assessments, { concurrency: 2 })
export class AssessmentProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(AssessmentProcessor.name);

  constructor(
    private readonly rounds: RoundsService,
    private readonly roundJobs: RoundJobsService,
    private readonly schedulers: CycleSchedulerService,
  ) {
    super();
  }

  /** Redis may have lost everything: schedulers, and the fan-out, reminder and close jobs of open rounds. */
  async onApplicationBootstrap(): Promise<void> {
    const active = await this.schedulers.syncAll();
    const open = await this.roundJobs.requeueOpenRounds();
    if (active || open) this.logger.log(`Scheduled ${active} active cycle(s), ${open} open round(s)`);
  }

  async process(job: AssessmentJob): Promise<unknown> {
    switch (job.name) {
      case JOBS.openRound.name: {
        const { cycleId, scheduledFor } = job.data as { cycleId: string; scheduledFor?: number };
        // A firing while a round is still open is skipped (logged), not failed: retrying cannot help.
        return this.rounds.openRound(cycleId, new Date(scheduledFor ?? firingTime(job)));
      }
      case JOBS.fanOutRound.name:
        return this.rounds.fanOut((job.data as { roundId: string }).roundId);
      case JOBS.remind.name: {
        const { roundId, at } = job.data as { roundId: string; at: number };
        return this.rounds.remind(roundId, at);
      }
      case JOBS.closeRound.name:
        return this.rounds.close((job.data as { roundId: string }).roundId);
      default:
        throw new Error(`unknown job ${job.name}`);
    }
  }
}
