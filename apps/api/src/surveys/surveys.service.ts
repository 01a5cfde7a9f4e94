import { HttpStatus, Injectable } from '@nestjs/common';
import { SURVEY_DEFAULTS } from '@wk/domain';
import type { Survey } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { CustomerContextService } from '../customers/customer-context.service';
import { CreateSurveyDto, UpdateSurveyDto } from './dto/surveys.dto';
import { SurveyLinks } from './survey-links';
import { SurveyRow, SurveySettings, SurveysRepository } from './surveys.repository';
import { SurveySchedulerService } from './waves/survey-scheduler.service';
import { WavesService } from './waves/waves.service';

const surveyClosed = () =>
  new DomainError('survey_closed', 'This survey is closed and cannot change', HttpStatus.CONFLICT);

/** HR's side of surveys: settings, schedule and the open link; every query scoped to the organisation. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly repository: SurveysRepository,
    private readonly context: CustomerContextService,
    private readonly schedulers: SurveySchedulerService,
    private readonly links: SurveyLinks,
    private readonly waves: WavesService,
  ) {}

  async list(auth: AuthContext): Promise<Survey[]> {
    return Promise.all((await this.repository.list(auth.organisationId)).map((r) => this.toSurvey(r)));
  }

  async get(auth: AuthContext, id: string): Promise<Survey> {
    const [row] = await this.repository.list(auth.organisationId, id);
    if (!row) throw notFound('Survey');
    return this.toSurvey(row);
  }

  async create(auth: AuthContext, dto: CreateSurveyDto): Promise<Survey> {
    const journeyId = await this.assertReferences(auth.organisationId, dto);
    const opensAt = dto.opensAt ? new Date(dto.opensAt) : new Date();
    assertDates(opensAt, dto.closesAt);
    const id = await this.repository.insert(
      auth.organisationId,
      {
        name: dto.name,
        valuesVersionId: dto.valuesVersionId,
        journeyId,
        touchpointId: dto.touchpointId ?? null,
        segmentId: dto.segmentId ?? null,
        teamId: dto.teamId ?? null,
        titleNl: dto.titleNl ?? '',
        titleEn: dto.titleEn ?? '',
        introNl: dto.introNl ?? '',
        introEn: dto.introEn ?? '',
        askOverallGrade: dto.askOverallGrade ?? false,
        askNps: dto.askNps ?? false,
        askComment: dto.askComment ?? true,
        opensAt,
        closesAt: dto.closesAt ? new Date(dto.closesAt) : null,
        windowDays: dto.windowDays ?? SURVEY_DEFAULTS.windowDays,
        reminderAfterDays: dto.reminderAfterDays ?? SURVEY_DEFAULTS.reminderAfterDays,
        cron: dto.schedule?.cron ?? null,
        timeZone: dto.schedule?.timeZone ?? (await this.organisationTimeZone(auth.organisationId)),
        openLinkEnabled: dto.openLinkEnabled ?? true,
      },
      SurveyLinks.newOpenCode(),
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
    const settings: SurveySettings = {
      name: merged.name,
      valuesVersionId: merged.valuesVersionId,
      journeyId,
      touchpointId: merged.touchpointId ?? null,
      segmentId: merged.segmentId ?? null,
      teamId: merged.teamId ?? null,
      titleNl: merged.titleNl,
      titleEn: merged.titleEn,
      introNl: merged.introNl,
      introEn: merged.introEn,
      askOverallGrade: merged.askOverallGrade,
      askNps: merged.askNps,
      askComment: merged.askComment,
      opensAt: new Date(merged.opensAt),
      closesAt: merged.closesAt ? new Date(merged.closesAt) : null,
      windowDays: merged.windowDays,
      reminderAfterDays: merged.reminderAfterDays,
      cron: has('schedule') ? (dto.schedule?.cron ?? null) : (current.schedule?.cron ?? null),
      timeZone:
        (has('schedule') ? dto.schedule?.timeZone : current.schedule?.timeZone) ??
        (await this.organisationTimeZone(auth.organisationId)),
      openLinkEnabled: merged.openLinkEnabled,
    };
    await this.repository.update(auth.organisationId, id, settings);
    return this.synced(auth, id);
  }

  /** Closes the survey: no more waves, links or open-link answers; its open waves close with it. */
  async close(auth: AuthContext, id: string): Promise<Survey> {
    await this.get(auth, id);
    await this.repository.close(auth.organisationId, id);
    await this.waves.closeOpenOf(auth.organisationId, id);
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
    const [row] = await this.repository.list(auth.organisationId, id);
    await this.schedulers.sync(row);
    return this.toSurvey(row);
  }

  private async assertReferences(
    organisationId: string,
    refs: Pick<CreateSurveyDto, 'valuesVersionId' | 'journeyId' | 'touchpointId' | 'segmentId' | 'teamId'>,
  ): Promise<string | null> {
    if (refs.valuesVersionId) {
      const status = await this.repository.valuesVersionStatus(organisationId, refs.valuesVersionId);
      if (!status) throw invalid('valuesVersionId', 'no such values version');
      if (status !== 'published') throw invalid('valuesVersionId', 'must be a published version');
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
    return (await this.repository.organisationTimeZone(organisationId)) ?? SURVEY_DEFAULTS.timeZone;
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
