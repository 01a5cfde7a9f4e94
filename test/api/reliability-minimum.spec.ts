import { SETTINGS_LIMITS } from '@wk/domain';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

// One field may carry several messages (not an integer, below the minimum): the names, once each.
const fieldsOf = (body: { errors?: { field: string }[] }) => [
  ...new Set((body.errors ?? []).map((e) => e.field)),
];

/** Issue 17 item 2: the reliability minimum of customer aggregates, an organisation setting. */
describe('reliability minimum setting', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
  });
  afterAll(() => api.close());

  async function setUp(name: string) {
    const world: World = await createWorld(api.db, name);
    const [admin, hr, manager] = await Promise.all(
      (['admin', 'hr', 'manager'] as const).map((role) =>
        new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD),
      ),
    );
    return { world, admin, hr, manager };
  }
  const stored = async (organisationId: string): Promise<number> =>
    (await api.db.query(`SELECT reliability_minimum FROM organisations WHERE id = $1`, [organisationId]))[0]
      .reliability_minimum;

  it('defaults to 30; HR reads it, an admin writes it, and the KPI report carries it', async () => {
    const { world, admin, hr, manager } = await setUp('Betrouwbaarheid');
    expect((await hr.get('/api/organisation')).body.reliabilityMinimum).toBe(30);
    expect((await hr.get('/api/insights/kpis?period=quarter')).body.reliabilityMinimum).toBe(30);

    const res = await admin.patch('/api/organisation', { reliabilityMinimum: 12 });
    expect(res.status).toBe(200);
    expect(res.body.reliabilityMinimum).toBe(12);
    expect(await stored(world.organisationId)).toBe(12);
    expect((await hr.get('/api/organisation')).body.reliabilityMinimum).toBe(12);
    // Every role that reads KPIs gets the minimum with them (the dashboard marks provisional figures).
    for (const client of [hr, manager])
      expect((await client.get('/api/insights/kpis?period=month')).body.reliabilityMinimum).toBe(12);

    const byHr = await hr.patch('/api/organisation', { reliabilityMinimum: 50 });
    expect(byHr.status).toBe(403);
    expect((await manager.get('/api/organisation')).status).toBe(403);
    expect(await stored(world.organisationId)).toBe(12);
  });

  it('refuses values out of range or not whole numbers (400 naming reliabilityMinimum)', async () => {
    const { world, admin } = await setUp('Buiten bereik');
    const { min, max } = SETTINGS_LIMITS.reliabilityMinimum;
    for (const reliabilityMinimum of [min - 1, 0, -30, max + 1, 12.5, '30', null]) {
      const res = await admin.patch('/api/organisation', { reliabilityMinimum });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['reliabilityMinimum']);
    }
    expect(await stored(world.organisationId)).toBe(30);
    for (const reliabilityMinimum of [min, max]) {
      const res = await admin.patch('/api/organisation', { reliabilityMinimum });
      expect(res.status).toBe(200);
      expect(await stored(world.organisationId)).toBe(reliabilityMinimum);
    }
  });
});
