import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOBS, KPI_REFRESH_DELAY_MS, QUEUES, REFRESH_JOB_OPTIONS } from '../jobs/queues';

/** States of a refresh job that has not started yet (so it will read an answer stored before). */
const WAITING = new Set(['delayed', 'waiting', 'prioritized']);

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
      const job = await this.queue.add(name, data, { ...REFRESH_JOB_OPTIONS, jobId });
      // An add under the id of a job already running is swallowed, and that job may have looked for
      // changes already: queue the one after it, and trust no job with the next answers.
      if (!WAITING.has(await job.getState())) {
        this.queuedAt.delete(jobId);
        await this.queue.add(name, data, { ...REFRESH_JOB_OPTIONS, jobId: `${jobId}-next` });
      }
    } catch (error) {
      this.logger.warn(`Could not queue ${jobId}: ${(error as Error).message}`);
    }
  }
}
