import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EMOTIONAL_FROM, NPS_DETRACTOR_UP_TO, NPS_PROMOTER_FROM, RECOGNISES_FROM } from '@wk/domain';
import { OrganisationScope } from '../common/organisation-scope';
import { targetAtSql } from '../value-targets/targets-in-force';

/** "None" in the rollups' key columns (primary keys refuse null). */
export const NONE = '00000000-0000-0000-0000-000000000000';

/** A current value's customer statistics of one month, with the target in force. */
export interface ValueMonthRow {
  key: string;
  target: string;
  n: number | null;
  sum: number | null;
  sumsq: number | null;
}

/** What one application of queued responses took and added. */
export interface AddedResponses {
  taken: number;
  added: number;
}

/**
 * The customer rollup's band counts, from the domain's thresholds (libs/domain scoring/customer.ts):
 * ge8 counts grades that recognise the value (≥ RECOGNISES_FROM), ge9 emotional connection
 * (≥ EMOTIONAL_FROM) and on the NPS metric its promoters (≥ NPS_PROMOTER_FROM), le6 the NPS
 * detractors (≤ NPS_DETRACTOR_UP_TO). The column names are the stored ones; the numbers live in the domain.
 */
const STATISTICS = `count(grade), count(*) - count(grade), coalesce(sum(grade), 0), coalesce(sum(grade * grade), 0),
              count(*) FILTER (WHERE grade >= ${RECOGNISES_FROM}),
              count(*) FILTER (WHERE grade >= CASE WHEN metric = '_nps' THEN ${NPS_PROMOTER_FROM} ELSE ${EMOTIONAL_FROM} END),
              count(*) FILTER (WHERE grade <= ${NPS_DETRACTOR_UP_TO})`;

/** Every grade of the `responses` (with their `month`) as one row per metric: values, overall grade, NPS. */
const ANSWERS = `answers AS (
         SELECT r.month, r.survey_id, r.wave_id, r.team_id, r.segment_id, r.journey_id, r.touchpoint_id, e.key AS metric, g.grade
           FROM responses r JOIN survey_response_grades g ON g.response_id = r.id
           JOIN experience_values e ON e.id = g.value_id
         UNION ALL
         SELECT month, survey_id, wave_id, team_id, segment_id, journey_id, touchpoint_id, '_overall', overall_grade
           FROM responses WHERE overall_grade IS NOT NULL
         UNION ALL
         SELECT month, survey_id, wave_id, team_id, segment_id, journey_id, touchpoint_id, '_nps', nps
           FROM responses WHERE nps IS NOT NULL
       )`;

const FINE_KEY = ['survey_id', 'wave_id', 'team_id', 'segment_id', 'journey_id', 'touchpoint_id'];
const keyOf = (columns: string[]) =>
  columns.map((c) => (c === 'survey_id' ? c : `coalesce(${c}, '${NONE}')`));

/** The statistics of `answers` into a rollup per month and key; `additive` adds them to rows already there. */
function rollUp(table: string, key: string[], additive: boolean): string {
  const conflict = `ON CONFLICT (organisation_id, month, ${[...key, 'metric'].join(', ')}) DO UPDATE SET ${[
    'n',
    'dont_know',
    'sum',
    'sumsq',
    'ge8',
    'ge9',
    'le6',
  ]
    .map((c) => `${c} = ${table}.${c} + excluded.${c}`)
    .join(', ')}`;
  return `INSERT INTO ${table} (organisation_id, month, ${[...key, 'metric'].join(', ')}, n, dont_know, sum, sumsq, ge8, ge9, le6)
       SELECT $1, month, ${[...keyOf(key), 'metric'].join(', ')}, ${STATISTICS}
         FROM answers GROUP BY month, ${[...keyOf(key), 'metric'].join(', ')}
       ${additive ? conflict : ''}`;
}

/**
 * The customer rollups (kpi_customer per survey, wave, team, segment, journey, touchpoint and metric;
 * its sums kpi_customer_team and kpi_customer_org), what is waiting for them (kpi_customer_pending:
 * stored responses not yet added; kpi_customer_dirty: months to recompute) and kpi_state.
 */
@Injectable()
export class KpiRollupsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs `work` as the organisation's only rollup writer, in one REPEATABLE READ transaction: every
   * statement sees the same snapshot, so a response is either in it (counted once, its queue entry
   * taken) or committed later (left queued for the next pass). The lock is a session lock taken
   * before the transaction starts, so the snapshot is taken after the previous writer committed.
   */
  async exclusively<T>(organisationId: string, work: (m: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    const key = [`kpi-customer:${organisationId}`];
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, key);
      try {
        await runner.startTransaction('REPEATABLE READ');
        try {
          const result = await work(runner.manager);
          await runner.commitTransaction();
          return result;
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, key);
      }
    } finally {
      await runner.release();
    }
  }

  async organisationIds(organisationId?: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM organisations WHERE $1::uuid IS NULL OR id = $1`,
      [organisationId ?? null],
    );
    return rows.map((r) => r.id);
  }

  /** Organisations with responses queued or months marked (the sweep queues their refresh). */
  async organisationsWithWork(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT organisation_id AS id FROM kpi_customer_dirty UNION SELECT organisation_id FROM kpi_customer_pending`,
    );
    return rows.map((r) => r.id);
  }

  /** Whether responses are queued or months marked (outside a pass: whatever has committed by now). */
  async hasWork(organisationId: string, m: EntityManager | DataSource = this.db): Promise<boolean> {
    const [row] = await new OrganisationScope(m, organisationId).rows<{ work: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM kpi_customer_dirty WHERE organisation_id = $1)
           OR EXISTS (SELECT 1 FROM kpi_customer_pending WHERE organisation_id = $1) AS work`,
    );
    return row.work;
  }

  async hasPending(m: EntityManager, organisationId: string): Promise<boolean> {
    const [row] = await new OrganisationScope(m, organisationId).rows<{ pending: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM kpi_customer_pending WHERE organisation_id = $1) AS pending`,
    );
    return row.pending;
  }

  /** Takes the months marked for a recompute (a mark per change: the snapshot's own). */
  async takeDirtyMonths(m: EntityManager, organisationId: string): Promise<string[]> {
    const rows = await new OrganisationScope(m, organisationId).rows<{ month: string }>(
      `WITH taken AS (DELETE FROM kpi_customer_dirty WHERE organisation_id = $1 RETURNING month)
       SELECT DISTINCT month::text AS month FROM taken`,
    );
    return rows.map((r) => r.month);
  }

  /** The months (first days, in the organisation's time zone) that have responses. */
  async responseMonths(m: EntityManager, organisationId: string): Promise<string[]> {
    const rows = await new OrganisationScope(m, organisationId).rows<{ month: string }>(
      `SELECT DISTINCT date_trunc('month', r.submitted_at AT TIME ZONE o.time_zone)::date::text AS month
         FROM survey_responses r JOIN organisations o ON o.id = r.organisation_id WHERE r.organisation_id = $1`,
    );
    return rows.map((r) => r.month);
  }

  /** The organisation's current month (first day, its time zone). */
  async currentMonth(m: EntityManager, organisationId: string): Promise<string> {
    const [row] = await new OrganisationScope(m, organisationId).rows<{ current: string }>(
      `SELECT date_trunc('month', now() AT TIME ZONE time_zone)::date::text AS current FROM organisations WHERE id = $1`,
    );
    return row.current;
  }

  /** Each current value's rollup of a month and its target in force now. */
  async valueMonth(m: EntityManager, organisationId: string, month: string): Promise<ValueMonthRow[]> {
    return new OrganisationScope(m, organisationId).rows<ValueMonthRow>(
      `SELECT e.key, ${targetAtSql('$1', 'e.key', 'now()')} AS target, k.n, k.sum, k.sumsq
         FROM experience_values e
         LEFT JOIN kpi_customer_org k ON k.organisation_id = $1 AND k.metric = e.key AND k.month = $2::date
        WHERE e.version_id = (SELECT id FROM value_set_versions WHERE organisation_id = $1 AND status = 'published'
                               ORDER BY number DESC LIMIT 1)`,
      [month],
    );
  }

  /**
   * Removes the organisation's customer rollups, marks and queue, for a rebuild in the same snapshot:
   * every queued response is one of the responses the rebuild counts.
   */
  async clearCustomer(m: EntityManager, organisationId: string): Promise<void> {
    const scope = new OrganisationScope(m, organisationId);
    for (const table of [
      'kpi_customer',
      'kpi_customer_team',
      'kpi_customer_org',
      'kpi_customer_dirty',
      'kpi_customer_pending',
    ])
      await scope.rows(`DELETE FROM ${table} WHERE organisation_id = $1`);
  }

  /** Recomputes one month from its raw responses: the fine rollup, then the coarse ones as its sums. */
  async recomputeMonth(m: EntityManager, organisationId: string, month: string): Promise<void> {
    const scope = new OrganisationScope(m, organisationId);
    for (const table of ['kpi_customer', 'kpi_customer_team', 'kpi_customer_org'])
      await scope.rows(`DELETE FROM ${table} WHERE organisation_id = $1 AND month = $2`, [month]);
    await scope.rows(
      `WITH bounds AS (
         SELECT ($2::date)::timestamp AT TIME ZONE o.time_zone AS since,
                ($2::date + interval '1 month')::timestamp AT TIME ZONE o.time_zone AS until
           FROM organisations o WHERE o.id = $1
       ),
       responses AS (
         SELECT r.*, $2::date AS month FROM survey_responses r, bounds
          WHERE r.organisation_id = $1 AND r.submitted_at >= bounds.since AND r.submitted_at < bounds.until
       ),
       ${ANSWERS}
       ${rollUp('kpi_customer', FINE_KEY, false)}`,
      [month],
    );
    // The coarse rollups are sums of the fine one, so all three always agree.
    for (const [table, key] of [
      ['kpi_customer_team', 'team_id, '],
      ['kpi_customer_org', ''],
    ])
      await scope.rows(
        `INSERT INTO ${table}
         SELECT organisation_id, month, ${key}metric, sum(n), sum(dont_know), sum(sum), sum(sumsq), sum(ge8), sum(ge9), sum(le6)
           FROM kpi_customer WHERE organisation_id = $1 AND month = $2
          GROUP BY organisation_id, month, ${key}metric`,
        [month],
      );
  }

  /**
   * Takes every queued response and adds its grades to the three rollups, in one statement (so one
   * snapshot: what it takes is what it adds). Responses of `recomputed` months were counted by the
   * recompute in the same transaction; a queued response that is gone (deleted: its month is marked) adds nothing.
   */
  async addQueued(m: EntityManager, organisationId: string, recomputed: string[]): Promise<AddedResponses> {
    const [row] = await new OrganisationScope(m, organisationId).rows<AddedResponses>(
      `WITH taken AS (
         DELETE FROM kpi_customer_pending WHERE organisation_id = $1 RETURNING response_id
       ),
       responses AS (
         SELECT r.*, month FROM taken
           JOIN survey_responses r ON r.id = taken.response_id AND r.organisation_id = $1
           JOIN organisations o ON o.id = r.organisation_id,
           LATERAL (SELECT date_trunc('month', r.submitted_at AT TIME ZONE o.time_zone)::date AS month) m
          WHERE month <> ALL ($2::date[])
       ),
       ${ANSWERS},
       fine AS (${rollUp('kpi_customer', FINE_KEY, true)}),
       team AS (${rollUp('kpi_customer_team', ['team_id'], true)}),
       org AS (${rollUp('kpi_customer_org', [], true)})
       SELECT (SELECT count(*) FROM taken)::int AS taken, (SELECT count(*) FROM responses)::int AS added`,
      [recomputed],
    );
    return row;
  }

  async markRefreshed(m: EntityManager, organisationId: string, at: Date): Promise<void> {
    await new OrganisationScope(m, organisationId).rows(
      `INSERT INTO kpi_state (organisation_id, customer_refreshed_at) VALUES ($1, $2)
       ON CONFLICT (organisation_id) DO UPDATE SET customer_refreshed_at = excluded.customer_refreshed_at`,
      [at],
    );
  }

  async clock(m: EntityManager): Promise<Date> {
    const [{ now }] = await m.query(`SELECT clock_timestamp() AS now`);
    return now;
  }
}
