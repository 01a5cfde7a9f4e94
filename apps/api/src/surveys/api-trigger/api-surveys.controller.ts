import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { localized, recognitionQuestion } from '@wk/domain';
import type { ApiSurvey } from '@wk/contracts';
import { ApiKeyAuthenticated, CurrentApiKey } from '../../auth/authenticated.decorator';
import type { ApiKeyContext } from '../../auth/authenticated.decorator';
import { notFound } from '../../common/domain-error';
import { UuidParam } from '../../common/uuid-param';
import { ApiSurveysRepository } from './api-surveys.repository';

/** For a CRM: a survey's questions with their value keys, to map answers (webhooks, exports) to values. */
@ApiTags('integrations (API key)')
@Controller('v1/surveys')
export class ApiSurveysController {
  constructor(private readonly surveys: ApiSurveysRepository) {}

  @Get(':id')
  @ApiKeyAuthenticated()
  @ApiOperation({
    summary:
      "A survey with its questions: each value's key, name and question in Dutch and English (404 for another organisation's survey)",
  })
  async get(
    @CurrentApiKey() caller: ApiKeyContext,
    @Param('id', UuidParam('Survey')) id: string,
  ): Promise<ApiSurvey> {
    const survey = await this.surveys.survey(caller.organisationId, id);
    if (!survey) throw notFound('Survey');
    const values = await this.surveys.values(caller.organisationId, survey.values_version_id);
    return {
      id: survey.id,
      name: survey.name,
      status: survey.status,
      title: { nl: survey.title_nl, en: survey.title_en },
      valuesVersionId: survey.values_version_id,
      journeyId: survey.journey_id,
      touchpointId: survey.touchpoint_id,
      questions: values.map((v) => ({
        valueId: v.id,
        key: v.key,
        name: { nl: v.nameNl, en: localized(v.nameNl, v.nameEn, 'en') },
        question: { nl: recognitionQuestion(v, 'nl'), en: recognitionQuestion(v, 'en') },
      })),
      askOverallGrade: survey.ask_overall_grade,
      askNps: survey.ask_nps,
      askComment: survey.ask_comment,
    };
  }
}
