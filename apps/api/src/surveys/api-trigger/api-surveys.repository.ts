import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SurveyStatus } from '@wk/contracts';
import { OrganisationScope } from '../../common/organisation-scope';

export interface ApiSurveyRow {
  id: string;
  name: string;
  status: SurveyStatus;
  title_nl: string;
  title_en: string;
  values_version_id: string;
  journey_id: string | null;
  touchpoint_id: string | null;
  ask_overall_grade: boolean;
  ask_nps: boolean;
  ask_comment: boolean;
}

export interface ApiValueRow {
  id: string;
  key: string;
  nameNl: string;
  nameEn: string;
  questionNl: string | null;
  questionEn: string | null;
}

/** The survey as an API client reads it; always within the key's organisation. */
@Injectable()
export class ApiSurveysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  survey(organisationId: string, surveyId: string): Promise<ApiSurveyRow | undefined> {
    return new OrganisationScope(this.db, organisationId).one<ApiSurveyRow>(
      `SELECT id, name, status, title_nl, title_en, values_version_id, journey_id, touchpoint_id,
              ask_overall_grade, ask_nps, ask_comment
         FROM surveys WHERE organisation_id = $1 AND id = $2`,
      [surveyId],
    );
  }

  values(organisationId: string, versionId: string): Promise<ApiValueRow[]> {
    return new OrganisationScope(this.db, organisationId).rows<ApiValueRow>(
      `SELECT id, key, name_nl AS "nameNl", name_en AS "nameEn", question_nl AS "questionNl", question_en AS "questionEn"
         FROM experience_values WHERE organisation_id = $1 AND version_id = $2 ORDER BY position`,
      [versionId],
    );
  }
}
