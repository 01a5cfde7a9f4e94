import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The kinds of row a job payload names by id: the table that says whose row it is, and what an
 * admin recognises it by (a round by its cycle, a wave by its survey).
 */
export const JOB_SUBJECT_TABLES = {
  outboxId: { table: 'outbox_messages', label: 'subject' },
  roundId: {
    table: 'assessment_rounds',
    label: '(SELECT c.name FROM assessment_cycles c WHERE c.id = cycle_id)',
  },
  cycleId: { table: 'assessment_cycles', label: 'name' },
  waveId: { table: 'survey_waves', label: '(SELECT s.name FROM surveys s WHERE s.id = survey_id)' },
  surveyId: { table: 'surveys', label: 'name' },
  importJobId: { table: 'import_jobs', label: 'kind' },
  deliveryId: {
    table: 'webhook_deliveries',
    label: '(SELECT e.type FROM webhook_events e WHERE e.id = event_id)',
  },
} as const;

export type JobSubjectKey = keyof typeof JOB_SUBJECT_TABLES;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Read-only: which of the ids that jobs carry belong to one organisation. Jobs hold ids only (never
 * an organisation), so this is how an admin's job list is cut to its own organisation.
 */
@Injectable()
export class JobOwnersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The ids the organisation owns, each with its label. */
  async ownedBy(organisationId: string, ids: Map<JobSubjectKey, Set<string>>): Promise<Map<string, string>> {
    const owned = new Map<string, string>();
    for (const [key, set] of ids) {
      const candidates = [...set].filter((id) => UUID.test(id));
      if (candidates.length === 0) continue;
      const { table, label } = JOB_SUBJECT_TABLES[key];
      const rows: { id: string; label: string | null }[] = await this.db.query(
        `SELECT id, ${label} AS label FROM ${table} WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
        [organisationId, candidates],
      );
      for (const row of rows) owned.set(row.id, row.label ?? '');
    }
    return owned;
  }
}
