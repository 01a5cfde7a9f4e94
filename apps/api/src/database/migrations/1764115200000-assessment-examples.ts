import { MigrationInterface, QueryRunner } from 'typeorm';

/** The optional example an employee gives per value in a self-assessment ("last week I ..."). */
export class AssessmentExamples1764115200000 implements MigrationInterface {
  name = 'AssessmentExamples1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_examples (
        organisation_id uuid NOT NULL,
        invitation_id uuid NOT NULL,
        value_id uuid NOT NULL,
        text varchar(1000) NOT NULL CHECK (btrim(text) <> ''),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (invitation_id, value_id),
        FOREIGN KEY (organisation_id, invitation_id) REFERENCES assessment_invitations (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, value_id) REFERENCES experience_values (organisation_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_examples`);
  }
}
