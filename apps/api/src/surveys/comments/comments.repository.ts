import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationScope } from '../../common/organisation-scope';
import type { JourneyTouchpointColumns } from '../../common/journey-touchpoint-columns';

/** The group (survey and wave, or the survey's open link) and the cell (journey × touchpoint) of an answer. */
const GROUP_SQL = `r.survey_id::text || '/' || coalesce(r.wave_id::text, 'open')`;
const CELL_SQL = `coalesce(r.journey_id::text, '-') || '/' || coalesce(r.touchpoint_id::text, '-')`;

/** A comment with the names of its survey, journey and touchpoint. */
export interface CommentRow extends JourneyTouchpointColumns {
  id: string;
  text: string;
  submitted_at: Date;
  survey_id: string;
  survey_name: string;
}

/** Responses and comments of one cell of one group. */
export interface CommentCellRow {
  grp: string;
  cell: string;
  responses: number;
  comments: number;
}

/** Which comments a page reads: released cells ("group|cell") and the reader's filters. */
export interface CommentFilters {
  released: string[];
  surveyId: string | null;
  journeyId: string | null;
  touchpointId: string | null;
  valueKey: string | null;
  /** Calendar days in the organisation's time zone: from `first`, before `afterLast`. */
  first: string | null;
  afterLast: string | null;
  /** An ILIKE pattern (escaped with `\`). */
  pattern: string | null;
}

/** A page's position: after this day and random id (newest first). */
export interface CommentsKeyset {
  after: { at: string; id: string } | null;
  limit: number;
}

/** The organisation's settings for reading comments. */
export interface CommentSettingsRow {
  comment_minimum: number | null;
  time_zone: string;
}

/** Things a filter may name; each must be the organisation's. */
export type FilterTable = 'surveys' | 'customer_journeys' | 'journey_touchpoints';

const FROM = `FROM survey_responses r JOIN organisations o ON o.id = r.organisation_id`;
const FILTERS = `
        r.organisation_id = $1 AND r.comment IS NOT NULL AND r.comment <> ''
        AND ${GROUP_SQL} || '|' || ${CELL_SQL} = ANY($2::text[])
        AND ($3::uuid IS NULL OR r.survey_id = $3)
        AND ($4::uuid IS NULL OR r.journey_id = $4)
        AND ($5::uuid IS NULL OR r.touchpoint_id = $5)
        AND ($6::text IS NULL OR EXISTS (
              SELECT 1 FROM survey_response_grades g JOIN experience_values e ON e.id = g.value_id
               WHERE g.response_id = r.id AND g.organisation_id = $1 AND e.key = $6 AND g.grade IS NOT NULL))
        AND ($7::date IS NULL OR (r.submitted_at AT TIME ZONE o.time_zone)::date >= $7::date)
        AND ($8::date IS NULL OR (r.submitted_at AT TIME ZONE o.time_zone)::date < $8::date)
        AND ($9::text IS NULL OR r.comment ILIKE $9 ESCAPE '\\')`;

const filterParams = (f: CommentFilters): unknown[] => [
  f.released,
  f.surveyId,
  f.journeyId,
  f.touchpointId,
  f.valueKey,
  f.first,
  f.afterLast,
  f.pattern,
];

/** Customer comments (survey_responses.comment) as HR reads them; one organisation each. */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  settings(organisationId: string): Promise<CommentSettingsRow | undefined> {
    return this.scope(organisationId).one(
      `SELECT comment_minimum, time_zone FROM organisations WHERE id = $1`,
    );
  }

  /** Responses and comments per group and cell (of one survey, or all). */
  cells(organisationId: string, surveyId: string | null): Promise<CommentCellRow[]> {
    return this.scope(organisationId).rows(
      `SELECT ${GROUP_SQL} AS grp, ${CELL_SQL} AS cell, count(*)::int AS responses,
              count(*) FILTER (WHERE r.comment IS NOT NULL AND r.comment <> '')::int AS comments
         FROM survey_responses r
        WHERE r.organisation_id = $1 AND ($2::uuid IS NULL OR r.survey_id = $2)
        GROUP BY 1, 2`,
      [surveyId],
    );
  }

  async count(organisationId: string, filters: CommentFilters): Promise<number> {
    const [{ total }] = await this.scope(organisationId).rows<{ total: number }>(
      `SELECT count(*)::int AS total ${FROM} WHERE ${FILTERS}`,
      filterParams(filters),
    );
    return total;
  }

  /** A page of comments, newest first, one more than `limit` when there are more. */
  page(organisationId: string, filters: CommentFilters, keyset: CommentsKeyset): Promise<CommentRow[]> {
    return this.scope(organisationId).rows(
      `SELECT r.id, r.comment AS text, r.submitted_at, s.id AS survey_id, s.name AS survey_name,
              j.id AS journey_id, j.name AS journey_name, j.name_en AS journey_name_en,
              t.id AS touchpoint_id, t.name AS touchpoint_name, t.name_en AS touchpoint_name_en
         ${FROM}
         JOIN surveys s ON s.id = r.survey_id
         LEFT JOIN customer_journeys j ON j.id = r.journey_id
         LEFT JOIN journey_touchpoints t ON t.id = r.touchpoint_id
        WHERE ${FILTERS}
          AND ($10::timestamptz IS NULL OR r.submitted_at < $10 OR (r.submitted_at = $10 AND r.id > $11::uuid))
        ORDER BY r.submitted_at DESC, r.id
        LIMIT $12`,
      [...filterParams(filters), keyset.after?.at ?? null, keyset.after?.id ?? null, keyset.limit + 1],
    );
  }

  async exists(organisationId: string, table: FilterTable, id: string): Promise<boolean> {
    const row = await this.scope(organisationId).one(
      `SELECT 1 FROM ${table} WHERE organisation_id = $1 AND id = $2`,
      [id],
    );
    return row !== undefined;
  }

  async valueKeyExists(organisationId: string, valueKey: string): Promise<boolean> {
    const row = await this.scope(organisationId).one(
      `SELECT 1 FROM experience_values WHERE organisation_id = $1 AND key = $2 LIMIT 1`,
      [valueKey],
    );
    return row !== undefined;
  }

  /** Responses per group of the survey: a wave, or 'open' (the open link). */
  groups(organisationId: string, surveyId: string): Promise<{ grp: string; responses: number }[]> {
    return this.scope(organisationId).rows(
      `SELECT coalesce(wave_id::text, 'open') AS grp, count(*)::int AS responses
         FROM survey_responses WHERE organisation_id = $1 AND survey_id = $2 GROUP BY 1`,
      [surveyId],
    );
  }

  /** The survey's latest comments of the given groups (`limit` null: all). */
  latest(
    organisationId: string,
    surveyId: string,
    groups: string[],
    limit: number | null,
  ): Promise<{ text: string; submitted_at: Date; grp: string }[]> {
    return this.scope(organisationId).rows(
      `SELECT comment AS text, submitted_at, coalesce(wave_id::text, 'open') AS grp
         FROM survey_responses
        WHERE organisation_id = $1 AND survey_id = $2 AND comment IS NOT NULL AND comment <> ''
          AND coalesce(wave_id::text, 'open') = ANY($3::text[])
        ORDER BY submitted_at DESC, id LIMIT $4`,
      [surveyId, groups, limit],
    );
  }
}
