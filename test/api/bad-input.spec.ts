import { randomUUID } from 'node:crypto';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient, HttpResponse } from '../support/http-client';

const fieldsOf = (res: HttpResponse) =>
  [...new Set(((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field))].sort();

/**
 * Requests the api must refuse: malformed bodies, unknown fields, wrong types, over-long strings,
 * bad query parameters and non-UUID ids. Each refusal is checked in the database too.
 */
describe('bad input is refused, named, and writes nothing', () => {
  let api: RunningApi;
  let world: World;
  let admin: HttpClient;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
    world = await createWorld(api.db, 'Invoer');
    admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
  });
  afterAll(() => api.close());

  /** Row counts and a digest of every row this organisation owns, so updates show up as well as inserts. */
  async function snapshot(): Promise<Record<string, unknown>> {
    const state: Record<string, unknown> = {};
    for (const table of ['users', 'teams', 'team_managers', 'user_tokens', 'outbox_messages']) {
      const [row] = await api.db.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t WHERE organisation_id = $1`,
        [world.organisationId],
      );
      state[table] = row;
    }
    [state.organisation] = await api.db.query(
      `SELECT md5(o::text) AS digest FROM organisations o WHERE id = $1`,
      [world.organisationId],
    );
    return state;
  }

  /** Sends the request, expects the status, and proves the database did not change. */
  async function refused(status: number, send: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const before = await snapshot();
    const res = await send();
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: expect.objectContaining({ statusCode: status }),
    });
    expect(await snapshot()).toEqual(before);
    return res;
  }

  describe('malformed JSON', () => {
    it.each([
      ['POST', '/api/people', '{"email": "a@example.test", "name": "A",'],
      ['POST', '/api/teams', "{'name': 'single quotes'}"],
      ['PATCH', '/api/organisation', '{"anonymityMinimum": 3'],
      ['PATCH', '/api/people/{member}', 'not json at all'],
    ])('%s %s answers 400 saying the JSON is malformed', async (method, path, body) => {
      const res = await refused(400, () =>
        admin.request(method, path.replace('{member}', world.teamMember.id), body),
      );
      expect(res.body.message).toMatch(/malformed JSON/i);
      expect(res.body.code).toBe('bad_request');
    });
  });

  describe('unknown fields', () => {
    it.each([
      ['POST', '/api/people', { email: 'nieuw@example.test', name: 'Nieuw', isAdmin: true }, ['isAdmin']],
      [
        'POST',
        '/api/people',
        { email: 'nieuw@example.test', name: 'Nieuw', organisationId: randomUUID() },
        ['organisationId'],
      ],
      [
        'PATCH',
        '/api/people/{member}',
        { passwordHash: 'x', lastLoginAt: null },
        ['lastLoginAt', 'passwordHash'],
      ],
      ['POST', '/api/teams', { name: 'Nieuw team', colour: 'red' }, ['colour']],
      ['PATCH', '/api/organisation', { isDemo: true, anonymityMinimum: 6 }, ['isDemo']],
      ['PATCH', '/api/organisation', { slug: 'overgenomen' }, ['slug']],
      ['PUT', '/api/teams/{team}/managers', { userIds: [], replace: true }, ['replace']],
    ])('%s %s %j is refused naming the unknown field', async (method, path, body, fields) => {
      const res = await refused(400, () =>
        admin.request(
          method,
          path.replace('{member}', world.teamMember.id).replace('{team}', world.teamId),
          body,
        ),
      );
      expect(res.body.code).toBe('validation_failed');
      expect(fieldsOf(res)).toEqual(fields);
      expect(res.body.errors[0].message).toMatch(/not a known field/);
    });
  });

  describe('wrong types and values', () => {
    it('names every wrong field of a new person at once', async () => {
      const res = await refused(400, () =>
        admin.post('/api/people', {
          email: 'ok@example.test',
          name: 123,
          role: 'king',
          teamId: 'x',
          locale: 'de',
          invite: 'yes',
        }),
      );
      expect(fieldsOf(res)).toEqual(['invite', 'locale', 'name', 'role', 'teamId']);
    });

    it.each([
      [{ email: 'not-an-email', name: 'A' }, ['email']],
      [{ email: 42, name: 'A' }, ['email']],
      [{ name: 'No e-mail' }, ['email']],
      [{ email: 'a@example.test', name: '   ' }, ['name']],
      [{ email: 'a@example.test', name: 'A', role: null }, ['role']],
      [{ email: 'a@example.test', name: 'A', employeeNumber: 17 }, ['employeeNumber']],
      [{ email: 'a@example.test', name: 'A', teamId: 12 }, ['teamId']],
      [{ email: ['a@example.test'], name: 'A' }, ['email']],
    ])('refuses a new person %j', async (body, fields) => {
      const res = await refused(400, () => admin.post('/api/people', body));
      expect(fieldsOf(res)).toEqual(fields);
    });

    it.each([
      [{ name: null }, ['name']],
      [{ email: null }, ['email']],
      [{ role: 'king' }, ['role']],
      [{ status: 'invited' }, ['status']],
      [{ status: 'fired' }, ['status']],
      [{ teamId: 'x' }, ['teamId']],
    ])('refuses a person update %j', async (body, fields) => {
      const res = await refused(400, () => admin.patch(`/api/people/${world.teamMember.id}`, body));
      expect(fieldsOf(res)).toEqual(fields);
    });

    it.each([
      ['POST', '/api/teams', { name: 123 }, ['name']],
      ['POST', '/api/teams', { name: 'Goed', parentId: 'x' }, ['parentId']],
      ['POST', '/api/teams', {}, ['name']],
      ['PATCH', '/api/teams/{team}', { name: null }, ['name']],
      ['PATCH', '/api/teams/{team}', { parentId: 5 }, ['parentId']],
      ['PUT', '/api/teams/{team}/managers', { userIds: 'x' }, ['userIds']],
      ['PUT', '/api/teams/{team}/managers', { userIds: ['not-a-uuid'] }, ['userIds']],
      ['PUT', '/api/teams/{team}/managers', {}, ['userIds']],
    ])('refuses %s %s %j', async (method, path, body, fields) => {
      const res = await refused(400, () => admin.request(method, path.replace('{team}', world.teamId), body));
      expect(fieldsOf(res)).toEqual(fields);
    });

    it.each([
      [{ anonymityMinimum: '7' }, ['anonymityMinimum']],
      [{ anonymityMinimum: 4.5 }, ['anonymityMinimum']],
      [{ anonymityMinimum: 2, commentMinimum: 1 }, ['anonymityMinimum', 'commentMinimum']],
      [{ contactQuarantineDays: -1 }, ['contactQuarantineDays']],
      [{ locale: 'de' }, ['locale']],
      [{ name: '' }, ['name']],
      [{ timeZone: null }, ['timeZone']],
    ])('refuses organisation settings %j', async (body, fields) => {
      const res = await refused(400, () => admin.patch('/api/organisation', body));
      expect(fieldsOf(res)).toEqual(fields);
    });
  });

  describe('over-long strings', () => {
    const longEmail = `${'a'.repeat(64)}@${`${'b'.repeat(60)}.`.repeat(5)}nl`;

    it('refuses a name of 121 characters but takes one of 120', async () => {
      const res = await refused(400, () =>
        admin.post('/api/people', { email: 'lang@example.test', name: 'n'.repeat(121), invite: false }),
      );
      expect(fieldsOf(res)).toEqual(['name']);
      const ok = await admin.post('/api/people', {
        email: 'lang@example.test',
        name: 'n'.repeat(120),
        invite: false,
      });
      expect(ok.status).toBe(201);
      const [row] = await api.db.query(`SELECT length(name)::int AS n FROM users WHERE id = $1`, [
        ok.body.id,
      ]);
      expect(row.n).toBe(120);
    });

    it('refuses an e-mail address over 320 characters, on create and on update', async () => {
      expect(longEmail.length).toBeGreaterThan(320);
      expect(
        fieldsOf(await refused(400, () => admin.post('/api/people', { email: longEmail, name: 'Lang' }))),
      ).toEqual(['email']);
      expect(
        fieldsOf(
          await refused(400, () => admin.patch(`/api/people/${world.teamMember.id}`, { email: longEmail })),
        ),
      ).toEqual(['email']);
    });

    it.each([
      [
        'POST',
        '/api/people',
        { email: 'x@example.test', name: 'X', employeeNumber: '9'.repeat(41) },
        ['employeeNumber'],
      ],
      ['PATCH', '/api/people/{member}', { name: 'm'.repeat(500) }, ['name']],
      ['POST', '/api/teams', { name: 't'.repeat(121) }, ['name']],
      ['PATCH', '/api/teams/{team}', { name: 't'.repeat(121) }, ['name']],
      ['PATCH', '/api/organisation', { name: 'o'.repeat(121) }, ['name']],
    ])('refuses %s %s with a too long field', async (method, path, body, fields) => {
      const res = await refused(400, () =>
        admin.request(
          method,
          path.replace('{member}', world.teamMember.id).replace('{team}', world.teamId),
          body,
        ),
      );
      expect(fieldsOf(res)).toEqual(fields);
    });
  });

  describe('query parameters', () => {
    it.each([
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=201', 'limit'],
      ['limit=1.5', 'limit'],
      ['offset=-1', 'offset'],
      ['status=weird', 'status'],
      ['role=king', 'role'],
      ['teamId=x', 'teamId'],
      ['sort=name', 'sort'],
      [`q=${'q'.repeat(101)}`, 'q'],
    ])('GET /api/people?%s answers 400 naming %s', async (query, field) => {
      const res = await refused(400, () => admin.get(`/api/people?${query}`));
      expect(fieldsOf(res)).toEqual([field]);
    });

    it('still answers good queries, so the 400s above are about the values', async () => {
      const res = await admin.get(
        `/api/people?limit=1&offset=0&status=active&role=employee&teamId=${world.teamId}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
      expect(res.body.items).toHaveLength(1);
    });
  });

  describe('ids in paths', () => {
    it.each([
      ['GET', '/api/people/not-a-uuid'],
      ['GET', '/api/people/123'],
      ['PATCH', '/api/people/abc'],
      ['POST', '/api/people/abc/invitation'],
      ['GET', '/api/teams/x'],
      ['PATCH', '/api/teams/x'],
      ['DELETE', '/api/teams/1%20OR%201=1'],
      ['PUT', '/api/teams/x/managers'],
    ])('%s %s answers 404, not 400 or 500', async (method, path) => {
      const body =
        method === 'GET' || method === 'DELETE'
          ? undefined
          : method === 'PUT'
            ? { userIds: [] }
            : { name: 'Iets' };
      const res = await refused(404, () => admin.request(method, path, body));
      expect(res.body.code).toBe('not_found');
    });

    it('answers 404 for a well-formed id that does not exist', async () => {
      const res = await refused(404, () => admin.patch(`/api/people/${randomUUID()}`, { name: 'Niemand' }));
      expect(res.body.code).toBe('not_found');
      expect((await refused(404, () => admin.delete(`/api/teams/${randomUUID()}`))).body.code).toBe(
        'not_found',
      );
    });
  });
});
