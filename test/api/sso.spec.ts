import { randomUUID } from 'node:crypto';
import { createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { OidcTestProvider, signInWithSso } from '../support/oidc';

const SECRET = 'test-client-secret-that-must-never-come-back';

describe('single sign-on with OpenID Connect', () => {
  const provider = new OidcTestProvider();
  let api: RunningApi;
  let issuer: string;

  beforeAll(async () => {
    api = await startApi();
    const redirect_uris = [`${api.url}/api/auth/sso/callback`];
    issuer = await provider.start(
      ['waardenkompas', 'tamper-aud', 'tamper-exp'].map((client_id) => ({
        client_id,
        client_secret: SECRET,
        redirect_uris,
      })),
    );
  });
  afterAll(async () => {
    await provider.stop();
    await api.close();
  });

  /** An organisation with SSO set up by its admin through the api. */
  async function ssoWorld(
    options: {
      clientId?: string;
      justInTime?: boolean;
      domains?: string[];
      acceptUnverifiedEmail?: boolean;
    } = {},
  ): Promise<{ world: World; admin: HttpClient }> {
    const world = await createWorld(api.db, `Sso ${randomUUID().slice(0, 4)}`);
    const admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    const res = await admin.put('/api/organisation/sso', {
      issuerUrl: issuer,
      clientId: options.clientId ?? 'waardenkompas',
      clientSecret: SECRET,
      allowedDomains: options.domains ?? ['example.test'],
      justInTime: options.justInTime ?? false,
      passwordLoginDisabled: false,
      ...(options.acceptUnverifiedEmail === undefined
        ? {}
        : { acceptUnverifiedEmail: options.acceptUnverifiedEmail }),
    });
    expect(res.status).toBe(200);
    return { world, admin };
  }

  /** An api client holding the session that single sign-on gave (HttpClient keeps the cookie it is sent). */
  function withSession(session: string | undefined): HttpClient {
    return Object.assign(new HttpClient(api.url), { cookie: `wk_session=${session}` });
  }

  const start = (world: World) => `/api/auth/sso/${world.slug}/start`;

  async function me(session: string | undefined) {
    const res = await fetch(`${api.url}/api/me`, { headers: { cookie: `wk_session=${session}` } });
    return { status: res.status, body: res.status === 200 ? await res.json() : undefined };
  }

  it('links an existing person by verified e-mail and signs them in with the normal session', async () => {
    const { world } = await ssoWorld();
    const outcome = await signInWithSso(api.url, start(world), world.users.employee.email);
    expect(outcome.location).toBe('/');
    expect(await me(outcome.session)).toMatchObject({
      status: 200,
      body: { userId: world.users.employee.id, role: 'employee', organisation: { id: world.organisationId } },
    });
    const [identity] = await api.db.query(
      `SELECT user_id, issuer, subject FROM sso_identities WHERE organisation_id = $1`,
      [world.organisationId],
    );
    expect(identity).toEqual({
      user_id: world.users.employee.id,
      issuer,
      subject: world.users.employee.email,
    });
  });

  it('activates an invited person and refuses a deactivated one', async () => {
    const { world } = await ssoWorld();
    const invited = await createUser(api.db, world.organisationId, { status: 'invited' });
    const gone = await createUser(api.db, world.organisationId, { status: 'deactivated' });
    const ok = await signInWithSso(api.url, start(world), invited.email);
    expect(ok.location).toBe('/');
    expect((await me(ok.session)).body.userId).toBe(invited.id);
    const [{ status }] = await api.db.query(`SELECT status FROM users WHERE id = $1`, [invited.id]);
    expect(status).toBe('active');
    const refused = await signInWithSso(api.url, start(world), gone.email);
    expect(refused).toEqual({ location: '/login?sso_error=deactivated', session: undefined });
  });

  it('creates a missing person as employee only when just-in-time creation is on', async () => {
    const off = await ssoWorld({ justInTime: false });
    const newcomer = `nieuw-${randomUUID().slice(0, 8)}@example.test`;
    expect(await signInWithSso(api.url, start(off.world), newcomer)).toEqual({
      location: '/login?sso_error=no_account',
      session: undefined,
    });
    expect(await api.db.query(`SELECT 1 FROM users WHERE email = $1`, [newcomer])).toEqual([]);

    const on = await ssoWorld({ justInTime: true });
    const created = await signInWithSso(api.url, start(on.world), newcomer);
    expect(created.location).toBe('/');
    const rows = await api.db.query(
      `SELECT organisation_id, role, status, name FROM users WHERE email = $1`,
      [newcomer],
    );
    expect(rows).toEqual([
      {
        organisation_id: on.world.organisationId,
        role: 'employee',
        status: 'active',
        name: expect.any(String),
      },
    ]);
    expect((await me(created.session)).body.role).toBe('employee');
  });

  it.each([
    ['an ID token for another client (audience)', 'tamper-aud'],
    ['an expired ID token', 'tamper-exp'],
  ])('refuses %s, validly signed by the provider', async (_, clientId) => {
    const { world } = await ssoWorld({ clientId });
    const outcome = await signInWithSso(api.url, start(world), world.users.employee.email);
    expect(outcome).toEqual({ location: '/login?sso_error=invalid_token', session: undefined });
    expect(
      await api.db.query(`SELECT 1 FROM sso_identities WHERE organisation_id = $1`, [world.organisationId]),
    ).toEqual([]);
  });

  it('refuses a tampered state, a missing state cookie and a replayed callback', async () => {
    const { world } = await ssoWorld();
    const email = world.users.employee.email;
    const tampered = await signInWithSso(api.url, start(world), email, {
      alterCallback: (url) => url.searchParams.set('state', `${url.searchParams.get('state')}x`),
    });
    expect(tampered).toEqual({ location: '/login?sso_error=invalid_state', session: undefined });
    const noCookie = await signInWithSso(api.url, start(world), email, { dropStateCookie: true });
    expect(noCookie).toEqual({ location: '/login?sso_error=invalid_state', session: undefined });

    let callback = '';
    let cookie = '';
    const first = await signInWithSso(api.url, start(world), email, {
      alterCallback: (url) => {
        callback = url.toString();
        cookie = `wk_sso_state=${url.searchParams.get('state')}`;
      },
    });
    expect(first.location).toBe('/');
    const replay = await fetch(callback, { redirect: 'manual', headers: { cookie } });
    expect(replay.headers.get('location')).toBe('/login?sso_error=invalid_state');
  });

  it('refuses an unverified e-mail and a domain the organisation does not allow', async () => {
    const { world } = await ssoWorld({ justInTime: true });
    const unverified = await signInWithSso(api.url, start(world), `unverified.${world.users.employee.email}`);
    expect(unverified).toEqual({ location: '/login?sso_error=email_unverified', session: undefined });
    const foreign = await signInWithSso(api.url, start(world), `someone@elsewhere.test`);
    expect(foreign).toEqual({ location: '/login?sso_error=domain_not_allowed', session: undefined });
    expect(await api.db.query(`SELECT 1 FROM users WHERE email = 'someone@elsewhere.test'`)).toEqual([]);
  });

  describe('an e-mail without email_verified (Microsoft Entra ID)', () => {
    const refused = { location: '/login?sso_error=email_unverified', session: undefined };

    it('is refused by default, also as preferred_username; the option is off unless switched on', async () => {
      const { world, admin } = await ssoWorld();
      expect((await admin.get('/api/organisation/sso')).body.acceptUnverifiedEmail).toBe(false);
      const email = world.users.employee.email;
      expect(await signInWithSso(api.url, start(world), `noverify.${email}`)).toEqual(refused);
      expect(await signInWithSso(api.url, start(world), `entra.${email}`)).toEqual(refused);
      expect(
        await api.db.query(`SELECT 1 FROM sso_identities WHERE organisation_id = $1`, [world.organisationId]),
      ).toEqual([]);
    });

    it('is accepted with the option when the domain is allowed: email, or the preferred_username Entra sends', async () => {
      const { world, admin } = await ssoWorld({ acceptUnverifiedEmail: true });
      expect((await admin.get('/api/organisation/sso')).body.acceptUnverifiedEmail).toBe(true);
      for (const [account, person] of [
        [`noverify.${world.users.employee.email}`, world.users.employee],
        [`entra.${world.users.hr.email}`, world.users.hr],
      ] as const) {
        const outcome = await signInWithSso(api.url, start(world), account);
        expect(outcome.location).toBe('/');
        expect((await me(outcome.session)).body.userId).toBe(person.id);
      }
      // The provider saying "not verified" is never overridden.
      expect(await signInWithSso(api.url, start(world), `unverified.${world.users.manager.email}`)).toEqual(
        refused,
      );
    });

    it('is refused for a domain the organisation does not allow, even with the option and just-in-time on', async () => {
      const { world } = await ssoWorld({ acceptUnverifiedEmail: true, justInTime: true });
      for (const account of ['noverify.someone@elsewhere.test', 'entra.someone@elsewhere.test']) {
        expect(await signInWithSso(api.url, start(world), account)).toEqual({
          location: '/login?sso_error=domain_not_allowed',
          session: undefined,
        });
      }
      expect(await api.db.query(`SELECT 1 FROM users WHERE email = 'someone@elsewhere.test'`)).toEqual([]);
    });

    it("accepts Entra's xms_edov (domain owner verified) as verified without the option", async () => {
      const { world } = await ssoWorld();
      const outcome = await signInWithSso(api.url, start(world), `edov.${world.users.employee.email}`);
      expect(outcome.location).toBe('/');
      expect((await me(outcome.session)).body.userId).toBe(world.users.employee.id);
    });

    it('switches off again when a later save leaves the option out', async () => {
      const { world, admin } = await ssoWorld({ acceptUnverifiedEmail: true });
      const saved = await admin.put('/api/organisation/sso', {
        issuerUrl: issuer,
        clientId: 'waardenkompas',
        allowedDomains: ['example.test'],
        justInTime: false,
        passwordLoginDisabled: false,
      });
      expect(saved.body.acceptUnverifiedEmail).toBe(false);
      expect(await signInWithSso(api.url, start(world), `noverify.${world.users.employee.email}`)).toEqual(
        refused,
      );
    });
  });

  it('starts from a work e-mail address when exactly one organisation lists its domain', async () => {
    const domain = `acme-${randomUUID().slice(0, 8)}.test`;
    const { world } = await ssoWorld({ domains: [domain] });
    const person = await createUser(api.db, world.organisationId, { email: `jan@${domain}` });
    const outcome = await signInWithSso(api.url, `/api/auth/sso/start?email=jan%40${domain}`, person.email);
    expect(outcome.location).toBe('/');
    expect((await me(outcome.session)).body.userId).toBe(person.id);
    expect(
      await signInWithSso(api.url, `/api/auth/sso/start?email=jan%40unknown-${domain}`, person.email),
    ).toEqual({ location: '/login?sso_error=unknown_organisation', session: undefined });
    expect(await signInWithSso(api.url, `/api/auth/sso/no-such-org/start`, person.email)).toEqual({
      location: '/login?sso_error=not_configured',
      session: undefined,
    });
    expect(
      (await fetch(`${api.url}/api/auth/sso/start?email=not-an-address`, { redirect: 'manual' })).status,
    ).toBe(400);
  });

  it('switches password sign-in off only after the admin signed in via SSO, then refuses password sign-in and reset links', async () => {
    const { world, admin } = await ssoWorld();
    const settings = {
      issuerUrl: issuer,
      clientId: 'waardenkompas',
      allowedDomains: ['example.test'],
      justInTime: false,
      passwordLoginDisabled: true,
    };
    const early = await admin.put('/api/organisation/sso', settings);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'sso_sign_in_required',
      errors: [{ field: 'passwordLoginDisabled' }],
    });

    const viaSso = await signInWithSso(api.url, start(world), world.users.admin.email);
    const ssoAdmin = withSession(viaSso.session);
    const saved = await ssoAdmin.put('/api/organisation/sso', settings);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ passwordLoginDisabled: true, callerHasSignedInWithSso: true });

    const password = await new HttpClient(api.url).post('/api/auth/login', {
      email: world.users.employee.email,
      password: TEST_PASSWORD,
    });
    expect(password.status).toBe(403);
    expect(password.body).toMatchObject({ code: 'password_login_disabled', message: expect.any(String) });
    const wrong = await new HttpClient(api.url).post('/api/auth/login', {
      email: world.users.employee.email,
      password: 'not-the-password',
    });
    expect(wrong.body.code).toBe('invalid_credentials');

    const reset = await new HttpClient(api.url).post('/api/auth/password-reset', {
      email: world.users.employee.email,
    });
    expect(reset.status).toBe(202);
    expect(
      await api.db.query(`SELECT 1 FROM outbox_messages WHERE organisation_id = $1 AND to_address = $2`, [
        world.organisationId,
        world.users.employee.email,
      ]),
    ).toEqual([]);

    // Removing SSO opens the password door again.
    expect((await ssoAdmin.delete('/api/organisation/sso')).status).toBe(204);
    await new HttpClient(api.url).login(world.users.employee.email, TEST_PASSWORD);
  });

  it('stores the client secret encrypted and never returns it', async () => {
    const { world, admin } = await ssoWorld();
    const read = await admin.get('/api/organisation/sso');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      issuerUrl: issuer,
      clientId: 'waardenkompas',
      clientSecretSet: true,
      allowedDomains: ['example.test'],
      redirectUri: `${api.url}/api/auth/sso/callback`,
    });
    expect(JSON.stringify(read.body)).not.toContain(SECRET);
    const [row] = await api.db.query(`SELECT * FROM sso_settings WHERE organisation_id = $1`, [
      world.organisationId,
    ]);
    expect(JSON.stringify(row)).not.toContain(SECRET);
    // Saving without a secret keeps the stored one: sign-in still works.
    const kept = await admin.put('/api/organisation/sso', {
      issuerUrl: issuer,
      clientId: 'waardenkompas',
      allowedDomains: [' Example.TEST '],
      justInTime: false,
      passwordLoginDisabled: false,
    });
    expect(kept.body.allowedDomains).toEqual(['example.test']);
    expect((await signInWithSso(api.url, start(world), world.users.hr.email)).location).toBe('/');
  });

  it('keeps the settings to the own organisation: other admins see 404, other roles 403', async () => {
    const { world } = await ssoWorld();
    const other = await createWorld(api.db, 'Ander');
    const intruder = await new HttpClient(api.url).login(other.users.admin.email, TEST_PASSWORD);
    expect((await intruder.get('/api/organisation/sso')).status).toBe(404);
    expect((await intruder.delete('/api/organisation/sso')).status).toBe(404);
    const before = await api.db.query(`SELECT * FROM sso_settings WHERE organisation_id = $1`, [
      world.organisationId,
    ]);
    expect(before).toHaveLength(1);
    for (const role of ['hr', 'manager', 'employee'] as const) {
      const client = await new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD);
      expect((await client.get('/api/organisation/sso')).status).toBe(403);
      expect((await client.put('/api/organisation/sso', { clientId: 'x' })).status).toBe(403);
      expect((await client.delete('/api/organisation/sso')).status).toBe(403);
    }
    expect(
      await api.db.query(`SELECT * FROM sso_settings WHERE organisation_id = $1`, [world.organisationId]),
    ).toEqual(before);
  });

  it('answers bad input with 400 naming the field and writes nothing', async () => {
    const world = await createWorld(api.db, 'Sso invoer');
    const admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    const valid = {
      issuerUrl: issuer,
      clientId: 'waardenkompas',
      clientSecret: SECRET,
      allowedDomains: ['example.test'],
      justInTime: false,
      passwordLoginDisabled: false,
    };
    const cases: [string, Record<string, unknown>][] = [
      ['issuerUrl', { issuerUrl: 'not a url' }],
      ['issuerUrl', { issuerUrl: 'ftp://example.test' }],
      ['issuerUrl', { issuerUrl: 'http://127.0.0.1:1/nothing-here' }],
      ['clientId', { clientId: '' }],
      ['clientSecret', { clientSecret: undefined }],
      ['clientSecret', { clientSecret: '' }],
      ['allowedDomains', { allowedDomains: [] }],
      ['allowedDomains', { allowedDomains: ['https://example.test'] }],
      ['allowedDomains', { allowedDomains: ['jan@example.test'] }],
      ['allowedDomains', { allowedDomains: ['localhost'] }],
      ['allowedDomains', { allowedDomains: Array.from({ length: 21 }, (_, i) => `d${i}.test`) }],
      ['justInTime', { justInTime: 'yes' }],
      ['passwordLoginDisabled', { passwordLoginDisabled: undefined }],
      ['acceptUnverifiedEmail', { acceptUnverifiedEmail: 'true' }],
      ['extra', { extra: 1 }],
    ];
    for (const [field, change] of cases) {
      const res = await admin.put('/api/organisation/sso', { ...valid, ...change });
      expect(`${field} ${res.status}`).toBe(`${field} 400`);
      expect(res.body.errors.map((e: { field: string }) => e.field.replace(/\[\d+\]$/, ''))).toContain(field);
    }
    expect(
      await api.db.query(`SELECT 1 FROM sso_settings WHERE organisation_id = $1`, [world.organisationId]),
    ).toEqual([]);
    expect((await admin.get('/api/organisation/sso')).status).toBe(404);
  });
});
