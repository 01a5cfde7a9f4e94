import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports as worker jobs: the upload waits here (the queue payload is the id only), the worker
 * applies it in one transaction and reports progress on the row. The file is dropped once the job
 * ends; the result (per-row outcome) stays for the page that polls it.
 * Also: the outbox pages on (created_at, id), so rows with one timestamp are neither skipped nor repeated.
 */
export class ImportJobs1764650000000 implements MigrationInterface {
  name = 'ImportJobs1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('employees', 'teams')),
        file bytea,
        invite boolean NOT NULL DEFAULT false,
        -- the starter's right to grant or remove the admin role, as checked by the preview
        as_admin boolean NOT NULL DEFAULT false,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress_done int NOT NULL DEFAULT 0,
        progress_total int NOT NULL,
        result jsonb,
        error text,
        -- invitations stored by the committed import, queued for delivery after the commit
        outbox_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX import_jobs_org ON import_jobs (organisation_id, created_at DESC)`);
    await q.query(`DROP INDEX outbox_org_created`);
    await q.query(
      `CREATE INDEX outbox_org_created ON outbox_messages (organisation_id, created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_org_created`);
    await q.query(`CREATE INDEX outbox_org_created ON outbox_messages (organisation_id, created_at DESC)`);
    await q.query(`DROP TABLE import_jobs`);
  }
}
