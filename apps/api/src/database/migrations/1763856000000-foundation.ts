import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants, people, teams, sessions, one-time tokens and the mail outbox. */
export class Foundation1763856000000 implements MigrationInterface {
  name = 'Foundation1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        slug varchar(60) NOT NULL UNIQUE,
        locale varchar(2) NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
        time_zone varchar(64) NOT NULL DEFAULT 'Europe/Amsterdam',
        anonymity_minimum int NOT NULL DEFAULT 5 CHECK (anonymity_minimum >= 3),
        comment_minimum int NOT NULL DEFAULT 5 CHECK (comment_minimum >= 3),
        contact_quarantine_days int NOT NULL DEFAULT 90 CHECK (contact_quarantine_days >= 0),
        contact_retention_days int NOT NULL DEFAULT 0 CHECK (contact_retention_days >= 0),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name varchar(120) NOT NULL,
        parent_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        -- a parent must live in the same organisation
        FOREIGN KEY (organisation_id, parent_id) REFERENCES teams (organisation_id, id) ON DELETE RESTRICT,
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE UNIQUE INDEX teams_org_name ON teams (organisation_id, lower(name))`);
    await q.query(`CREATE INDEX teams_parent ON teams (organisation_id, parent_id)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        email citext NOT NULL,
        name varchar(120) NOT NULL,
        employee_number varchar(40),
        role varchar(16) NOT NULL DEFAULT 'employee' CHECK (role IN ('admin', 'hr', 'manager', 'employee')),
        status varchar(16) NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'active', 'deactivated')),
        locale varchar(2) CHECK (locale IN ('nl', 'en')),
        team_id uuid,
        password_hash text,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        UNIQUE (organisation_id, email),
        UNIQUE (organisation_id, employee_number),
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE SET NULL (team_id)
      )`);
    await q.query(`CREATE INDEX users_email ON users (email)`);
    await q.query(`CREATE INDEX users_team ON users (organisation_id, team_id)`);
    await q.query(`
      CREATE TABLE team_managers (
        organisation_id uuid NOT NULL,
        team_id uuid NOT NULL,
        user_id uuid NOT NULL,
        PRIMARY KEY (team_id, user_id),
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX team_managers_user ON team_managers (organisation_id, user_id)`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip varchar(64),
        user_agent varchar(300),
        FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE user_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        purpose varchar(16) NOT NULL CHECK (purpose IN ('invite', 'reset')),
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        -- the work this message belongs to; the same key never yields a second message
        dedup_key varchar(200) NOT NULL,
        to_address varchar(320) NOT NULL,
        subject varchar(300) NOT NULL,
        text_body text NOT NULL,
        html_body text,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'held', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        message_id varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (organisation_id, dedup_key)
      )`);
    await q.query(`CREATE INDEX outbox_org_created ON outbox_messages (organisation_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX outbox_unsent ON outbox_messages (status) WHERE status IN ('pending', 'held')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbox_messages',
      'user_tokens',
      'sessions',
      'team_managers',
      'users',
      'teams',
      'organisations',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
