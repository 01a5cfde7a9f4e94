import { Injectable, Logger } from '@nestjs/common';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { roundClosesAt } from '@wk/domain';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { KpiRefreshService } from '../insights/kpi-refresh.service';
import { renderLinkMail } from '../notifications/mail-templates';
import { MailService, type MailToSend } from '../notifications/mail.service';
import { WebhookEvents } from '../webhooks/webhook-events.service';
import { RoundJobsService } from './round-jobs.service';
import { RoundsRepository, type Invitee, type RoundCycleRow } from './rounds.repository';

/** Invitations created (and mails stored) per transaction while a round fans out. */
export const FAN_OUT_BATCH = 1000;

export type StartedRound =
  | { status: 'opened' | 'resumed'; roundId: string }
  | { status: 'inactive' }
  | { status: 'roundOpen'; openRoundId: string };

export const dedupKeys = {
  invite: (invitationId: string) => `assessment-invite:${invitationId}`,
  reminder: (invitationId: string, at: number) => `assessment-reminder:${invitationId}:${at}`,
};

/**
 * Opening, reminding and closing rounds. Every step is idempotent: a round is unique per firing,
 * an invitation per person per round, a mail per invitation (outbox dedup key), a job per id.
 */
@Injectable()
export class RoundsService {
  private readonly logger = new Logger(RoundsService.name);

  constructor(
    private readonly repository: RoundsRepository,
    private readonly jobs: RoundJobsService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly kpis: KpiRefreshService,
    private readonly webhooks: WebhookEvents,
  ) {}

  /**
   * The personal link's secret, derived from the invitation id: reminders can repeat the link while
   * the database keeps only its hash. Changing SESSION_SECRET ends every open link.
   */
  tokenFor(invitationId: string): string {
    return createHmac('sha256', this.config.SESSION_SECRET)
      .update(`assessment:${invitationId}`)
      .digest('base64url');
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  /**
   * Opens the round for one firing of a cycle and invites its audience. Running it again for the
   * same firing resumes the invitations and adds nothing twice. Returns the round id, or null when
   * nothing opens: the cycle is not active (a scheduler that outlived it) or a round is still open.
   */
  async openRound(cycleId: string, scheduledFor: Date, options: { evenIfInactive?: boolean } = {}) {
    const started = await this.startRound(cycleId, scheduledFor, options);
    if (started.status === 'roundOpen') {
      this.logger.log(
        `Firing of cycle ${cycleId} for ${scheduledFor.toISOString()} skipped: round ${started.openRoundId} is still open`,
      );
      return null;
    }
    if (started.status === 'inactive') return null;
    await this.fanOut(started.roundId);
    return started.roundId;
  }

  /**
   * The round of a firing, in one short transaction: the cycle row is locked only for the check
   * and the insert, never across the invitations. At most one round per cycle is open (a partial
   * unique index, so two concurrent requests cannot both pass); overdue ones are closed first.
   */
  async startRound(
    cycleId: string,
    scheduledFor: Date,
    options: { evenIfInactive?: boolean } = {},
  ): Promise<StartedRound> {
    const started = await this.repository.transaction(
      async (m): Promise<StartedRound & { overdue?: string[] }> => {
        const cycle = await this.repository.lockCycleForFiring(m, cycleId);
        if (!cycle || (cycle.status !== 'active' && !options.evenIfInactive) || cycle.status === 'archived')
          return { status: 'inactive' };
        const same = await this.repository.roundOfFiring(m, cycle.id, scheduledFor);
        if (same) return { status: 'resumed', roundId: same.id }; // a retry of this firing
        const closed = await this.repository.closeOverdue(m, cycle.id);
        for (const r of closed)
          await this.webhooks.emit(
            cycle.organisation_id,
            'round.closed',
            { roundId: r.id, cycleId: cycle.id, closedAt: r.closed_at.toISOString() },
            m,
          );
        const overdue = closed.map((r) => r.id);
        const opensAt = new Date();
        const created = await this.repository.insertRound(m, {
          organisationId: cycle.organisation_id,
          cycleId: cycle.id,
          valuesVersionId: cycle.values_version_id,
          scheduledFor,
          opensAt,
          closesAt: roundClosesAt(opensAt, cycle.window_days),
        });
        if (created) {
          await this.webhooks.emit(
            cycle.organisation_id,
            'round.opened',
            {
              roundId: created.id,
              cycleId: cycle.id,
              opensAt: opensAt.toISOString(),
              closesAt: roundClosesAt(opensAt, cycle.window_days).toISOString(),
            },
            m,
          );
          return { status: 'opened', roundId: created.id, overdue };
        }
        const open = await this.repository.openRoundOf(m, cycle.id);
        return { status: 'roundOpen', openRoundId: open.id, overdue };
      },
    );
    for (const id of started.overdue ?? []) await this.kpis.roundChanged(id);
    delete started.overdue;
    return started;
  }

  /**
   * Invites the round's audience in batches, each in its own short transaction: one invitation per
   * person (unique per round) and one mail per invitation (outbox dedup key), so a retry or a second
   * run at the same time adds nothing twice. Then queues the mails, reminders and close (fixed ids).
   * The audience is who was in scope when the round opened. Returns how many were invited now.
   */
  async fanOut(roundId: string, batchSize = FAN_OUT_BATCH): Promise<number> {
    let invited = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.repository.transaction(async (m) => {
        const cycle = await this.repository.roundForFanOut(m, roundId);
        // A closed round invites nobody more (a retried or late fan-out); the share lock makes a
        // close wait for the batch in flight, which is one short transaction.
        if (!cycle) return null;
        const invitees = await this.inviteBatch(m, cycle, roundId, after, batchSize);
        await this.mail.storeMany(
          invitees.invited.map((invitee) =>
            this.renderMail(
              cycle,
              roundId,
              cycle.closes_at,
              invitee,
              'assessmentInvite',
              dedupKeys.invite(invitee.invitation_id),
            ),
          ),
          m,
        );
        return { cycle, ...invitees };
      });
      if (!batch) return invited;
      invited += batch.invited.length;
      await this.mail.dispatchPending(
        batch.cycle.organisation_id,
        batch.invited.map((i) => dedupKeys.invite(i.invitation_id)),
      );
      if (batch.last === null) {
        await this.afterFanOut(batch.cycle, roundId);
        if (invited) this.logger.log(`Round ${roundId} of "${batch.cycle.name}": ${invited} invitation(s)`);
        return invited;
      }
      after = batch.last;
    }
  }

  /** Lets the worker invite the round's audience (a fixed job id: queueing twice runs once). */
  /** How many people a round of this cycle would invite now (the confirmation before "open now"). */
  async audienceCount(organisationId: string, teamIds: string[]): Promise<number> {
    return this.repository.audienceCount(organisationId, teamIds);
  }

  /** After the last batch: mails left pending by a crash, then the reminder and close jobs. */
  private async afterFanOut(
    cycle: RoundCycleRow & { opens_at: Date; closes_at: Date },
    roundId: string,
  ): Promise<void> {
    await this.dispatchPending(cycle.organisation_id, roundId);
    await this.jobs.scheduleJobs({ ...cycle, id: roundId });
  }

  /** Reminds everyone in an open round who has not completed; `at` names the reminder (once each). */
  async remind(roundId: string, at: number): Promise<number> {
    const outboxIds = await this.repository.transaction(async (m) => {
      const cycle = await this.repository.roundForReminder(m, roundId);
      if (!cycle) return [];
      const pending = await this.repository.notCompletedInvitees(m, roundId, cycle.organisation_locale);
      const ids: string[] = [];
      for (const invitee of pending) {
        const mail = this.renderMail(
          cycle,
          roundId,
          cycle.closes_at,
          invitee,
          'assessmentReminder',
          dedupKeys.reminder(invitee.invitation_id, at),
        );
        ids.push(await this.mail.store(mail, m));
      }
      return ids;
    });
    await this.mail.dispatch(outboxIds);
    return outboxIds.length;
  }

  /**
   * Closes an open round: the scheduled close job and HR's "close now" both come here. Returns false
   * when it was closed already (then nothing changes: no second KPI refresh). Reminders check closed_at.
   */
  async close(roundId: string, organisationId?: string): Promise<boolean> {
    // The round.closed event commits with the close (an outbox row), or neither does.
    const closed = await this.repository.transaction(async (m) => {
      const rows = await this.repository.close(m, roundId, organisationId);
      for (const r of rows)
        await this.webhooks.emit(
          r.organisation_id,
          'round.closed',
          { roundId: r.id, cycleId: r.cycle_id, closedAt: r.closed_at.toISOString() },
          m,
        );
      return rows;
    });
    if (!closed.length) return false;
    await this.kpis.roundChanged(roundId);
    return true;
  }

  /**
   * The next batch of the audience (by user id, after `after`) gets invitations; only those inserted
   * now come back (a concurrent run's rows are skipped). `last` is null after the final batch.
   */
  private async inviteBatch(
    m: EntityManager,
    cycle: RoundCycleRow & { opens_at: Date },
    roundId: string,
    after: string,
    batchSize: number,
  ): Promise<{ invited: Invitee[]; last: string | null }> {
    const audience = await this.repository.audienceAfter(m, cycle, after, batchSize);
    if (!audience.length) return { invited: [], last: null };
    const candidates = audience.map((a) => ({ ...a, invitation_id: randomUUID() }));
    const fresh = await this.repository.insertInvitations(
      m,
      cycle.organisation_id,
      roundId,
      candidates.map((c) => ({ ...c, token_hash: RoundsService.hash(this.tokenFor(c.invitation_id)) })),
    );
    return {
      invited: candidates.filter((c) => fresh.has(c.invitation_id)),
      last: audience.length < batchSize ? null : audience[audience.length - 1].user_id,
    };
  }

  private renderMail(
    cycle: RoundCycleRow,
    roundId: string,
    closesAt: Date,
    invitee: Invitee,
    kind: 'assessmentInvite' | 'assessmentReminder',
    dedupKey: string,
  ): MailToSend {
    const rendered = renderLinkMail(kind, invitee.locale, {
      name: invitee.name,
      organisation: cycle.organisation_name,
      cycle: cycle.name,
      link: `${this.config.publicUrl}/self-assessment/${this.tokenFor(invitee.invitation_id)}`,
      expiresAt: closesAt,
      timeZone: cycle.organisation_time_zone,
    });
    return {
      organisationId: cycle.organisation_id,
      kind: kind === 'assessmentInvite' ? 'assessment-invite' : 'assessment-reminder',
      dedupKey,
      roundId,
      to: invitee.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
    };
  }

  /** Queues every still-pending invitation mail of a round (after a crash between commit and dispatch too). */
  private async dispatchPending(organisationId: string, roundId: string): Promise<void> {
    const invitations = await this.repository.invitationIds(roundId);
    await this.mail.dispatchPending(
      organisationId,
      invitations.map((i) => dedupKeys.invite(i.id)),
    );
  }
}
