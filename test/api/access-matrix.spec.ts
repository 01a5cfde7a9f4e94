import { openApiDocument } from '@wk/api-testing';
import { outranks, PERMISSIONS, ROLES, roleHas } from '@wk/contracts';
import type { Permission, Role } from '@wk/contracts';
import { createPublishedValueSet, createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

interface Route {
  method: string;
  path: string;
  permission?: Permission;
  isPublic: boolean;
  /** Called by other systems with an organisation API key instead of a session. */
  isApiKey: boolean;
  /** For the platform operator only, outside every organisation. */
  isOperator: boolean;
}

/** Every route of the running app, read from its OpenAPI document, so new routes are covered automatically. */
function routesOf(api: RunningApi): Route[] {
  const doc = openApiDocument(api.app);
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Record<string, unknown>>).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      permission: op['x-permission'] as Permission | undefined,
      isPublic: op['x-public'] === true,
      isApiKey: op['x-api-key'] === true,
      isOperator: op['x-operator'] === true,
    })),
  );
}

/** Ids of the own organisation's rows, one per kind of route. */
interface Fixtures {
  world: World;
  outboxId: string;
  valueVersionId: string;
  cycleId: string;
  roundId: string;
  segmentId: string;
  journeyId: string;
  surveyId: string;
  waveId: string;
  apiKeyId: string;
  importJobId: string;
  webhookEndpointId: string;
  webhookDeliveryId: string;
  scimTokenId: string;
  actionId: string;
  appraisalCycleId: string;
  appraisalId: string;
}

/** A real id of the own organisation for every path parameter; an unknown parameter fails the test. */
function fill(path: string, fixtures: Fixtures): string {
  const { world, outboxId, valueVersionId, cycleId, roundId } = fixtures;
  // Insights need a period; with it, a foreign id reaches the handler and must answer 404.
  const query =
    path === '/api/insights/periods'
      ? '?period=round'
      : path.startsWith('/api/insights/')
        ? '?period=quarter'
        : '';
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'kind') return 'employees';
    if (name === 'key' && path.startsWith('/api/values/templates/')) return 'vidomes';
    if (name === 'key' && path.startsWith('/api/values/')) return 'betrouwbaar';
    if (name === 'agreementId') return '00000000-0000-4000-8000-000000000000';
    if (name !== 'id') throw new Error(`no fixture for path parameter {${name}} in ${path}: add one here`);
    if (path.startsWith('/api/operator/organisations/')) return world.organisationId;
    if (path.startsWith('/api/people/')) return world.teamMember.id;
    if (path.startsWith('/api/teams/')) return world.teamId;
    if (path.startsWith('/api/outbox/')) return outboxId;
    if (path.startsWith('/api/values/versions/')) return valueVersionId;
    if (path.startsWith('/api/cycles/')) return cycleId;
    if (path.startsWith('/api/rounds/')) return roundId;
    if (path.startsWith('/api/segments/')) return fixtures.segmentId;
    if (path.startsWith('/api/journeys/')) return fixtures.journeyId;
    if (path.startsWith('/api/surveys/')) return fixtures.surveyId;
    if (path.startsWith('/api/waves/')) return fixtures.waveId;
    if (path.startsWith('/api/api-keys/')) return fixtures.apiKeyId;
    if (path.startsWith('/api/scim-tokens/')) return fixtures.scimTokenId;
    if (path.startsWith('/api/appraisal-cycles/')) return fixtures.appraisalCycleId;
    if (path.startsWith('/api/appraisals/')) return fixtures.appraisalId;
    if (path.startsWith('/api/import/jobs/')) return fixtures.importJobId;
    if (path.startsWith('/api/webhooks/endpoints/')) return fixtures.webhookEndpointId;
    if (path.startsWith('/api/webhooks/deliveries/')) return fixtures.webhookDeliveryId;
    if (path.startsWith('/api/insights/journeys/')) return fixtures.journeyId;
    if (path.startsWith('/api/insights/teams/')) return world.teamId;
    if (path.startsWith('/api/actions/')) return fixtures.actionId;
    if (path.startsWith('/api/v1/surveys/')) return fixtures.surveyId;
    throw new Error(`no fixture id for ${path}: add one here`);
  });
  return filled + query;
}

/** Bodies that pass validation, so that a foreign id reaches the handler and must answer 404. */
const VALID_BODIES: Record<string, unknown> = {
  'PUT /api/teams/{id}/managers': { userIds: [] },
  'PUT /api/segments/{id}': { name: 'Matrix' },
  'PUT /api/journeys/{id}': { name: 'Matrix', touchpoints: [] },
  'POST /api/actions/{id}/notes': { body: 'Matrix' },
  'PUT /api/appraisals/{id}/self-review': { version: 1, ratings: [] },
  'PUT /api/appraisals/{id}/manager-review': { version: 1, ratings: [] },
  'PUT /api/appraisals/{id}/conversation': { version: 1 },
  'PUT /api/appraisals/{id}/shared-rounds': { roundIds: [] },
  'PUT /api/appraisals/{id}/reviewer': { reviewerId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/appraisals/{id}/reopen': { reason: 'Matrix' },
  'PUT /api/appraisals/{id}/previous-agreements/{agreementId}/follow-up': { status: 'achieved' },
};

describe('access matrix: every route × every role × a foreign organisation', () => {
  let api: RunningApi;
  let world: World;
  let foreign: World;
  let routes: Route[];
  let fixtures: Fixtures;
  const clients = {} as Record<Role, HttpClient>;

  beforeAll(async () => {
    api = await startApi();
    world = await createWorld(api.db, 'Eigen');
    foreign = await createWorld(api.db, 'Vreemd');
    const [{ id: outboxId }] = await api.db.query(
      `INSERT INTO outbox_messages (organisation_id, kind, dedup_key, to_address, subject, text_body, status)
       VALUES ($1, 'test', 'matrix', 'x@example.test', 'Hallo', 'Tekst', 'held') RETURNING id`,
      [world.organisationId],
    );
    const { versionId: valueVersionId } = await createPublishedValueSet(api.db, world.organisationId);
    // A paused cycle (no scheduler fires it) with one open round.
    const [{ id: cycleId }] = await api.db.query(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
       VALUES ($1, 'Matrix', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'paused') RETURNING id`,
      [world.organisationId, valueVersionId],
    );
    const [{ id: roundId }] = await api.db.query(
      `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, closes_at)
       VALUES ($1, $2, $3, now(), now() + interval '14 days') RETURNING id`,
      [world.organisationId, cycleId, valueVersionId],
    );
    // A closed survey (nothing fires) that uses the segment and journey, so their DELETEs answer 409.
    const [{ id: segmentId }] = await api.db.query(
      `INSERT INTO customer_segments (organisation_id, name) VALUES ($1, 'Matrix') RETURNING id`,
      [world.organisationId],
    );
    const [{ id: journeyId }] = await api.db.query(
      `INSERT INTO customer_journeys (organisation_id, name, segment_id) VALUES ($1, 'Matrix', $2) RETURNING id`,
      [world.organisationId, segmentId],
    );
    const [{ id: surveyId }] = await api.db.query(
      `INSERT INTO surveys (organisation_id, name, values_version_id, open_code, journey_id, segment_id, status)
       VALUES ($1, 'Matrix', $2, replace(gen_random_uuid()::text, '-', ''), $3, $4, 'closed') RETURNING id`,
      [world.organisationId, valueVersionId, journeyId, segmentId],
    );
    const [{ id: waveId }] = await api.db.query(
      `INSERT INTO survey_waves (organisation_id, survey_id, kind, closes_at, closed_at)
       VALUES ($1, $2, 'upload', now() + interval '1 day', now()) RETURNING id`,
      [world.organisationId, surveyId],
    );
    const [{ id: apiKeyId }] = await api.db.query(
      `INSERT INTO api_keys (organisation_id, name, prefix, key_hash) VALUES ($1, 'Matrix', 'wk_matrix', repeat('0', 64)) RETURNING id`,
      [world.organisationId],
    );
    const [{ id: importJobId }] = await api.db.query(
      `INSERT INTO import_jobs (organisation_id, kind, status, progress_total) VALUES ($1, 'teams', 'failed', 0) RETURNING id`,
      [world.organisationId],
    );
    const [{ id: scimTokenId }] = await api.db.query(
      `INSERT INTO scim_tokens (organisation_id, name, prefix, token_hash) VALUES ($1, 'Matrix', 'wkscim_matri', repeat('1', 64)) RETURNING id`,
      [world.organisationId],
    );
    const [{ id: webhookEndpointId }] = await api.db.query(
      `INSERT INTO webhook_endpoints (organisation_id, url, event_types, secret_encrypted)
       VALUES ($1, 'https://example.com/hook', '{round.opened}', '\\x00') RETURNING id`,
      [world.organisationId],
    );
    const [{ id: webhookEventId }] = await api.db.query(
      `INSERT INTO webhook_events (organisation_id, type, data) VALUES ($1, 'round.opened', '{}') RETURNING id`,
      [world.organisationId],
    );
    const [{ id: webhookDeliveryId }] = await api.db.query(
      `INSERT INTO webhook_deliveries (organisation_id, endpoint_id, event_id, status) VALUES ($1, $2, $3, 'failed') RETURNING id`,
      [world.organisationId, webhookEndpointId, webhookEventId],
    );
    // An action of the team outside the manager's scope, owned by HR: others in the organisation do not see it (404).
    const [{ id: focusId }] = await api.db.query(
      `INSERT INTO action_focuses (organisation_id, title, value_key, team_id, period_kind, period, metric)
       VALUES ($1, 'Matrix', 'betrouwbaar', $2, 'quarter', '2026-Q3', 'customer') RETURNING id`,
      [world.organisationId, world.otherTeamId],
    );
    const [{ id: actionId }] = await api.db.query(
      `INSERT INTO actions (organisation_id, focus_id, what, owner_id, due_date) VALUES ($1, $2, 'Matrix', $3, '2026-12-31') RETURNING id`,
      [world.organisationId, focusId, world.users.hr.id],
    );
    // An open appraisal cycle (far-off deadlines) with the employee's appraisal, reviewed by the manager.
    const [{ id: appraisalCycleId }] = await api.db.query(
      `INSERT INTO appraisal_cycles (organisation_id, name, period_start, period_end, values_version_id, self_review_due,
         manager_review_due, conversation_due, sign_off_due, status)
       VALUES ($1, 'Matrix', '2026-01-01', '2026-12-31', $2, '2099-01-01', '2099-02-01', '2099-03-01', '2099-04-01', 'open')
       RETURNING id`,
      [world.organisationId, valueVersionId],
    );
    const [{ id: appraisalId }] = await api.db.query(
      `INSERT INTO appraisals (organisation_id, cycle_id, employee_id, reviewer_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [world.organisationId, appraisalCycleId, world.users.employee.id, world.users.manager.id],
    );
    fixtures = {
      appraisalCycleId,
      appraisalId,
      actionId,
      scimTokenId,
      importJobId,
      webhookEndpointId,
      webhookDeliveryId,
      world,
      outboxId,
      valueVersionId,
      cycleId,
      roundId,
      segmentId,
      journeyId,
      surveyId,
      waveId,
      apiKeyId,
    };
    routes = routesOf(api);
    for (const role of ROLES)
      clients[role] = await new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD);
  });
  afterAll(() => api.close());

  it('finds the routes and every one declares exactly one access rule', () => {
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes.filter(
      (r) => [r.isPublic, Boolean(r.permission), r.isApiKey, r.isOperator].filter(Boolean).length !== 1,
    );
    expect(undeclared).toEqual([]);
    for (const r of routes) if (r.permission) expect(Object.keys(PERMISSIONS)).toContain(r.permission);
  });

  it('gives every role its home page (GET /api/home: self.read; the content is by role)', async () => {
    expect(routes).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/api/home', permission: 'self.read' }),
    );
    for (const role of ROLES) {
      const res = await clients[role].get('/api/home');
      expect(`${role} ${res.status} ${res.body.role}`).toBe(`${role} 200 ${role}`);
      // HR's part only for HR and admins, the manager's only for managers.
      expect(res.body.organisation === null).toBe(!roleHas(role, 'setup.checklist'));
      expect(res.body.manager === null).toBe(role !== 'manager');
    }
    const intruder = await new HttpClient(api.url).login(foreign.users.admin.email, TEST_PASSWORD);
    const theirs = JSON.stringify((await intruder.get('/api/home')).body);
    for (const id of [fixtures.roundId, fixtures.actionId, fixtures.appraisalId, world.teamId])
      expect(theirs).not.toContain(id);
  });

  it('refuses every non-public route without a session (401)', async () => {
    const anonymous = new HttpClient(api.url);
    const outcomes = [];
    for (const route of routes.filter((r) => !r.isPublic && !r.isApiKey && !r.isOperator)) {
      const res = await anonymous.request(
        route.method,
        fill(route.path, fixtures),
        route.method === 'GET' ? undefined : {},
      );
      outcomes.push(`${route.method} ${route.path} ${res.status}`);
    }
    expect(outcomes).toEqual(
      routes
        .filter((r) => !r.isPublic && !r.isApiKey && !r.isOperator)
        .map((r) => `${r.method} ${r.path} 401`),
    );
  });

  it.each(ROLES)('lets %s through exactly where its role has the permission, else 403', async (role) => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic && !r.isApiKey && !r.isOperator)) {
      const res = await clients[role].request(
        route.method,
        fill(route.path, fixtures),
        route.method === 'GET' ? undefined : {},
      );
      const allowed = roleHas(role, route.permission as Permission);
      outcomes.push(
        `${route.method} ${route.path} ${allowed ? (res.status === 401 || res.status === 403 ? res.status : 'allowed') : res.status}`,
      );
      expected.push(`${route.method} ${route.path} ${allowed ? 'allowed' : 403}`);
    }
    expect(outcomes).toEqual(expected);
  });

  it('answers 404 for every id of another organisation, even to its admin', async () => {
    const intruder = await new HttpClient(api.url).login(foreign.users.admin.email, TEST_PASSWORD);
    // Organisation-scoped routes; the operator's are outside every organisation (401 above); API-key
    // routes take no session (their foreign-organisation check is in the API-key test below).
    const withIds = routes.filter((r) => r.path.includes('{id}') && !r.isOperator && !r.isApiKey);
    expect(withIds.length).toBeGreaterThan(5);
    const outcomes = [];
    for (const route of withIds) {
      const body = route.method === 'GET' ? undefined : (VALID_BODIES[`${route.method} ${route.path}`] ?? {});
      const res = await intruder.request(route.method, fill(route.path, fixtures), body);
      outcomes.push(`${route.method} ${route.path} ${res.status}`);
    }
    expect(outcomes).toEqual(withIds.map((r) => `${r.method} ${r.path} 404`));
  });

  it('keeps the queue dashboard (Bull Board) and operator routes from every organisation role, admins included', async () => {
    const paths = ['/api/operator/queues', '/api/operator/queues/api/queues', '/api/operator/me'];
    for (const client of [new HttpClient(api.url), ...Object.values(clients)])
      for (const path of paths) expect(`${path} ${(await client.get(path)).status}`).toBe(`${path} 401`);
    // Every operator route (organisations, their lifecycle) refuses every organisation role alike.
    const operatorRoutes = routes.filter((r) => r.isOperator);
    expect(operatorRoutes.length).toBeGreaterThanOrEqual(6);
    for (const route of operatorRoutes)
      for (const client of Object.values(clients)) {
        const res = await client.request(
          route.method,
          fill(route.path, fixtures),
          route.method === 'GET' ? undefined : {},
        );
        expect(`${route.method} ${route.path} ${res.status}`).toBe(`${route.method} ${route.path} 401`);
      }
    // The actions that crossed organisations: pausing a queue, promoting or retrying jobs.
    for (const [method, path] of [
      ['PUT', '/api/operator/queues/api/queues/mail/pause'],
      ['PUT', '/api/operator/queues/api/queues/assessments/retry/failed'],
      ['PUT', '/api/operator/queues/api/queues/assessments/promote'],
    ] as const)
      expect((await clients.admin.request(method, path)).status).toBe(401);
    // The old, shared path is gone for everyone.
    expect((await clients.admin.get('/api/admin/queues')).status).toBe(404);
    expect((await clients.admin.get('/api/admin/queues/api/queues')).status).toBe(404);
  });

  it('refuses an e-mail, status or link change of anyone who outranks the caller, for every pair of roles', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const caller of ['admin', 'hr'] as const) {
      for (const target of ROLES) {
        const changes = [
          ['email', { email: `nieuw-${caller}-${target}@example.test` }],
          ['status', { status: 'deactivated' }],
          ['invitation', null],
        ] as const;
        for (const [what, patch] of changes) {
          const person = await createUser(api.db, world.organisationId, {
            role: target,
            status: what === 'invitation' ? 'invited' : 'active',
          });
          const res = patch
            ? await clients[caller].patch(`/api/people/${person.id}`, patch)
            : await clients[caller].post(`/api/people/${person.id}/invitation`);
          const refused = outranks(target, caller);
          const outcome = res.status < 300 ? 'ok' : `${res.status} ${res.body.code}`;
          outcomes.push(`${caller} → ${target} ${what}: ${outcome}`);
          expected.push(`${caller} → ${target} ${what}: ${refused ? '403 outranked' : 'ok'}`);
          if (refused) {
            const [row] = await api.db.query(`SELECT email, status FROM users WHERE id = $1`, [person.id]);
            expect(row).toEqual({
              email: person.email,
              status: what === 'invitation' ? 'invited' : 'active',
            });
          }
        }
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('lets API-key routes through only with a valid key of the organisation, never with a session', async () => {
    const apiKeyRoutes = routes.filter((r) => r.isApiKey);
    expect(apiKeyRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/v1/surveys/{id}',
      'POST /api/v1/survey-invitations',
    ]);
    for (const route of apiKeyRoutes) {
      const body = route.method === 'GET' ? undefined : {};
      expect((await new HttpClient(api.url).request(route.method, route.path, body)).status).toBe(401);
      expect((await clients.admin.request(route.method, route.path, body)).status).toBe(401);
    }
    // Another organisation's key finds none of this organisation's ids.
    const intruder = await new HttpClient(api.url).login(foreign.users.admin.email, TEST_PASSWORD);
    const foreignKey = (await intruder.post('/api/api-keys', { name: 'Matrix' })).body.key as string;
    for (const route of apiKeyRoutes.filter((r) => r.path.includes('{id}'))) {
      const res = await new HttpClient(api.url).request(route.method, fill(route.path, fixtures), undefined, {
        authorization: `Bearer ${foreignKey}`,
      });
      expect(`${route.method} ${route.path} ${res.status}`).toBe(`${route.method} ${route.path} 404`);
    }
  });

  it('keeps lists within the organisation', async () => {
    const intruder = await new HttpClient(api.url).login(foreign.users.admin.email, TEST_PASSWORD);
    const people = await intruder.get('/api/people?limit=200');
    const teams = await intruder.get('/api/teams');
    const outbox = await intruder.get('/api/outbox');
    const ownIds = [world.teamMember.id, world.outsider.id, ...Object.values(world.users).map((u) => u.id)];
    expect(people.body.items.map((p: { id: string }) => p.id)).not.toEqual(
      expect.arrayContaining([ownIds[0]]),
    );
    expect(people.body.total).toBe(6);
    expect(teams.body.map((t: { id: string }) => t.id)).not.toContain(world.teamId);
    expect(outbox.body.items.map((m: { id: string }) => m.id)).not.toContain(fixtures.outboxId);
    expect((await intruder.get('/api/values/versions')).body).toEqual([]);
    expect((await intruder.get('/api/values/current')).status).toBe(404);
  });
});
