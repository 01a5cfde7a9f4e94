import type { INestApplicationContext } from '@nestjs/common';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { KpiRollupsService, RoundsService, WebhookEvents } from '@wk/api-testing';
import type { Role } from '@wk/contracts';
import { createCycle } from '../support/cycles';
import { createPublishedValueSet, createWorld, TEST_PASSWORD, type World } from '../support/factories';
import { eventually, type RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A receiver on 127.0.0.1: records every request; a path may answer a list of statuses in turn (then 200). */
class Receiver {
  readonly requests: Received[] = [];
  private readonly plans = new Map<string, number[]>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const plan = this.plans.get(req.url ?? '') ?? [];
        const status = plan.shift() ?? 200;
        this.requests.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
          answered: status,
        });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'nope');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  answer(path: string, statuses: number[]): void {
    this.plans.set(path, [...statuses]);
  }

  at(path: string): Received[] {
    return this.requests.filter((r) => r.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const verify = (secret: string, r: Received) =>
  new Webhook(secret).verify(r.body, {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  });

describe('outgoing webhooks', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-webhooks`;
  const receiver = new Receiver();
  let api: RunningApi;
  let worker: INestApplicationContext;
  const organisations: string[] = [];

  beforeAll(async () => {
    await receiver.start();
    // Short backoff so that four attempts take well under a second.
    const env = { QUEUE_PREFIX: prefix, WEBHOOK_BACKOFF_MS: '20' };
    api = await startApi(env);
    worker = await startWorker(env);
  });
  afterAll(async () => {
    await api.db.query(
      `UPDATE assessment_cycles SET status = 'archived' WHERE organisation_id = ANY($1::uuid[])`,
      [organisations],
    );
    await worker?.close();
    await api?.close();
    await receiver.stop();
  });

  async function setUp(name: string): Promise<{ world: World; admin: HttpClient }> {
    const world = await createWorld(api.db, name);
    organisations.push(world.organisationId);
    const admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    return { world, admin };
  }

  async function createEndpoint(admin: HttpClient, path: string, events: string[], extra: object = {}) {
    const res = await admin.post('/api/webhooks/endpoints', { url: receiver.url + path, events, ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  }

  const deliveriesOf = async (admin: HttpClient, endpointId: string) =>
    (await admin.get(`/api/webhooks/endpoints/${endpointId}/deliveries`)).body.items as {
      id: string;
      eventType: string;
      status: string;
      attempts: number;
      responseStatus: number | null;
      lastError: string | null;
    }[];

  it('shows the secret once, stores it encrypted, and signs a test event the reference library verifies; a tampered body fails', async () => {
    const { world, admin } = await setUp('Sleutel');
    const created = await createEndpoint(admin, '/test', ['round.opened'], { description: 'CRM' });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = (await admin.get('/api/webhooks/endpoints')).body;
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
    expect(JSON.stringify((await admin.get(`/api/webhooks/endpoints/${created.id}`)).body)).not.toContain(
      'secret"',
    );
    const [stored] = await api.db.query(`SELECT secret_encrypted FROM webhook_endpoints WHERE id = $1`, [
      created.id,
    ]);
    expect(stored.secret_encrypted.toString('latin1')).not.toContain(created.secret.slice(6, 20));
    expect(stored.secret_encrypted.includes(Buffer.from(created.secret.slice(6), 'base64'))).toBe(false);

    const test = await admin.post(`/api/webhooks/endpoints/${created.id}/test`, {});
    expect(test.status).toBe(202);
    const [received] = await eventually(
      async () => receiver.at('/test').length === 1 && receiver.at('/test'),
    );
    expect(JSON.parse(received.body)).toEqual({
      type: 'webhook.test',
      timestamp: expect.any(String),
      data: { endpointId: created.id },
    });
    expect(verify(created.secret, received)).toEqual(JSON.parse(received.body));
    expect(() =>
      verify(created.secret, { ...received, body: received.body.replace('webhook.test', 'webhook.tost') }),
    ).toThrow();
    expect(() => verify(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, received)).toThrow();
    const log = await eventually(async () => {
      const rows = await deliveriesOf(admin, created.id);
      return rows[0]?.status === 'delivered' && rows;
    });
    expect(log).toEqual([
      expect.objectContaining({
        eventType: 'webhook.test',
        attempts: 1,
        responseStatus: 200,
        lastError: null,
      }),
    ]);
    expect(world.organisationId).toBeTruthy();
  });

  it('retries a failing receiver with backoff: three 500s then a 200 is one success, four attempts in the log, never sent again', async () => {
    const { admin } = await setUp('Opnieuw');
    receiver.answer('/flaky', [500, 500, 500]);
    const endpoint = await createEndpoint(admin, '/flaky', ['round.closed']);
    await admin.post(`/api/webhooks/endpoints/${endpoint.id}/test`, {});
    const [delivery] = await eventually(async () => {
      const rows = await deliveriesOf(admin, endpoint.id);
      return rows[0]?.status === 'delivered' && rows;
    });
    expect(delivery).toMatchObject({ attempts: 4, responseStatus: 200, lastError: null });
    const requests = receiver.at('/flaky');
    expect(requests.map((r) => r.answered)).toEqual([500, 500, 500, 200]);
    // The same message id on every attempt (receivers deduplicate on it), each signed validly.
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const r of requests) expect(() => verify(endpoint.secret, r)).not.toThrow();

    // The job run again (any round-0 job id) sends nothing: the row says delivered.
    await worker.get(WebhookEvents, { strict: false }).dispatch([{ id: delivery.id, round: 0 }]);
    await sleep(300);
    expect(receiver.at('/flaky')).toHaveLength(4);

    // A manual redelivery sends it once more, with the same webhook-id.
    const again = await admin.post(`/api/webhooks/deliveries/${delivery.id}/redeliver`, {});
    expect(again.status).toBe(202);
    await eventually(async () => receiver.at('/flaky').length === 5);
    expect(receiver.at('/flaky')[4].headers['webhook-id']).toBe(requests[0].headers['webhook-id']);
    const [after] = await eventually(async () => {
      const rows = await deliveriesOf(admin, endpoint.id);
      return rows[0]?.status === 'delivered' && rows[0].attempts === 5 && rows;
    });
    expect(after.responseStatus).toBe(200);
  });

  it('delivers round.opened and round.closed to the subscribed endpoint only, with ids and no personal data', async () => {
    const { world, admin } = await setUp('Ronde');
    const subscribed = await createEndpoint(admin, '/rounds', ['round.opened', 'round.closed']);
    const other = await createEndpoint(admin, '/waves-only', ['wave.closed']);
    const disabled = await createEndpoint(admin, '/disabled', ['round.opened', 'round.closed'], {
      enabled: false,
    });
    const values = await createPublishedValueSet(api.db, world.organisationId);
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const cycle = await createCycle(hr, {
      name: 'Webhooks',
      valuesVersionId: values.versionId,
      teamIds: [world.teamId],
    });
    const opened = await hr.post(`/api/cycles/${cycle.id}/rounds`, {});
    expect(opened.status).toBeLessThan(300);
    const [{ id: roundId }] = await api.db.query(`SELECT id FROM assessment_rounds WHERE cycle_id = $1`, [
      cycle.id,
    ]);
    await eventually(async () => receiver.at('/rounds').length === 1);
    await api.app.get(RoundsService, { strict: false }).close(roundId);
    const received = await eventually(
      async () => receiver.at('/rounds').length === 2 && receiver.at('/rounds'),
    );
    const bodies = received.map(
      (r) => verify(subscribed.secret, r) as { type: string; data: Record<string, string> },
    );
    expect(bodies.map((b) => b.type)).toEqual(['round.opened', 'round.closed']);
    expect(bodies[0].data).toEqual({
      roundId,
      cycleId: cycle.id,
      opensAt: expect.any(String),
      closesAt: expect.any(String),
    });
    expect(bodies[1].data).toEqual({ roundId, cycleId: cycle.id, closedAt: expect.any(String) });
    for (const r of received) {
      expect(r.body).not.toContain('@');
      for (const user of Object.values(world.users)) expect(r.body).not.toContain(user.id);
    }
    // Closing again changes nothing and emits nothing.
    await api.app.get(RoundsService, { strict: false }).close(roundId);
    await sleep(300);
    expect(receiver.at('/rounds')).toHaveLength(2);
    expect(receiver.at('/waves-only')).toHaveLength(0);
    expect(receiver.at('/disabled')).toHaveLength(0);
    expect(await deliveriesOf(admin, other.id)).toEqual([]);
    expect(await deliveriesOf(admin, disabled.id)).toEqual([]);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM webhook_events WHERE organisation_id = $1 AND type LIKE 'round.%'`,
      [world.organisationId],
    );
    expect(n).toBe(2);
  });

  it('emits kpi.status_changed when a value moves to another target status in the current month, once per change', async () => {
    const { world, admin } = await setUp('Kpi');
    const endpoint = await createEndpoint(admin, '/kpi', ['kpi.status_changed']);
    const values = await createPublishedValueSet(api.db, world.organisationId); // betrouwbaar, target 7.5
    const [survey] = await api.db.query(
      `INSERT INTO surveys (organisation_id, name, values_version_id, open_code) VALUES ($1, 'Kpi', $2, md5(random()::text)) RETURNING id`,
      [world.organisationId, values.versionId],
    );
    const answer = async (grade: number, times: number) => {
      for (let i = 0; i < times; i++) {
        const [response] = await api.db.query(
          `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, locale) VALUES ($1, $2, $3, 'open', 'nl') RETURNING id`,
          [world.organisationId, survey.id, values.versionId],
        );
        await api.db.query(
          `INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade) VALUES ($1, $2, $3, $4)`,
          [world.organisationId, response.id, values.valueId, grade],
        );
      }
    };
    const rollups = api.app.get(KpiRollupsService, { strict: false });
    const data = () => receiver.at('/kpi').map((r) => (verify(endpoint.secret, r) as { data: object }).data);
    const month = (
      await api.db.query(
        `SELECT to_char(now() AT TIME ZONE time_zone, 'YYYY-MM') AS m FROM organisations WHERE id = $1`,
        [world.organisationId],
      )
    )[0].m;

    await answer(9, 3);
    await rollups.refreshCustomer(world.organisationId);
    await eventually(async () => receiver.at('/kpi').length === 1);
    expect(data()).toEqual([
      { valueKey: 'betrouwbaar', period: month, previousStatus: 'no_data', status: 'on_target' },
    ]);

    await answer(9, 1); // still on target: no event
    await rollups.refreshCustomer(world.organisationId);
    await answer(2, 10);
    await rollups.refreshCustomer(world.organisationId);
    await eventually(async () => receiver.at('/kpi').length === 2);
    await sleep(300);
    expect(data()).toEqual([
      { valueKey: 'betrouwbaar', period: month, previousStatus: 'no_data', status: 'on_target' },
      { valueKey: 'betrouwbaar', period: month, previousStatus: 'on_target', status: 'below' },
    ]);
  });

  it('rotates the secret: the next delivery verifies with the new secret only', async () => {
    const { admin } = await setUp('Roteer');
    const endpoint = await createEndpoint(admin, '/rotate', ['wave.closed']);
    const rotated = await admin.post(`/api/webhooks/endpoints/${endpoint.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    await admin.post(`/api/webhooks/endpoints/${endpoint.id}/test`, {});
    const [received] = await eventually(
      async () => receiver.at('/rotate').length === 1 && receiver.at('/rotate'),
    );
    expect(() => verify(rotated.body.secret, received)).not.toThrow();
    expect(() => verify(endpoint.secret, received)).toThrow();
  });

  it('refuses a bad URL or unknown event names with 400 naming the field, and writes nothing', async () => {
    const { world, admin } = await setUp('Fout');
    const cases: [object, string][] = [
      [{ url: 'geen url', events: ['round.opened'] }, 'url'],
      [{ url: 'ftp://example.com/x', events: ['round.opened'] }, 'url'],
      [{ url: 'https://user:pw@example.com/x', events: ['round.opened'] }, 'url'],
      [{ url: 'http://169.254.169.254/latest/meta-data', events: ['round.opened'] }, 'url'],
      [{ url: 'https://10.0.0.7/hook', events: ['round.opened'] }, 'url'],
      [{ url: 'https://[fe80::1]/hook', events: ['round.opened'] }, 'url'],
      [{ url: 'https://example.com/hook', events: ['round.opend'] }, 'events'],
      [{ url: 'https://example.com/hook', events: [] }, 'events'],
      [{ url: 'https://example.com/hook', events: 'round.opened' }, 'events'],
      [{ url: 'https://example.com/hook', events: ['round.opened', 'round.opened'] }, 'events'],
      [{ events: ['round.opened'] }, 'url'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/webhooks/endpoints', body);
      expect(`${JSON.stringify(body)} ${res.status} ${[...new Set(fieldsOf(res.body))].join(',')}`).toBe(
        `${JSON.stringify(body)} 400 ${field}`,
      );
    }
    const ok = await createEndpoint(admin, '/ok', ['round.opened']);
    const patched = await admin.patch(`/api/webhooks/endpoints/${ok.id}`, {
      url: 'http://192.168.1.1/x',
      events: ['nope'],
    });
    expect(patched.status).toBe(400);
    expect(fieldsOf(patched.body)).toContain('events');
    const badUrl = await admin.patch(`/api/webhooks/endpoints/${ok.id}`, { url: 'http://192.168.1.1/x' });
    expect(fieldsOf(badUrl.body)).toEqual(['url']);
    const rows = await api.db.query(
      `SELECT url, event_types FROM webhook_endpoints WHERE organisation_id = $1`,
      [world.organisationId],
    );
    expect(rows).toEqual([{ url: `${receiver.url}/ok`, event_types: ['round.opened'] }]);
  });

  it('answers 404 for another organisation’s endpoints and deliveries, and 403 to hr, manager and employee', async () => {
    const own = await setUp('Eigen');
    const foreign = await setUp('Vreemd');
    const endpoint = await createEndpoint(own.admin, '/own', ['round.opened']);
    await own.admin.post(`/api/webhooks/endpoints/${endpoint.id}/test`, {});
    const [delivery] = await eventually(async () => {
      const rows = await deliveriesOf(own.admin, endpoint.id);
      return rows[0]?.status === 'delivered' && rows;
    });
    const intruder = foreign.admin;
    const outcomes = [
      await intruder.get(`/api/webhooks/endpoints/${endpoint.id}`),
      await intruder.patch(`/api/webhooks/endpoints/${endpoint.id}`, { enabled: false }),
      await intruder.post(`/api/webhooks/endpoints/${endpoint.id}/rotate-secret`, {}),
      await intruder.post(`/api/webhooks/endpoints/${endpoint.id}/test`, {}),
      await intruder.get(`/api/webhooks/endpoints/${endpoint.id}/deliveries`),
      await intruder.post(`/api/webhooks/deliveries/${delivery.id}/redeliver`, {}),
      await intruder.delete(`/api/webhooks/endpoints/${endpoint.id}`),
    ].map((r) => r.status);
    expect(outcomes).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect((await intruder.get('/api/webhooks/endpoints')).body).toEqual([]);
    const [row] = await api.db.query(
      `SELECT enabled, secret_rotated_at = created_at AS same FROM webhook_endpoints WHERE id = $1`,
      [endpoint.id],
    );
    expect(row).toEqual({ enabled: true, same: true });

    for (const role of ['hr', 'manager', 'employee'] as Role[]) {
      const client = await new HttpClient(api.url).login(own.world.users[role].email, TEST_PASSWORD);
      const statuses = [
        await client.get('/api/webhooks/endpoints'),
        await client.post('/api/webhooks/endpoints', {
          url: 'https://example.com/x',
          events: ['round.opened'],
        }),
        await client.get(`/api/webhooks/endpoints/${endpoint.id}/deliveries`),
        await client.post(`/api/webhooks/deliveries/${delivery.id}/redeliver`, {}),
      ].map((r) => r.status);
      expect(`${role} ${statuses.join(',')}`).toBe(`${role} 403,403,403,403`);
    }
    expect(receiver.at('/own')).toHaveLength(1);
  });
});
