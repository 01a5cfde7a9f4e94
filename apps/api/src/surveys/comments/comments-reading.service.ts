import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { commentCellKey, effectiveMinimum, periodMonths, releasedCommentCells } from '@wk/domain';
import type { CommentsPage, NamedRef, ReadableComment } from '@wk/contracts';
import type { AuthContext } from '../../auth/authenticated.decorator';
import { invalid, notFound } from '../../common/domain-error';
import { COMMENTS_PAGE, CommentsQueryDto } from './comments-reading.dto';

/** The group (survey and wave, or the survey's open link) and the cell (journey × touchpoint) of an answer. */
const GROUP_SQL = `r.survey_id::text || '/' || coalesce(r.wave_id::text, 'open')`;
const CELL_SQL = `coalesce(r.journey_id::text, '-') || '/' || coalesce(r.touchpoint_id::text, '-')`;

interface CommentRow {
  id: string;
  text: string;
  submitted_at: Date;
  survey_id: string;
  survey_name: string;
  journey_id: string | null;
  journey_name: string | null;
  journey_name_en: string | null;
  touchpoint_id: string | null;
  touchpoint_name: string | null;
  touchpoint_name_en: string | null;
}

/** A keyset position: the day and the random id of the last comment shown (base64url JSON). */
const encodeCursor = (row: CommentRow) =>
  Buffer.from(JSON.stringify([row.submitted_at.toISOString(), row.id])).toString('base64url');

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof at === 'string' &&
      /^(19|20)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) &&
      !Number.isNaN(Date.parse(at)) &&
      new Date(at).toISOString() === at &&
      typeof id === 'string' &&
      isUUID(id)
    )
      return { at, id };
  } catch {
    // falls through to the 400
  }
  throw invalid('cursor', 'must be a nextCursor of this list');
}

/** `%`, `_` and `\` match themselves in the search. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const ref = (id: string | null, name: string | null, nameEn: string | null): NamedRef | null =>
  id && name ? { id, name, nameEn } : null;

/**
 * Customer comments to read: newest first, a page at a time (keyset on day and random id), searched
 * and filtered by survey, journey, touchpoint, value and calendar period. Only comments of released
 * cells show (libs/domain comment-cells, docs/anonymity.md); filters and the search only choose among
 * them, and whether anything is withheld never depends on the search.
 */
@Injectable()
export class CommentsReadingService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(auth: AuthContext, query: CommentsQueryDto): Promise<CommentsPage> {
    const org = auth.organisationId;
    await this.assertFilters(org, query);
    const [settings] = await this.db.query(
      `SELECT comment_minimum, time_zone FROM organisations WHERE id = $1`,
      [org],
    );
    const minimum = effectiveMinimum(settings?.comment_minimum);

    const cells: { grp: string; cell: string; responses: number; comments: number }[] = await this.db.query(
      `SELECT ${GROUP_SQL} AS grp, ${CELL_SQL} AS cell, count(*)::int AS responses,
              count(*) FILTER (WHERE r.comment IS NOT NULL AND r.comment <> '')::int AS comments
         FROM survey_responses r
        WHERE r.organisation_id = $1 AND ($2::uuid IS NULL OR r.survey_id = $2)
        GROUP BY 1, 2`,
      [org, query.surveyId ?? null],
    );
    const released = releasedCommentCells(
      cells.map((c) => ({ group: c.grp, cell: c.cell, responses: c.responses })),
      minimum,
    );
    const withheld = cells.some((c) => c.comments > 0 && !released.has(commentCellKey(c.grp, c.cell)));

    const months = query.period && query.at ? periodMonths(query.period, query.at) : null;
    const filters = `
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
    const params = [
      org,
      [...released],
      query.surveyId ?? null,
      query.journeyId ?? null,
      query.touchpointId ?? null,
      query.valueKey ?? null,
      months?.first ?? null,
      months?.afterLast ?? null,
      query.q ? likePattern(query.q) : null,
    ];
    const from = `FROM survey_responses r JOIN organisations o ON o.id = r.organisation_id`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from} WHERE ${filters}`, params);

    const limit = query.limit ?? COMMENTS_PAGE.default;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows: CommentRow[] = await this.db.query(
      `SELECT r.id, r.comment AS text, r.submitted_at, s.id AS survey_id, s.name AS survey_name,
              j.id AS journey_id, j.name AS journey_name, j.name_en AS journey_name_en,
              t.id AS touchpoint_id, t.name AS touchpoint_name, t.name_en AS touchpoint_name_en
         ${from}
         JOIN surveys s ON s.id = r.survey_id
         LEFT JOIN customer_journeys j ON j.id = r.journey_id
         LEFT JOIN journey_touchpoints t ON t.id = r.touchpoint_id
        WHERE ${filters}
          AND ($10::timestamptz IS NULL OR r.submitted_at < $10 OR (r.submitted_at = $10 AND r.id > $11::uuid))
        ORDER BY r.submitted_at DESC, r.id
        LIMIT $12`,
      [...params, after?.at ?? null, after?.id ?? null, limit + 1],
    );
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    return {
      minimum,
      total,
      withheld,
      nextCursor: more ? encodeCursor(shown[shown.length - 1]) : null,
      comments: shown.map((r): ReadableComment => ({
        text: r.text,
        submittedAt: r.submitted_at.toISOString(),
        survey: { id: r.survey_id, name: r.survey_name },
        journey: ref(r.journey_id, r.journey_name, r.journey_name_en),
        touchpoint: ref(r.touchpoint_id, r.touchpoint_name, r.touchpoint_name_en),
      })),
    };
  }

  /** A filter on something of another organisation, or on nothing, is a 404 (never an empty page). */
  private async assertFilters(org: string, query: CommentsQueryDto): Promise<void> {
    const checks: [string | undefined, string, 'Survey' | 'Journey' | 'Touchpoint'][] = [
      [query.surveyId, 'surveys', 'Survey'],
      [query.journeyId, 'customer_journeys', 'Journey'],
      [query.touchpointId, 'journey_touchpoints', 'Touchpoint'],
    ];
    for (const [id, table, what] of checks) {
      if (!id) continue;
      const [row] = await this.db.query(`SELECT 1 FROM ${table} WHERE organisation_id = $1 AND id = $2`, [
        org,
        id,
      ]);
      if (!row) throw notFound(what);
    }
    if (query.valueKey) {
      const [row] = await this.db.query(
        `SELECT 1 FROM experience_values WHERE organisation_id = $1 AND key = $2 LIMIT 1`,
        [org, query.valueKey],
      );
      if (!row) throw notFound('Value');
    }
  }
}
