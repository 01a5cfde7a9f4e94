import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PyramidLevel } from '@wk/domain';
import type { KpiValueInfo } from '@wk/contracts';
import { OrganisationScope } from '../common/organisation-scope';
import { targetAtSql, targetsAtPeriodEnds, type PeriodEnd } from '../value-targets/targets-in-force';

interface ValueRow {
  key: string;
  name: string;
  name_en: string;
  level: PyramidLevel;
  target: string;
  retired: boolean;
}

const toValueInfo = (r: ValueRow): KpiValueInfo => ({
  key: r.key,
  name: r.name,
  nameEn: r.name_en,
  level: r.level,
  target: Number(r.target),
  ...(r.retired ? { retired: true } : {}),
});

/**
 * The values a report shows and their targets (the values and value-targets modules own the
 * tables; this is how reports read them). Every statement runs in one organisation's scope.
 */
@Injectable()
export class KpiValuesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The current version's values; with a window also each value retired by a newer version that
   * has answers in it (after the current ones, as named in its last version), so history stays.
   */
  async values(
    organisationId: string,
    valueKey?: string,
    window?: { first: string; afterLast: string },
  ): Promise<KpiValueInfo[]> {
    const rows = await new OrganisationScope(this.db, organisationId).rows<ValueRow>(
      `WITH cur AS (SELECT id FROM value_set_versions WHERE organisation_id = $1 AND status = 'published'
                     ORDER BY number DESC LIMIT 1),
            shown AS (
              SELECT e.key, e.name_nl, e.name_en, e.level, e.position, false AS retired
                FROM experience_values e WHERE e.version_id = (SELECT id FROM cur)
              UNION ALL
              SELECT * FROM (
                SELECT DISTINCT ON (e.key) e.key, e.name_nl, e.name_en, e.level, e.position, true
                  FROM experience_values e JOIN value_set_versions v ON v.id = e.version_id
                 WHERE v.organisation_id = $1 AND v.status = 'published' AND $3::date IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM experience_values c WHERE c.version_id = (SELECT id FROM cur) AND c.key = e.key)
                   AND (EXISTS (SELECT 1 FROM kpi_customer_org k WHERE k.organisation_id = $1 AND k.metric = e.key
                                  AND k.month >= $3::date AND k.month < $4::date)
                        OR EXISTS (SELECT 1 FROM kpi_self k WHERE k.organisation_id = $1 AND k.value_key = e.key
                                     AND k.month >= $3::date AND k.month < $4::date))
                 ORDER BY e.key, v.number DESC) r
            )
       SELECT s.key, s.name_nl AS name, s.name_en, s.level, s.retired,
              ${targetAtSql('$1', 's.key', 'now()')} AS target
         FROM shown s WHERE ($2::text IS NULL OR s.key = $2)
        ORDER BY s.retired, s.position, s.key`,
      [valueKey ?? null, window?.first ?? null, window?.afterLast ?? null],
    );
    return rows.map(toValueInfo);
  }

  /** The target in force at the end of each period (`period|key` → target; the value-targets module's rule). */
  targetsAtPeriodEnds(
    organisationId: string,
    keys: string[],
    periods: PeriodEnd[],
  ): Promise<Map<string, number>> {
    return targetsAtPeriodEnds(this.db.manager, organisationId, keys, periods);
  }
}
