import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  EMOTIONAL_FROM,
  NPS_DETRACTOR_UP_TO,
  NPS_PROMOTER_FROM,
  RECOGNISES_FROM,
  SELF_GOOD_FROM,
  SELF_ROLE_MODEL,
  targetStatus,
  type TargetStatus,
} from '@wk/domain';
import { returnedRows } from '../common/sql';
import { targetAtSql } from '../value-targets/targets-in-force';
import { WebhookEvents } from '../webhooks/webhook-events.service';
import { customerStat, emptyCustomer } from './kpi-stats';

/** "None" in the rollups' key columns (primary keys refuse null). */
export const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * The customer rollup's band counts, from the domain's thresholds (libs/domain scoring/customer.ts):
 * ge8 counts grades that recognise the value (≥ RECOGNISES_FROM), ge9 emotional connection
 * (≥ EMOTIONAL_FROM) and on the NPS metric its promoters (≥ NPS_PROMOTER_FROM), le6 the NPS
 * detractors (≤ NPS_DETRACTOR_UP_TO). The column names are the stored ones; the numbers live in the domain.
 */
const CUSTOMER_BANDS = `count(*) FILTER (WHERE grade >= ${RECOGNISES_FROM}),
              count(*) FILTER (WHERE grade >= CASE WHEN metric = '_nps' THEN ${NPS_PROMOTER_FROM} ELSE ${EMOTIONAL_FROM} END),
              count(*) FILTER (WHERE grade <= ${NPS_DETRACTOR_UP_TO})`;

/** Re-runs a refresh while new answers arrived during it, at most this often (the next trigger catches the rest). */
const MAX_PASSES = 5;

/**
 * Keeps the KPI rollups: per round (self-assessments) and per month (customer responses) the
 * additive summary statistics are recomputed from the raw rows of just that round or month and
 * replaced in one transaction. The incremental path and the full rebuild run the same statements,
 * so they cannot disagree.
 */
@Injectable()
export class KpiRollupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** A round's self scores, behaviour distribution and participation, per team. */
  async refreshRound(roundId: string): Promise<void> {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const [{ started }] = await this.db.query(`SELECT clock_timestamp() AS started`);
      await this.db.transaction((m) => this.writeRound(m, roundId));
      const [changed] = await this.db.query(
        `SELECT 1 FROM assessment_invitations i
          WHERE i.round_id = $1 AND (i.completed_at >= $2 OR EXISTS (
            SELECT 1 FROM assessment_answers a WHERE a.invitation_id = i.id AND a.updated_at >= $2))
          LIMIT 1`,
        [roundId, started],
      );
      if (!changed) return;
    }
  }

  /**
   * Every month a trigger on survey_responses marked dirty (answers keep only their day, so time cannot tell
   * what is new: docs/anonymity.md). The marks are taken in their own short statement, so answers
   * never wait for a pass; an answer arriving meanwhile marks its month again and is taken next pass.
   */
  async refreshCustomer(organisationId: string): Promise<number> {
    let months = 0;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const touched = await this.db.transaction(async (m) => {
        const [{ started }] = await m.query(`SELECT clock_timestamp() AS started`);
        await m.query(`SELECT 1 FROM kpi_state WHERE organisation_id = $1 FOR UPDATE`, [organisationId]);
        const dirty = returnedRows<{ month: string }>(
          await this.db.query(
            `DELETE FROM kpi_customer_dirty WHERE organisation_id = $1 RETURNING month::text AS month`,
            [organisationId],
          ),
        );
        // The current month's target status per value, before and after: a change is a webhook event
        // committed with the rollup (two small reads, only when this month has new answers).
        const [{ current }] = await m.query(
          `SELECT date_trunc('month', now() AT TIME ZONE time_zone)::date::text AS current FROM organisations WHERE id = $1`,
          [organisationId],
        );
        const before = dirty.some((d) => d.month === current)
          ? await this.targetStatuses(m, organisationId, current)
          : null;
        try {
          for (const { month } of dirty) await this.writeCustomerMonth(m, organisationId, month);
        } catch (error) {
          await this.markDirty(organisationId, dirty);
          throw error;
        }
        if (before)
          for (const [valueKey, status] of await this.targetStatuses(m, organisationId, current)) {
            const previousStatus = before.get(valueKey) ?? 'no_data';
            if (previousStatus !== status)
              await this.webhooks.emit(
                organisationId,
                'kpi.status_changed',
                { valueKey, period: current.slice(0, 7), previousStatus, status },
                m,
              );
          }
        await m.query(
          `INSERT INTO kpi_state (organisation_id, customer_refreshed_at) VALUES ($1, $2)
           ON CONFLICT (organisation_id) DO UPDATE SET customer_refreshed_at = excluded.customer_refreshed_at`,
          [organisationId, started],
        );
        return dirty.length;
      });
      months += touched;
      if (!touched) break;
      const [newer] = await this.db.query(
        `SELECT 1 FROM kpi_customer_dirty WHERE organisation_id = $1 LIMIT 1`,
        [organisationId],
      );
      if (!newer) break;
    }
    return months;
  }

  /** Puts months back that a failed pass took (the retry or the sweep computes them). */
  private async markDirty(organisationId: string, months: { month: string }[]): Promise<void> {
    await this.db.query(
      `INSERT INTO kpi_customer_dirty (organisation_id, month) SELECT $1, unnest($2::date[]) ON CONFLICT DO NOTHING`,
      [organisationId, months.map((d) => d.month)],
    );
  }

  /** Recomputes every rollup of an organisation (or of all) from the raw rows. */
  async rebuild(organisationId?: string): Promise<{ rounds: number; months: number }> {
    const rounds: { id: string }[] = await this.db.query(
      `SELECT id FROM assessment_rounds WHERE $1::uuid IS NULL OR organisation_id = $1`,
      [organisationId ?? null],
    );
    for (const round of rounds) await this.db.transaction((m) => this.writeRound(m, round.id));
    const organisations: { id: string }[] = await this.db.query(
      `SELECT id FROM organisations WHERE $1::uuid IS NULL OR id = $1`,
      [organisationId ?? null],
    );
    let months = 0;
    for (const org of organisations) {
      await this.db.transaction(async (m) => {
        const [{ started }] = await m.query(`SELECT clock_timestamp() AS started`);
        for (const table of ['kpi_customer', 'kpi_customer_team', 'kpi_customer_org', 'kpi_customer_dirty'])
          await m.query(`DELETE FROM ${table} WHERE organisation_id = $1`, [org.id]);
        const all: { month: string }[] = await m.query(
          `SELECT DISTINCT date_trunc('month', r.submitted_at AT TIME ZONE o.time_zone)::date::text AS month
             FROM survey_responses r JOIN organisations o ON o.id = r.organisation_id WHERE r.organisation_id = $1`,
          [org.id],
        );
        for (const { month } of all) await this.writeCustomerMonth(m, org.id, month);
        await m.query(
          `INSERT INTO kpi_state (organisation_id, customer_refreshed_at) VALUES ($1, $2)
           ON CONFLICT (organisation_id) DO UPDATE SET customer_refreshed_at = excluded.customer_refreshed_at`,
          [org.id, started],
        );
        months += all.length;
      });
    }
    return { rounds: rounds.length, months };
  }

  /** Each current value's customer grade for the organisation in one month against its target (as the dashboard shows it). */
  private async targetStatuses(
    m: EntityManager,
    organisationId: string,
    month: string,
  ): Promise<Map<string, TargetStatus>> {
    const rows: {
      key: string;
      target: string;
      n: number | null;
      sum: number | null;
      sumsq: number | null;
    }[] = await m.query(
      `SELECT e.key, ${targetAtSql('$1', 'e.key', 'now()')} AS target, k.n, k.sum, k.sumsq
           FROM experience_values e
           LEFT JOIN kpi_customer_org k ON k.organisation_id = $1 AND k.metric = e.key AND k.month = $2::date
          WHERE e.version_id = (SELECT id FROM value_set_versions WHERE organisation_id = $1 AND status = 'published'
                                 ORDER BY number DESC LIMIT 1)`,
      [organisationId, month],
    );
    return new Map(
      rows.map((r) => {
        const stat = customerStat({
          ...emptyCustomer(),
          n: Number(r.n ?? 0),
          sum: Number(r.sum ?? 0),
          sumsq: Number(r.sumsq ?? 0),
        });
        return [r.key, targetStatus(stat.grade.mean, Number(r.target))];
      }),
    );
  }

  private async writeRound(m: EntityManager, roundId: string): Promise<void> {
    // One writer per round: a refresh taken over from a slow worker waits instead of colliding.
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('kpi-round:' || $1, 0))`, [roundId]);
    for (const table of ['kpi_self', 'kpi_behaviours', 'kpi_participation'])
      await m.query(`DELETE FROM ${table} WHERE round_id = $1`, [roundId]);
    const round = `SELECT r.id, r.organisation_id, date_trunc('month', r.opens_at AT TIME ZONE o.time_zone)::date AS month
                     FROM assessment_rounds r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = $1`;
    // A respondent counts once per value: its behaviour levels are averaged first (docs/formulas.md).
    await m.query(
      `WITH round AS (${round}),
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
      `WITH round AS (${round})
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
      `WITH round AS (${round})
       INSERT INTO kpi_participation (organisation_id, round_id, month, team_id, invited, completed)
       SELECT round.organisation_id, round.id, round.month, coalesce(i.team_id, '${NONE}'), count(*), count(i.completed_at)
         FROM round, assessment_invitations i WHERE i.round_id = $1
        GROUP BY round.organisation_id, round.id, round.month, coalesce(i.team_id, '${NONE}')`,
      [roundId],
    );
  }

  /** One month (first day, in the organisation's time zone) of an organisation's customer responses. */
  private async writeCustomerMonth(m: EntityManager, organisationId: string, month: string): Promise<void> {
    for (const table of ['kpi_customer', 'kpi_customer_team', 'kpi_customer_org'])
      await m.query(`DELETE FROM ${table} WHERE organisation_id = $1 AND month = $2`, [
        organisationId,
        month,
      ]);
    await m.query(
      `WITH bounds AS (
         SELECT ($2::date)::timestamp AT TIME ZONE o.time_zone AS since,
                ($2::date + interval '1 month')::timestamp AT TIME ZONE o.time_zone AS until
           FROM organisations o WHERE o.id = $1
       ),
       responses AS (
         SELECT r.* FROM survey_responses r, bounds
          WHERE r.organisation_id = $1 AND r.submitted_at >= bounds.since AND r.submitted_at < bounds.until
       ),
       answers AS (
         SELECT r.id, r.survey_id, r.wave_id, r.team_id, r.segment_id, r.journey_id, r.touchpoint_id, e.key AS metric, g.grade
           FROM responses r JOIN survey_response_grades g ON g.response_id = r.id
           JOIN experience_values e ON e.id = g.value_id
         UNION ALL
         SELECT id, survey_id, wave_id, team_id, segment_id, journey_id, touchpoint_id, '_overall', overall_grade
           FROM responses WHERE overall_grade IS NOT NULL
         UNION ALL
         SELECT id, survey_id, wave_id, team_id, segment_id, journey_id, touchpoint_id, '_nps', nps
           FROM responses WHERE nps IS NOT NULL
       )
       INSERT INTO kpi_customer (organisation_id, month, survey_id, wave_id, team_id, segment_id, journey_id, touchpoint_id,
                                 metric, n, dont_know, sum, sumsq, ge8, ge9, le6)
       SELECT $1, $2::date, survey_id, coalesce(wave_id, '${NONE}'), coalesce(team_id, '${NONE}'), coalesce(segment_id, '${NONE}'),
              coalesce(journey_id, '${NONE}'), coalesce(touchpoint_id, '${NONE}'), metric,
              count(grade), count(*) - count(grade), coalesce(sum(grade), 0), coalesce(sum(grade * grade), 0),
              ${CUSTOMER_BANDS}
         FROM answers
        GROUP BY survey_id, coalesce(wave_id, '${NONE}'), coalesce(team_id, '${NONE}'), coalesce(segment_id, '${NONE}'),
                 coalesce(journey_id, '${NONE}'), coalesce(touchpoint_id, '${NONE}'), metric`,
      [organisationId, month],
    );
    // The coarse rollups are sums of the fine one, so all three always agree.
    for (const [table, key] of [
      ['kpi_customer_team', 'team_id, '],
      ['kpi_customer_org', ''],
    ])
      await m.query(
        `INSERT INTO ${table}
         SELECT organisation_id, month, ${key}metric, sum(n), sum(dont_know), sum(sum), sum(sumsq), sum(ge8), sum(ge9), sum(le6)
           FROM kpi_customer WHERE organisation_id = $1 AND month = $2
          GROUP BY organisation_id, month, ${key}metric`,
        [organisationId, month],
      );
  }
}
