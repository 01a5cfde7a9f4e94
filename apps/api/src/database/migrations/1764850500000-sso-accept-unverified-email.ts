import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per organisation, the admin may accept the provider's e-mail without `email_verified` (Microsoft
 * Entra ID never sends it), still only for the allowed domains. Off unless switched on.
 */
export class SsoAcceptUnverifiedEmail1764850500000 implements MigrationInterface {
  name = 'SsoAcceptUnverifiedEmail1764850500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE sso_settings ADD COLUMN accept_unverified_email boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sso_settings DROP COLUMN accept_unverified_email`);
  }
}
