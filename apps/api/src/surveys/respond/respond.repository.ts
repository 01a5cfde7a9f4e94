import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Locale, ResponseChannel } from '@wk/domain';
import { StatementBatcher } from '../../common/statement-batcher';
import { SurveyLinks } from '../survey-links';
import type { SurveyFormColumns } from '../surveys.repository';

/** What decides whether a link may be answered, and how (the survey's extra questions). */
export interface LinkState {
  invitation_id: string | null;
  answered: boolean;
  link_closes_at: Date | null;
  link_closed: boolean;
  survey_status: string;
  survey_opens_at: Date;
  survey_closes_at: Date | null;
  ask_overall_grade: boolean;
  ask_nps: boolean;
  ask_comment: boolean;
}

/** A survey as the answer page needs it, reached by a single-use token or an open-link code. */
export interface LinkRow extends LinkState, SurveyFormColumns {
  organisation_id: string;
  survey_id: string;
  values_version_id: string;
  wave_id: string | null;
  locale: Locale;
  organisation_name: string;
  /** The wave's "you said, we did" line; for the open link the latest wave's that has one. */
  you_said_nl: string | null;
  you_said_en: string | null;
}

/** The outcome of an answer through a mailed link: stored, or the state that refused it. */
export interface TokenSubmitRow extends LinkState {
  organisation_id: string;
  /** The database's clock when it checked the link (the one deadlines are compared with). */
  checked_at: Date;
  /** 0-based positions in the answer's grades of value ids that are not values of this survey. */
  unknown_grades: number[];
  stored: boolean;
}

export interface VersionValue {
  id: string;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  questionNl: string | null;
  questionEn: string | null;
}

/** An answer as it is stored: the grades by value, the extra questions, the reader's language. */
export interface StoredAnswer {
  locale: Locale | null;
  overallGrade: number | null;
  nps: number | null;
  comment: string | null;
  valueIds: string[];
  grades: (number | null)[];
}

/** A suspended organisation's surveys read as closed: its links answer 410 and store nothing. */
const SURVEY_STATUS = `CASE WHEN o.status = 'active' THEN s.status ELSE 'closed' END`;

const SURVEY_COLUMNS = `s.id AS survey_id, s.organisation_id, s.values_version_id, ${SURVEY_STATUS} AS survey_status,
  s.opens_at AS survey_opens_at, s.closes_at AS survey_closes_at,
  s.title_nl, s.title_en, s.intro_nl, s.intro_en, s.ask_overall_grade, s.ask_nps, s.ask_comment,
  o.name AS organisation_name`;

/** The journey of an answer: the link's, else the touchpoint's. */
const JOURNEY = (journey: string, touchpoint: string) =>
  `coalesce(${journey}::uuid, (SELECT journey_id FROM journey_touchpoints WHERE id = ${touchpoint}::uuid))`;

/** The answer's day in the organisation's time zone: all the time an answer keeps (docs/anonymity.md). */
const ANSWER_DAY = (timeZone: string) =>
  `date_trunc('day', now() AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone}`;

const RESPONSE_COLUMNS = `organisation_id, survey_id, values_version_id, wave_id, channel, journey_id,
  touchpoint_id, segment_id, team_id, locale, overall_grade, nps, comment, submitted_at`;

/**
 * Claims a single-use invitation ($1; null for the open link) and stores the answer with its
 * grades in one statement: no claim, no rows. The benchmark sends the same statement through bare
 * pg as its baseline. Unlinkable (docs/anonymity.md): the invitation only becomes `answered` (no
 * time), the answer's time is its day, and its id is random (a trigger marks it for the rollups).
 */
export const STORE_RESPONSE_SQL = `WITH claim AS (
   UPDATE survey_invitations SET answered = true WHERE id = $1 AND NOT answered RETURNING id
 ), claimed AS (
   SELECT 1 WHERE $1::uuid IS NULL UNION ALL SELECT 1 FROM claim
 ), response AS (
   INSERT INTO survey_responses (${RESPONSE_COLUMNS})
   SELECT $2, $3, $4, $5, $6, ${JOURNEY('$7', '$8')}, $8, $9, $10, $11, $12, $13, $14,
          (SELECT ${ANSWER_DAY('time_zone')} FROM organisations WHERE id = $2)
     FROM claimed
   RETURNING id
 )
 INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
 SELECT $2, response.id, g.value_id, g.grade
   FROM response, unnest($15::uuid[], $16::smallint[]) AS g(value_id, grade)
 RETURNING response_id`;

/**
 * Answers through mailed links in ONE statement, for a batch of them (StatementBatcher: under load
 * the answers that arrive while others are being stored go together). Per answer (`item`, 1-based:
 * the arrays $1-$5 hold one entry per answer, $6-$8 one entry per grade with its answer's item) it
 * finds the link by its token's hash, checks it may be answered and that the answer fits the
 * survey (its values, the questions it asks), claims the invitation and stores the answer. When
 * anything refuses, nothing of that answer is written and its row says why (the service turns it
 * into the same error as the form's checks); an answer without a row has no link. Two answers on
 * one link in a batch: the claim takes one. One statement and one commit for many answers is what
 * keeps intake off PostgreSQL's per-statement cost (docs/scale.md).
 */
export const SUBMIT_BY_TOKEN_SQL = `WITH item AS (
   SELECT * FROM unnest($1::char(64)[], $2::text[], $3::smallint[], $4::smallint[], $5::text[])
          WITH ORDINALITY AS x(token_hash, given_locale, overall_grade, nps, comment, item)
 ), given AS (
   SELECT g.item, g.value_id, g.grade, (g.n - min(g.n) OVER (PARTITION BY g.item))::int AS position
     FROM unnest($6::int[], $7::uuid[], $8::smallint[]) WITH ORDINALITY AS g(item, value_id, grade, n)
 ), found AS (
   SELECT x.item, x.given_locale, x.overall_grade, x.nps, x.comment, gen_random_uuid() AS response_id,
          i.id AS invitation_id, i.answered, i.wave_id, i.locale, coalesce(i.journey_id, s.journey_id) AS journey_id,
          i.touchpoint_id, i.segment_id, i.team_id, s.id AS survey_id, s.organisation_id, s.values_version_id,
          ${SURVEY_STATUS} AS survey_status, s.opens_at AS survey_opens_at, s.closes_at AS survey_closes_at,
          s.ask_overall_grade, s.ask_nps, s.ask_comment, w.closes_at AS link_closes_at,
          w.closed_at IS NOT NULL AS link_closed, o.time_zone, now() AS checked_at
     FROM item x
     JOIN survey_invitations i ON i.token_hash = x.token_hash
     JOIN survey_waves w ON w.id = i.wave_id
     JOIN surveys s ON s.id = i.survey_id
     JOIN organisations o ON o.id = s.organisation_id
 ), fits AS (
   SELECT f.item,
          coalesce(array_agg(g.position ORDER BY g.position) FILTER (WHERE e.id IS NULL), '{}')::int[] AS unknown_grades,
          count(DISTINCT g.value_id) = count(*) AS distinct_grades
     FROM found f
     JOIN given g ON g.item = f.item
     LEFT JOIN experience_values e ON e.id = g.value_id AND e.version_id = f.values_version_id
    GROUP BY f.item
 ), link AS MATERIALIZED (
   SELECT f.*, coalesce(c.unknown_grades, '{}') AS unknown_grades, coalesce(c.distinct_grades, true) AS distinct_grades
     FROM found f LEFT JOIN fits c ON c.item = f.item
 ), answerable AS (
   SELECT * FROM link
    WHERE NOT answered AND survey_status = 'active' AND NOT link_closed
      AND (link_closes_at IS NULL OR link_closes_at > checked_at)
      AND (survey_closes_at IS NULL OR survey_closes_at > checked_at) AND survey_opens_at <= checked_at
      AND cardinality(unknown_grades) = 0 AND distinct_grades
      AND (overall_grade IS NULL OR ask_overall_grade) AND (nps IS NULL OR ask_nps)
      AND (comment IS NULL OR ask_comment)
 ), claim AS (
   UPDATE survey_invitations i SET answered = true FROM answerable a
    WHERE i.id = a.invitation_id AND NOT i.answered
   RETURNING a.*
 ), response AS (
   INSERT INTO survey_responses (id, ${RESPONSE_COLUMNS})
   SELECT response_id, organisation_id, survey_id, values_version_id, wave_id, 'email',
          ${JOURNEY('journey_id', 'touchpoint_id')}, touchpoint_id, segment_id, team_id,
          coalesce(given_locale, locale), overall_grade, nps, comment, ${ANSWER_DAY('time_zone')}
     FROM claim
   RETURNING id
 ), grades AS (
   INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
   SELECT c.organisation_id, c.response_id, g.value_id, g.grade
     FROM claim c JOIN given g ON g.item = c.item
 )
 SELECT item, invitation_id, answered, survey_status, survey_opens_at, survey_closes_at, link_closes_at,
        link_closed, ask_overall_grade, ask_nps, ask_comment, organisation_id, checked_at, unknown_grades,
        response_id IN (SELECT id FROM response) AS stored
   FROM link`;

/** One answer through a mailed link, as the batch statement takes it. */
export interface TokenSubmission {
  token: string;
  answer: StoredAnswer;
}

/**
 * The public answer page's reads and writes: links by token or code, a version's questions, and the
 * answer itself. Not organisation-scoped: the caller has no account; the token or code is the key.
 */
@Injectable()
export class RespondRepository {
  /** At most this many batch statements per api process at once; the answers arriving meanwhile wait and form the next batch. */
  private readonly tokenSubmits = new StatementBatcher(
    (batch: TokenSubmission[]) => this.submitManyByToken(batch),
    {
      maxInFlight: 4,
      maxBatch: 200,
    },
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async linkByToken(token: string): Promise<LinkRow | undefined> {
    const [row] = await this.prepared<LinkRow>(
      'wk_respond_by_token',
      `SELECT ${SURVEY_COLUMNS}, i.id AS invitation_id, i.wave_id, i.answered, i.locale,
              coalesce(i.journey_id, s.journey_id) AS journey_id, i.touchpoint_id, i.segment_id, i.team_id,
              w.closes_at AS link_closes_at, w.closed_at IS NOT NULL AS link_closed,
              w.you_said_nl, w.you_said_en
         FROM survey_invitations i
         JOIN survey_waves w ON w.id = i.wave_id
         JOIN surveys s ON s.id = i.survey_id
         JOIN organisations o ON o.id = s.organisation_id
        WHERE i.token_hash = $1`,
      [SurveyLinks.hash(token)],
    );
    return row;
  }

  async linkByCode(code: string): Promise<LinkRow | undefined> {
    const [row]: LinkRow[] = await this.db.query(
      `SELECT ${SURVEY_COLUMNS}, NULL AS invitation_id, NULL AS wave_id, false AS answered, o.locale,
              s.journey_id, s.touchpoint_id, s.segment_id, s.team_id, NULL AS link_closes_at, false AS link_closed,
              y.you_said_nl, y.you_said_en
         FROM surveys s JOIN organisations o ON o.id = s.organisation_id
         LEFT JOIN LATERAL (
           SELECT w.you_said_nl, w.you_said_en FROM survey_waves w
            WHERE w.survey_id = s.id AND w.you_said_nl IS NOT NULL
            ORDER BY w.opens_at DESC LIMIT 1
         ) y ON true
        WHERE s.open_code = $1 AND s.open_link_enabled`,
      [code],
    );
    return row;
  }

  async markOpened(invitationId: string): Promise<void> {
    await this.db.query(`UPDATE survey_invitations SET opened = true WHERE id = $1 AND NOT opened`, [
      invitationId,
    ]);
  }

  /** A values version's questions, in order. */
  valuesOf(versionId: string): Promise<VersionValue[]> {
    return this.db.query(
      `SELECT id, name_nl AS "nameNl", name_en AS "nameEn", description_nl AS "descriptionNl",
              description_en AS "descriptionEn", question_nl AS "questionNl", question_en AS "questionEn"
         FROM experience_values WHERE version_id = $1 ORDER BY position`,
      [versionId],
    );
  }

  /** Stores an answer of a checked link (the open link: no invitation to claim). False: claimed already. */
  async store(row: LinkRow, channel: ResponseChannel, answer: StoredAnswer): Promise<boolean> {
    const stored = await this.prepared('wk_respond_store', STORE_RESPONSE_SQL, [
      row.invitation_id,
      row.organisation_id,
      row.survey_id,
      row.values_version_id,
      row.wave_id,
      channel,
      row.journey_id,
      row.touchpoint_id,
      row.segment_id,
      row.team_id,
      answer.locale ?? row.locale,
      answer.overallGrade,
      answer.nps,
      answer.comment,
      answer.valueIds,
      answer.grades,
    ]);
    return stored.length > 0;
  }

  /**
   * Checks, claims and stores in one statement (SUBMIT_BY_TOKEN_SQL), together with the answers
   * that arrive meanwhile; undefined: no such link.
   */
  submitByToken(token: string, answer: StoredAnswer): Promise<TokenSubmitRow | undefined> {
    return this.tokenSubmits.submit({ token, answer });
  }

  /** One statement for a batch of answers: a row per answer, in order (undefined: no such link). */
  async submitManyByToken(batch: TokenSubmission[]): Promise<(TokenSubmitRow | undefined)[]> {
    const grades = batch.flatMap(({ answer }, i) =>
      answer.valueIds.map((valueId, g) => ({ item: i + 1, valueId, grade: answer.grades[g] })),
    );
    const rows = await this.prepared<TokenSubmitRow & { item: string }>(
      'wk_respond_submit_tokens',
      SUBMIT_BY_TOKEN_SQL,
      [
        batch.map((b) => SurveyLinks.hash(b.token)),
        batch.map((b) => b.answer.locale),
        batch.map((b) => b.answer.overallGrade),
        batch.map((b) => b.answer.nps),
        batch.map((b) => b.answer.comment),
        grades.map((g) => g.item),
        grades.map((g) => g.valueId),
        grades.map((g) => g.grade),
      ],
    );
    const byItem = new Map(rows.map(({ item, ...row }) => [Number(item), row]));
    return batch.map((_, i) => byItem.get(i + 1));
  }

  /**
   * The statements of every answer run as named prepared statements: PostgreSQL parses and plans
   * them once per pooled connection instead of on every answer. Same text, parameters, rows and
   * errors (wrapped in QueryFailedError) as DataSource.query.
   */
  private async prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const result = await client.query({ name, text, values }).catch((error: Error) => {
        throw new QueryFailedError(text, values, error);
      });
      return result.rows as T[];
    } finally {
      await runner.release();
    }
  }
}
