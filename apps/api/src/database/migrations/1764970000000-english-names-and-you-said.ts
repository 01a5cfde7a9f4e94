import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 (item 10, item 4): an optional English name for segments, journeys and touchpoints
 * (null falls back to the Dutch name, see libs/domain localized), and the "you said, we did" line
 * of a survey wave in both survey languages (null: no line).
 */
export class EnglishNamesAndYouSaid1764970000000 implements MigrationInterface {
  name = 'EnglishNamesAndYouSaid1764970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_segments ADD COLUMN name_en varchar(80)`);
    await q.query(`ALTER TABLE customer_journeys ADD COLUMN name_en varchar(120)`);
    await q.query(`ALTER TABLE journey_touchpoints ADD COLUMN name_en varchar(120)`);
    await q.query(`
      ALTER TABLE survey_waves
        ADD COLUMN you_said_nl varchar(300),
        ADD COLUMN you_said_en varchar(300)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey_waves DROP COLUMN you_said_nl, DROP COLUMN you_said_en`);
    await q.query(`ALTER TABLE journey_touchpoints DROP COLUMN name_en`);
    await q.query(`ALTER TABLE customer_journeys DROP COLUMN name_en`);
    await q.query(`ALTER TABLE customer_segments DROP COLUMN name_en`);
  }
}
