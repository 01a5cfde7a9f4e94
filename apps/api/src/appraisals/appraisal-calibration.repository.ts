import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationScope } from '../common/organisation-scope';

/** Submitted manager ratings of one group, value and level (value and level null: a group without any). */
export interface RatingCountRow {
  group_id: string | null;
  group_name: string | null;
  /** The group's number of submitted manager reviews. */
  n: number;
  value_id: string | null;
  level: number | null;
  count: number;
}

/** The mean submitted manager rating of a value in one cycle, over `n` appraisals. */
export interface CycleMeanRow {
  cycle_id: string;
  cycle_name: string;
  period_end: string;
  n: number;
  mean: number;
}

const GROUPS = {
  team: { id: 'a.team_id', name: `(SELECT name FROM teams WHERE id = a.team_id)` },
  reviewer: {
    id: 'a.manager_submitted_by',
    name: `(SELECT name FROM users WHERE id = a.manager_submitted_by)`,
  },
};

/** Submitted manager ratings as aggregates (calibration, the managers' perspective); never per person. */
@Injectable()
export class AppraisalCalibrationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Submitted manager ratings counted per group (team at opening, or the person who submitted the
   * manager review, whoever reviews now), value and level, with the group's number of submitted
   * manager reviews; n.v.t. is left out.
   */
  managerRatingCounts(
    organisationId: string,
    cycleId: string,
    by: 'team' | 'reviewer',
  ): Promise<RatingCountRow[]> {
    const group = GROUPS[by];
    return new OrganisationScope(this.db, organisationId).rows<RatingCountRow>(
      `WITH reviewed AS (
         SELECT a.id, ${group.id} AS group_id, ${group.name} AS group_name
           FROM appraisals a
          WHERE a.organisation_id = $1 AND a.cycle_id = $2 AND a.manager_submitted_at IS NOT NULL
       ), sizes AS (
         SELECT group_id, group_name, count(*)::int AS n FROM reviewed GROUP BY group_id, group_name
       )
       SELECT s.group_id, s.group_name, s.n, b.value_id, r.level, count(r.level)::int AS count
         FROM sizes s
         LEFT JOIN reviewed x ON x.group_id IS NOT DISTINCT FROM s.group_id
         LEFT JOIN appraisal_ratings r ON r.appraisal_id = x.id AND r.author = 'manager' AND r.level IS NOT NULL
         LEFT JOIN value_behaviours b ON b.id = r.behaviour_id
        GROUP BY s.group_id, s.group_name, s.n, b.value_id, r.level
        ORDER BY s.group_name NULLS LAST, s.group_id`,
      [cycleId],
    );
  }

  /** Submitted manager ratings of one value (by key) per cycle over the organisation, newest cycles first. */
  managerRatingsOfValue(organisationId: string, valueKey: string): Promise<CycleMeanRow[]> {
    return new OrganisationScope(this.db, organisationId).rows<CycleMeanRow>(
      `SELECT c.id AS cycle_id, c.name AS cycle_name, c.period_end::text, count(DISTINCT a.id)::int AS n,
              avg(r.level)::float AS mean
         FROM appraisals a
         JOIN appraisal_cycles c ON c.id = a.cycle_id
         JOIN appraisal_ratings r ON r.appraisal_id = a.id AND r.author = 'manager' AND r.level IS NOT NULL
         JOIN value_behaviours b ON b.id = r.behaviour_id
         JOIN experience_values v ON v.id = b.value_id AND v.key = $2
        WHERE a.organisation_id = $1 AND a.manager_submitted_at IS NOT NULL
        GROUP BY c.id, c.name, c.period_end, c.period_start
        ORDER BY c.period_start DESC, c.id LIMIT 8`,
      [valueKey],
    );
  }
}
