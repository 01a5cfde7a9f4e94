import { Client } from 'pg';
import { migrations, prepareDatabase } from '@wk/api-testing';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

describe('database preparation', () => {
  const name = `wk_test_migrate_${process.pid}_${Date.now()}`;
  const server = new URL(process.env.DATABASE_URL as string);
  const url = `${server.protocol}//${server.username}@${server.host}/${name}`;

  afterAll(async () => {
    const admin = new Client({
      connectionString: `${server.protocol}//${server.username}@${server.host}/postgres`,
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('creates a missing database and migrates it once, even when replicas start together', async () => {
    const all = migrations.map((m) => m.name);
    expect(all[0]).toBe('Foundation1763856000000');
    const [first, second] = await Promise.all([prepareDatabase(url), prepareDatabase(url)]);
    // Exactly one replica ran the migrations; the other waited on the advisory lock and found nothing to do.
    expect([...first, ...second]).toEqual(all);
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT name FROM migrations`);
    await client.end();
    expect(rows.map((r) => r.name)).toEqual(all);
    expect(await prepareDatabase(url)).toEqual([]);
  });
});

describe('GET /api/health and /api/docs', () => {
  let api: RunningApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('reports database and Redis', async () => {
    const res = await new HttpClient(api.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document and UI', async () => {
    const client = new HttpClient(api.url);
    const json = await client.get('/api/docs-json');
    expect(json.body.info.title).toBe('Waardenkompas API');
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/people', '/api/import/{kind}/preview']),
    );
    const ui = await client.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('answers unknown api paths with a JSON 404', async () => {
    const res = await new HttpClient(api.url).get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });
});
