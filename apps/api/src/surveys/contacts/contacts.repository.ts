import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { unnestColumns } from '../unnest-columns';
import type { CheckedContact, ContactLookups } from './contact-list';
import { OrganisationRepository } from '../../common/organisation-repository';

/** The names an uploaded contact list may use, each to its id. */
export type ContactNames = Pick<ContactLookups, 'segmentIds' | 'teamIds' | 'journeyIds' | 'touchpoints'>;

/** Rows are inserted in chunks: one statement's arrays stay a reasonable size for a large list. */
const CHUNK = 5000;

/**
 * A survey's pool of contacts waiting for the next wave (survey_contacts without a wave), and the
 * organisation's names a contact list is checked against. Reads take the caller's transaction
 * when there is one.
 */
@Injectable()
export class ContactsRepository extends OrganisationRepository {
  /** Segments, teams and journeys by their lower-cased name; every touchpoint (names repeat across journeys). */
  async names(organisationId: string, m: EntityManager = this.db.manager): Promise<ContactNames> {
    const scope = this.scope(organisationId, m);
    const byName = async (sql: string) =>
      new Map(
        (await scope.rows<{ id: string; name: string }>(sql)).map((r) => [r.name.trim().toLowerCase(), r.id]),
      );
    return {
      segmentIds: await byName(`SELECT id, name FROM customer_segments WHERE organisation_id = $1`),
      teamIds: await byName(`SELECT id, name FROM teams WHERE organisation_id = $1`),
      journeyIds: await byName(`SELECT id, name FROM customer_journeys WHERE organisation_id = $1`),
      touchpoints: await scope.rows(
        `SELECT id, journey_id AS "journeyId", name FROM journey_touchpoints WHERE organisation_id = $1`,
      ),
    };
  }

  /** The lower-cased addresses already waiting for the survey's next wave. */
  async pendingEmails(
    organisationId: string,
    surveyId: string,
    m: EntityManager = this.db.manager,
  ): Promise<Set<string>> {
    const rows = await this.scope(organisationId, m).rows<{ email: string }>(
      `SELECT lower(email) AS email FROM survey_contacts
        WHERE organisation_id = $1 AND survey_id = $2 AND wave_id IS NULL`,
      [surveyId],
    );
    return new Set(rows.map((r) => r.email));
  }

  /** Adds contacts to the pool; an address already waiting stays as it is. */
  async addPending(
    m: EntityManager,
    organisationId: string,
    surveyId: string,
    contacts: CheckedContact[],
  ): Promise<void> {
    const scope = this.scope(organisationId, m);
    for (let start = 0; start < contacts.length; start += CHUNK) {
      const chunk = contacts.slice(start, start + CHUNK);
      await scope.rows(
        `INSERT INTO survey_contacts (organisation_id, survey_id, email, locale, segment_id, team_id, journey_id, touchpoint_id)
         SELECT $1, $2, email, locale, segment_id, team_id, journey_id, touchpoint_id
           FROM unnest($3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[])
             AS x(email, locale, segment_id, team_id, journey_id, touchpoint_id)
         ON CONFLICT (survey_id, lower(email)) WHERE wave_id IS NULL DO NOTHING`,
        [
          surveyId,
          ...unnestColumns(chunk, ['email', 'locale', 'segmentId', 'teamId', 'journeyId', 'touchpointId']),
        ],
      );
    }
  }
}
