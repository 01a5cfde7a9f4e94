/**
 * Rows as one array per column, in the order of `keys`: the parameters of a bulk statement
 * `SELECT … FROM unnest($n::type[], …)`, which inserts or updates many rows in one round trip.
 */
export const unnestColumns = <T>(rows: T[], keys: (keyof T)[]): unknown[][] =>
  keys.map((key) => rows.map((row) => row[key]));
