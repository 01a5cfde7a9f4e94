import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../../jobs/queues';
import { ImportService } from './import.service';

type ImportJobData = { importJobId: string };

/** Applies stored CSV imports; the import_jobs row is the truth, the queue only says "go". */
@Processor(QUEUES.imports, { concurrency: 2 })
export class ImportProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(
    private readonly imports: ImportService,
    @InjectQueue(QUEUES.imports) private readonly queue: Queue,
  ) {
    super();
  }

  /** Redis may have lost queued jobs: queue again what the database says is unfinished. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JOBS.importHousekeeping.schedulerKey,
      { every: JOBS.importHousekeeping.every },
      { name: JOBS.importHousekeeping.name, data: {}, opts: DEFAULT_JOB_OPTIONS },
    );
    const open = await this.imports.requeueUnfinished();
    if (open) this.logger.log(`Re-queued ${open} unfinished import(s)`);
  }

  async process(job: Job<ImportJobData>): Promise<void> {
    if (job.name === JOBS.importHousekeeping.name) {
      const purged = await this.imports.purgeFinished();
      if (purged) this.logger.log(`Forgot ${purged} finished import(s) past their retention`);
      return;
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.imports.run(job.data.importJobId, lastAttempt);
  }

  /** A job BullMQ gives up on outside `process` (stalled too often) still leaves its row saying why. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ImportJobData> | undefined, error: Error): Promise<void> {
    if (!job || job.name !== JOBS.runImport.name || (await job.getState()) !== 'failed') return;
    await this.imports.fail(
      job.data.importJobId,
      `the import stopped (${error.message}); nothing was imported`,
    );
  }
}
