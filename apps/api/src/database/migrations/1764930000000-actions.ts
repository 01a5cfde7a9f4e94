import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Action plans (issue 17): a focus names a KPI cell (value × team / journey / touchpoint × period);
 * its actions have an owner, a due date and a status; progress notes keep author and time.
 * Owner reminders are outbox messages (their dedup keys make them go once).
 */
export class Actions1764930000000 implements MigrationInterface {
  name = 'Actions1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE action_focuses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        value_key text NOT NULL,
        team_id uuid REFERENCES teams(id) ON DELETE CASCADE,
        journey_id uuid REFERENCES customer_journeys(id) ON DELETE CASCADE,
        touchpoint_id uuid REFERENCES journey_touchpoints(id) ON DELETE CASCADE,
        period_kind varchar(8) NOT NULL CHECK (period_kind IN ('month', 'quarter')),
        period varchar(7) NOT NULL,
        metric varchar(8) NOT NULL CHECK (metric IN ('customer', 'self')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id)
      )`);
    await q.query(`CREATE INDEX action_focuses_org ON action_focuses (organisation_id, team_id)`);
    await q.query(`
      CREATE TABLE actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        focus_id uuid NOT NULL,
        what varchar(500) NOT NULL,
        owner_id uuid NOT NULL,
        due_date date NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, focus_id) REFERENCES action_focuses(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, owner_id) REFERENCES users(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX actions_focus ON actions (organisation_id, focus_id)`);
    await q.query(`CREATE INDEX actions_owner ON actions (organisation_id, owner_id)`);
    // The reminder sweep reads open actions by due date.
    await q.query(
      `CREATE INDEX actions_due_open ON actions (due_date) WHERE status IN ('open', 'in_progress')`,
    );
    await q.query(`
      CREATE TABLE action_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        action_id uuid NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body varchar(2000) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organisation_id, action_id) REFERENCES actions(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX action_notes_action ON action_notes (action_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE action_notes`);
    await q.query(`DROP TABLE actions`);
    await q.query(`DROP TABLE action_focuses`);
  }
}
