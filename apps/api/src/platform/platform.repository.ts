import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganisationStatus, OrganisationUsage, SetupChecklist } from '@wk/contracts';

/** How far apart api processes may start and still each have a valid setup token. */
const SETUP_START_WINDOW = '2 minutes';

interface UsageRow {
  id: string;
  name: string;
  slug: string;
  status: OrganisationStatus;
  is_demo: boolean;
  created_at: Date;
  active: number;
  invited: number;
  deactivated: number;
  admins: number;
  teams: number;
  cycles: number;
  surveys: number;
  rounds_30: number;
  responses_30: number;
  mails_30: number;
  last_sign_in_at: Date | null;
}

/**
 * The platform's SQL across organisations: usage counts (never content), status, deletion and the
 * first-run setup token. It reads other modules' tables only to count rows.
 */
@Injectable()
export class PlatformRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async usage(organisationId?: string): Promise<OrganisationUsage[]> {
    const rows: UsageRow[] = await this.db.query(
      `SELECT o.id, o.name, o.slug, o.status, o.is_demo, o.created_at,
              (SELECT count(*) FROM users u WHERE u.organisation_id = o.id AND u.status = 'active')::int AS active,
              (SELECT count(*) FROM users u WHERE u.organisation_id = o.id AND u.status = 'invited')::int AS invited,
              (SELECT count(*) FROM users u WHERE u.organisation_id = o.id AND u.status = 'deactivated')::int AS deactivated,
              (SELECT count(*) FROM users u WHERE u.organisation_id = o.id AND u.role = 'admin' AND u.status <> 'deactivated')::int AS admins,
              (SELECT count(*) FROM teams t WHERE t.organisation_id = o.id)::int AS teams,
              (SELECT count(*) FROM assessment_cycles c WHERE c.organisation_id = o.id AND c.status <> 'archived')::int AS cycles,
              (SELECT count(*) FROM surveys s WHERE s.organisation_id = o.id)::int AS surveys,
              (SELECT count(*) FROM assessment_rounds r WHERE r.organisation_id = o.id AND r.opens_at > now() - interval '30 days')::int AS rounds_30,
              (SELECT count(*) FROM survey_responses sr WHERE sr.organisation_id = o.id AND sr.submitted_at > now() - interval '30 days')::int AS responses_30,
              (SELECT count(*) FROM outbox_messages m WHERE m.organisation_id = o.id AND m.created_at > now() - interval '30 days')::int AS mails_30,
              (SELECT max(u.last_login_at) FROM users u WHERE u.organisation_id = o.id) AS last_sign_in_at
         FROM organisations o
        WHERE $1::uuid IS NULL OR o.id = $1
        ORDER BY o.name, o.id`,
      [organisationId ?? null],
    );
    return rows.map(toUsage);
  }

  async slugTaken(slug: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM organisations WHERE slug = $1`, [slug]);
    return rows.length > 0;
  }

  async setStatus(id: string, status: OrganisationStatus): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(
      `UPDATE organisations SET status = $2, updated_at = now() WHERE id = $1`,
      [id, status],
    );
    return affected > 0;
  }

  /** The schedules (cycles, surveys) an organisation has, to take them out of the queues. */
  async scheduleIds(id: string): Promise<{ cycles: string[]; surveys: string[] }> {
    const cycles: { id: string }[] = await this.db.query(
      `SELECT id FROM assessment_cycles WHERE organisation_id = $1`,
      [id],
    );
    const surveys: { id: string }[] = await this.db.query(
      `SELECT id FROM surveys WHERE organisation_id = $1`,
      [id],
    );
    return { cycles: cycles.map((r) => r.id), surveys: surveys.map((r) => r.id) };
  }

  /** Every row of the organisation goes: the foreign keys cascade from `organisations`. */
  async delete(id: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(`DELETE FROM organisations WHERE id = $1`, [
      id,
    ]);
    return affected > 0;
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Holds the setup lock until the transaction ends: setups run one at a time. */
  async lockSetup(manager: EntityManager, lockId: number): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [lockId]);
  }

  async organisationCount(manager: EntityManager = this.db.manager): Promise<number> {
    const [{ n }]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM organisations`);
    return n;
  }

  /**
   * Adds this start's setup token. Tokens of processes started within SETUP_START_WINDOW of each
   * other (replicas on an empty database) all stay valid; older ones are revoked.
   */
  async storeSetupToken(tokenHash: string): Promise<void> {
    await this.db.query(
      `WITH revoked AS (DELETE FROM platform_setup_tokens WHERE created_at < now() - $2::interval)
       INSERT INTO platform_setup_tokens (token_hash) VALUES ($1)`,
      [tokenHash, SETUP_START_WINDOW],
    );
  }

  /** Spends the setup tokens when this one is among them (in the transaction that creates the organisation). */
  async claimSetupToken(manager: EntityManager, tokenHash: string): Promise<boolean> {
    const [{ valid }]: { valid: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM platform_setup_tokens WHERE token_hash = $1) AS valid`,
      [tokenHash],
    );
    if (valid) await manager.query(`DELETE FROM platform_setup_tokens`);
    return valid;
  }

  async checklist(organisationId: string): Promise<SetupChecklist> {
    const [row]: SetupChecklist[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM value_set_versions v WHERE v.organisation_id = $1 AND v.status = 'published') AS values,
              (SELECT count(*) FROM users u WHERE u.organisation_id = $1) > 1 AS people,
              EXISTS (SELECT 1 FROM assessment_cycles c WHERE c.organisation_id = $1) AS cycle,
              EXISTS (SELECT 1 FROM surveys s WHERE s.organisation_id = $1) AS survey`,
      [organisationId],
    );
    return row;
  }
}

const toUsage = (r: UsageRow): OrganisationUsage => ({
  id: r.id,
  name: r.name,
  slug: r.slug,
  status: r.status,
  isDemo: r.is_demo,
  createdAt: r.created_at.toISOString(),
  people: { active: r.active, invited: r.invited, deactivated: r.deactivated },
  admins: r.admins,
  teams: r.teams,
  cycles: r.cycles,
  surveys: r.surveys,
  roundsLast30Days: r.rounds_30,
  responsesLast30Days: r.responses_30,
  mailsLast30Days: r.mails_30,
  lastSignInAt: r.last_sign_in_at?.toISOString() ?? null,
});
