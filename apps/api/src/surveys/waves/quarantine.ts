import type { EntityManager } from 'typeorm';

/**
 * Claims the right to ask these contacts now: one statement inserts or refreshes the quarantine
 * row of each key whose last ask is older than the organisation's quarantine, and returns the keys
 * it claimed. Row locks make two waves at once unable to ask the same person twice.
 */
export async function claimContacts(
  m: EntityManager,
  organisationId: string,
  emailKeys: string[],
): Promise<Set<string>> {
  if (!emailKeys.length) return new Set();
  const rows: { email_hash: string }[] = await m.query(
    `INSERT INTO contact_quarantine AS q (organisation_id, email_hash, last_asked_at)
     SELECT $1, k, now() FROM unnest($2::text[]) AS k
     ON CONFLICT (organisation_id, email_hash) DO UPDATE SET last_asked_at = now()
       WHERE q.last_asked_at <= now() - make_interval(days =>
         (SELECT contact_quarantine_days FROM organisations WHERE id = $1))
     RETURNING email_hash`,
    [organisationId, [...new Set(emailKeys)]],
  );
  return new Set(rows.map((r) => r.email_hash));
}

/** The keys that are in quarantine now (read only: for the upload preview). */
export async function quarantinedKeys(
  m: EntityManager,
  organisationId: string,
  emailKeys: string[],
): Promise<Set<string>> {
  if (!emailKeys.length) return new Set();
  const rows: { email_hash: string }[] = await m.query(
    `SELECT q.email_hash FROM contact_quarantine q JOIN organisations o ON o.id = q.organisation_id
      WHERE q.organisation_id = $1 AND q.email_hash = ANY($2::text[])
        AND q.last_asked_at > now() - make_interval(days => o.contact_quarantine_days)`,
    [organisationId, emailKeys],
  );
  return new Set(rows.map((r) => r.email_hash));
}
