import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SELF_GOOD_FROM, SELF_ROLE_MODEL } from '@wk/domain';
import { NONE } from './kpi-rollups.repository';

const ROUND = `SELECT r.id, r.organisation_id, date_trunc('month', r.opens_at AT TIME ZONE o.time_zone)::date AS month
                 FROM assessment_rounds r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = $1`;

/**
 * The self-assessment rollups of a round (kpi_self, kpi_behaviours, kpi_participation), recomputed
 * from the round's raw answers. Statements are keyed by the round's id (a round is one organisation's).
 */
@Injectable()
export class KpiRoundRollupsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every round, or one organisation's. */
  async roundIds(organisationId?: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM assessment_rounds WHERE $1::uuid IS NULL OR organisation_id = $1`,
      [organisationId ?? null],
    );
    return rows.map((r) => r.id);
  }

  /** Rounds whose answers may still change: open, or closed within a day. */
  async openRoundIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM assessment_rounds WHERE closed_at IS NULL OR closed_at > now() - interval '1 day'`,
    );
    return rows.map((r) => r.id);
  }

  async clock(): Promise<Date> {
    const [{ now }] = await this.db.query(`SELECT clock_timestamp() AS now`);
    return now;
  }

  /** Whether an invitation of the round completed, or an answer changed, at or after `since`. */
  async changedSince(roundId: string, since: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM assessment_invitations i
        WHERE i.round_id = $1 AND (i.completed_at >= $2 OR EXISTS (
          SELECT 1 FROM assessment_answers a WHERE a.invitation_id = i.id AND a.updated_at >= $2))
        LIMIT 1`,
      [roundId, since],
    );
    return rows.length > 0;
  }

  /** Replaces the round's rollups in one transaction. */
  async write(roundId: string): Promise<void> {
    await this.db.transaction((m) => this.writeIn(m, roundId));
  }

  private async writeIn(m: EntityManager, roundId: string): Promise<void> {
    // One writer per round: a refresh taken over from a slow worker waits instead of colliding.
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('kpi-round:' || $1, 0))`, [roundId]);
    for (const table of ['kpi_self', 'kpi_behaviours', 'kpi_participation'])
      await m.query(`DELETE FROM ${table} WHERE round_id = $1`, [roundId]);
    // A respondent counts once per value: its behaviour levels are averaged first (docs/formulas.md).
    await m.query(
      `WITH round AS (${ROUND}),
       respondent AS (
         SELECT i.id, coalesce(i.team_id, '${NONE}') AS team_id, e.key AS value_key,
                avg(a.level)::float8 AS score,
                avg((a.level >= ${SELF_GOOD_FROM})::int)::float8 AS good, avg((a.level = ${SELF_ROLE_MODEL})::int)::float8 AS role
           FROM assessment_invitations i
           JOIN assessment_answers a ON a.invitation_id = i.id
           JOIN value_behaviours b ON b.id = a.behaviour_id
           JOIN experience_values e ON e.id = b.value_id
          WHERE i.round_id = $1 AND i.completed_at IS NOT NULL AND a.level IS NOT NULL
          GROUP BY i.id, e.key
       )
       INSERT INTO kpi_self (organisation_id, round_id, month, team_id, value_key, n, sum, sumsq, good, role)
       SELECT round.organisation_id, round.id, round.month, team_id, value_key,
              count(*), sum(score), sum(score * score), sum(good), sum(role)
         FROM respondent, round GROUP BY round.organisation_id, round.id, round.month, team_id, value_key`,
      [roundId],
    );
    await m.query(
      `WITH round AS (${ROUND})
       INSERT INTO kpi_behaviours (organisation_id, round_id, month, team_id, value_key, behaviour_key, l1, l2, l3, l4, na)
       SELECT round.organisation_id, round.id, round.month, coalesce(i.team_id, '${NONE}'), e.key, b.key,
              count(*) FILTER (WHERE a.level = 1), count(*) FILTER (WHERE a.level = 2),
              count(*) FILTER (WHERE a.level = 3), count(*) FILTER (WHERE a.level = 4),
              count(*) FILTER (WHERE a.level IS NULL)
         FROM round, assessment_invitations i
         JOIN assessment_answers a ON a.invitation_id = i.id
         JOIN value_behaviours b ON b.id = a.behaviour_id
         JOIN experience_values e ON e.id = b.value_id
        WHERE i.round_id = $1 AND i.completed_at IS NOT NULL
        GROUP BY round.organisation_id, round.id, round.month, coalesce(i.team_id, '${NONE}'), e.key, b.key`,
      [roundId],
    );
    await m.query(
      `WITH round AS (${ROUND})
       INSERT INTO kpi_participation (organisation_id, round_id, month, team_id, invited, completed)
       SELECT round.organisation_id, round.id, round.month, coalesce(i.team_id, '${NONE}'), count(*), count(i.completed_at)
         FROM round, assessment_invitations i WHERE i.round_id = $1
        GROUP BY round.organisation_id, round.id, round.month, coalesce(i.team_id, '${NONE}')`,
      [roundId],
    );
  }
}
