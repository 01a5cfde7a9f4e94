import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Survey } from '@wk/contracts';
import { OrganisationScope } from '../common/organisation-scope';

/** What a survey asks and in which context: the columns HR's page and the answer page both read. */
export interface SurveyFormColumns {
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
}

/** A survey as HR reads it, with its counts. */
export interface SurveyRow extends SurveyFormColumns {
  id: string;
  name: string;
  values_version_id: string;
  values_version_number: number;
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

/** A survey's settings as stored (every one given: an update writes them all). */
export interface SurveySettings {
  name: string;
  valuesVersionId: string;
  journeyId: string | null;
  touchpointId: string | null;
  segmentId: string | null;
  teamId: string | null;
  titleNl: string;
  titleEn: string;
  introNl: string;
  introEn: string;
  askOverallGrade: boolean;
  askNps: boolean;
  askComment: boolean;
  opensAt: Date;
  closesAt: Date | null;
  windowDays: number;
  reminderAfterDays: number;
  cron: string | null;
  timeZone: string;
  openLinkEnabled: boolean;
}

/** What the schedulers need of a survey. */
export interface ScheduledSurveyRow {
  id: string;
  status: string;
  cron: string | null;
  time_zone: string;
}

/** The settings in the column order of the insert ($2…$21) and the update ($3…$22). */
const settingsParams = (s: SurveySettings): unknown[] => [
  s.name,
  s.valuesVersionId,
  s.journeyId,
  s.touchpointId,
  s.segmentId,
  s.teamId,
  s.titleNl,
  s.titleEn,
  s.introNl,
  s.introEn,
  s.askOverallGrade,
  s.askNps,
  s.askComment,
  s.opensAt,
  s.closesAt,
  s.windowDays,
  s.reminderAfterDays,
  s.cron,
  s.timeZone,
  s.openLinkEnabled,
];

/** HR's surveys (the surveys table) and what their settings are checked against; one organisation each. */
@Injectable()
export class SurveysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  /** All surveys of the organisation (active first, newest first), or the one with `id`. */
  list(organisationId: string, id?: string): Promise<SurveyRow[]> {
    return this.scope(organisationId).rows<SurveyRow>(
      `SELECT s.*, v.number AS values_version_number,
              (SELECT count(*)::int FROM survey_contacts c WHERE c.survey_id = s.id AND c.wave_id IS NULL) AS pending_contacts,
              (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id) AS responses,
              (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id AND r.wave_id IS NULL) AS open_link_responses
         FROM surveys s JOIN value_set_versions v ON v.id = s.values_version_id
        WHERE s.organisation_id = $1 AND ($2::uuid IS NULL OR s.id = $2)
        ORDER BY s.status, s.created_at DESC`,
      [id ?? null],
    );
  }

  async insert(organisationId: string, settings: SurveySettings, openCode: string): Promise<string> {
    const [{ id }] = await this.scope(organisationId).rows<{ id: string }>(
      `INSERT INTO surveys (organisation_id, name, values_version_id, journey_id, touchpoint_id, segment_id, team_id,
                            title_nl, title_en, intro_nl, intro_en, ask_overall_grade, ask_nps, ask_comment,
                            opens_at, closes_at, window_days, reminder_after_days, cron, time_zone,
                            open_link_enabled, open_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       RETURNING id`,
      [...settingsParams(settings), openCode],
    );
    return id;
  }

  async update(organisationId: string, id: string, settings: SurveySettings): Promise<void> {
    await this.scope(organisationId).rows(
      `UPDATE surveys SET name = $3, values_version_id = $4, journey_id = $5, touchpoint_id = $6, segment_id = $7,
              team_id = $8, title_nl = $9, title_en = $10, intro_nl = $11, intro_en = $12, ask_overall_grade = $13,
              ask_nps = $14, ask_comment = $15, opens_at = $16, closes_at = $17, window_days = $18,
              reminder_after_days = $19, cron = $20, time_zone = $21, open_link_enabled = $22, updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [id, ...settingsParams(settings)],
    );
  }

  async close(organisationId: string, id: string): Promise<void> {
    await this.scope(organisationId).rows(
      `UPDATE surveys SET status = 'closed', updated_at = now() WHERE organisation_id = $1 AND id = $2`,
      [id],
    );
  }

  /** Whether the survey still takes contacts is decided from these; undefined: not of this organisation. */
  sendingState(
    organisationId: string,
    id: string,
  ): Promise<{ status: string; closes_at: Date | null } | undefined> {
    return this.scope(organisationId).one(
      `SELECT status, closes_at FROM surveys WHERE organisation_id = $1 AND id = $2`,
      [id],
    );
  }

  /** The status of a values version of the organisation (a survey asks a published one), or undefined. */
  async valuesVersionStatus(organisationId: string, versionId: string): Promise<string | undefined> {
    const version = await this.scope(organisationId).one<{ status: string }>(
      `SELECT status FROM value_set_versions WHERE organisation_id = $1 AND id = $2`,
      [versionId],
    );
    return version?.status;
  }

  /** The organisation's time zone: a survey's schedule runs in it unless it names another. */
  async organisationTimeZone(organisationId: string): Promise<string | undefined> {
    const org = await this.scope(organisationId).one<{ time_zone: string }>(
      `SELECT time_zone FROM organisations WHERE id = $1`,
    );
    return org?.time_zone;
  }

  /** Every survey that has or had a schedule, of every organisation (the worker's start). */
  scheduled(): Promise<ScheduledSurveyRow[]> {
    return this.db.query(
      `SELECT id, status, cron, time_zone FROM surveys WHERE cron IS NOT NULL OR status = 'active'`,
    );
  }
}
