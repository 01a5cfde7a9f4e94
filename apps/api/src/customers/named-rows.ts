import type { OrganisationScope } from '../common/organisation-scope';

/** The customer tables whose rows have a name unique per organisation in any letter case. */
type NamedTable = 'customer_segments' | 'customer_journeys';

/** Locks the row for the scope's transaction; false when the organisation has no such row. */
export async function lockRow(scope: OrganisationScope, table: NamedTable, id: string): Promise<boolean> {
  const row = await scope.one(`SELECT id FROM ${table} WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [
    id,
  ]);
  return row !== undefined;
}

/** Whether another row (not `exceptId`) of the table has this name, trimmed, in any letter case. */
export async function nameTaken(
  scope: OrganisationScope,
  table: NamedTable,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const row = await scope.one<{ taken: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${table} WHERE organisation_id = $1
       AND lower(btrim(name)) = lower(btrim($2)) AND id IS DISTINCT FROM $3::uuid) AS taken`,
    [name, exceptId ?? null],
  );
  return row!.taken;
}
