/** TypeORM answers an UPDATE or DELETE ... RETURNING with `[rows, rowCount]`; this takes the rows. */
export function returnedRows<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}

/**
 * True for rows of an active organisation: a suspended organisation's credentials (API keys, SCIM
 * tokens) stop working and it sends no webhooks; all come back when it is resumed.
 */
export const ORGANISATION_ACTIVE = `EXISTS (SELECT 1 FROM organisations o WHERE o.id = organisation_id AND o.status = 'active')`;
