import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SURVEY_DEFAULTS } from '@wk/domain';
import type { Survey } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { CustomerContextService } from '../customers/customer-context.service';
import { CreateSurveyDto, UpdateSurveyDto } from './dto/surveys.dto';
import { SurveyLinks } from './survey-links';
import { SurveySchedulerService } from './waves/survey-scheduler.service';
import { WavesService } from './waves/waves.service';

interface SurveyRow {
  id: string;
  name: string;
  values_version_id: string;
  values_version_number: number;
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
  opens_at: Date;
  closes_at: Date | null;
  window_days: number;
  reminder_after_days: number;
  cron: string | null;
  time_zone: string;
  status: Survey['status'];
  open_link_enabled: boolean;
  open_code: string;
  pending_contacts: number;
  responses: number;
  open_link_responses: number;
  created_at: Date;
}

const surveyClosed = () =>
  new DomainError('survey_closed', 'This survey is closed and cannot change', HttpStatus.CONFLICT);

/** HR's side of surveys: settings, schedule and the open link; every query scoped to the organisation. */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: CustomerContextService,
    private readonly schedulers: SurveySchedulerService,
    private readonly links: SurveyLinks,
    private readonly waves: WavesService,
  ) {}

  async list(auth: AuthContext): Promise<Survey[]> {
    return Promise.all((await this.rows(auth.organisationId)).map((r) => this.toSurvey(r)));
  }

  async get(auth: AuthContext, id: string): Promise<Survey> {
    const [row] = await this.rows(auth.organisationId, id);
    if (!row) throw notFound('Survey');
    return this.toSurvey(row);
  }

  async create(auth: AuthContext, dto: CreateSurveyDto): Promise<Survey> {
    const journeyId = await this.assertReferences(auth.organisationId, dto);
    const opensAt = dto.opensAt ? new Date(dto.opensAt) : new Date();
    assertDates(opensAt, dto.closesAt);
    const [{ id }] = await this.db.query(
      `INSERT INTO surveys (organisation_id, name, values_version_id, journey_id, touchpoint_id, segment_id, team_id,
                            title_nl, title_en, intro_nl, intro_en, ask_overall_grade, ask_nps, ask_comment,
                            opens_at, closes_at, window_days, reminder_after_days, cron, time_zone,
                            open_link_enabled, open_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       RETURNING id`,
      [
        auth.organisationId,
        dto.name,
        dto.valuesVersionId,
        journeyId,
        dto.touchpointId ?? null,
        dto.segmentId ?? null,
        dto.teamId ?? null,
        dto.titleNl ?? '',
        dto.titleEn ?? '',
        dto.introNl ?? '',
        dto.introEn ?? '',
        dto.askOverallGrade ?? false,
        dto.askNps ?? false,
        dto.askComment ?? true,
        opensAt,
        dto.closesAt ? new Date(dto.closesAt) : null,
        dto.windowDays ?? SURVEY_DEFAULTS.windowDays,
        dto.reminderAfterDays ?? SURVEY_DEFAULTS.reminderAfterDays,
        dto.schedule?.cron ?? null,
        dto.schedule?.timeZone ?? (await this.organisationTimeZone(auth.organisationId)),
        dto.openLinkEnabled ?? true,
        SurveyLinks.newOpenCode(),
      ],
    );
    return this.synced(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateSurveyDto): Promise<Survey> {
    const current = await this.get(auth, id);
    if (current.status === 'closed') throw surveyClosed();
    if (dto.valuesVersionId && dto.valuesVersionId !== current.valuesVersionId && current.responses > 0)
      throw new DomainError(
        'has_responses',
        'valuesVersionId: the values version cannot change once customers have answered',
        HttpStatus.CONFLICT,
        [{ field: 'valuesVersionId', message: 'cannot change once customers have answered' }],
      );
    const merged = { ...current, ...dto } as Survey & UpdateSurveyDto;
    const journeyId = await this.assertReferences(auth.organisationId, merged);
    assertDates(new Date(merged.opensAt), merged.closesAt);
    const has = (key: keyof UpdateSurveyDto) => dto[key] !== undefined;
    await this.db.query(
      `UPDATE surveys SET name = $3, values_version_id = $4, journey_id = $5, touchpoint_id = $6, segment_id = $7,
              team_id = $8, title_nl = $9, title_en = $10, intro_nl = $11, intro_en = $12, ask_overall_grade = $13,
              ask_nps = $14, ask_comment = $15, opens_at = $16, closes_at = $17, window_days = $18,
              reminder_after_days = $19, cron = $20, time_zone = $21, open_link_enabled = $22, updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [
        auth.organisationId,
        id,
        merged.name,
        merged.valuesVersionId,
        journeyId,
        merged.touchpointId ?? null,
        merged.segmentId ?? null,
        merged.teamId ?? null,
        merged.titleNl,
        merged.titleEn,
        merged.introNl,
        merged.introEn,
        merged.askOverallGrade,
        merged.askNps,
        merged.askComment,
        new Date(merged.opensAt),
        merged.closesAt ? new Date(merged.closesAt) : null,
        merged.windowDays,
        merged.reminderAfterDays,
        has('schedule') ? (dto.schedule?.cron ?? null) : (current.schedule?.cron ?? null),
        (has('schedule') ? dto.schedule?.timeZone : current.schedule?.timeZone) ??
          (await this.organisationTimeZone(auth.organisationId)),
        merged.openLinkEnabled,
      ],
    );
    return this.synced(auth, id);
  }

  /** Closes the survey: no more waves, links or open-link answers; its open waves close with it. */
  async close(auth: AuthContext, id: string): Promise<Survey> {
    await this.get(auth, id);
    await this.db.query(
      `UPDATE surveys SET status = 'closed', updated_at = now() WHERE organisation_id = $1 AND id = $2`,
      [auth.organisationId, id],
    );
    const open: { id: string }[] = await this.db.query(
      `SELECT id FROM survey_waves WHERE organisation_id = $1 AND survey_id = $2 AND closed_at IS NULL`,
      [auth.organisationId, id],
    );
    for (const wave of open) await this.waves.close(wave.id, auth.organisationId);
    return this.synced(auth, id);
  }

  /** 404 for another organisation's survey, 409 when it no longer sends. */
  async assertOpen(auth: AuthContext, id: string): Promise<void> {
    const survey = await this.get(auth, id);
    if (survey.status !== 'active' || (survey.closesAt && new Date(survey.closesAt) <= new Date()))
      throw surveyClosed();
  }

  /** The open link of a survey that has it enabled (for the QR code), else 404. */
  async openLink(auth: AuthContext, id: string): Promise<string> {
    const survey = await this.get(auth, id);
    if (!survey.openLink) throw notFound('Open link');
    return survey.openLink;
  }

  private async synced(auth: AuthContext, id: string): Promise<Survey> {
    const [row] = await this.rows(auth.organisationId, id);
    await this.schedulers.sync(row);
    return this.toSurvey(row);
  }

  private async assertReferences(
    organisationId: string,
    refs: Pick<CreateSurveyDto, 'valuesVersionId' | 'journeyId' | 'touchpointId' | 'segmentId' | 'teamId'>,
  ): Promise<string | null> {
    if (refs.valuesVersionId) {
      const [version] = await this.db.query(
        `SELECT status FROM value_set_versions WHERE organisation_id = $1 AND id = $2`,
        [organisationId, refs.valuesVersionId],
      );
      if (!version) throw invalid('valuesVersionId', 'no such values version');
      if (version.status !== 'published') throw invalid('valuesVersionId', 'must be a published version');
    }
    // A touchpoint without a journey takes its journey, so the database can check they belong together.
    const { journeyId } = await this.context.assertContext(undefined, organisationId, {
      journeyId: refs.journeyId ?? undefined,
      touchpointId: refs.touchpointId ?? undefined,
      segmentId: refs.segmentId ?? undefined,
      teamId: refs.teamId ?? undefined,
    });
    return journeyId;
  }

  private async organisationTimeZone(organisationId: string): Promise<string> {
    const [org] = await this.db.query(`SELECT time_zone FROM organisations WHERE id = $1`, [organisationId]);
    return org?.time_zone ?? SURVEY_DEFAULTS.timeZone;
  }

  private rows(organisationId: string, id?: string): Promise<SurveyRow[]> {
    return this.db.query(
      `SELECT s.*, v.number AS values_version_number,
              (SELECT count(*)::int FROM survey_contacts c WHERE c.survey_id = s.id AND c.wave_id IS NULL) AS pending_contacts,
              (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id) AS responses,
              (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id AND r.wave_id IS NULL) AS open_link_responses
         FROM surveys s JOIN value_set_versions v ON v.id = s.values_version_id
        WHERE s.organisation_id = $1 AND ($2::uuid IS NULL OR s.id = $2)
        ORDER BY s.status, s.created_at DESC`,
      [organisationId, id ?? null],
    );
  }

  private async toSurvey(row: SurveyRow): Promise<Survey> {
    const scheduled = row.status === 'active' && row.cron;
    return {
      id: row.id,
      name: row.name,
      valuesVersionId: row.values_version_id,
      valuesVersionNumber: row.values_version_number,
      journeyId: row.journey_id,
      touchpointId: row.touchpoint_id,
      segmentId: row.segment_id,
      teamId: row.team_id,
      titleNl: row.title_nl,
      titleEn: row.title_en,
      introNl: row.intro_nl,
      introEn: row.intro_en,
      askOverallGrade: row.ask_overall_grade,
      askNps: row.ask_nps,
      askComment: row.ask_comment,
      opensAt: row.opens_at.toISOString(),
      closesAt: row.closes_at?.toISOString() ?? null,
      windowDays: row.window_days,
      reminderAfterDays: row.reminder_after_days,
      schedule: row.cron ? { cron: row.cron, timeZone: row.time_zone } : null,
      nextWaveAt: scheduled ? ((await this.schedulers.nextRun(row.id))?.toISOString() ?? null) : null,
      status: row.status,
      openLinkEnabled: row.open_link_enabled,
      openLink: row.open_link_enabled && row.status === 'active' ? this.links.openLink(row.open_code) : null,
      pendingContacts: row.pending_contacts,
      responses: row.responses,
      openLinkResponses: row.open_link_responses,
      createdAt: row.created_at.toISOString(),
    };
  }
}

function assertDates(opensAt: Date, closesAt: string | null | undefined): void {
  if (closesAt && new Date(closesAt) <= opensAt) throw invalid('closesAt', 'must be after opensAt');
}
