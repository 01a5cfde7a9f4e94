import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { bestMailState, type InvitationFacts, type Locale, mailStateOfStatus } from '@wk/domain';
import { OrganisationScope } from '../../common/organisation-scope';
import { unnestColumns } from '../unnest-columns';
import type { MailedInvitation } from './sending';

/** A contact of the survey's pool, waiting for the next wave. */
export interface PooledContactRow {
  id: string;
  email: string;
  locale: Locale | null;
  segment_id: string | null;
  team_id: string | null;
  journey_id: string | null;
  touchpoint_id: string | null;
}

/** A new invitation with the context it carries (the token is stored as a hash only). */
export interface NewInvitation {
  id: string;
  tokenHash: string;
  locale: Locale;
  segmentId: string | null;
  teamId: string | null;
  touchpointId: string | null;
  journeyId: string | null;
}

/** An address invited without a pool row (the API): its contact row is written with the invitation. */
export interface InvitedContact {
  invitationId: string;
  email: string;
  locale: Locale;
  segmentId: string | null;
  teamId: string | null;
  touchpointId: string | null;
}

/** The wave that invitations and contacts are written for. */
export interface WaveKey {
  organisationId: string;
  surveyId: string;
  waveId: string;
}

interface InvitationFactsRow {
  wave_id: string;
  statuses: string[];
  opened: boolean;
  answered: boolean;
  count: number;
}

/**
 * A wave's invitations and the contact data behind them (survey_invitations, survey_contacts, the
 * addresses in their outbox mails and the CRM keys that point at them). Written inside the
 * sending or closing transaction of the wave; HR's funnel reads in its organisation's scope.
 */
@Injectable()
export class WaveInvitationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The survey's pending contacts, locked for the wave that takes them. */
  pendingPool(m: EntityManager, surveyId: string): Promise<PooledContactRow[]> {
    return m.query(
      `SELECT id, email, locale, segment_id, team_id, journey_id, touchpoint_id FROM survey_contacts
          WHERE survey_id = $1 AND wave_id IS NULL ORDER BY created_at, id FOR UPDATE`,
      [surveyId],
    );
  }

  async deleteContacts(m: EntityManager, contactIds: string[]): Promise<void> {
    await m.query(`DELETE FROM survey_contacts WHERE id = ANY($1::uuid[])`, [contactIds]);
  }

  async insert(m: EntityManager, wave: WaveKey, invitations: NewInvitation[]): Promise<void> {
    await new OrganisationScope(m, wave.organisationId).rows(
      `INSERT INTO survey_invitations (id, organisation_id, survey_id, wave_id, token_hash, locale, segment_id, team_id, touchpoint_id, journey_id)
       SELECT id, $1, $2, $3, token_hash, locale, segment_id, team_id, touchpoint_id, journey_id
         FROM unnest($4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[])
           AS x(id, token_hash, locale, segment_id, team_id, touchpoint_id, journey_id)`,
      [
        wave.surveyId,
        wave.waveId,
        ...unnestColumns(invitations, [
          'id',
          'tokenHash',
          'locale',
          'segmentId',
          'teamId',
          'touchpointId',
          'journeyId',
        ]),
      ],
    );
  }

  /** Ties pool contacts to the wave and their invitation. */
  async assignPooled(
    m: EntityManager,
    waveId: string,
    pooled: { contactId: string; invitationId: string }[],
  ): Promise<void> {
    await m.query(
      `UPDATE survey_contacts c SET wave_id = $1, invitation_id = x.invitation_id
         FROM unnest($2::uuid[], $3::uuid[]) AS x(id, invitation_id) WHERE c.id = x.id`,
      [waveId, ...unnestColumns(pooled, ['contactId', 'invitationId'])],
    );
  }

  async insertInvitedContacts(m: EntityManager, wave: WaveKey, contacts: InvitedContact[]): Promise<void> {
    await new OrganisationScope(m, wave.organisationId).rows(
      `INSERT INTO survey_contacts (organisation_id, survey_id, email, locale, segment_id, team_id, wave_id, invitation_id, touchpoint_id)
       SELECT $1, $2, email, locale, segment_id, team_id, $3, invitation_id, touchpoint_id
         FROM unnest($4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[])
           AS x(email, locale, segment_id, team_id, invitation_id, touchpoint_id)`,
      [
        wave.surveyId,
        wave.waveId,
        ...unnestColumns(contacts, [
          'email',
          'locale',
          'segmentId',
          'teamId',
          'invitationId',
          'touchpointId',
        ]),
      ],
    );
  }

  /** Invitations of the wave not answered whose contact data still exists (the reminder's audience). */
  async unanswered(m: EntityManager, waveId: string): Promise<MailedInvitation[]> {
    const rows: { invitation_id: string; email: string; locale: Locale }[] = await m.query(
      `SELECT i.id AS invitation_id, c.email, i.locale
         FROM survey_invitations i JOIN survey_contacts c ON c.invitation_id = i.id
        WHERE i.wave_id = $1 AND NOT i.answered`,
      [waveId],
    );
    return rows.map((r) => ({ invitationId: r.invitation_id, email: r.email, locale: r.locale }));
  }

  async idsOfWave(waveId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM survey_invitations WHERE wave_id = $1`,
      [waveId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Deletes a wave's contact data: the contacts, and the addresses in its mails (a mail not yet
   * delivered is stopped). The quarantine keeps only a keyed hash of each address.
   */
  async deleteContactData(m: EntityManager, waveId: string): Promise<void> {
    await m.query(`DELETE FROM survey_contacts WHERE wave_id = $1`, [waveId]);
    await m.query(
      `UPDATE outbox_messages o SET to_address = '(verwijderd)',
              status = CASE WHEN o.status IN ('pending', 'held') THEN 'failed' ELSE o.status END,
              last_error = CASE WHEN o.status IN ('pending', 'held') THEN 'contact data deleted when the wave closed' ELSE o.last_error END
         FROM survey_invitations i
        WHERE i.wave_id = $1 AND o.organisation_id = i.organisation_id
          AND o.dedup_key IN ('survey-invite:' || i.id, 'survey-reminder:' || i.id)`,
      [waveId],
    );
    // The CRM's retries are over by now; what tied its key to an invitation goes with the contacts.
    await m.query(`DELETE FROM api_idempotency_keys WHERE wave_id = $1`, [waveId]);
  }

  /** The CRM's idempotency keys are kept a week: long enough for its retries. */
  async purgeOldIdempotencyKeys(): Promise<void> {
    await this.db.query(`DELETE FROM api_idempotency_keys WHERE created_at < now() - interval '7 days'`);
  }

  /**
   * What the invitations of some waves did, counted per wave and per combination of their mails'
   * outbox statuses (invitation and reminder), opened and answered. The funnel itself is computed
   * from these by libs/domain `waveFunnel`, so its stages are subsets by construction.
   */
  async facts(organisationId: string, waveIds: string[]): Promise<Map<string, InvitationFacts[]>> {
    const byWave = new Map<string, InvitationFacts[]>();
    if (!waveIds.length) return byWave;
    const rows = await new OrganisationScope(this.db, organisationId).rows<InvitationFactsRow>(
      `SELECT i.wave_id, i.opened, i.answered,
              ARRAY(SELECT DISTINCT o.status FROM outbox_messages o
                     WHERE o.organisation_id = i.organisation_id
                       AND o.dedup_key IN ('survey-invite:' || i.id, 'survey-reminder:' || i.id)
                     ORDER BY 1) AS statuses,
              count(*)::int AS count
         FROM survey_invitations i
        WHERE i.organisation_id = $1 AND i.wave_id = ANY($2::uuid[])
        GROUP BY 1, 2, 3, 4`,
      [waveIds],
    );
    for (const row of rows) {
      const list = byWave.get(row.wave_id) ?? [];
      list.push(toFacts(row));
      byWave.set(row.wave_id, list);
    }
    return byWave;
  }
}

const toFacts = (row: InvitationFactsRow): InvitationFacts => ({
  mail: bestMailState(row.statuses.map(mailStateOfStatus)),
  opened: row.opened,
  answered: row.answered,
  count: row.count,
});
