import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { KpiRefreshService } from './kpi-refresh.service';
import { KpiRollupsService } from './kpi-rollups.service';

/**
 * A refresh held by a worker that died is taken over after this lock lapses (renewed every half of it
 * while the refresh runs) and the next stall check, instead of BullMQ's 30 s + 30 s: until then its
 * fixed job id swallows every new refresh of that round or organisation, so the rollups stood still
 * for over a minute after a crash (docs/scale.md). A refresh is idempotent and serialised in
 * PostgreSQL, so a run taken over from a worker that was only slow does no harm.
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
    @InjectDataSource() private readonly db: DataSource,
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

  /** Open rounds (answers may still change) and organisations with months marked dirty by new responses. */
  private async sweep(): Promise<number> {
    const rounds: { id: string }[] = await this.db.query(
      `SELECT id FROM assessment_rounds WHERE closed_at IS NULL OR closed_at > now() - interval '1 day'`,
    );
    for (const round of rounds) await this.refresh.roundChanged(round.id);
    const organisations: { id: string }[] = await this.db.query(
      `SELECT DISTINCT organisation_id AS id FROM kpi_customer_dirty`,
    );
    for (const org of organisations) await this.refresh.responsesChanged(org.id);
    return rounds.length + organisations.length;
  }
}
