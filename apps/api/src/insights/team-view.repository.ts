import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TeamComment } from '@wk/contracts';
import { OrganisationScope } from '../common/organisation-scope';

interface TeamCommentRow {
  text: string;
  day: string;
  team_name: string;
  touchpoint_name: string | null;
  touchpoint_name_en: string | null;
}

const toComment = (c: TeamCommentRow): TeamComment => ({
  text: c.text,
  day: c.day,
  teamName: c.team_name,
  touchpointName: c.touchpoint_name,
  touchpointNameEn: c.touchpoint_name_en,
});

/** The first day of a calendar period and the first day after it (`YYYY-MM-DD`). */
export interface MonthSpan {
  first: string;
  afterLast: string;
}

// A team and every team below it ($1 organisation, $2 team).
const SUBTREE = `tree(id) AS (
    SELECT id FROM teams WHERE organisation_id = $1 AND id = $2
    UNION ALL SELECT t.id FROM teams t JOIN tree ON t.parent_id = tree.id WHERE t.organisation_id = $1)`;

/**
 * Customer responses of the team's subtree in a period, each with the size of its fixed group
 * (team the answer was given for × touchpoint × month); $3/$4 the period, $5 the comment minimum.
 */
const GROUPS = `WITH RECURSIVE ${SUBTREE},
      answers AS (
        SELECT r.id, r.comment, r.team_id, r.touchpoint_id, (r.submitted_at AT TIME ZONE o.time_zone)::date AS day,
               count(*) OVER (PARTITION BY r.team_id, r.touchpoint_id,
                              date_trunc('month', r.submitted_at AT TIME ZONE o.time_zone)) AS responses
          FROM survey_responses r JOIN tree ON tree.id = r.team_id JOIN organisations o ON o.id = r.organisation_id
         WHERE r.organisation_id = $1 AND (r.submitted_at AT TIME ZONE o.time_zone) >= $3::date
           AND (r.submitted_at AT TIME ZONE o.time_zone) < $4::date)`;

/**
 * What one team (with its sub-teams) took part in and what its customers wrote: the rounds, waves
 * and months with its answers, and its comments. Every statement runs in one organisation's scope.
 */
@Injectable()
export class TeamViewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  /** The rounds the team's members were invited to. */
  async roundIds(organisationId: string, teamId: string): Promise<string[]> {
    const rows = await this.scope(organisationId).rows<{ id: string }>(
      `WITH RECURSIVE ${SUBTREE}
             SELECT DISTINCT i.round_id AS id FROM assessment_invitations i JOIN tree ON tree.id = i.team_id
              WHERE i.organisation_id = $1`,
      [teamId],
    );
    return rows.map((r) => r.id);
  }

  /** The waves with answers for the team. */
  async waveIds(organisationId: string, teamId: string): Promise<string[]> {
    const rows = await this.scope(organisationId).rows<{ id: string }>(
      `WITH RECURSIVE ${SUBTREE}
             SELECT DISTINCT k.wave_id AS id FROM kpi_customer k JOIN tree ON tree.id = k.team_id
              WHERE k.organisation_id = $1 AND k.n + k.dont_know > 0`,
      [teamId],
    );
    return rows.map((r) => r.id);
  }

  /** The months (`YYYY-MM-DD`) with a round the team was invited to or customer answers for it. */
  async months(organisationId: string, teamId: string): Promise<string[]> {
    const rows = await this.scope(organisationId).rows<{ month: string }>(
      `WITH RECURSIVE ${SUBTREE}
       SELECT date_trunc('month', r.opens_at AT TIME ZONE o.time_zone)::date::text AS month
         FROM assessment_rounds r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.organisation_id = $1 AND r.opens_at <= now()
          AND EXISTS (SELECT 1 FROM assessment_invitations i JOIN tree ON tree.id = i.team_id WHERE i.round_id = r.id)
       UNION
       SELECT k.month::text FROM kpi_customer_team k JOIN tree ON tree.id = k.team_id
        WHERE k.organisation_id = $1 AND k.n + k.dont_know > 0`,
      [teamId],
    );
    return rows.map((r) => r.month);
  }

  async commentMinimum(organisationId: string): Promise<number | null> {
    const row = await this.scope(organisationId).one<{ comment_minimum: number | null }>(
      `SELECT comment_minimum FROM organisations WHERE id = $1`,
    );
    return row?.comment_minimum ?? null;
  }

  /** The newest `limit` comments of groups with at least `minimum` responses. */
  async comments(
    organisationId: string,
    teamId: string,
    span: MonthSpan,
    minimum: number,
    limit: number,
  ): Promise<TeamComment[]> {
    const rows = await this.scope(organisationId).rows<TeamCommentRow>(
      `${GROUPS}
         SELECT a.comment AS text, a.day::text AS day, t.name AS team_name, tp.name AS touchpoint_name,
                tp.name_en AS touchpoint_name_en
           FROM answers a JOIN teams t ON t.id = a.team_id LEFT JOIN journey_touchpoints tp ON tp.id = a.touchpoint_id
          WHERE a.responses >= $5 AND a.comment IS NOT NULL AND btrim(a.comment) <> ''
          ORDER BY a.day DESC, a.id LIMIT ${limit}`,
      [teamId, span.first, span.afterLast, minimum],
    );
    return rows.map(toComment);
  }

  /** Responses (with or without a comment) in groups below `minimum`. */
  async withheldResponses(
    organisationId: string,
    teamId: string,
    span: MonthSpan,
    minimum: number,
  ): Promise<number> {
    const row = await this.scope(organisationId).one<{ n: number }>(
      `${GROUPS} SELECT count(*)::int AS n FROM answers WHERE responses < $5`,
      [teamId, span.first, span.afterLast, minimum],
    );
    return row?.n ?? 0;
  }
}
