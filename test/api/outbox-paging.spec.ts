import { createWorld, TEST_PASSWORD } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

/** Pages of the outbox list: messages stored in one transaction share created_at, and none may be lost. */
describe('outbox paging', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
  });
  afterAll(() => api.close());

  it.each([200, 37])('shows every message exactly once, newest first, with pages of %i', async (limit) => {
    const world = await createWorld(api.db, `Paging ${limit}`);
    // As a round's invitations are stored: 2,183 rows with one timestamp, plus a few older and newer.
    const inserted: { id: string }[] = await api.db.query(
      `INSERT INTO outbox_messages (organisation_id, kind, dedup_key, to_address, subject, text_body, status, created_at)
       SELECT $1, 'test', 'paging-' || g, 'p' || g || '@example.test', 'Hallo', 'Tekst', 'held',
              CASE WHEN g <= 5 THEN timestamptz '2026-01-01 09:00Z' WHEN g <= 10 THEN timestamptz '2026-01-03 09:00Z'
                   ELSE timestamptz '2026-01-02 09:00Z' END
         FROM generate_series(1, 2193) g RETURNING id`,
      [world.organisationId],
    );
    // With fresh statistics the planner sorts the organisation's rows instead of walking an index, as
    // it does in production, where equal timestamps then came back in a different order per page.
    await api.db.query(`ANALYZE outbox_messages`);
    const admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    const seen: { id: string; createdAt: string }[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await admin.get(`/api/outbox?limit=${limit}&offset=${offset}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(2193);
      seen.push(...page.body.items);
      if (page.body.items.length < limit) break;
    }
    expect(seen).toHaveLength(2193);
    expect(new Set(seen.map((m) => m.id))).toEqual(new Set(inserted.map((m) => m.id)));
    const times = seen.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
