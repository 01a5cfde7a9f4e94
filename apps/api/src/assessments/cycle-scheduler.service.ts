import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { nextRunOf, removeStaleSchedulers, syncCronScheduler } from '../jobs/job-schedulers';
import { JOBS, QUEUES } from '../jobs/queues';

interface ScheduledCycle {
  id: string;
  status: string;
  cron: string;
  time_zone: string;
}

/**
 * One BullMQ job scheduler per active cycle, keyed by the cycle id. The database is the truth:
 * the worker re-creates every scheduler from it at start, so an emptied Redis loses nothing.
 */
@Injectable()
export class CycleSchedulerService {
  constructor(
    @InjectQueue(QUEUES.assessments) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async sync(cycle: ScheduledCycle): Promise<void> {
    await syncCronScheduler(
      this.queue,
      JOBS.openRound.schedulerKey(cycle.id),
      cycle.status === 'active' ? { pattern: cycle.cron, tz: cycle.time_zone } : null,
      { name: JOBS.openRound.name, data: { cycleId: cycle.id } },
    );
  }

  /** Every active cycle gets its scheduler; schedulers of cycles that are gone or stopped go. */
  async syncAll(): Promise<number> {
    const cycles: ScheduledCycle[] = await this.db.query(
      `SELECT id, status, cron, time_zone FROM assessment_cycles`,
    );
    for (const cycle of cycles) await this.sync(cycle);
    const active = new Set(
      cycles.filter((c) => c.status === 'active').map((c) => JOBS.openRound.schedulerKey(c.id)),
    );
    await removeStaleSchedulers(this.queue, active);
    return active.size;
  }

  nextRun(cycleId: string): Promise<Date | null> {
    return nextRunOf(this.queue, JOBS.openRound.schedulerKey(cycleId));
  }
}
