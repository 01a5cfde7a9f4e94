import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { QUEUES } from '../../jobs/queues';
import { ImportService } from './import.service';

type ImportJobData = { importJobId: string };

/** Applies stored CSV imports; the import_jobs row is the truth, the queue only says "go". */
@Processor(QUEUES.imports, { concurrency: 2 })
export class ImportProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(private readonly imports: ImportService) {
    super();
  }

  /** Redis may have lost queued jobs: queue again what the database says is unfinished. */
  async onApplicationBootstrap(): Promise<void> {
    const open = await this.imports.requeueUnfinished();
    if (open) this.logger.log(`Re-queued ${open} unfinished import(s)`);
  }

  async process(job: Job<ImportJobData>): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.imports.run(job.data.importJobId, lastAttempt);
  }

  /** A job BullMQ gives up on outside `process` (stalled too often) still leaves its row saying why. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ImportJobData> | undefined, error: Error): Promise<void> {
    if (!job || (await job.getState()) !== 'failed') return;
    await this.imports.fail(
      job.data.importJobId,
      `the import stopped (${error.message}); nothing was imported`,
    );
  }
}
