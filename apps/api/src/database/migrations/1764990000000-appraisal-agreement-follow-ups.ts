import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 item 4: last year's agreements with their follow-up. The new appraisal records per
 * agreement of the employee's previous appraisal whether it was achieved, keyed by
 * (appraisal, agreement), so the signed previous appraisal itself never changes.
 */
export class AppraisalAgreementFollowUps1764990000000 implements MigrationInterface {
  name = 'AppraisalAgreementFollowUps1764990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appraisal_agreement_follow_ups (
        organisation_id uuid NOT NULL,
        appraisal_id uuid NOT NULL,
        agreement_id uuid NOT NULL REFERENCES appraisal_agreements (id) ON DELETE CASCADE,
        status varchar(20) NOT NULL
          CHECK (status IN ('achieved', 'partly', 'not_achieved', 'no_longer_relevant')),
        note varchar(500) NOT NULL DEFAULT '',
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (appraisal_id, agreement_id),
        FOREIGN KEY (organisation_id, appraisal_id) REFERENCES appraisals (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, updated_by) REFERENCES users (organisation_id, id)
          ON DELETE SET NULL (updated_by)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE appraisal_agreement_follow_ups`);
  }
}
