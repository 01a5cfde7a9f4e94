import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OrganisationScope } from '../common/organisation-scope';

/**
 * The contact quarantine (contact_quarantine): per organisation a keyed hash of each address asked,
 * and when. It outlives the deleted contact data, so nobody is asked again too soon.
 */
@Injectable()
export class QuarantineRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Claims the right to ask these contacts now: one statement inserts or refreshes the quarantine
   * row of each key whose last ask is older than the organisation's quarantine, and returns the keys
   * it claimed. Row locks make two waves at once unable to ask the same person twice.
   */
  claim(m: EntityManager, organisationId: string, emailKeys: string[]): Promise<Set<string>> {
    return keysOf(
      m,
      organisationId,
      [...new Set(emailKeys)],
      `INSERT INTO contact_quarantine AS q (organisation_id, email_hash, last_asked_at)
       SELECT $1, k, now() FROM unnest($2::text[]) AS k
       ON CONFLICT (organisation_id, email_hash) DO UPDATE SET last_asked_at = now()
         WHERE q.last_asked_at <= now() - make_interval(days =>
           (SELECT contact_quarantine_days FROM organisations WHERE id = $1))
       RETURNING email_hash`,
    );
  }

  /** The keys that are in quarantine now (read only: for the upload preview). */
  inQuarantine(
    organisationId: string,
    emailKeys: string[],
    m: EntityManager = this.db.manager,
  ): Promise<Set<string>> {
    return keysOf(
      m,
      organisationId,
      emailKeys,
      `SELECT q.email_hash FROM contact_quarantine q JOIN organisations o ON o.id = q.organisation_id
        WHERE q.organisation_id = $1 AND q.email_hash = ANY($2::text[])
          AND q.last_asked_at > now() - make_interval(days => o.contact_quarantine_days)`,
    );
  }

  /** Rows past their organisation's quarantine say nothing any more. */
  async purgeExpired(): Promise<void> {
    await this.db.query(
      `DELETE FROM contact_quarantine q USING organisations o
        WHERE o.id = q.organisation_id AND q.last_asked_at < now() - make_interval(days => o.contact_quarantine_days)`,
    );
  }
}

/** The email hashes a statement over keys $2 of organisation $1 returns. */
async function keysOf(
  m: EntityManager,
  organisationId: string,
  emailKeys: string[],
  sql: string,
): Promise<Set<string>> {
  if (!emailKeys.length) return new Set();
  const rows = await new OrganisationScope(m, organisationId).rows<{ email_hash: string }>(sql, [emailKeys]);
  return new Set(rows.map((r) => r.email_hash));
}
