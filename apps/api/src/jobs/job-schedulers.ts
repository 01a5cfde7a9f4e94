import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { cadenceProblem } from '@wk/domain';
import { DEFAULT_JOB_OPTIONS } from './queues';

const logger = new Logger('JobSchedulers');

/**
 * The one way schedules reach BullMQ (cycles, surveys): a scheduler per key that exists exactly while
 * its row in the database says it should run. Rebuilt from the database at worker start.
 */
export async function syncCronScheduler(
  queue: Queue,
  key: string,
  schedule: { pattern: string; tz: string } | null,
  job: { name: string; data: object },
): Promise<void> {
  // A pattern stored before the cadence rule (seconds, sub-daily) is not run until it is fixed.
  const problem = schedule && cadenceProblem(schedule.pattern);
  if (problem) logger.warn(`Not scheduling ${key}: cadence "${schedule?.pattern}" is refused (${problem})`);
  if (!schedule || problem) {
    await queue.removeJobScheduler(key);
    return;
  }
  await queue.upsertJobScheduler(key, schedule, { ...job, opts: DEFAULT_JOB_OPTIONS });
}

/** Removes every scheduler of the queue whose key is not wanted (a cycle or survey gone or stopped). */
export async function removeStaleSchedulers(queue: Queue, wanted: Set<string>): Promise<void> {
  for (const scheduler of await queue.getJobSchedulers(0, -1))
    if (scheduler.key && !wanted.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
}

export async function nextRunOf(queue: Queue, key: string): Promise<Date | null> {
  const scheduler = await queue.getJobScheduler(key);
  return scheduler?.next ? new Date(scheduler.next) : null;
}
