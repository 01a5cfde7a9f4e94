import type { Journey, JourneyRequest, TouchpointRequest } from '@wk/contracts';
import type { TouchpointChannel } from '@wk/domain';
import type { ReactNode } from 'react';

/** A touchpoint being edited; `key` keeps React rows stable, `id` is kept so the api keeps the touchpoint. */
export interface TouchpointDraft {
  key: string;
  id?: string;
  name: string;
  /** Optional English name; empty shows the Dutch name to English readers. */
  nameEn: string;
  channel: TouchpointChannel;
  momentOfTruth: boolean;
  teamIds: string[];
}

export interface JourneyDraft {
  name: string;
  nameEn: string;
  description: string;
  segmentId: string | null;
  teamIds: string[];
  touchpoints: TouchpointDraft[];
}

let counter = 0;
const newKey = () => `new-${++counter}`;

export function newTouchpoint(): TouchpointDraft {
  return { key: newKey(), name: '', nameEn: '', channel: 'website', momentOfTruth: false, teamIds: [] };
}

/** The editable copy of a stored journey (touchpoints in position order), or an empty one. */
export function journeyDraft(journey?: Journey | null): JourneyDraft {
  if (!journey)
    return { name: '', nameEn: '', description: '', segmentId: null, teamIds: [], touchpoints: [] };
  return {
    name: journey.name,
    nameEn: journey.nameEn ?? '',
    description: journey.description,
    segmentId: journey.segmentId,
    teamIds: [...journey.teamIds],
    touchpoints: [...journey.touchpoints]
      .sort((a, b) => a.position - b.position)
      .map((tp) => ({
        key: tp.id,
        id: tp.id,
        name: tp.name,
        nameEn: tp.nameEn ?? '',
        channel: tp.channel,
        momentOfTruth: tp.momentOfTruth,
        teamIds: [...tp.teamIds],
      })),
  };
}

/** The whole journey for POST/PUT: touchpoints in the order shown, ids kept, new ones without id. */
export function toJourneyRequest(draft: JourneyDraft): JourneyRequest {
  return {
    name: draft.name.trim(),
    nameEn: draft.nameEn.trim() || null,
    description: draft.description.trim(),
    segmentId: draft.segmentId,
    teamIds: draft.teamIds,
    touchpoints: draft.touchpoints.map(({ id, name, nameEn, channel, momentOfTruth, teamIds }) => {
      const tp: TouchpointRequest = {
        name: name.trim(),
        nameEn: nameEn.trim() || null,
        channel,
        momentOfTruth,
        teamIds,
      };
      return id ? { id, ...tp } : tp;
    }),
  };
}

/** The api's message for a touchpoint field (`touchpoints[1].name`), if any. */
export const touchpointError = (errors: Record<string, ReactNode>, index: number, field: string) =>
  errors[`touchpoints[${index}].${field}`] ?? errors[`touchpoints.${index}.${field}`];
