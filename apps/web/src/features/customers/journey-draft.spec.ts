import type { Journey } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { moveItem } from '../values/values-model';
import { journeyDraft, newTouchpoint, toJourneyRequest, touchpointError } from './journey-draft';

const journey: Journey = {
  id: 'j1',
  name: 'Verhuizen',
  nameEn: 'Moving house',
  description: 'Van melding tot bevestiging',
  segmentId: 's1',
  teamIds: ['t1'],
  createdAt: '2025-01-01T00:00:00Z',
  touchpoints: [
    {
      id: 'b',
      position: 1,
      name: 'Afspraak balie',
      nameEn: null,
      channel: 'desk',
      momentOfTruth: true,
      teamIds: ['t1'],
    },
    {
      id: 'a',
      position: 0,
      name: 'Online melden',
      nameEn: ' Report online ',
      channel: 'website',
      momentOfTruth: false,
      teamIds: [],
    },
  ],
};

describe('journey draft', () => {
  it('starts empty, or from a journey with its touchpoints in position order', () => {
    expect(journeyDraft(null)).toEqual({
      name: '',
      nameEn: '',
      description: '',
      segmentId: null,
      teamIds: [],
      touchpoints: [],
    });
    expect(journeyDraft(journey).touchpoints.map((tp) => tp.id)).toEqual(['a', 'b']);
  });

  it('sends the touchpoints in the order shown, keeping ids so the api keeps them, new ones without id', () => {
    const draft = journeyDraft(journey);
    const added = { ...newTouchpoint(), name: ' Brief met besluit ', channel: 'letter' as const };
    const reordered = moveItem([...draft.touchpoints, added], 2, -2);
    const request = toJourneyRequest({ ...draft, name: ' Verhuizen ', touchpoints: reordered });
    expect(request.name).toBe('Verhuizen');
    expect(request.touchpoints).toEqual([
      { name: 'Brief met besluit', nameEn: null, channel: 'letter', momentOfTruth: false, teamIds: [] },
      {
        id: 'a',
        name: 'Online melden',
        nameEn: 'Report online',
        channel: 'website',
        momentOfTruth: false,
        teamIds: [],
      },
      {
        id: 'b',
        name: 'Afspraak balie',
        nameEn: null,
        channel: 'desk',
        momentOfTruth: true,
        teamIds: ['t1'],
      },
    ]);
  });

  it('leaves a removed touchpoint out of the request', () => {
    const draft = journeyDraft(journey);
    const request = toJourneyRequest({
      ...draft,
      touchpoints: draft.touchpoints.filter((tp) => tp.id !== 'a'),
    });
    expect(request.touchpoints.map((tp) => tp.id)).toEqual(['b']);
  });

  it('gives each new touchpoint its own row key', () => {
    expect(newTouchpoint().key).not.toBe(newTouchpoint().key);
  });

  it("finds the api's message for a touchpoint field in either path style", () => {
    const errors = { 'touchpoints[1].name': 'Vul een naam in', 'touchpoints.2.channel': 'Onbekend kanaal' };
    expect(touchpointError(errors, 1, 'name')).toBe('Vul een naam in');
    expect(touchpointError(errors, 2, 'channel')).toBe('Onbekend kanaal');
    expect(touchpointError(errors, 0, 'name')).toBeUndefined();
  });
});
