import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { recognitionQuestion } from '@wk/domain';
import type { Locale, ResponseChannel } from '@wk/domain';
import type { RecognitionForm, RecognitionFormValue } from '@wk/contracts';
import { DomainError, invalid } from '../../common/domain-error';
import { SubmitRecognitionDto } from '../dto/respond.dto';
import { KpiRefreshService } from '../../insights/kpi-refresh.service';
import { SurveyLinks } from '../survey-links';

/** A survey as the answer page needs it, reached by a single-use token or an open-link code. */
interface LinkRow {
  invitation_id: string | null;
  organisation_id: string;
  survey_id: string;
  values_version_id: string;
  wave_id: string | null;
  answered: boolean;
  link_closes_at: Date | null;
  link_closed: boolean;
  survey_status: string;
  survey_opens_at: Date;
  survey_closes_at: Date | null;
  locale: Locale;
  journey_id: string | null;
  touchpoint_id: string | null;
  segment_id: string | null;
  team_id: string | null;
  title_nl: string;
  title_en: string;
  intro_nl: string;
  intro_en: string;
  ask_overall_grade: boolean;
  ask_nps: boolean;
  ask_comment: boolean;
  organisation_name: string;
  /** The wave's "you said, we did" line; for the open link the latest wave's that has one. */
  you_said_nl: string | null;
  you_said_en: string | null;
}

interface VersionValue {
  id: string;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  questionNl: string | null;
  questionEn: string | null;
}

/**
 * Claims a single-use invitation ($1; null for the open link) and stores the answer with its
 * grades in one statement: no claim, no rows. The benchmark sends the same statement through bare pg.
 * Unlinkable (docs/anonymity.md): the invitation only becomes `answered` (no time), the answer's
 * time is the day in the organisation's time zone (what monthly rollups need), and its id is random
 * (a trigger marks its month for the rollup refresh instead: kpi_customer_dirty).
 */
export const STORE_RESPONSE_SQL = `WITH claim AS (
   UPDATE survey_invitations SET answered = true WHERE id = $1 AND NOT answered RETURNING id
 ), claimed AS (
   SELECT 1 WHERE $1::uuid IS NULL UNION ALL SELECT 1 FROM claim
 ), response AS (
   INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, wave_id, channel, journey_id,
                                 touchpoint_id, segment_id, team_id, locale, overall_grade, nps, comment, submitted_at)
   SELECT $2, $3, $4, $5, $6,
          coalesce($7::uuid, (SELECT journey_id FROM journey_touchpoints WHERE id = $8::uuid)),
          $8, $9, $10, $11, $12, $13, $14,
          (SELECT date_trunc('day', now() AT TIME ZONE time_zone) AT TIME ZONE time_zone FROM organisations WHERE id = $2)
     FROM claimed
   RETURNING id
 )
 INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
 SELECT $2, response.id, g.value_id, g.grade
   FROM response, unnest($15::uuid[], $16::smallint[]) AS g(value_id, grade)
 RETURNING response_id`;

/** The same answer for an unknown, forged or disabled link: nothing tells them apart. */
const linkNotFound = () => new DomainError('link_not_found', 'This link is not valid', HttpStatus.NOT_FOUND);
const alreadyAnswered = () =>
  new DomainError('already_answered', 'This survey has been answered already', HttpStatus.CONFLICT);
const linkExpired = () => new DomainError('link_expired', 'This survey is closed', HttpStatus.GONE);

const SURVEY_COLUMNS = `s.id AS survey_id, s.organisation_id, s.values_version_id, s.status AS survey_status,
  s.opens_at AS survey_opens_at, s.closes_at AS survey_closes_at,
  s.title_nl, s.title_en, s.intro_nl, s.intro_en, s.ask_overall_grade, s.ask_nps, s.ask_comment,
  o.name AS organisation_name`;

/**
 * The customer's side: the form behind a mailed single-use link or the open link, and the answer.
 * Answers are stored with the survey's context only; nothing links them to an invitation or address.
 */
@Injectable()
export class RespondService {
  /** Published values versions never change, so their questions are cached per version. */
  private readonly versions = new Map<string, Promise<VersionValue[]>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly kpis: KpiRefreshService,
  ) {}

  async invitationForm(token: string, lang?: Locale): Promise<RecognitionForm> {
    const row = await this.byToken(token);
    assertAnswerable(row);
    await this.db.query(`UPDATE survey_invitations SET opened = true WHERE id = $1 AND NOT opened`, [
      row.invitation_id,
    ]);
    return this.form(row, lang ?? row.locale, 'email');
  }

  async submitInvitation(token: string, dto: SubmitRecognitionDto): Promise<void> {
    const row = await this.byToken(token);
    assertAnswerable(row);
    const stored = await this.store(row, dto, 'email');
    if (!stored) throw alreadyAnswered();
  }

  /** `answered` is this browser's cookie for the survey: one response per browser. */
  async openForm(code: string, lang: Locale | undefined, answered: boolean): Promise<RecognitionForm> {
    const row = await this.byCode(code);
    assertAnswerable(row);
    if (answered) throw alreadyAnswered();
    return this.form(row, lang ?? row.locale, 'open');
  }

  async submitOpen(code: string, dto: SubmitRecognitionDto, answered: boolean): Promise<string> {
    const row = await this.byCode(code);
    assertAnswerable(row);
    if (answered) throw alreadyAnswered();
    await this.store(row, dto, 'open');
    return row.survey_id;
  }

  /** Validates against the survey, then claims the invitation and stores the answer in one statement. */
  private async store(row: LinkRow, dto: SubmitRecognitionDto, channel: ResponseChannel): Promise<boolean> {
    const values = await this.valuesOf(row.values_version_id);
    const known = new Set(values.map((v) => v.id));
    const seen = new Set<string>();
    dto.grades.forEach((g, i) => {
      if (!known.has(g.valueId)) throw invalid(`grades[${i}].valueId`, 'not a value of this survey');
      if (seen.has(g.valueId)) throw invalid(`grades[${i}].valueId`, 'answered twice');
      seen.add(g.valueId);
    });
    const notAsked = (field: string, given: unknown, asked: boolean) => {
      if (!asked && given !== undefined && given !== null && given !== '')
        throw invalid(field, 'not asked in this survey');
    };
    notAsked('overallGrade', dto.overallGrade, row.ask_overall_grade);
    notAsked('nps', dto.nps, row.ask_nps);
    notAsked('comment', dto.comment, row.ask_comment);
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
      dto.locale ?? row.locale,
      dto.overallGrade ?? null,
      dto.nps ?? null,
      dto.comment || null,
      dto.grades.map((g) => g.valueId),
      dto.grades.map((g) => g.grade),
    ]);
    if (!stored.length) return false;
    await this.kpis.responsesChanged(row.organisation_id);
    return true;
  }

  private async form(row: LinkRow, locale: Locale, channel: ResponseChannel): Promise<RecognitionForm> {
    const en = locale === 'en';
    const values = await this.valuesOf(row.values_version_id);
    return {
      organisationName: row.organisation_name,
      title: (en && row.title_en) || row.title_nl || row.organisation_name,
      intro: (en && row.intro_en) || row.intro_nl,
      locale,
      channel,
      values: values.map((v): RecognitionFormValue => ({
        id: v.id,
        name: (en && v.nameEn) || v.nameNl,
        description: (en && v.descriptionEn) || v.descriptionNl,
        question: recognitionQuestion(v, locale),
      })),
      askOverallGrade: row.ask_overall_grade,
      askNps: row.ask_nps,
      askComment: row.ask_comment,
      youSaid: (en && row.you_said_en) || row.you_said_nl || null,
    };
  }

  private valuesOf(versionId: string): Promise<VersionValue[]> {
    let values = this.versions.get(versionId);
    if (!values) {
      values = this.db.query(
        `SELECT id, name_nl AS "nameNl", name_en AS "nameEn", description_nl AS "descriptionNl",
                description_en AS "descriptionEn", question_nl AS "questionNl", question_en AS "questionEn"
           FROM experience_values WHERE version_id = $1 ORDER BY position`,
        [versionId],
      );
      if (this.versions.size > 500) this.versions.clear();
      this.versions.set(versionId, values);
      values.catch(() => this.versions.delete(versionId));
    }
    return values;
  }

  private async byToken(token: string): Promise<LinkRow> {
    if (!/^[A-Za-z0-9_-]{40,64}$/.test(token)) throw linkNotFound();
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
    if (!row) throw linkNotFound();
    return row;
  }

  /**
   * The two statements of every answer (the link's lookup and the store) run as named prepared
   * statements: PostgreSQL parses and plans them once per pooled connection instead of on every
   * answer, which was about half of its CPU per answer. Same text, parameters, rows and errors
   * (wrapped in QueryFailedError) as DataSource.query.
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

  private async byCode(code: string): Promise<LinkRow> {
    if (!/^[A-Za-z0-9_-]{10,32}$/.test(code)) throw linkNotFound();
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
    if (!row) throw linkNotFound();
    return row;
  }
}

function assertAnswerable(row: LinkRow, now = new Date()): void {
  if (row.answered) throw alreadyAnswered();
  const closed =
    row.survey_status !== 'active' ||
    row.link_closed ||
    (row.link_closes_at && row.link_closes_at <= now) ||
    (row.survey_closes_at && row.survey_closes_at <= now);
  if (closed) throw linkExpired();
  if (row.survey_opens_at > now)
    throw new DomainError('not_open_yet', 'This survey has not opened yet', HttpStatus.CONFLICT);
}
