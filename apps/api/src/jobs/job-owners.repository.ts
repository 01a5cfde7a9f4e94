import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The kinds of row a job payload names by id, and the table that says whose row it is. */
export const JOB_SUBJECT_TABLES = {
  outboxId: 'outbox_messages',
  roundId: 'assessment_rounds',
  cycleId: 'assessment_cycles',
  waveId: 'survey_waves',
  surveyId: 'surveys',
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

  async ownedBy(organisationId: string, ids: Map<JobSubjectKey, Set<string>>): Promise<Set<string>> {
    const owned = new Set<string>();
    for (const [key, set] of ids) {
      const candidates = [...set].filter((id) => UUID.test(id));
      if (candidates.length === 0) continue;
      const rows: { id: string }[] = await this.db.query(
        `SELECT id FROM ${JOB_SUBJECT_TABLES[key]} WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
        [organisationId, candidates],
      );
      for (const row of rows) owned.add(row.id);
    }
    return owned;
  }
}
