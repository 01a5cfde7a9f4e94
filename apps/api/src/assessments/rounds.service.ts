import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { reminderTimes, roundClosesAt } from '@wk/domain';
import type { Locale } from '@wk/domain';
import { returnedRows } from '../common/sql';
import { AppConfig } from '../config/config';
import { KpiRefreshService } from '../insights/kpi-refresh.service';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { renderLinkMail } from '../notifications/mail-templates';
import { MailService, type MailToSend } from '../notifications/mail.service';
import { WebhookEvents } from '../webhooks/webhook-events.service';

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

/** What a round's reminder and close jobs are computed from. */
interface RoundTimes {
  id: string;
  opens_at: Date;
  closes_at: Date;
  reminder_days: number[];
  remind_day_before_deadline: boolean;
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

/** The teams in scope ($2; empty: everyone) and their sub-teams, of organisation $1. */
const SCOPE_SQL = `scope AS (
  SELECT id FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])
  UNION SELECT c.id FROM teams c JOIN scope s ON c.parent_id = s.id WHERE c.organisation_id = $1
)`;
/** Who a cycle's rounds invite: everyone active in scope. */
const AUDIENCE_WHERE = `u.organisation_id = $1 AND u.status <> 'deactivated'
  AND (cardinality($2::uuid[]) = 0 OR u.team_id IN (SELECT id FROM scope))`;

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
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.assessments) private readonly queue: Queue,
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
    const started = await this.db.transaction(async (m): Promise<StartedRound & { overdue?: string[] }> => {
      const [cycle]: {
        id: string;
        status: string;
        organisation_id: string;
        values_version_id: string;
        window_days: number;
      }[] = await m.query(
        // A suspended organisation's cycles do not fire (as if paused); nothing is lost on resume.
        `SELECT c.id, CASE WHEN o.status = 'active' THEN c.status ELSE 'paused' END AS status,
                c.organisation_id, c.values_version_id, c.window_days
             FROM assessment_cycles c JOIN organisations o ON o.id = c.organisation_id
            WHERE c.id = $1 FOR UPDATE OF c`,
        [cycleId],
      );
      if (!cycle || (cycle.status !== 'active' && !options.evenIfInactive) || cycle.status === 'archived')
        return { status: 'inactive' };
      const [same]: { id: string }[] = await m.query(
        `SELECT id FROM assessment_rounds WHERE cycle_id = $1 AND scheduled_for = $2`,
        [cycle.id, scheduledFor],
      );
      if (same) return { status: 'resumed', roundId: same.id }; // a retry of this firing
      const closed = returnedRows<{ id: string; closed_at: Date }>(
        await m.query(
          `UPDATE assessment_rounds SET closed_at = now()
            WHERE cycle_id = $1 AND closed_at IS NULL AND closes_at <= now() RETURNING id, closed_at`,
          [cycle.id],
        ),
      );
      for (const r of closed)
        await this.webhooks.emit(
          cycle.organisation_id,
          'round.closed',
          { roundId: r.id, cycleId: cycle.id, closedAt: r.closed_at.toISOString() },
          m,
        );
      const overdue = closed.map((r) => r.id);
      const opensAt = new Date();
      const [created]: { id: string }[] = await m.query(
        `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
        [
          cycle.organisation_id,
          cycle.id,
          cycle.values_version_id,
          scheduledFor,
          opensAt,
          roundClosesAt(opensAt, cycle.window_days),
        ],
      );
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
      const [open]: { id: string }[] = await m.query(
        `SELECT id FROM assessment_rounds WHERE cycle_id = $1 AND closed_at IS NULL`,
        [cycle.id],
      );
      return { status: 'roundOpen', openRoundId: open.id, overdue };
    });
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
      const batch = await this.db.transaction(async (m) => {
        const [cycle]: (CycleRow & { opens_at: Date; closes_at: Date })[] = await m.query(
          `SELECT c.*, r.opens_at, r.closes_at, o.name AS organisation_name, o.locale AS organisation_locale,
                  o.time_zone AS organisation_time_zone
             FROM assessment_rounds r
             JOIN assessment_cycles c ON c.id = r.cycle_id
             JOIN organisations o ON o.id = r.organisation_id
            WHERE r.id = $1 AND r.closed_at IS NULL
              FOR SHARE OF r`,
          [roundId],
        );
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
  async queueFanOut(roundId: string): Promise<void> {
    await this.queue.add(
      JOBS.fanOutRound.name,
      { roundId },
      { ...DEFAULT_JOB_OPTIONS, jobId: JOBS.fanOutRound.id(roundId) },
    );
  }

  /** How many people a round of this cycle would invite now (the confirmation before "open now"). */
  async audienceCount(organisationId: string, teamIds: string[]): Promise<number> {
    const [{ n }] = await this.db.query(
      `WITH RECURSIVE ${SCOPE_SQL} SELECT count(*)::int AS n FROM users u WHERE ${AUDIENCE_WHERE}`,
      [organisationId, teamIds],
    );
    return n;
  }

  /** After the last batch: mails left pending by a crash, then the reminder and close jobs. */
  private async afterFanOut(
    cycle: CycleRow & { opens_at: Date; closes_at: Date },
    roundId: string,
  ): Promise<void> {
    await this.dispatchPending(cycle.organisation_id, roundId);
    await this.scheduleJobs({ ...cycle, id: roundId });
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
    const open: RoundTimes[] = await this.db.query(
      `SELECT r.id, r.opens_at, r.closes_at, c.reminder_days, c.remind_day_before_deadline
         FROM assessment_rounds r JOIN assessment_cycles c ON c.id = r.cycle_id
        WHERE r.closed_at IS NULL`,
    );
    for (const round of open) {
      const running = round.closes_at.getTime() > Date.now();
      if (running) await this.queueFanOut(round.id); // its end queues a reminder already due
      await this.scheduleJobs(round, { due: false });
    }
    return open.length;
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
    const closed = await this.db.transaction(async (m) => {
      const rows = returnedRows<{ id: string; organisation_id: string; cycle_id: string; closed_at: Date }>(
        await m.query(
          `UPDATE assessment_rounds SET closed_at = now()
            WHERE id = $1 AND closed_at IS NULL AND ($2::uuid IS NULL OR organisation_id = $2)
            RETURNING id, organisation_id, cycle_id, closed_at`,
          [roundId, organisationId ?? null],
        ),
      );
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
    cycle: CycleRow & { opens_at: Date },
    roundId: string,
    after: string,
    batchSize: number,
  ): Promise<{ invited: Invitee[]; last: string | null }> {
    const audience: Omit<Invitee, 'invitation_id'>[] = await m.query(
      `WITH RECURSIVE ${SCOPE_SQL}
       SELECT u.id AS user_id, u.name, u.email, coalesce(u.locale, $3) AS locale, u.team_id
         FROM users u
        WHERE ${AUDIENCE_WHERE} AND u.created_at <= $4 AND u.id > $5
        ORDER BY u.id LIMIT $6`,
      [cycle.organisation_id, cycle.team_ids, cycle.organisation_locale, cycle.opens_at, after, batchSize],
    );
    if (!audience.length) return { invited: [], last: null };
    const candidates = audience.map((a) => ({ ...a, invitation_id: randomUUID() }));
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO assessment_invitations (id, organisation_id, round_id, user_id, token_hash, team_id)
       SELECT id, $1, $2, user_id, token_hash, team_id
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[]) AS x(id, user_id, token_hash, team_id)
       ON CONFLICT (round_id, user_id) DO NOTHING RETURNING id`,
      [
        cycle.organisation_id,
        roundId,
        candidates.map((i) => i.invitation_id),
        candidates.map((i) => i.user_id),
        candidates.map((i) => RoundsService.hash(this.tokenFor(i.invitation_id))),
        candidates.map((i) => i.team_id),
      ],
    );
    const fresh = new Set(inserted.map((r) => r.id));
    return {
      invited: candidates.filter((c) => fresh.has(c.invitation_id)),
      last: audience.length < batchSize ? null : audience[audience.length - 1].user_id,
    };
  }

  private renderMail(
    cycle: CycleRow,
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
