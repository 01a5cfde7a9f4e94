import type { CreateSurveyRequest, Journey, Survey, Touchpoint } from '@wk/contracts';
import type { UseFormReturnType } from '@mantine/form';
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

/** The survey fields the form edits as they are stored (the schedule is split into its own fields). */
const EDITED = [
  'name',
  'journeyId',
  'touchpointId',
  'segmentId',
  'teamId',
  'titleNl',
  'titleEn',
  'introNl',
  'introEn',
  'askOverallGrade',
  'askNps',
  'askComment',
  'windowDays',
  'reminderAfterDays',
  'openLinkEnabled',
] as const satisfies readonly (keyof Survey)[];

export type SurveyDraft = Pick<Survey, (typeof EDITED)[number]> & {
  valuesVersionId: string | null;
  scheduled: boolean;
  cron: string;
  timeZone: string;
};

/** The survey form (@mantine/form) that each group of survey form fields edits. */
export type SurveyFormState = UseFormReturnType<SurveyDraft>;

const NEW_SURVEY: Omit<SurveyDraft, 'valuesVersionId'> = {
  name: '',
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

/** The form's starting point: a stored survey, or the defaults with the given (current) values version. */
export function surveyDraft(survey: Survey | null, defaultVersionId: string | null = null): SurveyDraft {
  if (!survey) return { ...NEW_SURVEY, valuesVersionId: defaultVersionId };
  return {
    ...(Object.fromEntries(EDITED.map((key) => [key, survey[key]])) as Pick<Survey, (typeof EDITED)[number]>),
    valuesVersionId: survey.valuesVersionId,
    scheduled: !!survey.schedule,
    cron: survey.schedule?.cron ?? SCHEDULE_PRESETS.weekly,
    timeZone: survey.schedule?.timeZone ?? SURVEY_DEFAULTS.timeZone,
  };
}

/** The body for POST /surveys and PATCH /surveys/:id; no schedule when it is switched off. */
export function toSurveyRequest(d: SurveyDraft): CreateSurveyRequest {
  const { valuesVersionId, scheduled, cron, timeZone, ...fields } = d;
  return {
    ...fields,
    name: d.name.trim(),
    valuesVersionId: valuesVersionId ?? '',
    touchpointId: d.journeyId ? d.touchpointId : null,
    titleNl: d.titleNl.trim(),
    titleEn: d.titleEn.trim(),
    introNl: d.introNl.trim(),
    introEn: d.introEn.trim(),
    schedule: scheduled ? { cron: cron.trim(), timeZone: timeZone.trim() } : null,
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
