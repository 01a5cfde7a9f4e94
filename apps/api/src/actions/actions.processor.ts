import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { ActionsService } from './actions.service';

/** Owner reminders: a sweep every hour (fixed scheduler key); the outbox dedup keys make each go once. */
@Processor(QUEUES.actions, { concurrency: 1 })
export class ActionsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly actions: ActionsService,
    @InjectQueue(QUEUES.actions) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JOBS.actionReminders.schedulerKey,
      { every: JOBS.actionReminders.every },
      { name: JOBS.actionReminders.name, data: {}, opts: DEFAULT_JOB_OPTIONS },
    );
  }

  async process(job: Job): Promise<number> {
    if (job.name !== JOBS.actionReminders.name) throw new Error(`unknown job ${job.name}`);
    return this.actions.sendReminders();
  }
}
