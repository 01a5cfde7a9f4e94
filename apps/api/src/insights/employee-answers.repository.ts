import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PatternNode } from '@wk/domain';
import { OrganisationScope } from '../common/organisation-scope';
import { readBehaviourHistory, type BehaviourHistory } from '../values/behaviour-lineage';
import { levelsOf, type EmployeeKeyKind, type PeriodWindow } from './kpi-rollup-reads.repository';
import type { EmployeeSums } from './kpi-stats';

/** A closed round of the window (open rounds are never read: no live trickle), oldest first. */
export interface ClosedRound {
  id: string;
  month: string;
}

/** One person's scored answers to a value or behaviour in one round (n.v.t. left out). */
export interface PersonAnswerRow {
  roundId: string;
  person: string;
  teamId: string;
  key: string;
  valueKey: string;
  scored: number;
  sum: number;
  levels: EmployeeSums['levels'];
}

interface PersonAnswerSqlRow {
  round_id: string;
  person: string;
  team_id: string;
  key: string;
  value_key: string;
  scored: number;
  sum: number;
  l1: number;
  l2: number;
  l3: number;
  l4: number;
}

const toPersonAnswer = (r: PersonAnswerSqlRow): PersonAnswerRow => ({
  roundId: r.round_id,
  person: r.person,
  teamId: r.team_id,
  key: r.key,
  valueKey: r.value_key,
  scored: Number(r.scored),
  sum: Number(r.sum),
  levels: levelsOf(r),
});

/**
 * What employee cells are computed from besides the rollups: the closed rounds of a window, the
 * team tree, each person's answers where several rounds pool, and the behaviours' history.
 */
@Injectable()
export class EmployeeAnswersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource | EntityManager) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  closedRounds(window: PeriodWindow): Promise<ClosedRound[]> {
    return this.scope(window.organisationId).rows<ClosedRound>(
      `SELECT r.id, date_trunc('month', r.opens_at AT TIME ZONE o.time_zone)::date::text AS month
       FROM assessment_rounds r JOIN organisations o ON o.id = r.organisation_id
      WHERE r.organisation_id = $1 AND (r.closed_at IS NOT NULL OR r.closes_at <= now())
        AND date_trunc('month', r.opens_at AT TIME ZONE o.time_zone)::date >= $2::date
        AND date_trunc('month', r.opens_at AT TIME ZONE o.time_zone)::date < $3::date
        AND ($4::uuid[] IS NULL OR r.id = ANY($4::uuid[]))
      ORDER BY r.opens_at, r.id`,
      [window.first, window.afterLast, window.ids],
    );
  }

  teamTree(organisationId: string): Promise<PatternNode[]> {
    return this.scope(organisationId).rows<PatternNode>(
      `SELECT id, parent_id AS "parentId" FROM teams WHERE organisation_id = $1`,
    );
  }

  /**
   * Per person, for periods that pool several rounds: a person counts once there, so the rollups
   * (per round) cannot answer. Only the completed invitations of the given (closed) rounds are read.
   */
  async personAnswers(
    organisationId: string,
    roundIds: string[],
    kind: EmployeeKeyKind,
    valueKey?: string,
  ): Promise<PersonAnswerRow[]> {
    if (!roundIds.length) return [];
    const rows = await this.scope(organisationId).rows<PersonAnswerSqlRow>(
      `SELECT i.round_id, coalesce(i.user_id, i.id)::text AS person, coalesce(i.team_id, '00000000-0000-0000-0000-000000000000') AS team_id,
            ${kind === 'value' ? 'e.key' : 'b.key'} AS key, e.key AS value_key, count(*)::int AS scored, sum(a.level)::int AS sum,
            count(*) FILTER (WHERE a.level = 1)::int AS l1, count(*) FILTER (WHERE a.level = 2)::int AS l2,
            count(*) FILTER (WHERE a.level = 3)::int AS l3, count(*) FILTER (WHERE a.level = 4)::int AS l4
       FROM assessment_invitations i
       JOIN assessment_answers a ON a.invitation_id = i.id
       JOIN value_behaviours b ON b.id = a.behaviour_id
       JOIN experience_values e ON e.id = b.value_id
      WHERE i.organisation_id = $1 AND i.round_id = ANY($2::uuid[]) AND i.completed_at IS NOT NULL
        AND a.level IS NOT NULL AND ($3::text IS NULL OR e.key = $3)
      GROUP BY 1, 2, 3, 4, 5`,
      [roundIds, valueKey ?? null],
    );
    return rows.map(toPersonAnswer);
  }

  /** The published behaviours across versions (the values module's one reading of their lineage). */
  behaviourHistory(organisationId: string): Promise<BehaviourHistory> {
    return readBehaviourHistory(this.manager, organisationId);
  }

  private get manager(): EntityManager {
    return 'manager' in this.db ? this.db.manager : this.db;
  }
}
