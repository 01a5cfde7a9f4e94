import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOBS, QUEUES, REFRESH_JOB_OPTIONS } from '../jobs/queues';

/**
 * Tells the worker that answers changed. The job id is fixed per round / organisation, so a burst
 * of answers queues one refresh; a failure to queue never fails the answer (the sweep catches it).
 */
@Injectable()
export class KpiRefreshService {
  private readonly logger = new Logger(KpiRefreshService.name);

  constructor(@InjectQueue(QUEUES.insights) private readonly queue: Queue) {}

  async roundChanged(roundId: string): Promise<void> {
    await this.add(JOBS.refreshRound.name, { roundId }, JOBS.refreshRound.id(roundId));
  }

  async responsesChanged(organisationId: string): Promise<void> {
    await this.add(JOBS.refreshCustomer.name, { organisationId }, JOBS.refreshCustomer.id(organisationId));
  }

  private async add(name: string, data: object, jobId: string): Promise<void> {
    try {
      await this.queue.add(name, data, { ...REFRESH_JOB_OPTIONS, jobId });
    } catch (error) {
      this.logger.warn(`Could not queue ${jobId}: ${(error as Error).message}`);
    }
  }
}
