import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SurveyInvitationResult } from '@wk/contracts';
import { OrganisationRepository } from '../../common/organisation-repository';

/** What a CRM request under an Idempotency-Key did: answered again to a repeat. */
export interface StoredOutcome {
  request_hash: string;
  status: SurveyInvitationResult['status'];
  invitation_id: string | null;
  wave_id: string | null;
}

/**
 * The CRM's Idempotency-Keys (api_idempotency_keys, stored as keyed hashes), claimed and settled
 * inside the transaction of the work they guard; one organisation each.
 */
@Injectable()
export class ApiIdempotencyRepository extends OrganisationRepository {
  /**
   * Claims the key for this request; false when it was claimed before. A concurrent claim of the
   * same key waits for the first transaction's commit.
   */
  async claim(
    m: EntityManager,
    organisationId: string,
    keyHash: string,
    requestHash: string,
  ): Promise<boolean> {
    const claimed = await this.scope(organisationId, m).one(
      `INSERT INTO api_idempotency_keys (organisation_id, key_hash, request_hash, status) VALUES ($1, $2, $3, 'processing')
       ON CONFLICT (organisation_id, key_hash) DO NOTHING RETURNING key_hash`,
      [keyHash, requestHash],
    );
    return claimed !== undefined;
  }

  async stored(m: EntityManager, organisationId: string, keyHash: string): Promise<StoredOutcome> {
    const [stored] = await this.scope(organisationId, m).rows<StoredOutcome>(
      `SELECT request_hash, status, invitation_id, wave_id FROM api_idempotency_keys WHERE organisation_id = $1 AND key_hash = $2`,
      [keyHash],
    );
    return stored;
  }

  async settle(
    m: EntityManager,
    organisationId: string,
    keyHash: string,
    outcome: StoredOutcome,
  ): Promise<void> {
    await this.scope(organisationId, m).rows(
      `UPDATE api_idempotency_keys SET status = $3, invitation_id = $4, wave_id = $5 WHERE organisation_id = $1 AND key_hash = $2`,
      [keyHash, outcome.status, outcome.invitation_id, outcome.wave_id],
    );
  }
}
