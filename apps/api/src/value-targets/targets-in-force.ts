import { EntityManager } from 'typeorm';
import { OrganisationScope } from '../common/organisation-scope';

/** A value key's target in force at a moment (numeric: pg answers a string), null without any. */
interface TargetAtRow {
  key: string;
  target: string | null;
}

/*
 * The targets in force: the value-targets module's public SQL, used by values (current targets) and
 * insights (statuses per period). The module's repository stays private to it.
 */

/**
 * Every target a value key has had in an organisation, with the moment it came in force: each
 * published version's own target (from its publication) and each change on its own (value_targets).
 * `$org` and `$key` are SQL expressions.
 */
export const targetHistory = (org: string, key: string) => `
  SELECT t.target_grade AS target, t.valid_from AS since, 'target' AS source, u.name AS set_by_name
    FROM value_targets t LEFT JOIN users u ON u.id = t.set_by
   WHERE t.organisation_id = ${org} AND t.value_key = ${key}
  UNION ALL
  SELECT e.target_grade, v.published_at, 'version', NULL
    FROM experience_values e JOIN value_set_versions v ON v.id = e.version_id
   WHERE v.organisation_id = ${org} AND v.status = 'published' AND e.key = ${key}`;

/**
 * The target in force at `at` (SQL expressions): the latest that came in force at or before it;
 * before the first, the first one. The one rule for statuses, webhooks and the current target.
 */
export const targetAtSql = (org: string, key: string, at: string) => `(
  SELECT h.target FROM (${targetHistory(org, key)}) h
   ORDER BY (h.since <= ${at}) DESC, CASE WHEN h.since <= ${at} THEN h.since END DESC NULLS LAST, h.since
   LIMIT 1)`;

/** A reporting period's key and end: a date (the first day after a month/quarter) or an ISO timestamp. */
export interface PeriodEnd {
  key: string;
  end: string;
}

/**
 * The target in force at the end of each period, per value key (`period|key` → target). A date
 * ends at midnight in the organisation's time zone; a period still running uses today's target.
 */
export async function targetsAtPeriodEnds(
  m: EntityManager,
  organisationId: string,
  keys: string[],
  periods: PeriodEnd[],
): Promise<Map<string, number>> {
  if (!keys.length || !periods.length) return new Map();
  const rows = await new OrganisationScope(m, organisationId).rows<TargetAtRow & { period: string }>(
    `WITH org AS (SELECT id, time_zone FROM organisations WHERE id = $1),
          ends AS (
            SELECT p.period, least(now(), CASE WHEN p.end_text ~ '^\\d{4}-\\d{2}-\\d{2}$'
                                          THEN p.end_text::date::timestamp AT TIME ZONE org.time_zone
                                          ELSE p.end_text::timestamptz END - interval '1 microsecond') AS at
              FROM unnest($2::text[], $3::text[]) AS p(period, end_text), org)
     SELECT ends.period, k.key, ${targetAtSql('$1', 'k.key', 'ends.at')} AS target
       FROM ends CROSS JOIN unnest($4::text[]) AS k(key)`,
    [periods.map((p) => p.key), periods.map((p) => p.end), keys],
  );
  return new Map(
    rows.filter((r) => r.target !== null).map((r) => [`${r.period}|${r.key}`, Number(r.target)]),
  );
}

/** The targets in force now, per value key. */
export async function targetsNow(
  m: EntityManager,
  organisationId: string,
  keys: string[],
): Promise<Map<string, number>> {
  if (!keys.length) return new Map();
  const rows = await new OrganisationScope(m, organisationId).rows<TargetAtRow>(
    `SELECT k.key, ${targetAtSql('$1', 'k.key', 'now()')} AS target FROM unnest($2::text[]) AS k(key)`,
    [keys],
  );
  return new Map(rows.filter((r) => r.target !== null).map((r) => [r.key, Number(r.target)]));
}
