import type { DataSource, EntityManager } from 'typeorm';

/**
 * Statements of one organisation: `$1` is always the organisation's id, passed here once, so a
 * repository cannot forget the filter's parameter. A statement that does not use `$1` is a bug
 * (it would read every organisation) and throws before it reaches the database.
 */
export class OrganisationScope {
  constructor(
    private readonly db: DataSource | EntityManager,
    readonly organisationId: string,
  ) {}

  /** The rows of a SELECT (or of an INSERT/UPDATE ... RETURNING through `returning`). */
  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.query(scoped(sql), [this.organisationId, ...params]);
  }

  /** The first row, or undefined. */
  async one<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const [row] = await this.rows<T>(sql, params);
    return row;
  }

  /** The rows an UPDATE/DELETE ... RETURNING touched (TypeORM answers those with [rows, count]). */
  async returning<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result: unknown = await this.db.query(scoped(sql), [this.organisationId, ...params]);
    return (result as [T[], number])[0];
  }
}

function scoped(sql: string): string {
  if (!/\$1(?!\d)/.test(sql)) throw new Error('An organisation-scoped statement must filter on $1');
  return sql;
}
