import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { OperatorAuthService, RoundsService, SetupService } from '@wk/api-testing';
import { createCycle } from '../support/cycles';
import { createPublishedValueSet, createWorld, TEST_PASSWORD } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

const ROOT = join(__dirname, '..', '..');

/** Runs the platform command line from source against this file's database. */
function cli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'test/support/register-ts.js'), join(ROOT, 'apps/api/src/cli.ts'), ...args],
      {
        env: { ...process.env, NODE_ENV: 'test' },
        cwd: ROOT,
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Tables that hold an organisation's rows (every one has organisation_id). */
async function rowsOf(api: RunningApi, organisationId: string): Promise<Record<string, number>> {
  const tables: { table_name: string }[] = await api.db.query(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'organisation_id' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE organisation_id = $1`,
      [organisationId],
    );
    if (n > 0) counts[table_name] = n;
  }
  const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM organisations WHERE id = $1`, [
    organisationId,
  ]);
  if (n > 0) counts.organisations = n;
  return counts;
}

describe('first-run setup and the platform operator', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-platform`;
  let api: RunningApi;
  let operator: HttpClient;

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix, SMTP_URL: undefined });
    const { password } = await api.app.get(OperatorAuthService).create('host@platform.test', 'Host');
    operator = new HttpClient(api.url);
    expect(
      (await operator.post('/api/operator/login', { email: 'host@platform.test', password })).status,
    ).toBe(204);
  });
  afterAll(() => api.close());

  it('sets up a fresh installation once, with the token from the log, and signs the first admin in', async () => {
    const anonymous = new HttpClient(api.url);
    expect((await anonymous.get('/api/setup')).body).toEqual({ needed: true });
    const token = await api.app.get(SetupService).announceIfNeeded();
    expect(token).toEqual(expect.any(String));
    const body = {
      token: token!,
      organisation: { name: 'Woonstede Ede', locale: 'nl', timeZone: 'Europe/Amsterdam' },
      admin: { name: 'Eerste Beheerder', email: 'beheer@woonstede.test', password: 'Een-goed-wachtwoord-1' },
    };

    const bad = await anonymous.post('/api/setup', {
      ...body,
      organisation: { ...body.organisation, timeZone: 'Mars/Olympus' },
      admin: { ...body.admin, password: 'kort' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'admin.password',
      'organisation.timeZone',
    ]);
    const wrongToken = await anonymous.post('/api/setup', { ...body, token: 'niet-het-token' });
    expect(wrongToken.status).toBe(400);
    expect(wrongToken.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
    expect((await anonymous.get('/api/setup')).body).toEqual({ needed: true });

    // A double click: one setup, one organisation.
    const [first, second] = await Promise.all([
      new HttpClient(api.url).post('/api/setup', body),
      new HttpClient(api.url).post('/api/setup', body),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const admin = first.status === 201 ? first : second;
    expect(admin.headers.get('set-cookie')).toMatch(/wk_session=.+HttpOnly/);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM organisations`);
    expect(n).toBe(1);

    const signedIn = new HttpClient(api.url);
    await signedIn.login('beheer@woonstede.test', 'Een-goed-wachtwoord-1');
    const me = (await signedIn.get('/api/me')).body;
    expect(me).toMatchObject({
      role: 'admin',
      organisation: { name: 'Woonstede Ede', slug: 'woonstede-ede' },
    });
    expect((await signedIn.get('/api/setup/checklist')).body).toEqual({
      values: false,
      people: false,
      cycle: false,
      survey: false,
    });
    await signedIn.post('/api/people', { email: 'collega@woonstede.test', name: 'Collega', invite: false });
    expect((await signedIn.get('/api/setup/checklist')).body).toMatchObject({ people: true, values: false });

    // Set up is set up: the token is spent and the page is gone.
    expect((await anonymous.get('/api/setup')).body).toEqual({ needed: false });
    const again = await anonymous.post('/api/setup', body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_set_up');
    expect(await api.app.get(SetupService).announceIfNeeded()).toBeNull();
  });

  it('lets the operator create an organisation with its first admin invited, and see counts only', async () => {
    const created = await operator.post('/api/operator/organisations', {
      name: 'Zorggroep Één',
      locale: 'en',
      timeZone: 'Europe/London',
      admin: { name: 'Anna Admin', email: 'anna@zorggroep.test' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Zorggroep Één',
      slug: 'zorggroep-een',
      status: 'active',
      people: { active: 0, invited: 1, deactivated: 0 },
      admins: 1,
    });
    const [invite] = await api.db.query(
      `SELECT kind, to_address, subject FROM outbox_messages WHERE organisation_id = $1`,
      [created.body.id],
    );
    expect(invite).toMatchObject({ kind: 'invite', to_address: 'anna@zorggroep.test' });
    expect(invite.subject).toMatch(/invitation/i);

    const taken = await operator.post('/api/operator/organisations', {
      name: 'Ander',
      slug: 'zorggroep-een',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'slug' })]);
    const bad = await operator.post('/api/operator/organisations', {
      name: '',
      admin: { email: 'geen-adres' },
    });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'admin.email',
      'admin.name',
      'name',
    ]);

    const list = (await operator.get('/api/operator/organisations')).body as Record<string, unknown>[];
    expect(list.map((o) => o.slug)).toEqual(expect.arrayContaining(['woonstede-ede', 'zorggroep-een']));
    // Counts and names of organisations; no person, answer, comment or value text.
    for (const organisation of list)
      expect(Object.keys(organisation).sort()).toEqual(
        [
          'admins',
          'createdAt',
          'cycles',
          'id',
          'isDemo',
          'lastSignInAt',
          'mailsLast30Days',
          'name',
          'people',
          'responsesLast30Days',
          'roundsLast30Days',
          'slug',
          'status',
          'surveys',
          'teams',
        ].sort(),
      );
    expect(JSON.stringify(list)).not.toContain('anna@zorggroep.test');
  });

  it('suspends an organisation (no session, sign-in or API key works; data kept) and resumes it', async () => {
    const world = await createWorld(api.db, 'Geschorst');
    const admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    const key = await admin.post('/api/api-keys', { name: 'CRM' });
    expect(key.status).toBe(201);
    const bearer = { authorization: `Bearer ${key.body.key}` };
    const crm = () => new HttpClient(api.url).request('POST', '/api/v1/survey-invitations', {}, bearer);
    expect((await crm()).status).not.toBe(401);
    const scimToken = (await admin.post('/api/scim-tokens', { name: 'Entra ID' })).body.token;
    const idp = () =>
      new HttpClient(api.url).request('GET', '/scim/v2/Users', undefined, {
        authorization: `Bearer ${scimToken}`,
      });
    expect((await idp()).status).toBe(200);

    const suspended = await operator.patch(`/api/operator/organisations/${world.organisationId}`, {
      status: 'suspended',
    });
    expect(suspended.body.status).toBe('suspended');
    expect((await admin.get('/api/me')).status).toBe(401);
    const login = await new HttpClient(api.url).post('/api/auth/login', {
      email: world.users.hr.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(401);
    expect((await crm()).status).toBe(401);
    expect((await idp()).status).toBe(401);
    expect(await rowsOf(api, world.organisationId)).toMatchObject({ users: 6, teams: 3 });
    // Nothing fires for it: a cycle's firing is skipped as if the cycle were paused.
    const values = await createPublishedValueSet(api.db, world.organisationId);
    const [{ id: cycleId }] = await api.db.query(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
       VALUES ($1, 'Geschorst', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'active') RETURNING id`,
      [world.organisationId, values.versionId],
    );
    expect(await api.app.get(RoundsService).startRound(cycleId, new Date())).toEqual({ status: 'inactive' });

    await operator.patch(`/api/operator/organisations/${world.organisationId}`, { status: 'active' });
    expect((await admin.get('/api/me')).status).toBe(200);
    expect((await idp()).status).toBe(200);
    expect(
      (await operator.patch(`/api/operator/organisations/${world.organisationId}`, { status: 'weg' })).status,
    ).toBe(400);
  });

  it('deletes an organisation with every row it owns and its schedules, after typing its slug', async () => {
    const world = await createWorld(api.db, 'Opgeheven');
    const other = await createWorld(api.db, 'Blijft');
    const values = await createPublishedValueSet(api.db, world.organisationId);
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const cycle = await createCycle(hr, { valuesVersionId: values.versionId, teamIds: [world.teamId] });
    const queue = api.app.get<Queue>(getQueueToken('assessments'));
    expect(await queue.getJobScheduler(`cycle-${cycle.id}`)).toBeTruthy();
    const before = await rowsOf(api, world.organisationId);
    expect(Object.keys(before).length).toBeGreaterThan(5);
    const otherBefore = await rowsOf(api, other.organisationId);

    const wrong = await operator.delete(
      `/api/operator/organisations/${world.organisationId}?confirm=iets-anders`,
    );
    expect(wrong.status).toBe(409);
    expect(await rowsOf(api, world.organisationId)).toEqual(before);

    const [{ slug }] = await api.db.query(`SELECT slug FROM organisations WHERE id = $1`, [
      world.organisationId,
    ]);
    expect(
      (await operator.delete(`/api/operator/organisations/${world.organisationId}?confirm=${slug}`)).status,
    ).toBe(204);
    expect(await rowsOf(api, world.organisationId)).toEqual({});
    expect(await rowsOf(api, other.organisationId)).toEqual(otherBefore);
    expect(await queue.getJobScheduler(`cycle-${cycle.id}`)).toBeFalsy();
    expect((await operator.get(`/api/operator/organisations/${world.organisationId}`)).status).toBe(404);
  });

  it('does the same from the command line: npm run org -- create / delete', async () => {
    const created = await cli([
      'org',
      'create',
      'Woningbouw CLI',
      '--locale',
      'nl',
      '--admin-email',
      'cli-admin@woningbouw.test',
      '--admin-name',
      'Cli Admin',
    ]);
    expect(created.output).toContain('Organisation "Woningbouw CLI" created (woningbouw-cli');
    expect(created.code).toBe(0);
    const [row] = await api.db.query(`SELECT id FROM organisations WHERE slug = 'woningbouw-cli'`);
    const [admin] = await api.db.query(`SELECT role, status FROM users WHERE organisation_id = $1`, [row.id]);
    expect(admin).toEqual({ role: 'admin', status: 'invited' });

    const deleted = await cli(['org', 'delete', 'woningbouw-cli', '--confirm', 'woningbouw-cli']);
    expect(deleted.code).toBe(0);
    expect(await rowsOf(api, row.id)).toEqual({});
  }, 120_000);
});
