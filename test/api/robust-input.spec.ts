import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OperatorAuthService, openApiDocument } from '@wk/api-testing';
import { TEST_PASSWORD } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient, HttpResponse } from '../support/http-client';
import { createSurvey, csv, surveyWorld } from '../support/surveys';

const PUBLIC_URL = 'https://kompas.example.test';
const fieldsOf = (res: HttpResponse) =>
  [...new Set(((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field))].sort();

/**
 * The classes of malformed input a security test answered with a 500 (issue 12), each now a 400
 * naming the field; plus the response policies: Cache-Control and the CSRF origin check. The api
 * serves a dashboard, as deployed by default, so its fallback is in the way of every answer.
 */
describe('malformed input and response policies', () => {
  let api: RunningApi;
  let dist: string;
  let world: Awaited<ReturnType<typeof surveyWorld>>;
  let surveyId: string;
  let openCode: string;
  let cycleId: string;
  let anonymous: HttpClient;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'wk-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Waardenkompas</title>');
    api = await startApi({ WEB_DIST: dist, PUBLIC_URL, SMTP_URL: undefined });
    world = await surveyWorld(api, 'Robuust');
    const survey = await createSurvey(world.hr, world.versionId);
    surveyId = survey.id;
    openCode = new URL(survey.openLink).pathname.split('/').pop() as string;
    const [cycle] = await api.db.query(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
       VALUES ($1, 'Robuust', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'paused') RETURNING id`,
      [world.world.organisationId, world.versionId],
    );
    cycleId = cycle.id;
    anonymous = new HttpClient(api.url);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  });

  /** Row counts of every table but sessions (signing in writes them by design). */
  async function counts(): Promise<Record<string, number>> {
    const tables: { table_name: string }[] = await api.db.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'sessions')`,
    );
    const [row] = await api.db.query(
      `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM "${t.table_name}") AS "${t.table_name}"`).join(', ')}`,
    );
    return row;
  }

  /** Expects a 400 naming exactly `fields`, as ApiErrorBody JSON, with nothing written. */
  async function refused(fields: string[], send: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const before = await counts();
    const res = await send();
    expect({ status: res.status, code: res.body?.code, fields: fieldsOf(res) }).toEqual({
      status: 400,
      code: 'validation_failed',
      fields,
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await counts()).toEqual(before);
    return res;
  }

  describe('NUL characters (PostgreSQL refuses them in text)', () => {
    it('in the public survey comment, without a session', async () => {
      const res = await refused(['comment'], () =>
        anonymous.post(`/api/respond/open/${openCode}`, {
          grades: [{ valueId: world.valueId, grade: 3 }],
          comment: 'Prima\u0000geholpen',
        }),
      );
      expect(res.body.message).toMatch(/NUL/);
    });

    it.each([
      ['GET', '/api/people?q=%00', undefined, ['q']],
      ['GET', '/api/people?q=a%00b&limit=5', undefined, ['q']],
      ['POST', '/api/teams', { name: 'Team\u0000' }, ['name']],
      ['PATCH', '/api/me', { name: '\u0000' }, ['name']],
      [
        'POST',
        '/api/journeys',
        { name: 'Reis', touchpoints: [{ name: 'Ba\u0000lie', channel: 'desk' }] },
        ['touchpoints[0].name'],
      ],
      ['POST', '/api/segments', { name: 'S', '\u0000': 1 }, ['body']],
      ['GET', '/api/values/templates/%00', undefined, ['path']],
      ['GET', '/api/people/%00', undefined, ['path']],
    ])('%s %s %j', async (method, path, body, fields) => {
      await refused(fields as string[], () => world.admin.request(method as string, path as string, body));
    });
  });

  describe('deep nesting (overflowed the stack)', () => {
    const deepArray = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const deepObject = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;

    it('on the login, before the rate limiter or validation see it', async () => {
      const res = await refused(['email'], () =>
        anonymous.request('POST', '/api/auth/login', `{"email":${deepArray},"password":"x"}`),
      );
      expect(res.body.message).toMatch(/nested deeper than 32 levels/);
      await refused(['a'], () => anonymous.request('POST', '/api/auth/login', deepObject));
    });

    it('anywhere in a signed-in body; 32 levels are still fine', async () => {
      await refused(['values'], () =>
        world.admin.request('PUT', '/api/values/draft', `{"values":${deepArray}}`),
      );
      const nested = (depth: number): unknown => (depth === 0 ? 'x' : [nested(depth - 1)]);
      // Depth 31 reaches validation, which refuses the shape (not the depth).
      const shallow = await world.admin.post('/api/segments', { name: 'S', description: nested(31) });
      expect(fieldsOf(shallow)).toEqual(['description']);
      expect(shallow.body.message).not.toMatch(/nested/);
      await refused(['description'], () =>
        world.admin.post('/api/segments', { name: 'S', description: nested(32) }),
      );
    });
  });

  describe('lone surrogates and bad escapes', () => {
    it.each([
      ['POST', '/api/teams', '{"name":"\\ud800"}', ['name']],
      ['POST', '/api/teams', '{"name":"x\\udc00"}', ['name']],
      ['POST', '/api/segments', '{"name":"S","persona":"\\udbff\\udbff"}', ['persona']],
      ['GET', '/api/people/%ED%A0%80', undefined, ['path']],
      ['GET', '/api/people/%E0%A4%A', undefined, ['path']],
      ['GET', '/api/people?q=%ED%A0%80', undefined, ['q']],
      ['GET', '/api/people?q=%FF', undefined, ['q']],
      ['GET', '/api/people?%ED%A0%80=1', undefined, ['query']],
    ])('%s %s %s', async (method, path, body, fields) => {
      await refused(fields as string[], () => world.admin.request(method as string, path as string, body));
    });

    it('still takes characters outside the BMP (a valid surrogate pair)', async () => {
      const res = await world.admin.post('/api/teams', { name: 'Team 😀' });
      expect(res.status).toBe(201);
      const [row] = await api.db.query(`SELECT name FROM teams WHERE id = $1`, [res.body.id]);
      expect(row.name).toBe('Team 😀');
      expect((await world.admin.get(`/api/people?q=${encodeURIComponent('😀')}`)).status).toBe(200);
    });
  });

  describe('out-of-range numbers', () => {
    it.each(['offset=1e21', 'offset=1000000001', 'offset=-1e21', 'offset=9223372036854775808'])(
      'GET /api/people?%s names offset',
      async (query) => {
        await refused(['offset'], () => world.admin.get(`/api/people?${query}`));
      },
    );

    it('bounds the offset of every paginated list (they share PaginationQuery)', async () => {
      await refused(['offset'], () => world.admin.get('/api/outbox?offset=1e21'));
    });

    it('takes the largest offset', async () => {
      const res = await world.admin.get('/api/people?offset=1000000000');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    });
  });

  describe('null for a field that is not nullable', () => {
    it.each([
      ['/api/me', { name: null }, ['name']],
      ['/api/me', { locale: null }, ['locale']],
      ['/api/surveys/{survey}', { name: null }, ['name']],
      ['/api/surveys/{survey}', { askNps: null }, ['askNps']],
      ['/api/cycles/{cycle}', { name: null }, ['name']],
      ['/api/cycles/{cycle}', { cron: null }, ['cron']],
    ])('PATCH %s %j', async (path, body, fields) => {
      const url = path.replace('{survey}', surveyId).replace('{cycle}', cycleId);
      const client = path.startsWith('/api/me') ? world.admin : world.hr;
      await refused(fields, () => client.patch(url, body));
    });

    it('still clears a nullable reference with null', async () => {
      const res = await world.hr.patch(`/api/surveys/${surveyId}`, { closesAt: null, schedule: null });
      expect(res.status).toBe(200);
    });

    /** The rule over every PATCH and PUT body in the OpenAPI document, so new DTOs are held to it. */
    it('refuses null for every property not documented as nullable, on every PATCH and PUT', async () => {
      const doc = openApiDocument(api.app) as any;
      const schemas = doc.components.schemas;
      // Operator routes are called as the operator (no organisation role reaches them).
      const email = `null-check-${Date.now()}@operator.test`;
      const { password } = await api.app.get(OperatorAuthService).create(email, 'Null check');
      const operator = new HttpClient(api.url);
      expect((await operator.post('/api/operator/login', { email, password })).status).toBe(204);
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
        for (const method of ['patch', 'put']) {
          const ref = item[method]?.requestBody?.content?.['application/json']?.schema?.$ref;
          if (!ref) continue;
          const schema = schemas[ref.split('/').pop()];
          const client = item[method]['x-operator'] ? operator : world.admin;
          const url = await withIds(path, client);
          for (const [property, spec] of Object.entries(schema.properties as Record<string, any>)) {
            if (spec.nullable) continue;
            const res = await client.request(method.toUpperCase(), url, { [property]: null });
            outcomes.push(`${method} ${path} ${property}: ${res.status} ${fieldsOf(res).includes(property)}`);
            expected.push(`${method} ${path} ${property}: 400 true`);
          }
        }
      }
      expect(expected.length).toBeGreaterThan(20);
      expect(outcomes).toEqual(expected);
    });

    /** A real id for each `{param}`: the first item of its collection, else a well-formed unknown one. */
    async function withIds(path: string, client: HttpClient = world.admin): Promise<string> {
      let url = path;
      for (const [placeholder] of path.matchAll(/\{\w+\}/g)) {
        const list = await client.get(url.slice(0, url.indexOf(placeholder) - 1));
        const items = Array.isArray(list.body) ? list.body : list.body?.items;
        url = url.replace(placeholder, items?.[0]?.id ?? '3f2c1e0a-5b7d-4c9e-8a1f-2d3b4c5d6e7f');
      }
      return url;
    }
  });

  describe('arrays nested where objects are expected (TypeError in the services)', () => {
    const touchpoint = { name: 'Balie', channel: 'desk' };

    it.each([
      ['POST', '/api/journeys', { name: 'Reis', touchpoints: [[touchpoint]] }, ['touchpoints']],
      ['PUT', '/api/journeys/{journey}', { name: 'Reis', touchpoints: [[touchpoint]] }, ['touchpoints']],
      ['PUT', '/api/values/draft', { values: [[]] }, ['values']],
    ])('%s %s %j', async (method, path, body, fields) => {
      const journey = await world.admin.post('/api/journeys', {
        name: 'Bestaand',
        touchpoints: [touchpoint],
      });
      await refused(fields, () =>
        world.admin.request(method, path.replace('{journey}', journey.body.id), body),
      );
    });

    it('refuses nested arrays in a public recognition answer too', async () => {
      await refused(['grades'], () =>
        anonymous.post(`/api/respond/open/${openCode}`, { grades: [[{ valueId: world.valueId, grade: 3 }]] }),
      );
    });
  });

  describe('bad bodies while the dashboard is served (its fallback answered 404 "Cannot POST")', () => {
    it.each([
      ['malformed JSON', '{"name": "Team",', 400, 'bad_request'],
      ['single quotes', "{'name': 'Team'}", 400, 'bad_request'],
      ['a bare string', '"Team"', 400, 'bad_request'],
      ['more than 1 MB', JSON.stringify({ name: 'x'.repeat(1_100_000) }), 413, 'payload_too_large'],
    ])('%s answers %d JSON, signed in or not', async (_label, body, status, code) => {
      for (const [client, path] of [
        [world.admin, '/api/teams'],
        [anonymous, '/api/auth/login'],
      ] as const) {
        const before = await counts();
        const res = await client.request('POST', path, body);
        expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
        expect(res.body).toMatchObject({
          statusCode: status,
          error: expect.any(String),
          message: expect.any(String),
        });
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await counts()).toEqual(before);
      }
    });

    it('says the JSON is malformed', async () => {
      const res = await world.admin.request('POST', '/api/teams', '{"name": "Team",');
      expect(res.body.message).toMatch(/^Malformed JSON body: /);
    });

    it('still serves the dashboard outside /api', async () => {
      const res = await anonymous.get('/teams');
      expect(res.status).toBe(200);
      expect(String(res.body)).toContain('<title>Waardenkompas</title>');
    });
  });

  describe('Cache-Control', () => {
    it.each([
      ['admin', 'GET', '/api/people'],
      ['admin', 'GET', '/api/me'],
      ['admin', 'GET', '/api/surveys/{survey}'],
      ['admin', 'GET', '/api/people/not-a-uuid'],
      ['admin', 'POST', '/api/teams'],
      ['anonymous', 'GET', '/api/people'],
      ['anonymous', 'GET', '/api/respond/open/{code}'],
      ['anonymous', 'POST', '/api/auth/login'],
    ])('%s %s %s answers no-store, errors included', async (who, method, path) => {
      const client = who === 'admin' ? world.admin : anonymous;
      const url = path.replace('{survey}', surveyId).replace('{code}', openCode);
      const res = await client.request(method, url, method === 'POST' ? {} : undefined);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('compresses reads of 1 KB or more when the client asks, never writes or small answers', async () => {
      const big = await world.admin.get('/api/docs-json');
      expect(big.status).toBe(200);
      expect(['br', 'gzip']).toContain(big.headers.get('content-encoding'));
      expect(big.body.openapi).toMatch(/^3\./);
      const small = await world.admin.get('/api/me');
      expect(JSON.stringify(small.body).length).toBeLessThan(1024);
      expect(small.headers.get('content-encoding')).toBeNull();
      const contacts = Array.from({ length: 40 }, (_, i) => `klant${i}@gecomprimeerd.test;;;nl`);
      const write = await world.hr.upload(`/api/surveys/${surveyId}/contacts/preview`, csv(...contacts));
      expect(write.status).toBe(200);
      expect(JSON.stringify(write.body).length).toBeGreaterThan(1024);
      expect(write.headers.get('content-encoding')).toBeNull();
    });

    it('an error from a route with its own Content-Type is still JSON, not an attachment', async () => {
      const res = await world.hr.get('/api/surveys/3f2c1e0a-5b7d-4c9e-8a1f-2d3b4c5d6e7f/qr.png');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toBeNull();
    });
  });

  describe('CSRF: writes with the session cookie must come from the app itself', () => {
    const post = (client: HttpClient, headers: Record<string, string>) =>
      client.request('POST', '/api/teams', { name: `Team ${Math.random()}` }, headers);

    it.each([
      ['Origin of another site', { origin: 'https://evil.example' }],
      ['Origin "null" (sandboxed frame)', { origin: 'null' }],
      ['Referer of another site', { referer: 'https://evil.example/page' }],
      ['the public host over http', { origin: 'http://kompas.example.test' }],
      ['a look-alike host', { origin: 'https://kompas.example.test.evil.example' }],
    ])('refuses %s with 403 bad_origin and writes nothing', async (_label, headers) => {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const before = await counts();
        const res = await world.admin.request(method, `/api/teams/${world.world.teamId}`, undefined, headers);
        expect({ method, status: res.status, code: res.body?.code }).toEqual({
          method,
          status: 403,
          code: 'bad_origin',
        });
        expect(await counts()).toEqual(before);
      }
      expect((await post(world.admin, headers)).status).toBe(403);
    });

    it('takes the own origin (request host or PUBLIC_URL), a same-origin Referer, or no such header', async () => {
      expect((await post(world.admin, { origin: api.url })).status).toBe(201);
      expect((await post(world.admin, { origin: PUBLIC_URL })).status).toBe(201);
      expect((await post(world.admin, { referer: `${PUBLIC_URL}/teams?x=1` })).status).toBe(201);
      expect((await post(world.admin, {})).status).toBe(201);
      // The Origin wins over a same-origin Referer.
      expect(
        (await post(world.admin, { origin: 'https://evil.example', referer: `${api.url}/` })).status,
      ).toBe(403);
    });

    it("holds the platform operator's cookie to the same rule", async () => {
      const { password } = await api.app.get(OperatorAuthService).create('csrf@operator.test', 'Csrf');
      const operator = new HttpClient(api.url);
      expect(
        (await operator.post('/api/operator/login', { email: 'csrf@operator.test', password })).status,
      ).toBe(204);
      const forged = await operator.request(
        'POST',
        '/api/operator/logout',
        {},
        { origin: 'https://evil.example' },
      );
      expect({ status: forged.status, code: forged.body?.code }).toEqual({ status: 403, code: 'bad_origin' });
      expect((await operator.get('/api/operator/me')).status).toBe(200);
      expect((await operator.request('POST', '/api/operator/logout', {}, { origin: api.url })).status).toBe(
        204,
      );
    });

    it('leaves reads and requests without the session cookie alone', async () => {
      const evil = { origin: 'https://evil.example' };
      expect((await world.admin.request('GET', '/api/people', undefined, evil)).status).toBe(200);
      // Signing in carries no session yet: the password is the proof.
      const fresh = new HttpClient(api.url);
      const login = await fresh.request(
        'POST',
        '/api/auth/login',
        { email: world.world.users.hr.email, password: TEST_PASSWORD },
        evil,
      );
      expect(login.status).toBe(204);
      // An API key is no ambient authority: a CRM calling from anywhere is fine.
      const key = (await world.admin.post('/api/api-keys', { name: 'CRM' })).body.key as string;
      const crm = await new HttpClient(api.url).request(
        'POST',
        '/api/v1/survey-invitations',
        { surveyId, email: 'klant@example.test' },
        { ...evil, authorization: `Bearer ${key}`, 'idempotency-key': 'robuust-1' },
      );
      expect(crm.status).toBe(201);
    });
  });
});
