import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { nextRunOf, removeStaleSchedulers, syncCronScheduler } from '../jobs/job-schedulers';
import { JOBS, QUEUES } from '../jobs/queues';
import { CyclesRepository, type ScheduledCycle } from './cycles.repository';

/**
 * One BullMQ job scheduler per active cycle, keyed by the cycle id. The database is the truth:
 * the worker re-creates every scheduler from it at start, so an emptied Redis loses nothing.
 */
@Injectable()
export class CycleSchedulerService {
  constructor(
    @InjectQueue(QUEUES.assessments) private readonly queue: Queue,
    private readonly cycles: CyclesRepository,
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
    const cycles = await this.cycles.allSchedules();
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
