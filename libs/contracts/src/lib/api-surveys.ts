import type { SurveyStatus } from './surveys';

/** Text in both languages the surveys are sent in. */
export interface BilingualText {
  nl: string;
  en: string;
}

/** One question of a survey as a CRM sees it: the value's stable key, its name and the question. */
export interface ApiSurveyQuestion {
  valueId: string;
  /** Stable within a published values version (e.g. "dichtbij"); use it to map answers. */
  key: string;
  name: BilingualText;
  question: BilingualText;
}

/** `GET /api/v1/surveys/:id` with an organisation API key. */
export interface ApiSurvey {
  id: string;
  name: string;
  status: SurveyStatus;
  title: BilingualText;
  valuesVersionId: string;
  journeyId: string | null;
  touchpointId: string | null;
  questions: ApiSurveyQuestion[];
  askOverallGrade: boolean;
  askNps: boolean;
  askComment: boolean;
}
