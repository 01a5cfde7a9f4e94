import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { KpiRefreshService } from './kpi-refresh.service';
import { KpiRollupsRepository } from './kpi-rollups.repository';
import { type CustomerRefresh, KpiRollupsService } from './kpi-rollups.service';
import { KpiRoundRollupsRepository } from './kpi-round-rollups.repository';

/**
 * A refresh held by a worker that died is taken over after this lock lapses (renewed every half of it
 * while the refresh runs) and the next stall check, instead of BullMQ's 30 s + 30 s: until then its
 * fixed job id swallows every new refresh of that round or organisation, so the rollups stood still
 * for over a minute after a crash (docs/scale.md). A refresh applies what it takes in one transaction
 * under a PostgreSQL lock per round or organisation, so a run taken over from a worker that was only
 * slow waits for it and does no harm.
 */
export const KPI_REFRESH_WORKER = {
  lockDuration: 4_000,
  stalledInterval: 1_000,
  maxStalledCount: 20,
} as const;

/** Refreshes KPI rollups; a sweep every 10 minutes (and at start) queues whatever is stale. */
@Processor(QUEUES.insights, { concurrency: 1, ...KPI_REFRESH_WORKER })
export class KpiRefreshProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly rollups: KpiRollupsService,
    private readonly refresh: KpiRefreshService,
    @InjectQueue(QUEUES.insights) private readonly queue: Queue,
    private readonly customerRollups: KpiRollupsRepository,
    private readonly roundRollups: KpiRoundRollupsRepository,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JOBS.kpiSweep.schedulerKey,
      { every: JOBS.kpiSweep.every },
      { name: JOBS.kpiSweep.name, data: {}, opts: DEFAULT_JOB_OPTIONS },
    );
    await this.sweep();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.refreshRound.name:
        return this.rollups.refreshRound(job.data.roundId);
      case JOBS.refreshCustomer.name:
        return this.rollups.refreshCustomer(job.data.organisationId);
      case JOBS.kpiSweep.name:
        return this.sweep();
      default:
        throw new Error(`unknown job ${job.name}`);
    }
  }

  /**
   * A customer refresh that added answers is followed by one more after the refresh delay: an answer
   * stored just after its last look found the job still running (so queueing it was a no-op) and its
   * api may not queue again within the delay. The follow-up that finds nothing ends the chain.
   */
  @OnWorkerEvent('completed')
  async onCompleted(job: Job, result: unknown): Promise<void> {
    if (job.name === JOBS.refreshCustomer.name && (result as CustomerRefresh | undefined)?.passes)
      await this.refresh.responsesChanged(job.data.organisationId);
  }

  /** Open rounds (answers may still change) and organisations with responses queued or months marked. */
  private async sweep(): Promise<number> {
    const rounds = await this.roundRollups.openRoundIds();
    for (const round of rounds) await this.refresh.roundChanged(round);
    const organisations = await this.customerRollups.organisationsWithWork();
    for (const org of organisations) await this.refresh.responsesChanged(org);
    return rounds.length + organisations.length;
  }
}
