import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-assessment cycles, their rounds, one invitation per person per round and the answers.
 * The unique keys are what make a repeated or retried scheduler job harmless.
 */
export class Assessments1764028800000 implements MigrationInterface {
  name = 'Assessments1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name varchar(120) NOT NULL CHECK (btrim(name) <> ''),
        values_version_id uuid NOT NULL,
        team_ids uuid[] NOT NULL DEFAULT '{}',
        cron varchar(120) NOT NULL,
        time_zone varchar(64) NOT NULL,
        window_days int NOT NULL DEFAULT 14 CHECK (window_days BETWEEN 1 AND 90),
        reminder_days int[] NOT NULL DEFAULT '{7}',
        remind_day_before_deadline boolean NOT NULL DEFAULT true,
        status varchar(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'archived')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, values_version_id) REFERENCES value_set_versions (organisation_id, id)
      )`);
    await q.query(`
      CREATE TABLE assessment_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL,
        values_version_id uuid NOT NULL,
        -- the firing this round belongs to: a repeated job for the same firing finds it taken
        scheduled_for timestamptz NOT NULL,
        opens_at timestamptz NOT NULL DEFAULT now(),
        closes_at timestamptz NOT NULL,
        closed_at timestamptz,
        last_manual_reminder_at timestamptz,
        UNIQUE (organisation_id, id),
        UNIQUE (cycle_id, scheduled_for),
        CHECK (closes_at > opens_at),
        FOREIGN KEY (organisation_id, cycle_id) REFERENCES assessment_cycles (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, values_version_id) REFERENCES value_set_versions (organisation_id, id)
      )`);
    await q.query(`
      CREATE TABLE assessment_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        round_id uuid NOT NULL,
        user_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        UNIQUE (round_id, user_id),
        FOREIGN KEY (organisation_id, round_id) REFERENCES assessment_rounds (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE assessment_answers (
        organisation_id uuid NOT NULL,
        invitation_id uuid NOT NULL,
        behaviour_id uuid NOT NULL,
        level smallint CHECK (level BETWEEN 1 AND 4),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (invitation_id, behaviour_id),
        FOREIGN KEY (organisation_id, invitation_id) REFERENCES assessment_invitations (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, behaviour_id) REFERENCES value_behaviours (organisation_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE assessment_answers, assessment_invitations, assessment_rounds, assessment_cycles`,
    );
  }
}
