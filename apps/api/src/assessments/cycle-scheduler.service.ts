import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';

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
    const key = JOBS.openRound.schedulerKey(cycle.id);
    if (cycle.status !== 'active') {
      await this.queue.removeJobScheduler(key);
      return;
    }
    await this.queue.upsertJobScheduler(
      key,
      { pattern: cycle.cron, tz: cycle.time_zone },
      { name: JOBS.openRound.name, data: { cycleId: cycle.id }, opts: DEFAULT_JOB_OPTIONS },
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
    for (const scheduler of await this.queue.getJobSchedulers(0, -1)) {
      if (scheduler.key && !active.has(scheduler.key)) await this.queue.removeJobScheduler(scheduler.key);
    }
    return active.size;
  }

  async nextRun(cycleId: string): Promise<Date | null> {
    const scheduler = await this.queue.getJobScheduler(JOBS.openRound.schedulerKey(cycleId));
    return scheduler?.next ? new Date(scheduler.next) : null;
  }
}
