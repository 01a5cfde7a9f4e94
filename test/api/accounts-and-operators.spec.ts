import { OperatorAuthService } from '@wk/api-testing';
import { ROLES } from '@wk/contracts';
import type { Role } from '@wk/contracts';
import { createCycle } from '../support/cycles';
import { createPublishedValueSet, createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import type { INestApplicationContext } from '@nestjs/common';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { linkIn, SmtpSink } from '../support/smtp-sink';

describe('platform operator: the queue dashboard belongs to no organisation', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-operator`;
  let api: RunningApi;
  let a: World;
  let b: World;

  beforeAll(async () => {
    // SMTP "configured" but no worker: dispatched mails wait in the queue, where the job list reads them.
    api = await startApi({ QUEUE_PREFIX: prefix, SMTP_URL: 'smtp://127.0.0.1:9' });
    a = await createWorld(api.db, 'Operator A');
    b = await createWorld(api.db, 'Operator B');
  });
  afterAll(async () => {
    await api.db.query(
      `UPDATE assessment_cycles SET status = 'archived' WHERE organisation_id = ANY($1::uuid[])`,
      [[a.organisationId, b.organisationId]],
    );
    await api.close();
  });

  it('lets only a signed-in operator open Bull Board, with its own cookie', async () => {
    const operators = api.app.get(OperatorAuthService);
    const { password } = await operators.create('host@operator.test', 'Host');
    expect(password.length).toBeGreaterThanOrEqual(32);

    const wrong = await new HttpClient(api.url).post('/api/operator/login', {
      email: 'host@operator.test',
      password: 'not-it',
    });
    expect(wrong.status).toBe(401);
    // An organisation admin's password is no operator password, even for the same address.
    const asAdmin = await new HttpClient(api.url).post('/api/operator/login', {
      email: a.users.admin.email,
      password: TEST_PASSWORD,
    });
    expect(asAdmin.status).toBe(401);

    const operator = new HttpClient(api.url);
    const login = await operator.post('/api/operator/login', { email: 'host@operator.test', password });
    expect(login.status).toBe(204);
    expect(login.headers.get('set-cookie')).toMatch(
      /wk_operator=.+; .*Path=\/api\/operator; .*HttpOnly; SameSite=Strict/,
    );
    expect((await operator.get('/api/operator/me')).body).toMatchObject({ email: 'host@operator.test' });
    const queues = await operator.get('/api/operator/queues/api/queues');
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['assessments', 'insights', 'mail', 'surveys']),
    );
    // The operator is nobody inside an organisation.
    expect((await operator.get('/api/people')).status).toBe(401);
    expect((await operator.get('/api/insights/kpis?period=quarter')).status).toBe(401);

    expect((await operator.post('/api/operator/logout')).status).toBe(204);
    expect((await operator.get('/api/operator/queues/api/queues')).status).toBe(401);
  });

  it("shows an organisation's admin its own jobs and schedules, never another organisation's", async () => {
    const setUp = async (world: World) => {
      const values = await createPublishedValueSet(api.db, world.organisationId);
      const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
      const cycle = await createCycle(hr, { valuesVersionId: values.versionId, teamIds: [world.teamId] });
      const person = await hr.post('/api/people', {
        email: `nieuw-${world.slug}@example.test`,
        name: 'Nieuw',
      });
      expect(person.status).toBe(201);
      const [{ id: outboxId }] = await api.db.query(
        `SELECT id FROM outbox_messages WHERE organisation_id = $1 AND kind = 'invite' AND to_address = $2`,
        [world.organisationId, `nieuw-${world.slug}@example.test`],
      );
      return { cycleId: cycle.id, outboxId: outboxId as string };
    };
    const own = await setUp(a);
    const other = await setUp(b);

    const admin = await new HttpClient(api.url).login(a.users.admin.email, TEST_PASSWORD);
    const listed = await admin.get('/api/jobs');
    expect(listed.status).toBe(200);
    const subjects = listed.body.jobs.map((j: { subject: { id: string } }) => j.subject.id);
    const schedules = listed.body.schedules.map((s: { id: string }) => s.id);
    expect(subjects).toContain(own.outboxId);
    expect(schedules).toEqual([own.cycleId]);
    expect(subjects).not.toContain(other.outboxId);
    expect(schedules).not.toContain(other.cycleId);
    expect(listed.body.schedules[0].nextRunAt).toMatch(/-01-01T/);

    const waiting = await admin.get('/api/jobs?state=waiting');
    expect(waiting.body.jobs.every((j: { state: string }) => j.state === 'waiting')).toBe(true);
    expect((await admin.get('/api/jobs?state=paused')).status).toBe(400);
  });
});

describe('changes to people with more rights, and confirmed e-mail changes', () => {
  const smtp = new SmtpSink();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let world: World;
  const clients = {} as Record<Role, HttpClient>;

  beforeAll(async () => {
    const SMTP_URL = await smtp.start();
    const env = {
      SMTP_URL,
      PUBLIC_URL: 'http://wk.example.test',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-rank`,
    };
    api = await startApi(env);
    worker = await startWorker(env);
    world = await createWorld(api.db, 'Rang');
    for (const role of ROLES)
      clients[role] = await new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD);
  });
  /** SMTP keeps the local part's case but may lower the domain's. */
  const mailsTo = (address: string) =>
    smtp.messages.filter((m) => m.to.some((to) => to.toLowerCase() === address));
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
  });

  it('lets HR still rename an admin (no rights involved), but not take over its account through a reset', async () => {
    const admin = world.users.admin;
    expect((await clients.hr.patch(`/api/people/${admin.id}`, { name: 'Hernoemd' })).status).toBe(200);
    // The dashboard's form sends every field; unchanged role, status and e-mail are no change.
    const wholeForm = { name: 'Hernoemd', email: admin.email, role: 'admin', status: 'active' };
    expect((await clients.hr.patch(`/api/people/${admin.id}`, wholeForm)).status).toBe(200);
    expect((await clients.hr.patch(`/api/people/${admin.id}`, { role: 'hr' })).status).toBe(403);
    const takeover = await clients.hr.patch(`/api/people/${admin.id}`, { email: 'aanvaller@example.test' });
    expect(takeover.status).toBe(403);
    await new HttpClient(api.url).post('/api/auth/password-reset', { email: 'aanvaller@example.test' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to('aanvaller@example.test')).toEqual([]);
  });

  it('keeps the old address until the new one confirms, and tells the old one', async () => {
    const person = await createUser(api.db, world.organisationId, { role: 'hr', email: 'oud@example.test' });
    const changed = await clients.admin.patch(`/api/people/${person.id}`, { email: 'Nieuw@Example.test' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: 'oud@example.test', pendingEmail: 'Nieuw@Example.test' });

    const [confirmation] = await eventually(async () =>
      mailsTo('nieuw@example.test').length ? mailsTo('nieuw@example.test') : null,
    );
    const [notice] = await eventually(async () =>
      smtp.to('oud@example.test').length ? smtp.to('oud@example.test') : null,
    );
    expect(notice.text).toContain('Nieuw@Example.test');
    expect(notice.text).not.toMatch(/https?:\/\//);
    const link = linkIn(confirmation);
    expect(link.origin + link.pathname).toBe('http://wk.example.test/confirm-email');
    const token = link.searchParams.get('token')!;

    // Until confirmed, a reset to the new address sends nothing and the old address still signs in.
    await new HttpClient(api.url).post('/api/auth/password-reset', { email: 'nieuw@example.test' });
    await new HttpClient(api.url).login('oud@example.test', TEST_PASSWORD);
    // The confirmation link is no password link.
    const misuse = await new HttpClient(api.url).post('/api/auth/set-password', {
      token,
      password: 'Some-long-password-1',
    });
    expect(misuse.body.code).toBe('link_invalid');

    const anonymous = new HttpClient(api.url);
    expect((await anonymous.post('/api/auth/confirm-email', { token })).status).toBe(204);
    expect((await anonymous.post('/api/auth/confirm-email', { token })).body.code).toBe('link_invalid');
    await new HttpClient(api.url).login('nieuw@example.test', TEST_PASSWORD);
    expect((await clients.admin.get(`/api/people/${person.id}`)).body).toMatchObject({
      email: 'Nieuw@Example.test',
      pendingEmail: null,
    });
    expect(
      (
        await new HttpClient(api.url).post('/api/auth/login', {
          email: 'oud@example.test',
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(401);
    expect(mailsTo('nieuw@example.test')).toHaveLength(1);
  });

  it('refuses a confirmation when the address was taken meanwhile (409), and a second change replaces the first', async () => {
    const person = await createUser(api.db, world.organisationId, { email: 'wissel@example.test' });
    await clients.hr.patch(`/api/people/${person.id}`, { email: 'eerste@example.test' });
    await clients.hr.patch(`/api/people/${person.id}`, { email: 'tweede@example.test' });
    const first = await eventually(async () => smtp.to('eerste@example.test')[0]);
    const second = await eventually(async () => smtp.to('tweede@example.test')[0]);
    const anonymous = new HttpClient(api.url);
    const stale = await anonymous.post('/api/auth/confirm-email', {
      token: linkIn(first).searchParams.get('token'),
    });
    expect(stale.body.code).toBe('link_invalid');
    await createUser(api.db, world.organisationId, { email: 'tweede@example.test' });
    const taken = await anonymous.post('/api/auth/confirm-email', {
      token: linkIn(second).searchParams.get('token'),
    });
    expect(taken.status).toBe(409);
    const [row] = await api.db.query(`SELECT email FROM users WHERE id = $1`, [person.id]);
    expect(row.email).toBe('wissel@example.test');
  });

  it("changes an invited person's address at once and sends the invitation there instead", async () => {
    const person = await createUser(api.db, world.organisationId, {
      status: 'invited',
      email: 'typo@exmaple.test',
    });
    await clients.hr.post(`/api/people/${person.id}/invitation`);
    const oldInvite = await eventually(async () => smtp.to('typo@exmaple.test')[0]);
    const changed = await clients.hr.patch(`/api/people/${person.id}`, { email: 'juist@example.test' });
    expect(changed.body).toMatchObject({
      email: 'juist@example.test',
      pendingEmail: null,
      status: 'invited',
    });
    const invite = await eventually(async () => smtp.to('juist@example.test')[0]);
    const anonymous = new HttpClient(api.url);
    const stale = await anonymous.post('/api/auth/set-password', {
      token: linkIn(oldInvite).searchParams.get('token'),
      password: 'A-good-long-password',
    });
    expect(stale.body.code).toBe('link_invalid');
    expect(
      (
        await anonymous.post('/api/auth/set-password', {
          token: linkIn(invite).searchParams.get('token'),
          password: 'A-good-long-password',
        })
      ).status,
    ).toBe(204);
  });
});
