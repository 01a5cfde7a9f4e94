import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { commentCellKey, effectiveMinimum, periodMonths, releasedCommentCells } from '@wk/domain';
import type { CommentsPage, NamedRef, ReadableComment } from '@wk/contracts';
import type { AuthContext } from '../../auth/authenticated.decorator';
import { invalid, notFound } from '../../common/domain-error';
import { COMMENTS_PAGE, CommentsQueryDto } from './comments-reading.dto';
import {
  type CommentFilters,
  type CommentRow,
  CommentsRepository,
  type FilterTable,
} from './comments.repository';

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
  constructor(private readonly repository: CommentsRepository) {}

  async page(auth: AuthContext, query: CommentsQueryDto): Promise<CommentsPage> {
    const org = auth.organisationId;
    await this.assertFilters(org, query);
    const minimum = effectiveMinimum((await this.repository.settings(org))?.comment_minimum);

    const cells = await this.repository.cells(org, query.surveyId ?? null);
    const released = releasedCommentCells(
      cells.map((c) => ({ group: c.grp, cell: c.cell, responses: c.responses })),
      minimum,
    );
    const withheld = cells.some((c) => c.comments > 0 && !released.has(commentCellKey(c.grp, c.cell)));

    const months = query.period && query.at ? periodMonths(query.period, query.at) : null;
    const filters: CommentFilters = {
      released: [...released],
      surveyId: query.surveyId ?? null,
      journeyId: query.journeyId ?? null,
      touchpointId: query.touchpointId ?? null,
      valueKey: query.valueKey ?? null,
      first: months?.first ?? null,
      afterLast: months?.afterLast ?? null,
      pattern: query.q ? likePattern(query.q) : null,
    };
    const total = await this.repository.count(org, filters);

    const limit = query.limit ?? COMMENTS_PAGE.default;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.repository.page(org, filters, { after, limit });
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
    const checks: [string | undefined, FilterTable, 'Survey' | 'Journey' | 'Touchpoint'][] = [
      [query.surveyId, 'surveys', 'Survey'],
      [query.journeyId, 'customer_journeys', 'Journey'],
      [query.touchpointId, 'journey_touchpoints', 'Touchpoint'],
    ];
    for (const [id, table, what] of checks)
      if (id && !(await this.repository.exists(org, table, id))) throw notFound(what);
    if (query.valueKey && !(await this.repository.valueKeyExists(org, query.valueKey)))
      throw notFound('Value');
  }
}
