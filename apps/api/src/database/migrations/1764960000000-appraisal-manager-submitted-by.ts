import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: who submitted the manager review. Calibration groups by the person who actually
 * reviewed, not by whoever is the reviewer now (HR may reassign after the review is in).
 * Existing submitted reviews take the reviewer of today: the best that is known.
 */
export class AppraisalManagerSubmittedBy1764960000000 implements MigrationInterface {
  name = 'AppraisalManagerSubmittedBy1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appraisals
        ADD COLUMN manager_submitted_by uuid,
        ADD FOREIGN KEY (organisation_id, manager_submitted_by) REFERENCES users (organisation_id, id)
          ON DELETE SET NULL (manager_submitted_by)`);
    await q.query(
      `UPDATE appraisals SET manager_submitted_by = reviewer_id WHERE manager_submitted_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisals DROP COLUMN manager_submitted_by`);
  }
}
