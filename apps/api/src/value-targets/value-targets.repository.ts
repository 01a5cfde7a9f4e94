import { Injectable } from '@nestjs/common';
import { OrganisationRepository } from '../common/organisation-repository';
import { targetHistory } from './targets-in-force';

export interface TargetChangeRow {
  target: string;
  since: Date;
  source: 'target' | 'version';
  set_by_name: string | null;
}

/** Target changes of an organisation's value keys; every statement runs in the organisation's scope. */
@Injectable()
export class ValueTargetsRepository extends OrganisationRepository {
  /** Whether the key is a value of the organisation's current published version. */
  async isCurrentKey(organisationId: string, key: string): Promise<boolean> {
    const row = await this.scope(organisationId).one(
      `SELECT 1 FROM experience_values e
        WHERE e.organisation_id = $1 AND e.key = $2
          AND e.version_id = (SELECT id FROM value_set_versions WHERE organisation_id = $1 AND status = 'published'
                               ORDER BY number DESC LIMIT 1)`,
      [key],
    );
    return Boolean(row);
  }

  /** Whether the key was ever a value of a published version (its history can be read). */
  async isKnownKey(organisationId: string, key: string): Promise<boolean> {
    const row = await this.scope(organisationId).one(
      `SELECT 1 FROM experience_values e JOIN value_set_versions v ON v.id = e.version_id
        WHERE e.organisation_id = $1 AND e.key = $2 AND v.status = 'published' LIMIT 1`,
      [key],
    );
    return Boolean(row);
  }

  async insert(
    organisationId: string,
    key: string,
    targetGrade: number,
    userId: string,
  ): Promise<TargetChangeRow> {
    const [row] = await this.scope(organisationId).rows<TargetChangeRow>(
      `INSERT INTO value_targets (organisation_id, value_key, target_grade, set_by) VALUES ($1, $2, $3, $4)
       RETURNING target_grade AS target, valid_from AS since, 'target' AS source,
                 (SELECT name FROM users WHERE id = $4) AS set_by_name`,
      [key, targetGrade, userId],
    );
    return row;
  }

  history(organisationId: string, key: string): Promise<TargetChangeRow[]> {
    return this.scope(organisationId).rows<TargetChangeRow>(
      `SELECT h.target, h.since, h.source, h.set_by_name FROM (${targetHistory('$1', '$2')}) h ORDER BY h.since DESC`,
      [key],
    );
  }
}
