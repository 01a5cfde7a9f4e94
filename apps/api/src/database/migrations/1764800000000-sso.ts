import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on per organisation (OpenID Connect). The client secret is stored encrypted
 * (AES-256-GCM, key derived from SESSION_SECRET); without a settings row password sign-in is on.
 * `sso_identities` records who signed in via which provider: the guard before password sign-in
 * may be switched off, and the subject a provider gave an account.
 */
export class Sso1764800000000 implements MigrationInterface {
  name = 'Sso1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sso_settings (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        issuer_url text NOT NULL,
        client_id text NOT NULL,
        client_secret_encrypted text NOT NULL,
        allowed_domains text[] NOT NULL CHECK (cardinality(allowed_domains) BETWEEN 1 AND 20),
        just_in_time boolean NOT NULL DEFAULT false,
        password_login_disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sso_settings_domains ON sso_settings USING gin (allowed_domains)`);
    await q.query(`
      CREATE TABLE sso_identities (
        organisation_id uuid NOT NULL,
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL,
        first_login_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, issuer, subject),
        FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX sso_identities_user ON sso_identities (organisation_id, user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sso_identities`);
    await q.query(`DROP TABLE sso_settings`);
  }
}
