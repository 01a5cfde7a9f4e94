import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First-run setup tokens, one per api process that printed one (docs/scale.md): replicas started
 * together on an empty database each print a token, and each of those works. A token older than
 * the start window is revoked by the next start; the first setup spends them all.
 */
export class SetupTokens1765100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE platform_setup_tokens (
        token_hash char(64) PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`DROP TABLE platform_setup`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE platform_setup (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        token_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await q.query(`DROP TABLE platform_setup_tokens`);
  }
}
