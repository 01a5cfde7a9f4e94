import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appraisal cycles and one appraisal per person per cycle: both reviews (ratings per behaviour of
 * the pinned values version, a comment per value, open answers), the conversation with its
 * agreements, signatures, the rounds the employee shares, and an audit trail of HR's actions.
 * Unique (cycle, employee) makes opening a cycle twice harmless. References to the values cascade
 * (published versions are never deleted, only with their organisation: see the delete-paths migration).
 */
export class Appraisals1764920000000 implements MigrationInterface {
  name = 'Appraisals1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appraisal_cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name varchar(120) NOT NULL CHECK (btrim(name) <> ''),
        period_start date NOT NULL,
        period_end date NOT NULL,
        team_ids uuid[] NOT NULL DEFAULT '{}',
        values_version_id uuid NOT NULL,
        self_review_due date NOT NULL,
        manager_review_due date NOT NULL,
        conversation_due date NOT NULL,
        sign_off_due date NOT NULL,
        questions jsonb NOT NULL DEFAULT '[]',
        agreements_section boolean NOT NULL DEFAULT true,
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
        opened_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        CHECK (period_end >= period_start),
        CHECK (self_review_due <= manager_review_due AND manager_review_due <= conversation_due
               AND conversation_due <= sign_off_due),
        FOREIGN KEY (organisation_id, values_version_id) REFERENCES value_set_versions (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE appraisals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        employee_id uuid NOT NULL,
        reviewer_id uuid,
        team_id uuid,
        stage varchar(16) NOT NULL DEFAULT 'not_started'
          CHECK (stage IN ('not_started', 'self_review', 'manager_review', 'conversation', 'signed', 'closed')),
        self_submitted_at timestamptz,
        manager_submitted_at timestamptz,
        released_at timestamptz,
        meeting_date date,
        shared_notes text NOT NULL DEFAULT '',
        employee_signed_at timestamptz,
        reviewer_signed_at timestamptz,
        signed_reviewer_id uuid,
        employee_remark text NOT NULL DEFAULT '',
        employee_disagrees boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        UNIQUE (cycle_id, employee_id),
        CHECK (reviewer_id IS DISTINCT FROM employee_id),
        FOREIGN KEY (organisation_id, cycle_id) REFERENCES appraisal_cycles (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, employee_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, reviewer_id) REFERENCES users (organisation_id, id) ON DELETE SET NULL (reviewer_id),
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE SET NULL (team_id)
      )`);
    await q.query(`CREATE INDEX appraisals_reviewer ON appraisals (organisation_id, reviewer_id)`);
    await q.query(`CREATE INDEX appraisals_employee ON appraisals (organisation_id, employee_id)`);
    await q.query(`
      CREATE TABLE appraisal_reviews (
        organisation_id uuid NOT NULL,
        appraisal_id uuid NOT NULL,
        author varchar(8) NOT NULL CHECK (author IN ('self', 'manager')),
        comments jsonb NOT NULL DEFAULT '{}',
        answers jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (appraisal_id, author),
        FOREIGN KEY (organisation_id, appraisal_id) REFERENCES appraisals (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE appraisal_ratings (
        organisation_id uuid NOT NULL,
        appraisal_id uuid NOT NULL,
        author varchar(8) NOT NULL CHECK (author IN ('self', 'manager')),
        behaviour_id uuid NOT NULL,
        level smallint CHECK (level BETWEEN 1 AND 4),
        PRIMARY KEY (appraisal_id, author, behaviour_id),
        FOREIGN KEY (organisation_id, appraisal_id) REFERENCES appraisals (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, behaviour_id) REFERENCES value_behaviours (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE appraisal_agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        appraisal_id uuid NOT NULL,
        value_id uuid,
        position int NOT NULL,
        what varchar(1000) NOT NULL CHECK (btrim(what) <> ''),
        support varchar(1000) NOT NULL DEFAULT '',
        due_date date,
        UNIQUE (appraisal_id, position),
        FOREIGN KEY (organisation_id, appraisal_id) REFERENCES appraisals (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, value_id) REFERENCES experience_values (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE appraisal_shared_rounds (
        organisation_id uuid NOT NULL,
        appraisal_id uuid NOT NULL,
        round_id uuid NOT NULL,
        shared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (appraisal_id, round_id),
        FOREIGN KEY (organisation_id, appraisal_id) REFERENCES appraisals (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, round_id) REFERENCES assessment_rounds (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE appraisal_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        appraisal_id uuid NOT NULL,
        actor_id uuid,
        kind varchar(16) NOT NULL CHECK (kind IN ('reopen', 'release', 'reassign')),
        reason text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organisation_id, appraisal_id) REFERENCES appraisals (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, actor_id) REFERENCES users (organisation_id, id) ON DELETE SET NULL (actor_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE appraisal_events, appraisal_shared_rounds, appraisal_agreements, appraisal_ratings,
                  appraisal_reviews, appraisals, appraisal_cycles`,
    );
  }
}
