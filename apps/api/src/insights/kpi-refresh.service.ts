import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOBS, KPI_REFRESH_DELAY_MS, QUEUES, REFRESH_JOB_OPTIONS } from '../jobs/queues';

/**
 * Tells the worker that answers changed. The job id is fixed per round / organisation, so a burst
 * of answers queues one refresh; a failure to queue never fails the answer (the sweep catches it).
 */
@Injectable()
export class KpiRefreshService {
  private readonly logger = new Logger(KpiRefreshService.name);

  /** When this process last queued a refresh per job id: answers within the delay need no new call. */
  private readonly queuedAt = new Map<string, number>();

  constructor(@InjectQueue(QUEUES.insights) private readonly queue: Queue) {}

  async roundChanged(roundId: string): Promise<void> {
    await this.add(JOBS.refreshRound.name, { roundId }, JOBS.refreshRound.id(roundId));
  }

  async responsesChanged(organisationId: string): Promise<void> {
    await this.add(JOBS.refreshCustomer.name, { organisationId }, JOBS.refreshCustomer.id(organisationId));
  }

  private async add(name: string, data: object, jobId: string): Promise<void> {
    // The job queued less than the delay ago has not started: it will read this answer too.
    const now = Date.now();
    if (now - (this.queuedAt.get(jobId) ?? 0) < KPI_REFRESH_DELAY_MS) return;
    if (this.queuedAt.size > 10_000) this.queuedAt.clear();
    this.queuedAt.set(jobId, now);
    try {
      await this.queue.add(name, data, { ...REFRESH_JOB_OPTIONS, jobId });
    } catch (error) {
      this.logger.warn(`Could not queue ${jobId}: ${(error as Error).message}`);
    }
  }
}
