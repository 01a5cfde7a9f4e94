import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks. An event row is written in the same transaction as the change it reports
 * (an outbox), with one delivery row per subscribed endpoint; the worker sends each delivery and
 * the row, not the job, says whether it went. The signing secret is stored AES-256-GCM encrypted
 * (it must be readable to sign), under a key derived from SESSION_SECRET.
 */
export class Webhooks1764820000000 implements MigrationInterface {
  name = 'Webhooks1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) <= 2000),
        description varchar(200) NOT NULL DEFAULT '',
        event_types text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        -- iv (12) | tag (16) | ciphertext, AES-256-GCM with the endpoint id as associated data
        secret_encrypted bytea NOT NULL,
        secret_rotated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id)
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_org ON webhook_endpoints (organisation_id, created_at)`);
    await q.query(`
      CREATE TABLE webhook_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        type varchar(64) NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id)
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        endpoint_id uuid NOT NULL,
        event_id uuid NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        -- a manual redelivery starts a new round (and a new job id); a job of an older round does nothing
        round int NOT NULL DEFAULT 0,
        attempts int NOT NULL DEFAULT 0,
        response_status int,
        duration_ms int,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        FOREIGN KEY (organisation_id, endpoint_id) REFERENCES webhook_endpoints (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, event_id) REFERENCES webhook_events (organisation_id, id) ON DELETE CASCADE,
        UNIQUE (endpoint_id, event_id)
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id)`);
    await q.query(
      `CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (created_at) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries, webhook_events, webhook_endpoints`);
  }
}
