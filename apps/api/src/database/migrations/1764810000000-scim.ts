import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SCIM 2.0 provisioning (issue 18): per-organisation bearer tokens (stored as SHA-256, like API
 * keys) and what an identity provider knows about a person or team that Waardenkompas does not
 * keep itself: its externalId and, for people, the userName (when not the e-mail address) and the
 * given and family name behind `users.name`.
 */
export class Scim1764810000000 implements MigrationInterface {
  name = 'Scim1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scim_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name varchar(80) NOT NULL CHECK (btrim(name) <> ''),
        prefix varchar(16) NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        UNIQUE (organisation_id, id)
      )`);
    await q.query(`
      CREATE TABLE scim_users (
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        user_name varchar(254),
        external_id varchar(200),
        given_name varchar(120),
        family_name varchar(120),
        PRIMARY KEY (organisation_id, user_id),
        UNIQUE (organisation_id, external_id),
        FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE scim_groups (
        organisation_id uuid NOT NULL,
        team_id uuid NOT NULL,
        external_id varchar(200),
        PRIMARY KEY (organisation_id, team_id),
        UNIQUE (organisation_id, external_id),
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scim_groups, scim_users, scim_tokens`);
  }
}
