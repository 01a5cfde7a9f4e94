import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 17: customer aggregates below this many answers are shown as provisional, not as a verdict. */
export class ReliabilityMinimum1764940000000 implements MigrationInterface {
  name = 'ReliabilityMinimum1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations
        ADD COLUMN reliability_minimum int NOT NULL DEFAULT 30
          CHECK (reliability_minimum BETWEEN 5 AND 1000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP COLUMN reliability_minimum`);
  }
}
