import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import type { FieldError } from '@wk/contracts';
import { invalidFields } from './customers.errors';
import { JourneysRepository } from './journeys.repository';

/** What a survey, an invitation or a response is about; each part optional (null or left out: none). */
export interface CustomerContextIds {
  segmentId?: string | null;
  journeyId?: string | null;
  touchpointId?: string | null;
  teamId?: string | null;
}

/**
 * For other modules (surveys, the CRM trigger): checks that the segment, journey, touchpoint and
 * team of a context belong to the organisation, and the touchpoint to the journey when both are given.
 */
@Injectable()
export class CustomerContextService {
  constructor(private readonly journeys: JourneysRepository) {}

  /**
   * Throws one 400 naming each wrong field (`segmentId`, `journeyId`, `touchpointId`, `teamId`); an id
   * of another organisation, or not a UUID at all, is as unknown as a made-up one. Pass the
   * transaction's manager to check inside it. Returns the journey of the context: the one given, else
   * the touchpoint's journey (null without either).
   */
  async assertContext(
    manager: EntityManager | undefined,
    organisationId: string,
    ids: CustomerContextIds,
  ): Promise<{ journeyId: string | null }> {
    const given = (id: string | null | undefined) => (id === undefined || id === null ? null : id);
    const asUuid = (id: string | null) => (id !== null && isUUID(id) ? id : null);
    const segmentId = given(ids.segmentId);
    const journeyId = given(ids.journeyId);
    const touchpointId = given(ids.touchpointId);
    const teamId = given(ids.teamId);
    const row = await this.journeys.context(manager, organisationId, {
      segmentId: asUuid(segmentId),
      journeyId: asUuid(journeyId),
      touchpointId: asUuid(touchpointId),
      teamId: asUuid(teamId),
    });
    const errors: FieldError[] = [];
    if (segmentId !== null && !row.segment) errors.push({ field: 'segmentId', message: 'unknown segment' });
    if (journeyId !== null && !row.journey) errors.push({ field: 'journeyId', message: 'unknown journey' });
    if (touchpointId !== null) {
      if (!row.touchpointJourneyId) errors.push({ field: 'touchpointId', message: 'unknown touchpoint' });
      else if (journeyId !== null && row.journey && row.touchpointJourneyId !== journeyId)
        errors.push({ field: 'touchpointId', message: 'not a touchpoint of the given journey' });
    }
    if (teamId !== null && !row.team) errors.push({ field: 'teamId', message: 'unknown team' });
    if (errors.length) throw invalidFields(errors);
    return { journeyId: journeyId ?? row.touchpointJourneyId };
  }
}
