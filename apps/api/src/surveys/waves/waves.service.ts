import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { waveReminderAt } from '@wk/domain';
import type { WaveYouSaidRequest } from '@wk/contracts';
import { DomainError } from '../../common/domain-error';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../../jobs/queues';
import { MailService } from '../../notifications/mail.service';
import { WebhookEvents } from '../../webhooks/webhook-events.service';
import { QuarantineRepository } from '../quarantine.repository';
import { SurveyLinks } from '../survey-links';
import { surveyMail, type WaveTimes } from './sending';
import { WaveInvitationsRepository } from './wave-invitations.repository';
import { WavesRepository } from './waves.repository';

/**
 * A sent wave's life: its one reminder, its "you said, we did" line, closing, deleting its contact
 * data, the jobs that do these on time, and the housekeeping that catches up on them. Every step is
 * idempotent: the reminder and the close are claimed in the database, a job has a fixed id.
 */
@Injectable()
export class WavesService {
  constructor(
    private readonly repository: WavesRepository,
    private readonly invitations: WaveInvitationsRepository,
    private readonly quarantine: QuarantineRepository,
    @InjectQueue(QUEUES.surveys) private readonly queue: Queue,
    private readonly mail: MailService,
    private readonly links: SurveyLinks,
    private readonly webhooks: WebhookEvents,
  ) {}

  /**
   * The wave's one reminder, to invitees who have not answered and whose contact data still
   * exists. Claimed by setting reminder_sent_at, so the scheduled and a manual reminder never both go.
   */
  async remind(waveId: string, options: { manual?: boolean; organisationId?: string } = {}): Promise<number> {
    const reminded = await this.repository.transaction(async (m) => {
      const claimed = await this.repository.claimReminder(m, waveId, options.organisationId);
      if (!claimed) {
        if (options.manual)
          throw new DomainError(
            'already_reminded',
            'This wave has had its reminder, or it is closed',
            HttpStatus.CONFLICT,
          );
        return null;
      }
      const survey = await this.repository.lockSendingSurvey(m, claimed.survey_id);
      const wave = await this.repository.times(m, waveId);
      const pending = await this.invitations.unanswered(m, waveId);
      const mails = pending.map((p) => surveyMail(this.links, survey!, wave, p, 'surveyReminder'));
      await this.mail.storeMany(mails, m);
      return { organisationId: wave.organisation_id, keys: mails.map((mail) => mail.dedupKey) };
    });
    return reminded ? this.mail.dispatchPending(reminded.organisationId, reminded.keys) : 0;
  }

  /** Sets or clears the wave's "you said, we did" line (empty: no line); also after sending. */
  setYouSaid(organisationId: string, waveId: string, youSaid: WaveYouSaidRequest): Promise<void> {
    return this.repository.setYouSaid(organisationId, waveId, youSaid);
  }

  /** Closes a wave; with a retention of 0 days its contact data goes in the same transaction. */
  async close(waveId: string, organisationId?: string): Promise<void> {
    await this.repository.transaction(async (m) => {
      const closed = await this.repository.close(m, waveId, organisationId);
      if (closed)
        await this.webhooks.emit(
          closed.organisation_id,
          'wave.closed',
          { waveId: closed.id, surveyId: closed.survey_id, closedAt: closed.closed_at.toISOString() },
          m,
        );
      if (closed && closed.retention === 0) await this.deleteContacts(m, waveId);
    });
  }

  /** Closes the survey's open waves (the survey itself closed). */
  async closeOpenOf(organisationId: string, surveyId: string): Promise<void> {
    for (const wave of await this.repository.openOf(organisationId, surveyId))
      await this.close(wave.id, organisationId);
  }

  /** Overdue waves close; contact data past retention goes; old quarantine and idempotency rows go. */
  async housekeeping(): Promise<{ closed: number; purged: number }> {
    const overdue = await this.repository.overdue();
    for (const wave of overdue) await this.close(wave.id);
    const expired = await this.repository.pastRetention();
    for (const wave of expired) await this.repository.transaction((m) => this.deleteContacts(m, wave.id));
    await this.quarantine.purgeExpired();
    await this.invitations.purgeOldIdempotencyKeys();
    return { closed: overdue.length, purged: expired.length };
  }

  /** Redis may have lost them: the reminder and close jobs of every open wave; returns how many waves. */
  async scheduleOpenWaves(): Promise<number> {
    const open = await this.repository.open();
    for (const wave of open) await this.scheduleJobs(wave);
    return open.length;
  }

  /** The reminder and close jobs of an open wave (also re-created by the worker at start). */
  async scheduleJobs(wave: WaveTimes & { reminder_after_days?: number }): Promise<void> {
    // The worker's start passes the reminder days along; only a single new wave looks them up.
    const reminderAfterDays = wave.reminder_after_days ?? (await this.repository.reminderAfterDays(wave.id));
    const remindAt =
      reminderAfterDays !== undefined && waveReminderAt(wave.opens_at, wave.closes_at, reminderAfterDays);
    if (remindAt)
      await this.queue.add(
        JOBS.remindWave.name,
        { waveId: wave.id },
        {
          ...DEFAULT_JOB_OPTIONS,
          jobId: JOBS.remindWave.id(wave.id),
          delay: Math.max(0, remindAt.getTime() - Date.now()),
        },
      );
    await this.queue.add(
      JOBS.closeWave.name,
      { waveId: wave.id },
      {
        ...DEFAULT_JOB_OPTIONS,
        jobId: JOBS.closeWave.id(wave.id),
        delay: Math.max(0, wave.closes_at.getTime() - Date.now()),
      },
    );
  }

  /** Deletes a closed wave's contact data and marks the wave as without it. */
  private async deleteContacts(m: EntityManager, waveId: string): Promise<void> {
    await this.invitations.deleteContactData(m, waveId);
    await this.repository.markContactsDeleted(m, waveId);
  }
}
