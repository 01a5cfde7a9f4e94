import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform operator (who hosts the product) lives outside every organisation, with sessions of its
 * own; and an e-mail change of an account waits for a link confirmed at the new address.
 */
export class OperatorsAndEmailChange1764640000000 implements MigrationInterface {
  name = 'OperatorsAndEmailChange1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE platform_operators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE,
        name varchar(120) NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE operator_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operator_id uuid NOT NULL REFERENCES platform_operators(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip varchar(64),
        user_agent varchar(300)
      )`);
    await q.query(`ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check`);
    await q.query(
      `ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check
         CHECK (purpose IN ('invite', 'reset', 'email_change'))`,
    );
    // The address an e-mail change link confirms; set exactly for that purpose.
    await q.query(`ALTER TABLE user_tokens ADD COLUMN new_email citext`);
    await q.query(
      `ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_new_email_check
         CHECK ((purpose = 'email_change') = (new_email IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM user_tokens WHERE purpose = 'email_change'`);
    await q.query(`ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_new_email_check`);
    await q.query(`ALTER TABLE user_tokens DROP COLUMN new_email`);
    await q.query(`ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check`);
    await q.query(
      `ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check CHECK (purpose IN ('invite', 'reset'))`,
    );
    await q.query(`DROP TABLE operator_sessions`);
    await q.query(`DROP TABLE platform_operators`);
  }
}
