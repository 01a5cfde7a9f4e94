import { openApiDocument } from '@wk/api-testing';
import { createTeam, createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient, HttpResponse } from '../support/http-client';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** Request bodies as the identity providers document them (Microsoft Entra ID, Okta) and RFC 7644. */
const FIXTURES = {
  /** Entra ID, "Create User": userName is not an e-mail; the work e-mail is. */
  entraCreateUser: {
    schemas: [USER, ENTERPRISE],
    externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
    userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
    active: true,
    emails: [
      { primary: true, type: 'work', value: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com' },
    ],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
  },
  /** Entra ID, "Update User [Multi-valued properties]". */
  entraUpdateMultiValued: {
    schemas: [PATCH_OP],
    Operations: [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    ],
  },
  /** Entra ID's disable, with the string boolean it sends unless the feature flag is set. */
  entraDisableString: {
    schemas: [PATCH_OP],
    Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
  },
  entraEnable: { Operations: [{ op: 'Replace', path: 'active', value: true }], schemas: [PATCH_OP] },
  entraEmployeeNumber: {
    schemas: [PATCH_OP],
    Operations: [{ op: 'Add', path: `${ENTERPRISE}:employeeNumber`, value: 'E-1001' }],
  },
  /** Entra ID, "Create Group". */
  entraCreateGroup: {
    schemas: [GROUP, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
    externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
    displayName: 'displayName',
    meta: { resourceType: 'Group' },
  },
  entraAddMember: (id: string) => ({
    schemas: [PATCH_OP],
    Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: id }] }],
  }),
  entraRemoveMember: (id: string) => ({
    schemas: [PATCH_OP],
    Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: id }] }],
  }),
  entraRemoveMemberByPath: (id: string) => ({
    schemas: [PATCH_OP],
    Operations: [{ op: 'Remove', path: `members[value eq "${id}"]` }],
  }),
  entraRenameGroup: {
    schemas: [PATCH_OP],
    Operations: [{ op: 'Replace', path: 'displayName', value: 'displayName updated' }],
  },
  /** Okta, "Create the user". */
  oktaCreateUser: {
    schemas: [USER],
    userName: 'test.user@okta.local',
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
    displayName: 'Test User',
    locale: 'en-US',
    externalId: '00ujl29u0le5T6Aj10h7',
    groups: [],
    password: '1mz050nq',
    active: true,
  },
  /** Okta's deactivation: a replace without path. */
  oktaDeactivate: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
  /** Okta, "Create Group" (Group Push). */
  oktaCreateGroup: { schemas: [GROUP], displayName: 'Test SCIMv2', members: [] },
  oktaRenameGroup: (id: string) => ({
    schemas: [PATCH_OP],
    Operations: [{ op: 'replace', value: { id, displayName: 'Test SCIMv2 renamed' } }],
  }),
  /** RFC 7644 §3.3: bjensen has no e-mail at all. */
  rfcCreateUser: {
    schemas: [USER],
    userName: 'bjensen',
    externalId: 'bjensen',
    name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
  },
  /** RFC 7644 §3.5.2.1 and §3.5.2.2. */
  rfcAddMember: (id: string) => ({
    schemas: [PATCH_OP],
    Operations: [
      {
        op: 'add',
        path: 'members',
        value: [{ display: 'Babs Jensen', $ref: `https://example.com/v2/Users/${id}`, value: id }],
      },
    ],
  }),
};

describe('SCIM 2.0 provisioning', () => {
  let api: RunningApi;
  let world: World;
  let foreign: World;
  let admin: HttpClient;
  let token: string;
  let foreignToken: string;

  const scim = (method: string, path: string, body?: unknown, bearer: string | null = token) =>
    new HttpClient(api.url).request(
      method,
      `/scim/v2${path}`,
      body === undefined ? undefined : JSON.stringify(body),
      {
        'content-type': 'application/scim+json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
    );
  const person = async (id: string) =>
    (
      await api.db.query(
        `SELECT u.email::text AS email, u.name, u.role, u.status, u.team_id, u.employee_number, s.external_id
           FROM users u LEFT JOIN scim_users s ON s.user_id = u.id WHERE u.id = $1`,
        [id],
      )
    )[0];
  const counts = async () =>
    (
      await api.db.query(
        `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM teams) AS teams,
                (SELECT count(*)::int FROM scim_users) AS scim_users, (SELECT count(*)::int FROM outbox_messages) AS mails,
                (SELECT md5(string_agg(u.id || u.email || u.name || u.status || coalesce(u.team_id::text, ''), ',' ORDER BY u.id)) FROM users u) AS people,
                (SELECT md5(string_agg(t.id || t.name, ',' ORDER BY t.id)) FROM teams t) AS team_rows`,
      )
    )[0];
  const expectScimError = (res: HttpResponse, status: number, scimType?: string) => {
    expect(res.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(res.body).toEqual(
      expect.objectContaining({
        schemas: [ERROR],
        status: String(status),
        ...(scimType ? { scimType } : {}),
      }),
    );
    expect(res.status).toBe(status);
  };

  beforeAll(async () => {
    api = await startApi();
    world = await createWorld(api.db, 'Eigen');
    foreign = await createWorld(api.db, 'Vreemd');
    admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    token = (await admin.post('/api/scim-tokens', { name: 'Entra ID' })).body.token;
    const foreignAdmin = await new HttpClient(api.url).login(foreign.users.admin.email, TEST_PASSWORD);
    foreignToken = (await foreignAdmin.post('/api/scim-tokens', { name: 'Okta' })).body.token;
  });
  afterAll(() => api.close());

  it('shows a token once, keeps only its hash and gives the base URL to paste', async () => {
    expect(token).toMatch(/^wkscim_[\w-]{40,}$/);
    const settings = await admin.get('/api/scim-tokens');
    expect(settings.status).toBe(200);
    expect(settings.body.baseUrl).toBe(`${api.config.publicUrl}/scim/v2`);
    expect(settings.body.tokens).toEqual([
      expect.objectContaining({ name: 'Entra ID', prefix: token.slice(0, 12) }),
    ]);
    expect(JSON.stringify(settings.body)).not.toContain(token);
    const [row] = await api.db.query(`SELECT token_hash FROM scim_tokens WHERE organisation_id = $1`, [
      world.organisationId,
    ]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(token);
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(config.body).toEqual(
      expect.objectContaining({ patch: { supported: true }, filter: { supported: true, maxResults: 200 } }),
    );
    const types = await scim('GET', '/ResourceTypes');
    expect(types.body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    expect((await scim('GET', '/ResourceTypes/User')).body.endpoint).toBe('/Users');
    const schemas = await scim('GET', '/Schemas');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([USER, ENTERPRISE, GROUP]);
    expect((await scim('GET', `/Schemas/${GROUP}`)).body.name).toBe('Group');
    expectScimError(await scim('GET', '/Schemas/urn:nope'), 404);
  });

  it("provisions a user as Entra ID does: create, find by filter, patch e-mail and name, disable with 'False', enable", async () => {
    const before = await counts();
    const created = await scim('POST', '/Users', FIXTURES.entraCreateUser);
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.headers.get('location')).toBe(`${api.config.publicUrl}/scim/v2/Users/${id}`);
    expect(created.body).toEqual(
      expect.objectContaining({
        userName: FIXTURES.entraCreateUser.userName,
        externalId: FIXTURES.entraCreateUser.externalId,
        active: true,
        name: { formatted: 'givenName familyName', givenName: 'givenName', familyName: 'familyName' },
      }),
    );
    expect(await person(id)).toEqual({
      email: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com',
      name: 'givenName familyName',
      role: 'employee',
      status: 'invited',
      team_id: null,
      employee_number: null,
      external_id: FIXTURES.entraCreateUser.externalId,
    });
    // No mail: the identity provider is the source; people sign in with SSO or are invited later.
    expect((await counts()).mails).toBe(before.mails);

    const found = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent(`userName eq "${FIXTURES.entraCreateUser.userName.toUpperCase()}"`)}`,
    );
    expect(found.body).toEqual(
      expect.objectContaining({
        totalResults: 1,
        startIndex: 1,
        itemsPerPage: 1,
        Resources: [expect.objectContaining({ id })],
      }),
    );
    const byExternal = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent(`externalId eq "${FIXTURES.entraCreateUser.externalId}"`)}`,
    );
    expect(byExternal.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
    const none = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "nobody@example.test"')}`,
    );
    expect(none.body).toEqual(expect.objectContaining({ totalResults: 0, Resources: [] }));

    expect((await scim('PATCH', `/Users/${id}`, FIXTURES.entraUpdateMultiValued)).status).toBe(200);
    expect(await person(id)).toEqual(
      expect.objectContaining({
        email: 'updatedEmail@microsoft.com',
        name: 'givenName updatedFamilyName',
        status: 'invited',
      }),
    );
    expect((await scim('PATCH', `/Users/${id}`, FIXTURES.entraEmployeeNumber)).body[ENTERPRISE]).toEqual({
      employeeNumber: 'E-1001',
    });
    expect((await person(id)).employee_number).toBe('E-1001');

    const disabled = await scim('PATCH', `/Users/${id}`, FIXTURES.entraDisableString);
    expect(disabled.body.active).toBe(false);
    expect((await person(id)).status).toBe('deactivated');
    await scim('PATCH', `/Users/${id}`, FIXTURES.entraEnable);
    // Never signed in: back to invited, not active.
    expect((await person(id)).status).toBe('invited');
  });

  it('provisions a user as Okta does: create (password ignored), paged filter, replace without path, PUT', async () => {
    const created = await scim('POST', '/Users', FIXTURES.oktaCreateUser);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const [{ password_hash }] = await api.db.query(`SELECT password_hash FROM users WHERE id = $1`, [id]);
    expect(password_hash).toBeNull();
    expect(await person(id)).toEqual(
      expect.objectContaining({
        email: 'test.user@okta.local',
        name: 'Test User',
        role: 'employee',
        status: 'invited',
      }),
    );
    const found = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "test.user@okta.local"')}&startIndex=1&count=100`,
    );
    expect(found.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);

    expect((await scim('PATCH', `/Users/${id}`, FIXTURES.oktaDeactivate)).body.active).toBe(false);
    expect((await person(id)).status).toBe('deactivated');

    const replaced = await scim('PUT', `/Users/${id}`, {
      ...FIXTURES.oktaCreateUser,
      id,
      name: { givenName: 'Tess', familyName: 'User' },
      active: true,
    });
    expect(replaced.status).toBe(200);
    expect(await person(id)).toEqual(expect.objectContaining({ name: 'Tess User', status: 'invited' }));
  });

  it('deactivates on DELETE, keeps the person and their history, and ends their sessions', async () => {
    const member = await new HttpClient(api.url).login(world.teamMember.email, TEST_PASSWORD);
    expect((await member.get('/api/me')).status).toBe(200);
    const res = await scim('DELETE', `/Users/${world.teamMember.id}`);
    expect(res.status).toBe(204);
    expect(await person(world.teamMember.id)).toEqual(
      expect.objectContaining({
        status: 'deactivated',
        team_id: world.teamId,
        email: world.teamMember.email,
      }),
    );
    expect((await scim('GET', `/Users/${world.teamMember.id}`)).body.active).toBe(false);
    expect((await member.get('/api/me')).status).toBe(401);
    // An identity provider may bring them back; they had signed in, so they are active again.
    await scim('PATCH', `/Users/${world.teamMember.id}`, FIXTURES.entraEnable);
    expect((await person(world.teamMember.id)).status).toBe('active');
  });

  it("tells the old address when an active account's e-mail changes", async () => {
    const employee = await createUser(api.db, world.organisationId, { name: 'Mail Wissel' });
    await scim('PATCH', `/Users/${employee.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'userName', value: 'nieuw-adres@example.test' },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'nieuw-adres@example.test' },
      ],
    });
    expect((await person(employee.id)).email).toBe('nieuw-adres@example.test');
    const mails = await api.db.query(
      `SELECT to_address, kind FROM outbox_messages WHERE organisation_id = $1 AND kind = 'email_change_notice'`,
      [world.organisationId],
    );
    expect(mails).toEqual([{ to_address: employee.email, kind: 'email_change_notice' }]);
  });

  it('never changes the e-mail or status of an admin and never grants a role', async () => {
    const target = world.users.admin.id;
    const before = await person(target);
    for (const body of [
      FIXTURES.entraDisableString,
      FIXTURES.oktaDeactivate,
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'takeover@example.test' }],
      },
    ]) {
      const res = await scim('PATCH', `/Users/${target}`, body);
      expectScimError(res, 403);
      expect(await person(target)).toEqual(before);
    }
    expectScimError(await scim('DELETE', `/Users/${target}`), 403);
    // The name is the identity provider's to keep right.
    await scim('PATCH', `/Users/${target}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Beheerder Nieuw' }],
    });
    expect(await person(target)).toEqual({ ...before, name: 'Beheerder Nieuw', external_id: null });
    // HR is below the rank SCIM acts with: provisioning may deactivate HR people.
    const hr = await createUser(api.db, world.organisationId, { role: 'hr' });
    expect((await scim('PATCH', `/Users/${hr.id}`, FIXTURES.oktaDeactivate)).status).toBe(200);
    // Roles in a body are ignored: SCIM creates and keeps employees.
    const created = await scim('POST', '/Users', {
      schemas: [USER],
      userName: 'wil-admin@example.test',
      roles: [{ value: 'admin', primary: true }],
    });
    expect((await person(created.body.id)).role).toBe('employee');
    await scim('PUT', `/Users/${created.body.id}`, {
      schemas: [USER],
      userName: 'wil-admin@example.test',
      roles: [{ value: 'hr' }],
    });
    expect((await person(created.body.id)).role).toBe('employee');
  });

  it('maps groups to teams as Entra ID and Okta send them; a person in two groups is in the last one', async () => {
    const a = await createUser(api.db, world.organisationId, { name: 'Groep A' });
    const b = await createUser(api.db, world.organisationId, { name: 'Groep B' });
    const created = await scim('POST', '/Groups', FIXTURES.entraCreateGroup);
    expect(created.status).toBe(201);
    const teamId = created.body.id;
    expect(created.body).toEqual(
      expect.objectContaining({
        displayName: 'displayName',
        externalId: FIXTURES.entraCreateGroup.externalId,
        members: [],
      }),
    );
    expect(await api.db.query(`SELECT name, parent_id FROM teams WHERE id = $1`, [teamId])).toEqual([
      { name: 'displayName', parent_id: null },
    ]);

    const found = await scim(
      'GET',
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "DISPLAYNAME"')}`,
    );
    expect(found.body.Resources).toEqual([expect.not.objectContaining({ members: expect.anything() })]);
    expect(found.body.Resources[0].id).toBe(teamId);

    await scim('PATCH', `/Groups/${teamId}`, FIXTURES.entraAddMember(a.id));
    await scim('PATCH', `/Groups/${teamId}`, FIXTURES.rfcAddMember(b.id));
    expect((await person(a.id)).team_id).toBe(teamId);
    expect((await person(b.id)).team_id).toBe(teamId);
    const withMembers = await scim('GET', `/Groups/${teamId}`);
    expect(withMembers.body.members.map((m: { value: string }) => m.value).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    const byMember = await scim('GET', `/Groups?filter=${encodeURIComponent(`members[value eq "${a.id}"]`)}`);
    expect(byMember.body.Resources.map((g: { id: string }) => g.id)).toEqual([teamId]);

    await scim('PATCH', `/Groups/${teamId}`, FIXTURES.entraRemoveMember(a.id));
    expect((await person(a.id)).team_id).toBeNull();
    await scim('PATCH', `/Groups/${teamId}`, FIXTURES.entraRemoveMemberByPath(b.id));
    expect((await person(b.id)).team_id).toBeNull();

    // Okta's group push: create with members, rename by a replace without path.
    const okta = await scim('POST', '/Groups', {
      ...FIXTURES.oktaCreateGroup,
      members: [{ value: a.id, display: 'Groep A' }],
    });
    expect((await person(a.id)).team_id).toBe(okta.body.id);
    await scim('PATCH', `/Groups/${okta.body.id}`, FIXTURES.oktaRenameGroup(okta.body.id));
    expect((await api.db.query(`SELECT name FROM teams WHERE id = $1`, [okta.body.id]))[0].name).toBe(
      'Test SCIMv2 renamed',
    );

    // Last one wins: joining the first group moves a; leaving the group a has since left changes nothing.
    await scim('PATCH', `/Groups/${teamId}`, FIXTURES.entraAddMember(a.id));
    expect((await person(a.id)).team_id).toBe(teamId);
    await scim('PATCH', `/Groups/${okta.body.id}`, FIXTURES.entraRemoveMemberByPath(a.id));
    expect((await person(a.id)).team_id).toBe(teamId);

    // PUT replaces the membership.
    await scim('PUT', `/Groups/${teamId}`, {
      schemas: [GROUP],
      displayName: 'displayName',
      members: [{ value: b.id }],
    });
    expect([(await person(a.id)).team_id, (await person(b.id)).team_id]).toEqual([null, teamId]);
    await scim('PATCH', `/Groups/${teamId}`, FIXTURES.entraRenameGroup);
    expect((await api.db.query(`SELECT name FROM teams WHERE id = $1`, [teamId]))[0].name).toBe(
      'displayName updated',
    );

    // Delete follows the team rules: not while it has members or sub-teams.
    const before = await counts();
    expectScimError(await scim('DELETE', `/Groups/${teamId}`), 409);
    expect(await counts()).toEqual(before);
    await scim('PATCH', `/Groups/${teamId}`, FIXTURES.entraRemoveMember(b.id));
    const child = await createTeam(api.db, world.organisationId, 'Onderteam', teamId);
    expectScimError(await scim('DELETE', `/Groups/${teamId}`), 409);
    await api.db.query(`DELETE FROM teams WHERE id = $1`, [child]);
    expect((await scim('DELETE', `/Groups/${teamId}`)).status).toBe(204);
    expect(await api.db.query(`SELECT id FROM teams WHERE id = $1`, [teamId])).toEqual([]);
    expectScimError(await scim('GET', `/Groups/${teamId}`), 404);
  });

  it('pages through every user exactly once at several page sizes, in line with totalResults', async () => {
    const { total } = (
      await api.db.query(`SELECT count(*)::int AS total FROM users WHERE organisation_id = $1`, [
        world.organisationId,
      ])
    )[0];
    for (const count of [1, 3, 7, 200]) {
      const seen: string[] = [];
      for (let startIndex = 1; startIndex <= total; startIndex += count) {
        const page = await scim('GET', `/Users?startIndex=${startIndex}&count=${count}`);
        expect(page.body).toEqual(expect.objectContaining({ totalResults: total, startIndex }));
        expect(page.body.itemsPerPage).toBe(Math.min(count, total - startIndex + 1));
        seen.push(...page.body.Resources.map((r: { id: string }) => r.id));
      }
      expect(new Set(seen).size).toBe(total);
      expect(seen).toHaveLength(total);
    }
    const none = await scim('GET', '/Users?count=0');
    expect(none.body).toEqual(
      expect.objectContaining({ totalResults: total, itemsPerPage: 0, Resources: [] }),
    );
    expect((await scim('GET', `/Users?startIndex=${total + 1}`)).body.Resources).toEqual([]);
  });

  it('answers 400 invalidFilter for every filter it cannot honour, never a full list', async () => {
    const bad = [
      'userName eq',
      'userName co "a"',
      'userName sw "a"',
      'title eq "x"',
      'userName pr',
      'not (userName eq "a")',
      'userName eq "a" and',
      '((',
      'emails[type eq "work"]',
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
    ];
    for (const filter of bad) {
      const res = await scim('GET', `/Users?filter=${encodeURIComponent(filter)}`);
      expect(`${filter}: ${res.status} ${res.body.scimType}`).toBe(`${filter}: 400 invalidFilter`);
    }
    expectScimError(
      await scim('GET', `/Groups?filter=${encodeURIComponent('displayName co "x"')}`),
      400,
      'invalidFilter',
    );
    expectScimError(await scim('GET', '/Users?startIndex=abc'), 400, 'invalidValue');
  });

  it('refuses a missing, wrong or revoked token and any session, with 401', async () => {
    expectScimError(await scim('GET', '/Users', undefined, null), 401);
    expectScimError(await scim('GET', '/Users', undefined, 'wkscim_wrong'), 401);
    expectScimError(await scim('GET', '/Users', undefined, token.slice(0, -1)), 401);
    // A session (cookie or bearer) is not a SCIM token.
    expectScimError(await admin.get('/scim/v2/Users'), 401);
    const extra = (await admin.post('/api/scim-tokens', { name: 'Tijdelijk' })).body;
    expect((await scim('GET', '/Users', undefined, extra.token)).status).toBe(200);
    expect((await admin.post(`/api/scim-tokens/${extra.id}/revoke`)).body.revokedAt).not.toBeNull();
    expectScimError(await scim('GET', '/Users', undefined, extra.token), 401);
    expectScimError(await scim('POST', '/Users', FIXTURES.oktaCreateUser, extra.token), 401);
  });

  it('keeps the SCIM token to SCIM routes: every other non-public route refuses it', async () => {
    const doc = openApiDocument(api.app);
    const outcomes: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item as Record<string, Record<string, unknown>>)) {
        if (op['x-public'] === true) continue;
        const url = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await new HttpClient(api.url).request(
          method.toUpperCase(),
          url,
          method === 'get' ? undefined : {},
          {
            authorization: `Bearer ${token}`,
            'x-api-key': token,
          },
        );
        outcomes.push(`${method.toUpperCase()} ${path} ${res.status}`);
      }
    expect(outcomes.length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => !o.endsWith(' 401'))).toEqual([]);
  });

  it("answers 404 for another organisation's users and groups, and writes nothing", async () => {
    const before = await counts();
    const ownUser = world.users.employee.id;
    const ownTeam = world.teamId;
    for (const [method, path, body] of [
      ['GET', `/Users/${ownUser}`, undefined],
      ['PUT', `/Users/${ownUser}`, FIXTURES.oktaCreateUser],
      ['PATCH', `/Users/${ownUser}`, FIXTURES.oktaDeactivate],
      ['DELETE', `/Users/${ownUser}`, undefined],
      ['GET', `/Groups/${ownTeam}`, undefined],
      ['PUT', `/Groups/${ownTeam}`, FIXTURES.oktaCreateGroup],
      ['PATCH', `/Groups/${ownTeam}`, FIXTURES.entraRenameGroup],
      ['DELETE', `/Groups/${ownTeam}`, undefined],
      ['GET', '/Users/not-a-uuid', undefined],
    ] as const)
      expectScimError(await scim(method, path, body, foreignToken), 404);
    // Another organisation's person cannot become a member, and its lists do not show ours.
    const foreignGroup = await scim(
      'POST',
      '/Groups',
      { schemas: [GROUP], displayName: 'Vreemde groep', members: [] },
      foreignToken,
    );
    const afterGroup = await counts();
    expectScimError(
      await scim('PATCH', `/Groups/${foreignGroup.body.id}`, FIXTURES.entraAddMember(ownUser), foreignToken),
      400,
      'invalidValue',
    );
    expect(await counts()).toEqual(afterGroup);
    const list = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent(`id eq "${ownUser}"`)}`,
      undefined,
      foreignToken,
    );
    expect(list.body.totalResults).toBe(0);
    expect((await scim('GET', '/Users?count=200', undefined, foreignToken)).body.totalResults).toBe(6);
    expect({ ...(await counts()), teams: before.teams + 1, team_rows: null }).toEqual({
      ...afterGroup,
      team_rows: null,
    });
  });

  it('refuses bad input with 4xx in the SCIM error shape and writes nothing', async () => {
    await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Bestaand' });
    const before = await counts();
    const cases: [string, string, unknown, number, string | undefined][] = [
      ['POST', '/Users', FIXTURES.rfcCreateUser, 400, 'invalidValue'],
      ['POST', '/Users', { schemas: [USER] }, 400, 'invalidValue'],
      [
        'POST',
        '/Users',
        { ...FIXTURES.oktaCreateUser, userName: world.users.hr.email.toUpperCase(), emails: undefined },
        409,
        'uniqueness',
      ],
      [
        'POST',
        '/Users',
        {
          ...FIXTURES.oktaCreateUser,
          userName: 'lang@example.test',
          emails: [],
          name: { formatted: 'x'.repeat(121) },
        },
        400,
        'invalidValue',
      ],
      [
        'POST',
        '/Users',
        { ...FIXTURES.oktaCreateUser, userName: 'actief@example.test', emails: [], active: 'misschien' },
        400,
        'invalidValue',
      ],
      ['POST', '/Users', [], 400, 'invalidSyntax'],
      [
        'PATCH',
        `/Users/${world.users.employee.id}`,
        { schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'active' }] },
        400,
        'invalidSyntax',
      ],
      [
        'PATCH',
        `/Users/${world.users.employee.id}`,
        { Operations: [{ op: 'replace', path: 'active', value: false }] },
        400,
        'invalidSyntax',
      ],
      [
        'PATCH',
        `/Users/${world.users.employee.id}`,
        {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'geen-adres' }],
        },
        400,
        'invalidValue',
      ],
      [
        'PUT',
        `/Users/${world.users.employee.id}`,
        { schemas: [USER], userName: world.users.hr.email },
        409,
        'uniqueness',
      ],
      ['POST', '/Groups', { schemas: [GROUP], displayName: 'BESTAAND' }, 409, 'uniqueness'],
      [
        'POST',
        '/Groups',
        {
          schemas: [GROUP],
          displayName: 'Nieuw',
          members: [{ value: '00000000-0000-4000-8000-000000000000' }],
        },
        400,
        'invalidValue',
      ],
      [
        'POST',
        '/Groups',
        { schemas: [GROUP], displayName: 'Nieuw', members: [{ value: 'geen-id' }] },
        400,
        'invalidValue',
      ],
      ['POST', '/Groups', { schemas: [GROUP] }, 400, 'invalidValue'],
    ];
    for (const [method, path, body, status, scimType] of cases) {
      const res = await scim(method, path, body);
      expect(
        `${method} ${path} ${JSON.stringify(body).slice(0, 60)}: ${res.status} ${res.body?.scimType}`,
      ).toBe(`${method} ${path} ${JSON.stringify(body).slice(0, 60)}: ${status} ${scimType}`);
      expectScimError(res, status, scimType);
    }
    const malformed = await new HttpClient(api.url).request('POST', '/scim/v2/Users', '{"userName": ', {
      'content-type': 'application/scim+json',
      authorization: `Bearer ${token}`,
    });
    expectScimError(malformed, 400, 'invalidSyntax');
    expect(await counts()).toEqual(before);
  });
});
