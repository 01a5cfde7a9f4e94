/** TypeORM answers an UPDATE or DELETE ... RETURNING with `[rows, rowCount]`; this takes the rows. */
export function returnedRows<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}
