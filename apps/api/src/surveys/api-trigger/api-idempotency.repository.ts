import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SurveyInvitationResult } from '@wk/contracts';
import { OrganisationScope } from '../../common/organisation-scope';

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
export class ApiIdempotencyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

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
    const claimed = await new OrganisationScope(m, organisationId).one(
      `INSERT INTO api_idempotency_keys (organisation_id, key_hash, request_hash, status) VALUES ($1, $2, $3, 'processing')
       ON CONFLICT (organisation_id, key_hash) DO NOTHING RETURNING key_hash`,
      [keyHash, requestHash],
    );
    return claimed !== undefined;
  }

  async stored(m: EntityManager, organisationId: string, keyHash: string): Promise<StoredOutcome> {
    const [stored] = await new OrganisationScope(m, organisationId).rows<StoredOutcome>(
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
    await new OrganisationScope(m, organisationId).rows(
      `UPDATE api_idempotency_keys SET status = $3, invitation_id = $4, wave_id = $5 WHERE organisation_id = $1 AND key_hash = $2`,
      [keyHash, outcome.status, outcome.invitation_id, outcome.wave_id],
    );
  }
}
