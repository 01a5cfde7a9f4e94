import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SsoSettingsRow {
  organisationId: string;
  issuerUrl: string;
  clientId: string;
  clientSecretEncrypted: string;
  allowedDomains: string[];
  justInTime: boolean;
  passwordLoginDisabled: boolean;
  /** Accept the provider's e-mail without `email_verified` (Entra ID); still only for allowed domains. */
  acceptUnverifiedEmail: boolean;
  updatedAt: Date;
}

export interface SsoOrganisation {
  id: string;
  slug: string;
}

export interface SsoUserRow {
  id: string;
  organisationId: string;
  status: 'invited' | 'active' | 'deactivated';
}

const SETTINGS_COLUMNS = `
  organisation_id AS "organisationId", issuer_url AS "issuerUrl", client_id AS "clientId",
  client_secret_encrypted AS "clientSecretEncrypted", allowed_domains AS "allowedDomains",
  just_in_time AS "justInTime", password_login_disabled AS "passwordLoginDisabled",
  accept_unverified_email AS "acceptUnverifiedEmail", updated_at AS "updatedAt"`;

/** The only SQL on sso_settings and sso_identities, and SSO's reads and writes of users; always by organisation. */
@Injectable()
export class SsoRepository {
  constructor(private readonly db: DataSource) {}

  async settings(organisationId: string): Promise<SsoSettingsRow | null> {
    const [row] = await this.db.query(
      `SELECT ${SETTINGS_COLUMNS} FROM sso_settings WHERE organisation_id = $1`,
      [organisationId],
    );
    return row ?? null;
  }

  async organisationBySlug(slug: string): Promise<SsoOrganisation | null> {
    const [row] = await this.db.query(
      `SELECT id, slug FROM organisations WHERE slug = $1 AND status = 'active'`,
      [slug],
    );
    return row ?? null;
  }

  /** Organisations with SSO whose allowed domains include this one (usually one). */
  async organisationsForDomain(domain: string): Promise<SsoOrganisation[]> {
    return this.db.query(
      `SELECT o.id, o.slug FROM sso_settings s JOIN organisations o ON o.id = s.organisation_id
       WHERE s.allowed_domains @> ARRAY[$1::text] AND o.status = 'active' LIMIT 2`,
      [domain],
    );
  }

  async save(row: Omit<SsoSettingsRow, 'updatedAt'>): Promise<void> {
    await this.db.query(
      `INSERT INTO sso_settings (organisation_id, issuer_url, client_id, client_secret_encrypted,
         allowed_domains, just_in_time, password_login_disabled, accept_unverified_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organisation_id) DO UPDATE SET issuer_url = excluded.issuer_url,
         client_id = excluded.client_id, client_secret_encrypted = excluded.client_secret_encrypted,
         allowed_domains = excluded.allowed_domains, just_in_time = excluded.just_in_time,
         password_login_disabled = excluded.password_login_disabled,
         accept_unverified_email = excluded.accept_unverified_email, updated_at = now()`,
      [
        row.organisationId,
        row.issuerUrl,
        row.clientId,
        row.clientSecretEncrypted,
        row.allowedDomains,
        row.justInTime,
        row.passwordLoginDisabled,
        row.acceptUnverifiedEmail,
      ],
    );
  }

  async remove(organisationId: string): Promise<boolean> {
    const [, affected] = await this.db.query(`DELETE FROM sso_settings WHERE organisation_id = $1`, [
      organisationId,
    ]);
    return affected > 0;
  }

  async hasSignedInWith(organisationId: string, userId: string, issuer: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM sso_identities WHERE organisation_id = $1 AND user_id = $2 AND issuer = $3 LIMIT 1`,
      [organisationId, userId, issuer],
    );
    return rows.length > 0;
  }

  /**
   * Finds the person by e-mail in this organisation, or creates an employee when allowed, then
   * activates an invited one and records the provider's subject, in one transaction.
   */
  async linkOrCreate(input: {
    organisationId: string;
    email: string;
    name: string;
    issuer: string;
    subject: string;
    createIfMissing: boolean;
  }): Promise<{ user: SsoUserRow; created: boolean } | { refused: 'no_account' | 'deactivated' }> {
    return this.db.transaction(async (m) => {
      const [found] = await m.query(
        `SELECT id, organisation_id AS "organisationId", status FROM users
         WHERE organisation_id = $1 AND email = $2 FOR UPDATE`,
        [input.organisationId, input.email],
      );
      let user: SsoUserRow | undefined = found;
      let created = false;
      if (!user) {
        if (!input.createIfMissing) return { refused: 'no_account' as const };
        const [inserted] = await m.query(
          `INSERT INTO users (organisation_id, email, name, role, status)
           VALUES ($1, $2, $3, 'employee', 'active')
           ON CONFLICT (organisation_id, email) DO NOTHING
           RETURNING id, organisation_id AS "organisationId", status`,
          [input.organisationId, input.email, input.name.slice(0, 120)],
        );
        // A concurrent first sign-in of the same person created it a moment ago.
        if (!inserted) return { refused: 'no_account' as const };
        user = inserted as SsoUserRow;
        created = true;
      }
      if (user.status === 'deactivated') return { refused: 'deactivated' as const };
      await m.query(
        `UPDATE users SET status = 'active', last_login_at = now(), updated_at = now()
         WHERE organisation_id = $1 AND id = $2`,
        [input.organisationId, user.id],
      );
      await m.query(
        `INSERT INTO sso_identities (organisation_id, issuer, subject, user_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, issuer, subject)
         DO UPDATE SET user_id = excluded.user_id, last_login_at = now()`,
        [input.organisationId, input.issuer, input.subject, user.id],
      );
      return { user: { ...user, status: 'active' as const }, created };
    });
  }
}
