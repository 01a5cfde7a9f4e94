import { OrganisationScope } from './organisation-scope';

/** A stand-in for TypeORM's query(): records what it was asked. */
function recorder(answer: unknown = []) {
  const calls: { sql: string; params: unknown[] }[] = [];
  const db = {
    query: async (sql: string, params: unknown[]) => {
      calls.push({ sql, params });
      return answer;
    },
  };
  return { calls, db: db as never };
}

describe('OrganisationScope', () => {
  it('passes the organisation as $1 before the statement’s own parameters', async () => {
    const { calls, db } = recorder([{ id: 'a' }]);
    const rows = await new OrganisationScope(db, 'org-1').rows(
      'SELECT id FROM t WHERE organisation_id = $1 AND x = $2',
      [7],
    );
    expect(rows).toEqual([{ id: 'a' }]);
    expect(calls[0].params).toEqual(['org-1', 7]);
  });

  it('refuses a statement that does not use $1, before it reaches the database', async () => {
    const { calls, db } = recorder();
    const scope = new OrganisationScope(db, 'org-1');
    await expect(scope.rows('SELECT id FROM t WHERE x = $10')).rejects.toThrow(/\$1/);
    await expect(scope.one('SELECT id FROM t')).rejects.toThrow(/\$1/);
    expect(calls).toHaveLength(0);
  });

  it('takes the rows out of an UPDATE ... RETURNING answer', async () => {
    const { db } = recorder([[{ id: 'b' }], 1]);
    const scope = new OrganisationScope(db, 'org-1');
    expect(await scope.returning('UPDATE t SET y = 1 WHERE organisation_id = $1 RETURNING id')).toEqual([
      { id: 'b' },
    ]);
  });
});
