import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { reminderTimes, roundClosesAt } from '@wk/domain';
import type { Locale } from '@wk/domain';
import { AppConfig } from '../config/config';
import { KpiRefreshService } from '../insights/kpi-refresh.service';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { renderLinkMail } from '../notifications/mail-templates';
import { MailService, type MailToSend } from '../notifications/mail.service';

interface CycleRow {
  id: string;
  organisation_id: string;
  name: string;
  values_version_id: string;
  team_ids: string[];
  window_days: number;
  reminder_days: number[];
  remind_day_before_deadline: boolean;
  status: string;
  organisation_name: string;
  organisation_locale: Locale;
  organisation_time_zone: string;
}

interface Invitee {
  invitation_id: string;
  user_id: string;
  /** The team the person is in now: frozen on the invitation for the KPIs. */
  team_id?: string | null;
  name: string;
  email: string;
  locale: Locale;
}

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
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.assessments) private readonly queue: Queue,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly kpis: KpiRefreshService,
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
   * Opens the round for one firing of a cycle: audience snapshot, one invitation and one mail per
   * person, then reminder and close jobs. Running it again for the same firing adds nothing.
   * Returns the round id, or null when the cycle is not active (a scheduler that outlived it).
   */
  async openRound(cycleId: string, scheduledFor: Date, options: { evenIfInactive?: boolean } = {}) {
    const opened = await this.db.transaction(async (m) => {
      const [cycle]: CycleRow[] = await m.query(
        `SELECT c.*, o.name AS organisation_name, o.locale AS organisation_locale,
                o.time_zone AS organisation_time_zone
           FROM assessment_cycles c JOIN organisations o ON o.id = c.organisation_id
          WHERE c.id = $1 FOR UPDATE OF c`,
        [cycleId],
      );
      if (!cycle || (cycle.status !== 'active' && !options.evenIfInactive) || cycle.status === 'archived')
        return null;
      const opensAt = new Date();
      await m.query(
        `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (cycle_id, scheduled_for) DO NOTHING`,
        [
          cycle.organisation_id,
          cycle.id,
          cycle.values_version_id,
          scheduledFor,
          opensAt,
          roundClosesAt(opensAt, cycle.window_days),
        ],
      );
      const [round]: { id: string; opens_at: Date; closes_at: Date }[] = await m.query(
        `SELECT id, opens_at, closes_at FROM assessment_rounds WHERE cycle_id = $1 AND scheduled_for = $2`,
        [cycle.id, scheduledFor],
      );
      const invitees = await this.inviteAudience(m, cycle, round.id);
      await this.mail.storeMany(
        invitees.map((invitee) =>
          this.renderMail(
            cycle,
            round.closes_at,
            invitee,
            'assessmentInvite',
            dedupKeys.invite(invitee.invitation_id),
          ),
        ),
        m,
      );
      return { cycle, round, invited: invitees.length };
    });
    if (!opened) return null;
    const { cycle, round } = opened;
    // After commit; repeating these is harmless (pending rows, fixed job ids).
    await this.dispatchPending(cycle.organisation_id, round.id);
    for (const at of reminderTimes(
      round.opens_at,
      round.closes_at,
      cycle.reminder_days,
      cycle.remind_day_before_deadline,
    )) {
      await this.queue.add(
        JOBS.remind.name,
        { roundId: round.id, at: at.getTime() },
        {
          ...DEFAULT_JOB_OPTIONS,
          jobId: JOBS.remind.id(round.id, at.getTime()),
          delay: at.getTime() - Date.now(),
        },
      );
    }
    await this.queue.add(
      JOBS.closeRound.name,
      { roundId: round.id },
      {
        ...DEFAULT_JOB_OPTIONS,
        jobId: JOBS.closeRound.id(round.id),
        delay: Math.max(0, round.closes_at.getTime() - Date.now()),
      },
    );
    if (opened.invited)
      this.logger.log(`Round ${round.id} of "${cycle.name}": ${opened.invited} invitation(s)`);
    return round.id as string;
  }

  /** Reminds everyone in an open round who has not completed; `at` names the reminder (once each). */
  async remind(roundId: string, at: number): Promise<number> {
    const outboxIds = await this.db.transaction(async (m) => {
      const [cycle]: (CycleRow & { closes_at: Date })[] = await m.query(
        `SELECT c.*, r.closes_at, o.name AS organisation_name, o.locale AS organisation_locale,
                o.time_zone AS organisation_time_zone
           FROM assessment_rounds r
           JOIN assessment_cycles c ON c.id = r.cycle_id
           JOIN organisations o ON o.id = r.organisation_id
          WHERE r.id = $1 AND r.closed_at IS NULL AND r.closes_at > now()`,
        [roundId],
      );
      if (!cycle) return [];
      const pending: Invitee[] = await m.query(
        `SELECT i.id AS invitation_id, u.id AS user_id, u.name, u.email, coalesce(u.locale, $2) AS locale
           FROM assessment_invitations i JOIN users u ON u.id = i.user_id
          WHERE i.round_id = $1 AND i.completed_at IS NULL AND u.status <> 'deactivated'`,
        [roundId, cycle.organisation_locale],
      );
      const ids: string[] = [];
      for (const invitee of pending) {
        const mail = this.renderMail(
          cycle,
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

  async close(roundId: string): Promise<void> {
    await this.db.query(
      `UPDATE assessment_rounds SET closed_at = now() WHERE id = $1 AND closed_at IS NULL`,
      [roundId],
    );
    await this.kpis.roundChanged(roundId);
  }

  /** Creates the invitations of everyone in the audience who has none yet; returns only those new ones. */
  private async inviteAudience(m: EntityManager, cycle: CycleRow, roundId: string): Promise<Invitee[]> {
    const audience: Omit<Invitee, 'invitation_id'>[] = await m.query(
      `WITH RECURSIVE scope AS (
         SELECT id FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])
         UNION SELECT c.id FROM teams c JOIN scope s ON c.parent_id = s.id WHERE c.organisation_id = $1
       )
       SELECT u.id AS user_id, u.name, u.email, coalesce(u.locale, $3) AS locale, u.team_id
         FROM users u
        WHERE u.organisation_id = $1 AND u.status <> 'deactivated'
          AND (cardinality($2::uuid[]) = 0 OR u.team_id IN (SELECT id FROM scope))
          AND NOT EXISTS (SELECT 1 FROM assessment_invitations i WHERE i.round_id = $4 AND i.user_id = u.id)
        ORDER BY u.id`,
      [cycle.organisation_id, cycle.team_ids, cycle.organisation_locale, roundId],
    );
    if (!audience.length) return [];
    const invitees = audience.map((a) => ({ ...a, invitation_id: randomUUID() }));
    await m.query(
      `INSERT INTO assessment_invitations (id, organisation_id, round_id, user_id, token_hash, team_id)
       SELECT id, $1, $2, user_id, token_hash, team_id
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[]) AS x(id, user_id, token_hash, team_id)`,
      [
        cycle.organisation_id,
        roundId,
        invitees.map((i) => i.invitation_id),
        invitees.map((i) => i.user_id),
        invitees.map((i) => RoundsService.hash(this.tokenFor(i.invitation_id))),
        invitees.map((i) => i.team_id),
      ],
    );
    return invitees;
  }

  private renderMail(
    cycle: CycleRow,
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
      to: invitee.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
    };
  }

  /** Queues every still-pending invitation mail of a round (after a crash between commit and dispatch too). */
  private async dispatchPending(organisationId: string, roundId: string): Promise<void> {
    const invitations: { id: string }[] = await this.db.query(
      `SELECT id FROM assessment_invitations WHERE round_id = $1`,
      [roundId],
    );
    await this.mail.dispatchPending(
      organisationId,
      invitations.map((i) => dedupKeys.invite(i.id)),
    );
  }
}
