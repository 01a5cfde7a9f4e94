import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Locale } from '@wk/domain';
import { returnedRows } from '../common/sql';
import { OrganisationRepository } from '../common/organisation-repository';

/** A round's cycle with what its mails need of the organisation. */
export interface RoundCycleRow {
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
export interface RoundTimes {
  id: string;
  opens_at: Date;
  closes_at: Date;
  reminder_days: number[];
  remind_day_before_deadline: boolean;
}

export interface Invitee {
  invitation_id: string;
  user_id: string;
  /** The team the person is in now: frozen on the invitation for the KPIs. */
  team_id?: string | null;
  name: string;
  email: string;
  locale: Locale;
}

/** The cycle as a firing sees it: a suspended organisation's cycle reads as paused. */
export interface FiringCycleRow {
  id: string;
  status: string;
  organisation_id: string;
  values_version_id: string;
  window_days: number;
}

export interface ClosedRoundRow {
  id: string;
  organisation_id: string;
  cycle_id: string;
  closed_at: Date;
}

/** The teams in scope ($2; empty: everyone) and their sub-teams, of organisation $1. */
const SCOPE_SQL = `scope AS (
  SELECT id FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])
  UNION SELECT c.id FROM teams c JOIN scope s ON c.parent_id = s.id WHERE c.organisation_id = $1
)`;
/** Who a cycle's rounds invite: everyone active in scope. */
const AUDIENCE_WHERE = `u.organisation_id = $1 AND u.status <> 'deactivated'
  AND (cardinality($2::uuid[]) = 0 OR u.team_id IN (SELECT id FROM scope))`;

/** The cycle of round $1 with the organisation's name, language and time zone. */
const ROUND_CYCLE_SQL = `SELECT c.*, r.opens_at, r.closes_at, o.name AS organisation_name, o.locale AS organisation_locale,
        o.time_zone AS organisation_time_zone
   FROM assessment_rounds r
   JOIN assessment_cycles c ON c.id = r.cycle_id
   JOIN organisations o ON o.id = r.organisation_id`;

/**
 * Rounds as the scheduler and the worker run them: firing, fan-out, reminders and closing
 * (assessment_rounds, assessment_invitations). These statements are keyed by a round or cycle id
 * that comes from the organisation's own job; the audience statements run in its scope. Methods
 * that take an EntityManager run inside the caller's transaction.
 */
@Injectable()
export class RoundsRepository extends OrganisationRepository {
  /** Locks the cycle for the check-and-insert of a firing. */
  async lockCycleForFiring(m: EntityManager, cycleId: string): Promise<FiringCycleRow | undefined> {
    const [cycle]: FiringCycleRow[] = await m.query(
      // A suspended organisation's cycles do not fire (as if paused); nothing is lost on resume.
      `SELECT c.id, CASE WHEN o.status = 'active' THEN c.status ELSE 'paused' END AS status,
              c.organisation_id, c.values_version_id, c.window_days
           FROM assessment_cycles c JOIN organisations o ON o.id = c.organisation_id
          WHERE c.id = $1 FOR UPDATE OF c`,
      [cycleId],
    );
    return cycle;
  }

  /** The round this firing already opened (a retry), if any. */
  async roundOfFiring(
    m: EntityManager,
    cycleId: string,
    scheduledFor: Date,
  ): Promise<{ id: string } | undefined> {
    const [same]: { id: string }[] = await m.query(
      `SELECT id FROM assessment_rounds WHERE cycle_id = $1 AND scheduled_for = $2`,
      [cycleId, scheduledFor],
    );
    return same;
  }

  /** Closes the cycle's rounds past their deadline that nobody closed yet. */
  async closeOverdue(m: EntityManager, cycleId: string): Promise<{ id: string; closed_at: Date }[]> {
    return returnedRows(
      await m.query(
        `UPDATE assessment_rounds SET closed_at = now()
          WHERE cycle_id = $1 AND closed_at IS NULL AND closes_at <= now() RETURNING id, closed_at`,
        [cycleId],
      ),
    );
  }

  /** A new round, unless one of the cycle is still open (the partial unique index says no). */
  async insertRound(
    m: EntityManager,
    round: {
      organisationId: string;
      cycleId: string;
      valuesVersionId: string;
      scheduledFor: Date;
      opensAt: Date;
      closesAt: Date;
    },
  ): Promise<{ id: string } | undefined> {
    const [created] = await this.scope(round.organisationId, m).rows<{ id: string }>(
      `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [round.cycleId, round.valuesVersionId, round.scheduledFor, round.opensAt, round.closesAt],
    );
    return created;
  }

  async openRoundOf(m: EntityManager, cycleId: string): Promise<{ id: string }> {
    const [open]: { id: string }[] = await m.query(
      `SELECT id FROM assessment_rounds WHERE cycle_id = $1 AND closed_at IS NULL`,
      [cycleId],
    );
    return open;
  }

  /**
   * The open round's cycle for a fan-out batch; the share lock makes a close wait for the batch in
   * flight. Undefined once the round is closed.
   */
  async roundForFanOut(
    m: EntityManager,
    roundId: string,
  ): Promise<(RoundCycleRow & { opens_at: Date; closes_at: Date }) | undefined> {
    const [cycle] = await m.query(
      `${ROUND_CYCLE_SQL} WHERE r.id = $1 AND r.closed_at IS NULL FOR SHARE OF r`,
      [roundId],
    );
    return cycle;
  }

  /** The open round's cycle for a reminder: undefined once it is closed or past its deadline. */
  async roundForReminder(
    m: EntityManager,
    roundId: string,
  ): Promise<(RoundCycleRow & { closes_at: Date }) | undefined> {
    const [cycle] = await m.query(
      `${ROUND_CYCLE_SQL} WHERE r.id = $1 AND r.closed_at IS NULL AND r.closes_at > now()`,
      [roundId],
    );
    return cycle;
  }

  /** How many people a round of these teams (and their sub-teams; none: everyone) would invite. */
  async audienceCount(organisationId: string, teamIds: string[]): Promise<number> {
    const row = await this.scope(organisationId).one<{ n: number }>(
      `WITH RECURSIVE ${SCOPE_SQL} SELECT count(*)::int AS n FROM users u WHERE ${AUDIENCE_WHERE}`,
      [teamIds],
    );
    return row?.n ?? 0;
  }

  /** The next batch of the round's audience by user id: in scope when the round opened. */
  audienceAfter(
    m: EntityManager,
    cycle: RoundCycleRow & { opens_at: Date },
    after: string,
    limit: number,
  ): Promise<Omit<Invitee, 'invitation_id'>[]> {
    return this.scope(cycle.organisation_id, m).rows(
      `WITH RECURSIVE ${SCOPE_SQL}
       SELECT u.id AS user_id, u.name, u.email, coalesce(u.locale, $3) AS locale, u.team_id
         FROM users u
        WHERE ${AUDIENCE_WHERE} AND u.created_at <= $4 AND u.id > $5
        ORDER BY u.id LIMIT $6`,
      [cycle.team_ids, cycle.organisation_locale, cycle.opens_at, after, limit],
    );
  }

  /** Inserts the invitations; returns the ids inserted now (a concurrent run's people are skipped). */
  async insertInvitations(
    m: EntityManager,
    organisationId: string,
    roundId: string,
    invitations: { invitation_id: string; user_id: string; token_hash: string; team_id?: string | null }[],
  ): Promise<Set<string>> {
    const inserted = await this.scope(organisationId, m).rows<{ id: string }>(
      `INSERT INTO assessment_invitations (id, organisation_id, round_id, user_id, token_hash, team_id)
       SELECT id, $1, $2, user_id, token_hash, team_id
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[]) AS x(id, user_id, token_hash, team_id)
       ON CONFLICT (round_id, user_id) DO NOTHING RETURNING id`,
      [
        roundId,
        invitations.map((i) => i.invitation_id),
        invitations.map((i) => i.user_id),
        invitations.map((i) => i.token_hash),
        invitations.map((i) => i.team_id ?? null),
      ],
    );
    return new Set(inserted.map((r) => r.id));
  }

  /** Every open round with its reminder settings (the worker's start re-queues their jobs). */
  openRoundTimes(): Promise<RoundTimes[]> {
    return this.db.query(
      `SELECT r.id, r.opens_at, r.closes_at, c.reminder_days, c.remind_day_before_deadline
         FROM assessment_rounds r JOIN assessment_cycles c ON c.id = r.cycle_id
        WHERE r.closed_at IS NULL`,
    );
  }

  /** The round's active invitees who have not completed, in their language (else the organisation's). */
  notCompletedInvitees(m: EntityManager, roundId: string, fallbackLocale: Locale): Promise<Invitee[]> {
    return m.query(
      `SELECT i.id AS invitation_id, u.id AS user_id, u.name, u.email, coalesce(u.locale, $2) AS locale
         FROM assessment_invitations i JOIN users u ON u.id = i.user_id
        WHERE i.round_id = $1 AND i.completed_at IS NULL AND u.status <> 'deactivated'`,
      [roundId, fallbackLocale],
    );
  }

  /** Closes an open round (of that organisation, when given); empty when it was closed already. */
  async close(m: EntityManager, roundId: string, organisationId?: string): Promise<ClosedRoundRow[]> {
    return returnedRows(
      await m.query(
        `UPDATE assessment_rounds SET closed_at = now()
          WHERE id = $1 AND closed_at IS NULL AND ($2::uuid IS NULL OR organisation_id = $2)
          RETURNING id, organisation_id, cycle_id, closed_at`,
        [roundId, organisationId ?? null],
      ),
    );
  }

  invitationIds(roundId: string): Promise<{ id: string }[]> {
    return this.db.query(`SELECT id FROM assessment_invitations WHERE round_id = $1`, [roundId]);
  }
}
