import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { reminderTimes } from '@wk/domain';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { RoundsRepository, type RoundTimes } from './rounds.repository';

/**
 * A round's jobs: its fan-out, its reminders and its close, each under a fixed id, so queueing one
 * again is harmless and a worker that lost Redis can queue them all again from the database.
 */
@Injectable()
export class RoundJobsService {
  constructor(
    private readonly repository: RoundsRepository,
    @InjectQueue(QUEUES.assessments) private readonly queue: Queue,
  ) {}

  async queueFanOut(roundId: string): Promise<void> {
    await this.queue.add(
      JOBS.fanOutRound.name,
      { roundId },
      { ...DEFAULT_JOB_OPTIONS, jobId: JOBS.fanOutRound.id(roundId) },
    );
  }

  /**
   * The reminder and close jobs of an open round (fixed ids: queueing them again is harmless). Of the
   * reminders already due only the latest is queued (a worker that was down sends one late reminder,
   * not a burst), and only with `due` (after a fan-out, so it cannot run before the invitations exist).
   */
  async scheduleJobs(round: RoundTimes, { due: withDue = true } = {}): Promise<void> {
    const now = Date.now();
    const times = reminderTimes(
      round.opens_at,
      round.closes_at,
      round.reminder_days,
      round.remind_day_before_deadline,
    ).map((t) => t.getTime());
    // A round past its deadline gets no reminder, only its close.
    const due = withDue && round.closes_at.getTime() > now ? times.filter((t) => t <= now) : [];
    for (const at of [...due.slice(-1), ...times.filter((t) => t > now)]) {
      await this.queue.add(
        JOBS.remind.name,
        { roundId: round.id, at },
        { ...DEFAULT_JOB_OPTIONS, jobId: JOBS.remind.id(round.id, at), delay: Math.max(0, at - now) },
      );
    }
    await this.queue.add(
      JOBS.closeRound.name,
      { roundId: round.id },
      {
        ...DEFAULT_JOB_OPTIONS,
        jobId: JOBS.closeRound.id(round.id),
        delay: Math.max(0, round.closes_at.getTime() - now),
      },
    );
  }

  /**
   * Redis may have lost every queued job (the worker's start): each open round gets its fan-out,
   * reminder and close jobs again under their fixed ids. The fan-out adds only who is missing; a round
   * past its deadline is only closed. Returns how many open rounds there were.
   */
  async requeueOpenRounds(): Promise<number> {
    const open = await this.repository.openRoundTimes();
    for (const round of open) {
      const running = round.closes_at.getTime() > Date.now();
      if (running) await this.queueFanOut(round.id); // its end queues a reminder already due
      await this.scheduleJobs(round, { due: false });
    }
    return open.length;
  }
}
