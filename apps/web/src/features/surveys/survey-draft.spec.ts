import type { Journey, Survey } from '@wk/contracts';
import { SURVEY_DEFAULTS } from '@wk/domain';
import { describe, expect, it } from 'vitest';
import {
  presetOf,
  SCHEDULE_PRESETS,
  surveyDraft,
  toSurveyRequest,
  touchpointsOf,
  withJourney,
} from './survey-draft';

const touchpoint = (id: string, position: number) => ({
  id,
  position,
  name: id,
  nameEn: null,
  channel: 'desk' as const,
  momentOfTruth: false,
  teamIds: [],
});
const journeys: Journey[] = [
  {
    id: 'j1',
    name: 'Verhuizen',
    nameEn: null,
    description: '',
    segmentId: null,
    teamIds: [],
    touchpoints: [touchpoint('t2', 1), touchpoint('t1', 0)],
    createdAt: '2025-01-01T00:00:00Z',
  },
  {
    id: 'j2',
    name: 'Klacht',
    nameEn: null,
    description: '',
    segmentId: null,
    teamIds: [],
    touchpoints: [touchpoint('t3', 0)],
    createdAt: '2025-01-01T00:00:00Z',
  },
];

describe('survey draft', () => {
  it('starts from the defaults with the given values version and no schedule', () => {
    const draft = surveyDraft(null, 'v1');
    expect(draft).toMatchObject({
      valuesVersionId: 'v1',
      windowDays: SURVEY_DEFAULTS.windowDays,
      reminderAfterDays: SURVEY_DEFAULTS.reminderAfterDays,
      timeZone: SURVEY_DEFAULTS.timeZone,
      scheduled: false,
    });
    expect(toSurveyRequest({ ...draft, name: '  Balie  ' })).toMatchObject({
      name: 'Balie',
      valuesVersionId: 'v1',
      schedule: null,
    });
  });

  it('sends the schedule only when it is on, trimmed', () => {
    const draft = { ...surveyDraft(null, 'v1'), scheduled: true, cron: ' 0 9 * * 1#1 ' };
    expect(toSurveyRequest(draft).schedule).toEqual({ cron: '0 9 * * 1#1', timeZone: 'Europe/Amsterdam' });
  });

  it('reads a stored survey back, schedule included', () => {
    const survey = {
      name: 'Balie',
      valuesVersionId: 'v2',
      journeyId: 'j1',
      touchpointId: 't1',
      segmentId: null,
      teamId: null,
      titleNl: 'Hoe was het?',
      titleEn: '',
      introNl: '',
      introEn: '',
      askOverallGrade: true,
      askNps: true,
      askComment: false,
      windowDays: 10,
      reminderAfterDays: 0,
      schedule: { cron: '0 9 * * 1', timeZone: 'Europe/Brussels' },
      openLinkEnabled: true,
    } as unknown as Survey;
    const request = toSurveyRequest(surveyDraft(survey));
    expect(request).toMatchObject({
      touchpointId: 't1',
      askNps: true,
      reminderAfterDays: 0,
      schedule: { cron: '0 9 * * 1', timeZone: 'Europe/Brussels' },
      openLinkEnabled: true,
    });
  });

  it('recognises the presets', () => {
    expect(presetOf(SCHEDULE_PRESETS.weekly)).toBe('weekly');
    expect(presetOf('0 9 * * 1#1')).toBe('monthly');
    expect(presetOf('30 8 * * 5')).toBe('custom');
  });
});

describe('journey and touchpoint', () => {
  it('offers only the touchpoints of the chosen journey, in order', () => {
    expect(touchpointsOf(journeys, 'j1').map((tp) => tp.id)).toEqual(['t1', 't2']);
    expect(touchpointsOf(journeys, null)).toEqual([]);
  });

  it('drops a touchpoint of another journey when the journey changes', () => {
    const draft = { ...surveyDraft(null), journeyId: 'j1', touchpointId: 't2' };
    expect(withJourney(draft, 'j1', journeys).touchpointId).toBe('t2');
    expect(withJourney(draft, 'j2', journeys)).toMatchObject({ journeyId: 'j2', touchpointId: null });
    expect(toSurveyRequest({ ...draft, journeyId: null }).touchpointId).toBeNull();
  });
});
