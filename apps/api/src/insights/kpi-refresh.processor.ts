import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { KpiRefreshService } from './kpi-refresh.service';
import { KpiRollupsService } from './kpi-rollups.service';

/** Refreshes KPI rollups; a sweep every 10 minutes (and at start) queues whatever is stale. */
@Processor(QUEUES.insights, { concurrency: 1 })
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
