import type { INestApplicationContext } from '@nestjs/common';
import { createOrganisation, createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { linkIn, SmtpSink } from '../support/smtp-sink';

describe('sign-in, sessions, invitations and password reset', () => {
  const smtp = new SmtpSink();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let world: World;

  beforeAll(async () => {
    const SMTP_URL = await smtp.start();
    api = await startApi({ SMTP_URL, PUBLIC_URL: 'http://wk.example.test' });
    worker = await startWorker({ SMTP_URL });
    world = await createWorld(api.db, 'Auth');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
  });

  it('signs in with an httpOnly SameSite cookie and signs out for real', async () => {
    const client = new HttpClient(api.url);
    const login = await client.post('/api/auth/login', {
      email: world.users.hr.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(204);
    expect(login.headers.get('set-cookie')).toMatch(/wk_session=.+; .*HttpOnly; SameSite=Lax/);
    expect((await client.get('/api/me')).body).toMatchObject({
      userId: world.users.hr.id,
      role: 'hr',
      organisation: { id: world.organisationId },
    });

    const stolenCookie = login.headers.get('set-cookie')!.split(';')[0];
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = await fetch(`${api.url}/api/me`, { headers: { cookie: stolenCookie } });
    expect(replay.status).toBe(401);
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const client = new HttpClient(api.url);
    const wrong = await client.post('/api/auth/login', {
      email: world.users.hr.email,
      password: 'not-the-password',
    });
    const unknown = await client.post('/api/auth/login', {
      email: 'nobody@example.test',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('refuses deactivated and invited accounts', async () => {
    const deactivated = await createUser(api.db, world.organisationId, { status: 'deactivated' });
    const res = await new HttpClient(api.url).post('/api/auth/login', {
      email: deactivated.email,
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(401);
  });

  it('invites a new person by e-mail: one mail over SMTP, the link sets a password once, then sign-in works', async () => {
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const created = await hr.post('/api/people', {
      email: 'nieuw@example.test',
      name: 'Nieuwe Collega',
      teamId: world.teamId,
      locale: 'en',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'invited', role: 'employee', teamName: 'Auth team' });

    const [mail] = await eventually(async () =>
      smtp.to('nieuw@example.test').length ? smtp.to('nieuw@example.test') : null,
    );
    expect(mail.subject).toBe('Your invitation to Waardenkompas from Auth');
    const link = linkIn(mail);
    expect(link.origin + link.pathname).toBe('http://wk.example.test/set-password');
    const token = link.searchParams.get('token')!;

    const anonymous = new HttpClient(api.url);
    const tooShort = await anonymous.post('/api/auth/set-password', { token, password: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    expect(
      (await anonymous.post('/api/auth/set-password', { token, password: 'A-good-long-password' })).status,
    ).toBe(204);
    const reused = await anonymous.post('/api/auth/set-password', {
      token,
      password: 'Another-long-password',
    });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('link_invalid');

    await anonymous.login('nieuw@example.test', 'A-good-long-password');
    expect((await anonymous.get('/api/me')).body).toMatchObject({
      name: 'Nieuwe Collega',
      locale: 'en',
      role: 'employee',
    });
    expect(smtp.to('nieuw@example.test')).toHaveLength(1);
  });

  it('resets a password by mail, ends old sessions, and says nothing about unknown addresses', async () => {
    const user = await createUser(api.db, world.organisationId, { email: 'vergeten@example.test' });
    const oldSession = await new HttpClient(api.url).login(user.email, TEST_PASSWORD);
    const anonymous = new HttpClient(api.url);
    const known = await anonymous.post('/api/auth/password-reset', { email: user.email });
    const unknown = await anonymous.post('/api/auth/password-reset', { email: 'nobody@example.test' });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);

    const [mail] = await eventually(async () => (smtp.to(user.email).length ? smtp.to(user.email) : null));
    expect(mail.subject).toMatch(/wachtwoord/i);
    const token = linkIn(mail).searchParams.get('token')!;
    expect(
      (await anonymous.post('/api/auth/set-password', { token, password: 'Brand-new-password-1' })).status,
    ).toBe(204);
    expect((await oldSession.get('/api/me')).status).toBe(401);
    await new HttpClient(api.url).login(user.email, 'Brand-new-password-1');
  });
});

describe('login rate limits (Redis-backed)', () => {
  // Each test gets its own counters (a fresh key prefix), so they do not depend on each other.
  const withLimits = (name: string, env: Record<string, string> = {}) =>
    startApi({
      LOGIN_LIMIT_PER_IP: '6',
      LOGIN_FAILURES_PER_ACCOUNT: '3',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-${name}`,
      ...env,
    });
  /** Signs in as if from `ip` (the api trusts one proxy's X-Forwarded-For in these tests). */
  const loginFrom = (api: RunningApi, ip: string, email: string, password: string) =>
    new HttpClient(api.url).request(
      'POST',
      '/api/auth/login',
      { email, password },
      { 'x-forwarded-for': ip },
    );

  it('evaluates at most the limit when wrong passwords arrive in parallel', async () => {
    const api = await withLimits('parallel', { LOGIN_LIMIT_PER_IP: '100', LOGIN_FAILURES_PER_ACCOUNT: '10' });
    try {
      const org = await createOrganisation(api.db, 'Parallel');
      const user = await createUser(api.db, org.id, { role: 'hr' });
      const client = new HttpClient(api.url);
      const answers = await Promise.all(
        Array.from({ length: 40 }, () =>
          client.post('/api/auth/login', { email: user.email, password: 'wrong-password' }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      // Each 401 is one evaluated password; every other attempt was refused before argon2 ran.
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    } finally {
      await api.close();
    }
  });

  it("locks an account only for the guessing IP: the real user's IP still signs in", async () => {
    const api = await withLimits('per-source', { TRUST_PROXY: '1' });
    try {
      const org = await createOrganisation(api.db, 'Per source');
      const user = await createUser(api.db, org.id, { role: 'hr' });
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await loginFrom(api, '203.0.113.9', user.email, 'wrong-password')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect((await loginFrom(api, '203.0.113.9', user.email, TEST_PASSWORD)).status).toBe(429);
      expect((await loginFrom(api, '198.51.100.20', user.email, TEST_PASSWORD)).status).toBe(204);
    } finally {
      await api.close();
    }
  });

  it('past the account-wide ceiling refuses the right password everywhere; a reset link still works and lifts every lock', async () => {
    const smtp = new SmtpSink();
    const SMTP_URL = await smtp.start();
    const env = {
      TRUST_PROXY: '1',
      LOGIN_FAILURES_PER_ACCOUNT_TOTAL: '5',
      SMTP_URL,
      PUBLIC_URL: 'http://wk.example.test',
    };
    const api = await withLimits('account-wide', env);
    const worker = await startWorker({ ...env, QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-account-wide` });
    try {
      const org = await createOrganisation(api.db, 'Account wide');
      const user = await createUser(api.db, org.id, { role: 'hr' });
      const tries = async (ip: string, n: number) => {
        const statuses = [];
        for (let i = 0; i < n; i++)
          statuses.push((await loginFrom(api, ip, user.email, 'wrong-password')).status);
        return statuses;
      };
      expect(await tries('203.0.113.1', 4)).toEqual([401, 401, 401, 429]);
      expect(await tries('203.0.113.2', 2)).toEqual([401, 401]);
      const locked = await loginFrom(api, '203.0.113.3', user.email, 'wrong-password');
      expect([locked.status, locked.body.code]).toEqual([429, 'account_locked']);
      const right = await loginFrom(api, '198.51.100.20', user.email, TEST_PASSWORD);
      expect([right.status, right.body.code]).toEqual([429, 'account_locked']);

      const reset = await new HttpClient(api.url).request(
        'POST',
        '/api/auth/password-reset',
        { email: user.email },
        { 'x-forwarded-for': '198.51.100.20' },
      );
      expect(reset.status).toBe(202);
      const [mail] = await eventually(async () => (smtp.to(user.email).length ? smtp.to(user.email) : null));
      const token = linkIn(mail).searchParams.get('token')!;
      const set = await new HttpClient(api.url).post('/api/auth/set-password', {
        token,
        password: 'Brand-new-password-1',
      });
      expect(set.status).toBe(204);
      // Also the IP that was locked for this account is free again.
      expect((await loginFrom(api, '203.0.113.1', user.email, 'Brand-new-password-1')).status).toBe(204);
      expect((await loginFrom(api, '198.51.100.20', user.email, 'Brand-new-password-1')).status).toBe(204);
    } finally {
      await worker.close();
      await api.close();
      await smtp.stop();
    }
  });

  it('mails at most RESET_MAILS_PER_ADDRESS reset links per address per hour, whichever IPs ask, and answers every request the same', async () => {
    const smtp = new SmtpSink();
    const SMTP_URL = await smtp.start();
    const env = {
      TRUST_PROXY: '1',
      RESET_MAILS_PER_ADDRESS: '2',
      SMTP_URL,
      PUBLIC_URL: 'http://wk.example.test',
    };
    const api = await withLimits('reset-mails', env);
    const worker = await startWorker({ ...env, QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-reset-mails` });
    try {
      const org = await createOrganisation(api.db, 'Reset mails');
      const target = await createUser(api.db, org.id, { email: 'doelwit@example.test' });
      const bystander = await createUser(api.db, org.id, { email: 'omstander@example.test' });
      const resetFrom = (ip: string, email: string) =>
        new HttpClient(api.url).request(
          'POST',
          '/api/auth/password-reset',
          { email },
          { 'x-forwarded-for': ip },
        );
      const answers = [];
      for (let i = 1; i <= 5; i++)
        answers.push(await resetFrom(`203.0.113.${i}`, target.email.toUpperCase()));
      answers.push(await resetFrom('203.0.113.9', 'nobody@example.test'));
      expect(answers.map((a) => [a.status, a.body])).toEqual(answers.map(() => [202, { accepted: true }]));
      expect((await resetFrom('198.51.100.7', bystander.email)).status).toBe(202);
      // The bystander's mail is sent after the target's; once it is there, the target's are too.
      await eventually(async () => (smtp.to(bystander.email).length ? true : null));
      const [{ queued }] = await api.db.query(
        `SELECT count(*)::int AS queued FROM outbox_messages WHERE to_address = $1`,
        [target.email],
      );
      expect(queued).toBe(2);
      await eventually(async () => (smtp.to(target.email).length === 2 ? true : null));
    } finally {
      await worker.close();
      await api.close();
      await smtp.stop();
    }
  });

  it('locks an account after repeated failures, also for the right password', async () => {
    const api = await withLimits('account');
    try {
      const org = await createOrganisation(api.db, 'Limits');
      const user = await createUser(api.db, org.id, { role: 'hr' });
      const client = new HttpClient(api.url);
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await client.post('/api/auth/login', { email: user.email, password: 'wrong-password' })).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
      const right = await client.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('too_many_attempts');
    } finally {
      await api.close();
    }
  });

  it('limits attempts per IP across accounts', async () => {
    const api = await withLimits('ip');
    try {
      const client = new HttpClient(api.url);
      const statuses = [];
      for (let i = 0; i < 8; i++)
        statuses.push(
          (await client.post('/api/auth/login', { email: `x${i}@example.test`, password: 'whatever-pass' }))
            .status,
        );
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await api.close();
    }
  });
});

describe('demo accounts in production', () => {
  it('are refused unless DEMO=1', async () => {
    const api = await startApi({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-production-secret-for-tests',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-prod`,
    });
    try {
      const [org] = await api.db.query(
        `INSERT INTO organisations (name, slug, is_demo) VALUES ('Demo', 'demo-prod-test', true) RETURNING id`,
      );
      const user = await createUser(api.db, org.id, { role: 'admin' });
      const res = await new HttpClient(api.url).post('/api/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('demo_disabled');
    } finally {
      await api.close();
    }
  });
});
