import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI rollups: additive summary statistics (n, sum, sum of squares, top-box counts) per round or
 * month and per team / segment / journey / touchpoint, so that every mean, interval, share and
 * Welch test of the dashboard is computed from a few small rows, never from raw answers.
 * `00000000-0000-0000-0000-000000000000` stands for "none" in key columns (primary keys refuse null).
 */
export class Insights1764288000000 implements MigrationInterface {
  name = 'Insights1764288000000';

  async up(q: QueryRunner): Promise<void> {
    // The team an invitation was for, frozen at invitation time: history stays put when people move.
    await q.query(`ALTER TABLE assessment_invitations ADD COLUMN team_id uuid`);
    await q.query(
      `UPDATE assessment_invitations i SET team_id = u.team_id FROM users u WHERE u.id = i.user_id`,
    );
    await q.query(`
      CREATE TABLE kpi_self (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
        month date NOT NULL,
        team_id uuid NOT NULL,
        value_key varchar(60) NOT NULL,
        -- per respondent: the mean of its behaviour levels, and its shares at 3-4 and at 4
        n int NOT NULL,
        sum double precision NOT NULL,
        sumsq double precision NOT NULL,
        good double precision NOT NULL,
        role double precision NOT NULL,
        PRIMARY KEY (round_id, team_id, value_key)
      )`);
    await q.query(`CREATE INDEX kpi_self_month ON kpi_self (organisation_id, month)`);
    await q.query(`
      CREATE TABLE kpi_participation (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
        month date NOT NULL,
        team_id uuid NOT NULL,
        invited int NOT NULL,
        completed int NOT NULL,
        PRIMARY KEY (round_id, team_id)
      )`);
    await q.query(`CREATE INDEX kpi_participation_month ON kpi_participation (organisation_id, month)`);
    await q.query(`
      CREATE TABLE kpi_behaviours (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
        month date NOT NULL,
        team_id uuid NOT NULL,
        value_key varchar(60) NOT NULL,
        behaviour_key varchar(60) NOT NULL,
        l1 int NOT NULL,
        l2 int NOT NULL,
        l3 int NOT NULL,
        l4 int NOT NULL,
        na int NOT NULL,
        PRIMARY KEY (round_id, team_id, behaviour_key)
      )`);
    await q.query(`CREATE INDEX kpi_behaviours_month ON kpi_behaviours (organisation_id, month)`);
    await q.query(`
      CREATE TABLE kpi_customer (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        month date NOT NULL,
        survey_id uuid NOT NULL,
        team_id uuid NOT NULL,
        segment_id uuid NOT NULL,
        journey_id uuid NOT NULL,
        touchpoint_id uuid NOT NULL,
        -- a value's key, or _overall (overall grade) or _nps (0-10)
        metric varchar(60) NOT NULL,
        n int NOT NULL,
        dont_know int NOT NULL,
        sum double precision NOT NULL,
        sumsq double precision NOT NULL,
        ge8 int NOT NULL,
        ge9 int NOT NULL,
        le6 int NOT NULL,
        PRIMARY KEY (organisation_id, month, survey_id, team_id, segment_id, journey_id, touchpoint_id, metric)
      )`);
    await q.query(
      // submitted_at first: with organisation_id leading, a planner without statistics picks this
      // index for the grades' foreign-key check and scans every response (measured by the bench).
      `CREATE INDEX survey_responses_submitted ON survey_responses (submitted_at, organisation_id)`,
    );
    await q.query(`
      CREATE TABLE kpi_state (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        -- responses submitted before this moment are in kpi_customer
        customer_refreshed_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kpi_state, kpi_customer, kpi_behaviours, kpi_participation, kpi_self`);
    await q.query(`DROP INDEX survey_responses_submitted`);
    await q.query(`ALTER TABLE assessment_invitations DROP COLUMN team_id`);
  }
}
