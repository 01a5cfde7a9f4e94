import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers stay unlinkable (docs/anonymity.md, "Klanten"): an answer's time is kept to the day
 * (in the organisation's time zone), an invitation only says whether it was opened or answered (no
 * time to join on), and an API idempotency key is kept as a keyed hash, never as the CRM's own key.
 *
 * Targets without republishing: a value's target per organisation, with history (valid_from), so a
 * past period's status keeps the target that was in force then.
 */
export class AnonymityCustomers1764910000000 implements MigrationInterface {
  name = 'AnonymityCustomers1764910000000';

  async up(q: QueryRunner): Promise<void> {
    // Which months the rollup refresh must recompute: answers no longer carry the time to tell.
    await q.query(`
      CREATE TABLE kpi_customer_dirty (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        month date NOT NULL,
        PRIMARY KEY (organisation_id, month)
      )`);
    await q.query(`
      INSERT INTO kpi_customer_dirty (organisation_id, month)
      SELECT DISTINCT r.organisation_id, date_trunc('month', r.submitted_at AT TIME ZONE o.time_zone)::date
        FROM survey_responses r JOIN organisations o ON o.id = r.organisation_id
        LEFT JOIN kpi_state s ON s.organisation_id = r.organisation_id
       WHERE r.submitted_at >= coalesce(s.customer_refreshed_at - interval '1 minute', '-infinity')`);
    await q.query(`
      UPDATE survey_responses r
         SET submitted_at = date_trunc('day', r.submitted_at AT TIME ZONE o.time_zone) AT TIME ZONE o.time_zone
        FROM organisations o WHERE o.id = r.organisation_id`);
    // A trigger marks every changed month (also rows written by hand or deleted), once per statement.
    await q.query(`
      CREATE FUNCTION mark_customer_months_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO kpi_customer_dirty (organisation_id, month)
          SELECT DISTINCT c.organisation_id, date_trunc('month', c.submitted_at AT TIME ZONE o.time_zone)::date
            FROM changed_new c JOIN organisations o ON o.id = c.organisation_id
          ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO kpi_customer_dirty (organisation_id, month)
          SELECT DISTINCT c.organisation_id, date_trunc('month', c.submitted_at AT TIME ZONE o.time_zone)::date
            FROM changed_old c JOIN organisations o ON o.id = c.organisation_id
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER survey_responses_dirty_insert AFTER INSERT ON survey_responses
        REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION mark_customer_months_dirty()`);
    await q.query(`
      CREATE TRIGGER survey_responses_dirty_update AFTER UPDATE ON survey_responses
        REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old
        FOR EACH STATEMENT EXECUTE FUNCTION mark_customer_months_dirty()`);
    await q.query(`
      CREATE TRIGGER survey_responses_dirty_delete AFTER DELETE ON survey_responses
        REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION mark_customer_months_dirty()`);
    await q.query(`
      ALTER TABLE survey_invitations
        ADD COLUMN opened boolean NOT NULL DEFAULT false,
        ADD COLUMN answered boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE survey_invitations SET opened = opened_at IS NOT NULL, answered = answered_at IS NOT NULL`,
    );
    await q.query(`ALTER TABLE survey_invitations DROP COLUMN opened_at, DROP COLUMN answered_at`);
    // The replay outcome stays; the CRM's key does not (its HMAC cannot be computed back).
    await q.query(`DELETE FROM api_idempotency_keys`);
    await q.query(`ALTER TABLE api_idempotency_keys RENAME COLUMN key TO key_hash`);
    await q.query(`ALTER TABLE api_idempotency_keys ALTER COLUMN key_hash TYPE char(64)`);

    await q.query(`
      CREATE TABLE value_targets (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        value_key varchar(60) NOT NULL,
        target_grade numeric(3, 1) NOT NULL CHECK (target_grade BETWEEN 1 AND 10),
        valid_from timestamptz NOT NULL DEFAULT clock_timestamp(),
        set_by uuid REFERENCES users(id) ON DELETE SET NULL,
        PRIMARY KEY (organisation_id, value_key, valid_from)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE value_targets`);
    for (const op of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER survey_responses_dirty_${op} ON survey_responses`);
    await q.query(`DROP FUNCTION mark_customer_months_dirty()`);
    await q.query(`DROP TABLE kpi_customer_dirty`);
    await q.query(`DELETE FROM api_idempotency_keys`);
    await q.query(`ALTER TABLE api_idempotency_keys ALTER COLUMN key_hash TYPE varchar(200)`);
    await q.query(`ALTER TABLE api_idempotency_keys RENAME COLUMN key_hash TO key`);
    await q.query(`
      ALTER TABLE survey_invitations
        ADD COLUMN opened_at timestamptz,
        ADD COLUMN answered_at timestamptz`);
    await q.query(`
      UPDATE survey_invitations SET opened_at = CASE WHEN opened THEN created_at END,
                                    answered_at = CASE WHEN answered THEN created_at END`);
    await q.query(`ALTER TABLE survey_invitations DROP COLUMN opened, DROP COLUMN answered`);
  }
}
