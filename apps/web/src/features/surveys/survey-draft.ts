import type { CreateSurveyRequest, Journey, Survey, Touchpoint } from '@wk/contracts';
import { SURVEY_DEFAULTS } from '@wk/domain';

/** Schedule presets as cron patterns (minute hour day month weekday; `1#1` = the first Monday). */
export const SCHEDULE_PRESETS = {
  weekly: '0 9 * * 1',
  monthly: '0 9 * * 1#1',
} as const;
export type SchedulePreset = keyof typeof SCHEDULE_PRESETS | 'custom';

/** The preset a cron pattern is, or "custom". */
export function presetOf(cron: string): SchedulePreset {
  const found = (Object.keys(SCHEDULE_PRESETS) as (keyof typeof SCHEDULE_PRESETS)[]).find(
    (p) => SCHEDULE_PRESETS[p] === cron.trim(),
  );
  return found ?? 'custom';
}

export interface SurveyDraft {
  name: string;
  valuesVersionId: string | null;
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
  windowDays: number;
  reminderAfterDays: number;
  scheduled: boolean;
  cron: string;
  timeZone: string;
  openLinkEnabled: boolean;
}

/** What each group of survey form fields gets: the draft, its change and the api's field errors. */
export interface SurveyFieldsProps {
  draft: SurveyDraft;
  onChange: (draft: SurveyDraft) => void;
  errors: Record<string, string>;
}

/** The form's starting point: a stored survey, or the defaults with the given (current) values version. */
export function surveyDraft(survey: Survey | null, defaultVersionId: string | null = null): SurveyDraft {
  if (survey)
    return {
      name: survey.name,
      valuesVersionId: survey.valuesVersionId,
      journeyId: survey.journeyId,
      touchpointId: survey.touchpointId,
      segmentId: survey.segmentId,
      teamId: survey.teamId,
      titleNl: survey.titleNl,
      titleEn: survey.titleEn,
      introNl: survey.introNl,
      introEn: survey.introEn,
      askOverallGrade: survey.askOverallGrade,
      askNps: survey.askNps,
      askComment: survey.askComment,
      windowDays: survey.windowDays,
      reminderAfterDays: survey.reminderAfterDays,
      scheduled: !!survey.schedule,
      cron: survey.schedule?.cron ?? SCHEDULE_PRESETS.weekly,
      timeZone: survey.schedule?.timeZone ?? SURVEY_DEFAULTS.timeZone,
      openLinkEnabled: survey.openLinkEnabled,
    };
  return {
    name: '',
    valuesVersionId: defaultVersionId,
    journeyId: null,
    touchpointId: null,
    segmentId: null,
    teamId: null,
    titleNl: '',
    titleEn: '',
    introNl: '',
    introEn: '',
    askOverallGrade: false,
    askNps: false,
    askComment: true,
    windowDays: SURVEY_DEFAULTS.windowDays,
    reminderAfterDays: SURVEY_DEFAULTS.reminderAfterDays,
    scheduled: false,
    cron: SCHEDULE_PRESETS.weekly,
    timeZone: SURVEY_DEFAULTS.timeZone,
    openLinkEnabled: false,
  };
}

/** The body for POST /surveys and PATCH /surveys/:id; no schedule when it is switched off. */
export function toSurveyRequest(d: SurveyDraft): CreateSurveyRequest {
  return {
    name: d.name.trim(),
    valuesVersionId: d.valuesVersionId ?? '',
    journeyId: d.journeyId,
    touchpointId: d.journeyId ? d.touchpointId : null,
    segmentId: d.segmentId,
    teamId: d.teamId,
    titleNl: d.titleNl.trim(),
    titleEn: d.titleEn.trim(),
    introNl: d.introNl.trim(),
    introEn: d.introEn.trim(),
    askOverallGrade: d.askOverallGrade,
    askNps: d.askNps,
    askComment: d.askComment,
    windowDays: d.windowDays,
    reminderAfterDays: d.reminderAfterDays,
    schedule: d.scheduled ? { cron: d.cron.trim(), timeZone: d.timeZone.trim() } : null,
    openLinkEnabled: d.openLinkEnabled,
  };
}

/** The touchpoints one may pick: only those of the chosen journey, in journey order. */
export function touchpointsOf(journeys: Journey[], journeyId: string | null): Touchpoint[] {
  const journey = journeys.find((j) => j.id === journeyId);
  return journey ? [...journey.touchpoints].sort((a, b) => a.position - b.position) : [];
}

/** Choosing another journey drops a touchpoint that does not belong to it. */
export function withJourney(d: SurveyDraft, journeyId: string | null, journeys: Journey[]): SurveyDraft {
  const keep = touchpointsOf(journeys, journeyId).some((tp) => tp.id === d.touchpointId);
  return { ...d, journeyId, touchpointId: keep ? d.touchpointId : null };
}
