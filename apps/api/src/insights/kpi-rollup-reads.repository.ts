import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BreakdownKind } from '@wk/contracts';
import { OrganisationScope } from '../common/organisation-scope';
import type { CustomerSums, EmployeeSums } from './kpi-stats';

/**
 * Teams are grouped by subtree: each group root collects its own rows and those of every team
 * below it. Rows come back per month (`YYYY-MM-DD`) or, when the window names rounds or waves, per
 * round / wave id; and per group and value.
 */
export interface TeamGrouping {
  /** Roots whose subtrees are read; empty with `restrict` false reads the whole organisation. */
  roots: string[];
  /** Only rows inside the roots' subtrees. */
  restrict: boolean;
  /** Return the root as the group (else one group, null). */
  byRoot: boolean;
}

export interface CustomerFilter {
  surveyId?: string;
  segmentId?: string;
  journeyId?: string;
  touchpointId?: string;
}

/** The months read (`YYYY-MM-DD`, first day, end exclusive) and, for rounds or waves, which ones. */
export interface PeriodWindow {
  organisationId: string;
  first: string;
  afterLast: string;
  /** Round ids (employee rollups) or wave ids (customer rollups); null: whole months. */
  ids: string[] | null;
}

export interface Keyed<T> {
  /** The month (`YYYY-MM-DD`), or the round / wave id when the window names them. */
  period: string;
  group: string | null;
  key: string;
  sums: T;
}

/** What an employee cell is of: a value (self scores) or a behaviour (its four levels). */
export type EmployeeKeyKind = 'value' | 'behaviour';

/** One rollup row of a round: a team's respondents for a value or a behaviour (levels summed per respondent). */
export interface TeamCellRow extends EmployeeSums {
  roundId: string;
  teamId: string;
  key: string;
  valueKey: string;
}

/** Invited and completed of one cycle in a month (or round, when the window names rounds). */
export interface CycleParticipationSums {
  period: string;
  cycle_id: string;
  cycle_name: string;
  invited: number;
  completed: number;
}

/** PostgreSQL sends sums of numeric columns as text; counts cast to int come as numbers. */
type Numeric = number | string;

interface CustomerSumsRow {
  period: string;
  grp: string | null;
  key: string;
  n: Numeric;
  dont_know: Numeric;
  sum: Numeric;
  sumsq: Numeric;
  ge8: Numeric;
  ge9: Numeric;
  le6: Numeric;
}

interface TeamCellSqlRow {
  round_id: string;
  team_id: string;
  key: string;
  value_key: string;
  n: Numeric;
  sum: Numeric;
  sumsq: Numeric;
  good: Numeric;
  role: Numeric;
  l1: Numeric;
  l2: Numeric;
  l3: Numeric;
  l4: Numeric;
}

/** The four level columns `l1`..`l4` of a row as numbers. */
export const levelsOf = (r: {
  l1: Numeric;
  l2: Numeric;
  l3: Numeric;
  l4: Numeric;
}): EmployeeSums['levels'] => [Number(r.l1), Number(r.l2), Number(r.l3), Number(r.l4)];

const toCustomer = (r: CustomerSumsRow): Keyed<CustomerSums> => ({
  period: r.period,
  group: r.grp,
  key: r.key,
  sums: {
    n: Number(r.n),
    dontKnow: Number(r.dont_know),
    sum: Number(r.sum),
    sumsq: Number(r.sumsq),
    ge8: Number(r.ge8),
    ge9: Number(r.ge9),
    le6: Number(r.le6),
  },
});

const toTeamCell = (r: TeamCellSqlRow): TeamCellRow => ({
  roundId: r.round_id,
  teamId: r.team_id,
  key: r.key,
  valueKey: r.value_key,
  n: Number(r.n),
  sum: Number(r.sum),
  sumsq: Number(r.sumsq),
  good: Number(r.good),
  role: Number(r.role),
  levels: levelsOf(r),
});

// The first CTE names the grouping parameters (and types them, also where a query does not use one).
const TREE = `options AS (SELECT $5::boolean AS restrict, $6::boolean AS by_root),
  tree(id, grp) AS (
    SELECT id, id FROM teams WHERE organisation_id = $1 AND id = ANY($4::uuid[])
    UNION ALL
    SELECT t.id, tree.grp FROM teams t JOIN tree ON t.parent_id = tree.id WHERE t.organisation_id = $1
  )`;

const grouped = (g: TeamGrouping) => [g.roots, g.restrict, g.byRoot];

/** The period a rollup row counts in and the rows of the window; `$n` is the ids parameter. */
const periodOf = (column: 'round_id' | 'wave_id', n: number) => {
  const ids = `($${n}::uuid[] IS NULL OR k.${column} = ANY($${n}::uuid[]))`;
  return {
    bucket: `CASE WHEN $${n}::uuid[] IS NULL THEN k.month::text ELSE k.${column}::text END`,
    ids,
    where: `k.organisation_id = $1 AND k.month >= $2::date AND k.month < $3::date AND ${ids}`,
  };
};
/** The window's months after the organisation ($1). */
const months = (w: PeriodWindow) => [w.first, w.afterLast];

const DIMENSION: Partial<Record<BreakdownKind, string>> = {
  segment: 'k.segment_id',
  journey: 'k.journey_id',
  touchpoint: 'k.touchpoint_id',
};

/**
 * Reads of the KPI rollups (kpi_participation, kpi_customer and its team and organisation sums,
 * kpi_self, kpi_behaviours), one statement each. Also used on a plain EntityManager by the
 * module's published reads (kpi-queries.ts) and the benchmark, which records the statements.
 */
@Injectable()
export class KpiRollupReadsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource | EntityManager) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  async participation(
    window: PeriodWindow,
    g: TeamGrouping,
  ): Promise<Keyed<{ invited: number; completed: number }>[]> {
    const p = periodOf('round_id', 7);
    const rows = await this.scope(window.organisationId).rows<{
      period: string;
      grp: string | null;
      invited: Numeric;
      completed: Numeric;
    }>(
      `WITH RECURSIVE ${TREE}
     SELECT ${p.bucket} AS period, CASE WHEN (SELECT by_root FROM options) THEN tree.grp END AS grp,
            sum(k.invited)::int AS invited, sum(k.completed)::int AS completed
       FROM kpi_participation k LEFT JOIN tree ON tree.id = k.team_id
      WHERE ${p.where} AND (NOT (SELECT restrict FROM options) OR tree.grp IS NOT NULL)
      GROUP BY 1, 2`,
      [...months(window), ...grouped(g), window.ids],
    );
    return rows.map((r) => ({
      period: r.period,
      group: r.grp,
      key: '',
      sums: { invited: Number(r.invited), completed: Number(r.completed) },
    }));
  }

  /**
   * Customer sums; `breakdown` segment/journey/touchpoint groups by that column (rows without one are
   * left out). Reads the coarsest rollup that can answer: per organisation-month, per team-month, or
   * the fine one when a customer dimension splits or filters, or the window names waves.
   */
  async customer(
    window: PeriodWindow,
    g: TeamGrouping,
    filter: CustomerFilter,
    breakdown: BreakdownKind,
    valueKey?: string,
  ): Promise<Keyed<CustomerSums>[]> {
    const dimension = DIMENSION[breakdown];
    const fine = Boolean(
      dimension ||
      window.ids ||
      filter.surveyId ||
      filter.segmentId ||
      filter.journeyId ||
      filter.touchpointId,
    );
    const p = periodOf('wave_id', 12);
    const source = fine ? 'kpi_customer' : g.restrict ? 'kpi_customer_team' : 'kpi_customer_org';
    const group = dimension
      ? `NULLIF(${dimension}, '00000000-0000-0000-0000-000000000000')`
      : g.restrict
        ? 'CASE WHEN (SELECT by_root FROM options) THEN tree.grp END'
        : 'NULL::uuid';
    const rows = await this.scope(window.organisationId).rows<CustomerSumsRow>(
      `WITH RECURSIVE ${TREE},
       -- Types the filter parameters also where the coarse rollups leave them out; the filters
       -- themselves compare with the parameters directly, so that each plan folds the unused ones away.
       filters AS (SELECT $7::uuid AS segment_id, $8::uuid AS journey_id, $9::uuid AS touchpoint_id, $10::text AS value_key,
                          $11::uuid AS survey_id, $12::uuid[] AS wave_ids)
     SELECT ${fine ? p.bucket : 'k.month::text'} AS period, ${group} AS grp, k.metric AS key,
            sum(k.n)::int AS n, sum(k.dont_know)::int AS dont_know, sum(k.sum) AS sum, sum(k.sumsq) AS sumsq,
            sum(k.ge8)::int AS ge8, sum(k.ge9)::int AS ge9, sum(k.le6)::int AS le6
       FROM ${source} k ${g.restrict ? 'JOIN tree ON tree.id = k.team_id' : ''}
      WHERE k.organisation_id = $1 AND k.month >= $2::date AND k.month < $3::date
        AND ($10::text IS NULL OR k.metric = $10::text)
        ${
          fine
            ? `AND ${p.ids}
               AND ($11::uuid IS NULL OR k.survey_id = $11::uuid)
               AND ($7::uuid IS NULL OR k.segment_id = $7::uuid)
               AND ($8::uuid IS NULL OR k.journey_id = $8::uuid)
               AND ($9::uuid IS NULL OR k.touchpoint_id = $9::uuid)`
            : ''
        }
        ${dimension ? `AND ${dimension} <> '00000000-0000-0000-0000-000000000000'` : ''}
      GROUP BY 1, 2, 3`,
      [
        ...months(window),
        ...grouped(g),
        filter.segmentId ?? null,
        filter.journeyId ?? null,
        filter.touchpointId ?? null,
        valueKey ?? null,
        filter.surveyId ?? null,
        // Only the fine rollup knows waves; the coarse ones never see the parameter.
        fine ? window.ids : null,
      ],
    );
    return rows.map(toCustomer);
  }

  /** Per round and team, from the rollups (a respondent counts once per round there). */
  async teamCells(
    organisationId: string,
    roundIds: string[],
    kind: EmployeeKeyKind,
    valueKey?: string,
  ): Promise<TeamCellRow[]> {
    if (!roundIds.length) return [];
    const rows = await this.scope(organisationId).rows<TeamCellSqlRow>(
      kind === 'value'
        ? `SELECT round_id, team_id, value_key AS key, value_key, n, sum, sumsq, good, role, 0 AS l1, 0 AS l2, 0 AS l3, 0 AS l4
             FROM kpi_self WHERE organisation_id = $1 AND round_id = ANY($2::uuid[]) AND ($3::text IS NULL OR value_key = $3)`
        : `SELECT round_id, team_id, behaviour_key AS key, value_key, l1 + l2 + l3 + l4 AS n,
                  l1 + 2 * l2 + 3 * l3 + 4 * l4 AS sum, l1 + 4 * l2 + 9 * l3 + 16 * l4 AS sumsq,
                  l3 + l4 AS good, l4 AS role, l1, l2, l3, l4
             FROM kpi_behaviours WHERE organisation_id = $1 AND round_id = ANY($2::uuid[]) AND ($3::text IS NULL OR value_key = $3)`,
      [roundIds, valueKey ?? null],
    );
    return rows.map(toTeamCell);
  }

  /** Invited and completed per cycle in the window: the organisation's, or a team's with its sub-teams. */
  cycleParticipation(window: PeriodWindow, teamId?: string): Promise<CycleParticipationSums[]> {
    return this.scope(window.organisationId).rows<CycleParticipationSums>(
      `WITH RECURSIVE tree(id) AS (
           SELECT id FROM teams WHERE organisation_id = $1 AND id = $5::uuid
           UNION ALL SELECT t.id FROM teams t JOIN tree ON t.parent_id = tree.id WHERE t.organisation_id = $1)
         SELECT CASE WHEN $4::uuid[] IS NULL THEN k.month::text ELSE k.round_id::text END AS period,
                c.id AS cycle_id, c.name AS cycle_name, sum(k.invited)::int AS invited, sum(k.completed)::int AS completed
           FROM kpi_participation k JOIN assessment_rounds r ON r.id = k.round_id
           JOIN assessment_cycles c ON c.id = r.cycle_id
          WHERE k.organisation_id = $1 AND k.month >= $2::date AND k.month < $3::date
            AND ($4::uuid[] IS NULL OR k.round_id = ANY($4::uuid[]))
            AND ($5::uuid IS NULL OR k.team_id IN (SELECT id FROM tree))
          GROUP BY 1, 2, 3`,
      [...months(window), window.ids, teamId ?? null],
    );
  }
}
