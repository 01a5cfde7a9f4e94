import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one open round per cycle (issue 12): "open now" twice, or a firing while a round is
 * open, must not open overlapping rounds. A partial unique index makes the check race-proof.
 * Rounds past their closing time are marked closed first; of rounds still open together, only the
 * newest stays open (the others close now, as the close job would have).
 */
export class OneOpenRound1764720000000 implements MigrationInterface {
  name = 'OneOpenRound1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE assessment_rounds SET closed_at = closes_at WHERE closed_at IS NULL AND closes_at <= now()`,
    );
    await q.query(`
      UPDATE assessment_rounds r SET closed_at = now()
       WHERE r.closed_at IS NULL AND EXISTS (
         SELECT 1 FROM assessment_rounds n
          WHERE n.cycle_id = r.cycle_id AND n.closed_at IS NULL AND (n.opens_at, n.id) > (r.opens_at, r.id))`);
    await q.query(
      `CREATE UNIQUE INDEX assessment_rounds_one_open ON assessment_rounds (cycle_id) WHERE closed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assessment_rounds_one_open`);
  }
}
