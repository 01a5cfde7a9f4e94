import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations can be suspended by the platform operator (nobody signs in, nothing fires, data
 * kept); and a fresh installation is set up once with a token printed in the server log.
 */
export class OrganisationStatusAndSetup1764840000000 implements MigrationInterface {
  name = 'OrganisationStatusAndSetup1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE organisations ADD COLUMN status varchar(16) NOT NULL DEFAULT 'active'
         CHECK (status IN ('active', 'suspended'))`,
    );
    // One row at most: the hash of the current first-run setup token, and when it was used.
    await q.query(`
      CREATE TABLE platform_setup (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        token_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE platform_setup`);
    await q.query(`ALTER TABLE organisations DROP COLUMN status`);
  }
}
