import { randomUUID } from 'node:crypto';
import { createTeam, createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const idsOf = (items: { id: string }[]) => items.map((i) => i.id).sort();

describe('people, teams and organisation settings', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
  });
  afterAll(() => api.close());

  /** A fresh organisation per test, with signed-in clients for the roles it needs. */
  async function setUp(
    name: string,
  ): Promise<{ world: World; admin: HttpClient; hr: HttpClient; manager: HttpClient }> {
    const world = await createWorld(api.db, name);
    const [admin, hr, manager] = await Promise.all(
      (['admin', 'hr', 'manager'] as const).map((role) =>
        new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD),
      ),
    );
    return { world, admin, hr, manager };
  }

  const countUsers = async (organisationId: string): Promise<number> =>
    (
      await api.db.query(`SELECT count(*)::int AS n FROM users WHERE organisation_id = $1`, [organisationId])
    )[0].n;
  const countTeams = async (organisationId: string): Promise<number> =>
    (
      await api.db.query(`SELECT count(*)::int AS n FROM teams WHERE organisation_id = $1`, [organisationId])
    )[0].n;

  describe('people', () => {
    it('lets HR create and update a person, stored as sent', async () => {
      const { world, hr } = await setUp('Mensen');
      const created = await hr.post('/api/people', {
        email: 'Piet.Jansen@Example.test',
        name: '  Piet Jansen ',
        employeeNumber: 'P-001',
        teamId: world.teamId,
        invite: false,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Piet Jansen',
        employeeNumber: 'P-001',
        role: 'employee',
        status: 'invited',
        teamId: world.teamId,
      });

      const updated = await hr.patch(`/api/people/${created.body.id}`, {
        name: 'Piet de Jong',
        teamId: world.otherTeamId,
        role: 'manager',
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        id: created.body.id,
        name: 'Piet de Jong',
        teamId: world.otherTeamId,
        teamName: 'Mensen ander team',
        role: 'manager',
      });
      const [row] = await api.db.query(
        `SELECT name, role, team_id, employee_number FROM users WHERE id = $1`,
        [created.body.id],
      );
      expect(row).toEqual({
        name: 'Piet de Jong',
        role: 'manager',
        team_id: world.otherTeamId,
        employee_number: 'P-001',
      });
      // No invite asked for: nothing in the outbox.
      expect(
        (
          await api.db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1`, [
            world.organisationId,
          ])
        )[0].n,
      ).toBe(0);
    });

    it('answers 409 naming email for a duplicate e-mail in any letter case, and employeeNumber for a duplicate number', async () => {
      const { world, hr } = await setUp('Dubbel');
      const first = await hr.post('/api/people', {
        email: 'anne@example.test',
        name: 'Anne',
        employeeNumber: 'E-1',
        invite: false,
      });
      expect(first.status).toBe(201);
      const before = await countUsers(world.organisationId);

      const sameEmail = await hr.post('/api/people', {
        email: 'ANNE@Example.TEST',
        name: 'Anne Twee',
        invite: false,
      });
      expect(sameEmail.status).toBe(409);
      expect(fieldsOf(sameEmail.body)).toEqual(['email']);

      const sameNumber = await hr.post('/api/people', {
        email: 'anders@example.test',
        name: 'Anders',
        employeeNumber: 'E-1',
        invite: false,
      });
      expect(sameNumber.status).toBe(409);
      expect(fieldsOf(sameNumber.body)).toEqual(['employeeNumber']);
      expect(await countUsers(world.organisationId)).toBe(before);

      // Updating someone else onto a taken e-mail or number is refused the same way.
      const other = world.teamMember.id;
      const updEmail = await hr.patch(`/api/people/${other}`, { email: 'Anne@EXAMPLE.test' });
      expect(updEmail.status).toBe(409);
      expect(fieldsOf(updEmail.body)).toEqual(['email']);
      const updNumber = await hr.patch(`/api/people/${other}`, { employeeNumber: 'E-1' });
      expect(updNumber.status).toBe(409);
      expect(fieldsOf(updNumber.body)).toEqual(['employeeNumber']);
      const [row] = await api.db.query(`SELECT email, employee_number FROM users WHERE id = $1`, [other]);
      expect(row).toEqual({ email: world.teamMember.email, employee_number: null });

      // A person keeps its own e-mail when the case changes.
      const recased = await hr.patch(`/api/people/${first.body.id}`, { email: 'Anne@example.test' });
      expect(recased.status).toBe(200);
    });

    it('refuses an unknown teamId with 400 naming teamId and writes nothing', async () => {
      const { world, hr } = await setUp('Onbekend team');
      const before = await countUsers(world.organisationId);
      const created = await hr.post('/api/people', {
        email: 'x@example.test',
        name: 'X',
        teamId: randomUUID(),
        invite: false,
      });
      expect(created.status).toBe(400);
      expect(fieldsOf(created.body)).toEqual(['teamId']);
      expect(await countUsers(world.organisationId)).toBe(before);

      // A team of another organisation is just as unknown.
      const foreign = await createWorld(api.db, 'Ander bedrijf');
      const moved = await hr.patch(`/api/people/${world.teamMember.id}`, { teamId: foreign.teamId });
      expect(moved.status).toBe(400);
      expect(fieldsOf(moved.body)).toEqual(['teamId']);
      const [row] = await api.db.query(`SELECT team_id FROM users WHERE id = $1`, [world.teamMember.id]);
      expect(row.team_id).toBe(world.teamId);
    });

    it('lets only an admin grant or remove the admin role', async () => {
      const { world, hr, admin } = await setUp('Beheer');
      const byHr = await hr.post('/api/people', {
        email: 'baas@example.test',
        name: 'Baas',
        role: 'admin',
        invite: false,
      });
      expect(byHr.status).toBe(403);
      expect(
        await api.db.query(
          `SELECT id FROM users WHERE email = 'baas@example.test' AND organisation_id = $1`,
          [world.organisationId],
        ),
      ).toEqual([]);

      const promote = await hr.patch(`/api/people/${world.teamMember.id}`, { role: 'admin' });
      expect(promote.status).toBe(403);
      const demote = await hr.patch(`/api/people/${world.users.admin.id}`, { role: 'employee' });
      expect(demote.status).toBe(403);
      const roles = await api.db.query(`SELECT id, role FROM users WHERE id = ANY($1) ORDER BY id`, [
        [world.teamMember.id, world.users.admin.id],
      ]);
      expect(Object.fromEntries(roles.map((r: { id: string; role: string }) => [r.id, r.role]))).toEqual({
        [world.teamMember.id]: 'employee',
        [world.users.admin.id]: 'admin',
      });

      const byAdmin = await admin.post('/api/people', {
        email: 'baas@example.test',
        name: 'Baas',
        role: 'admin',
        invite: false,
      });
      expect(byAdmin.status).toBe(201);
      expect(byAdmin.body.role).toBe('admin');
      const promoted = await admin.patch(`/api/people/${world.teamMember.id}`, { role: 'admin' });
      expect(promoted.status).toBe(200);
      expect(promoted.body.role).toBe('admin');
    });

    it('refuses to let a user deactivate itself (409), and keeps it active', async () => {
      const { world, admin, hr } = await setUp('Zelf');
      for (const [client, user] of [
        [admin, world.users.admin],
        [hr, world.users.hr],
      ] as const) {
        const res = await client.patch(`/api/people/${user.id}`, { status: 'deactivated' });
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('self_lockout');
        const [row] = await api.db.query(`SELECT status FROM users WHERE id = $1`, [user.id]);
        expect(row.status).toBe('active');
        expect((await client.get('/api/me')).status).toBe(200);
      }
    });

    it('ends every session of a deactivated user: their client gets 401', async () => {
      const { world, hr } = await setUp('Uit dienst');
      const leaver = await new HttpClient(api.url).login(world.teamMember.email, TEST_PASSWORD);
      const secondDevice = await new HttpClient(api.url).login(world.teamMember.email, TEST_PASSWORD);
      expect((await leaver.get('/api/me')).status).toBe(200);

      const res = await hr.patch(`/api/people/${world.teamMember.id}`, { status: 'deactivated' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('deactivated');
      expect((await leaver.get('/api/me')).status).toBe(401);
      expect((await secondDevice.get('/api/me')).status).toBe(401);
      expect(
        (
          await api.db.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [
            world.teamMember.id,
          ])
        )[0].n,
      ).toBe(0);
      // Other people's sessions are untouched.
      expect((await hr.get('/api/me')).status).toBe(200);
      // And signing in again is refused.
      expect(
        (
          await new HttpClient(api.url).post('/api/auth/login', {
            email: world.teamMember.email,
            password: TEST_PASSWORD,
          })
        ).status,
      ).toBe(401);
    });

    it('shows a manager only the people in the teams it manages and their sub-teams', async () => {
      const { world, manager, hr } = await setUp('Scope');
      // A sub-team two levels below the managed department, with a member: in scope.
      const subTeam = await createTeam(api.db, world.organisationId, 'Scope subteam', world.teamId);
      const deep = await createUser(api.db, world.organisationId, { teamId: subTeam, name: 'Diep' });
      // Nobody without a team is in scope.
      const teamless = await createUser(api.db, world.organisationId, { name: 'Zonder team' });

      const list = await manager.get('/api/people?limit=200');
      expect(list.status).toBe(200);
      const expected = [world.users.manager.id, world.users.employee.id, world.teamMember.id, deep.id];
      expect(list.body.total).toBe(expected.length);
      expect(idsOf(list.body.items)).toEqual([...expected].sort());

      // Filters narrow within the scope, never widen it.
      const filtered = await manager.get(`/api/people?teamId=${world.otherTeamId}`);
      expect(filtered.body).toMatchObject({ total: 0, items: [] });

      expect((await manager.get(`/api/people/${deep.id}`)).status).toBe(200);
      for (const outsider of [world.outsider.id, teamless.id, world.users.hr.id]) {
        const res = await manager.get(`/api/people/${outsider}`);
        expect(res.status).toBe(404);
      }
      // HR sees the whole organisation.
      expect((await hr.get('/api/people?limit=200')).body.total).toBe(8);
      // The manager cannot change people at all.
      expect((await manager.patch(`/api/people/${deep.id}`, { name: 'Anders' })).status).toBe(403);
    });

    it('lists for a manager only its subtree of teams', async () => {
      const { world, manager } = await setUp('Boom');
      const subTeam = await createTeam(api.db, world.organisationId, 'Boom subteam', world.teamId);
      const otherSub = await createTeam(
        api.db,
        world.organisationId,
        'Boom ander subteam',
        world.otherTeamId,
      );
      const teams = await manager.get('/api/teams');
      expect(teams.status).toBe(200);
      expect(idsOf(teams.body)).toEqual([world.departmentId, world.teamId, subTeam].sort());
      expect((await manager.get(`/api/teams/${otherSub}`)).status).toBe(404);
      expect((await manager.get(`/api/teams/${world.otherTeamId}`)).status).toBe(404);
      const department = teams.body.find((t: { id: string }) => t.id === world.departmentId);
      expect(department).toMatchObject({
        parentId: null,
        managerIds: [world.users.manager.id],
        memberCount: 1,
      });
    });
  });

  describe('teams', () => {
    it('creates a team below a parent, renames and moves it', async () => {
      const { world, hr } = await setUp('Teams');
      const created = await hr.post('/api/teams', { name: 'Klantenservice', parentId: world.departmentId });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Klantenservice',
        parentId: world.departmentId,
        memberCount: 0,
        managerIds: [],
      });

      const renamed = await hr.patch(`/api/teams/${created.body.id}`, { name: 'Klantcontact' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Klantcontact', parentId: world.departmentId });

      const moved = await hr.patch(`/api/teams/${created.body.id}`, { parentId: world.otherTeamId });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ name: 'Klantcontact', parentId: world.otherTeamId });

      const toRoot = await hr.patch(`/api/teams/${created.body.id}`, { parentId: null });
      expect(toRoot.status).toBe(200);
      const [row] = await api.db.query(`SELECT name, parent_id FROM teams WHERE id = $1`, [created.body.id]);
      expect(row).toEqual({ name: 'Klantcontact', parent_id: null });
    });

    it('refuses to move a team below itself or its own descendant (400 naming parentId)', async () => {
      const { world, hr } = await setUp('Lus');
      const grandChild = await createTeam(api.db, world.organisationId, 'Lus kleinkind', world.teamId);
      for (const parentId of [grandChild, world.teamId, world.departmentId]) {
        const res = await hr.patch(`/api/teams/${world.departmentId}`, { parentId });
        expect(res.status).toBe(400);
        expect(fieldsOf(res.body)).toEqual(['parentId']);
      }
      const unknownParent = await hr.patch(`/api/teams/${world.departmentId}`, { parentId: randomUUID() });
      expect(unknownParent.status).toBe(400);
      expect(fieldsOf(unknownParent.body)).toEqual(['parentId']);
      const [row] = await api.db.query(`SELECT parent_id FROM teams WHERE id = $1`, [world.departmentId]);
      expect(row.parent_id).toBeNull();
    });

    it('refuses a duplicate team name in any letter case (409)', async () => {
      const { world, hr } = await setUp('Namen');
      const before = await countTeams(world.organisationId);
      const dup = await hr.post('/api/teams', { name: 'NAMEN TEAM' });
      expect(dup.status).toBe(409);
      expect(fieldsOf(dup.body)).toEqual(['name']);
      expect(await countTeams(world.organisationId)).toBe(before);

      const rename = await hr.patch(`/api/teams/${world.otherTeamId}`, { name: 'namen Team' });
      expect(rename.status).toBe(409);
      const [row] = await api.db.query(`SELECT name FROM teams WHERE id = $1`, [world.otherTeamId]);
      expect(row.name).toBe('Namen ander team');

      // The same name in another organisation is fine; so is recasing a team's own name.
      const foreign = await createWorld(api.db, 'Elders');
      const foreignHr = await new HttpClient(api.url).login(foreign.users.hr.email, TEST_PASSWORD);
      expect((await foreignHr.post('/api/teams', { name: 'Namen team' })).status).toBe(201);
      expect((await hr.patch(`/api/teams/${world.teamId}`, { name: 'NAMEN TEAM' })).body.name).toBe(
        'NAMEN TEAM',
      );
    });

    it('refuses to delete a team with members or sub-teams (409 in_use) and deletes nothing', async () => {
      const { world, hr } = await setUp('Wissen');
      const before = await countTeams(world.organisationId);
      const withMembers = await hr.delete(`/api/teams/${world.teamId}`);
      expect(withMembers.status).toBe(409);
      expect(withMembers.body.code).toBe('in_use');
      const withChild = await hr.delete(`/api/teams/${world.departmentId}`);
      expect(withChild.status).toBe(409);
      expect(withChild.body.code).toBe('in_use');
      expect(await countTeams(world.organisationId)).toBe(before);
      const members = await api.db.query(`SELECT id FROM users WHERE team_id = $1 ORDER BY id`, [
        world.teamId,
      ]);
      expect(members.map((m: { id: string }) => m.id)).toEqual(
        [world.users.employee.id, world.teamMember.id].sort(),
      );
    });

    it('deletes an empty team (204) and its manager links', async () => {
      const { world, hr } = await setUp('Leeg');
      const empty = await createTeam(api.db, world.organisationId, 'Lege groep', world.departmentId);
      expect(
        (await hr.put(`/api/teams/${empty}/managers`, { userIds: [world.users.manager.id] })).status,
      ).toBe(200);
      const res = await hr.delete(`/api/teams/${empty}`);
      expect(res.status).toBe(204);
      expect(await api.db.query(`SELECT id FROM teams WHERE id = $1`, [empty])).toEqual([]);
      expect(await api.db.query(`SELECT * FROM team_managers WHERE team_id = $1`, [empty])).toEqual([]);
      expect((await hr.get(`/api/teams/${empty}`)).status).toBe(404);
    });

    it('sets managers, and refuses an unknown user id with 400 naming userIds', async () => {
      const { world, hr, manager } = await setUp('Leiding');
      const set = await hr.put(`/api/teams/${world.otherTeamId}/managers`, {
        userIds: [world.users.manager.id, world.users.hr.id],
      });
      expect(set.status).toBe(200);
      expect([...set.body.managerIds].sort()).toEqual([world.users.manager.id, world.users.hr.id].sort());
      // The manager's scope grows with it.
      expect(idsOf((await manager.get('/api/teams')).body)).toContain(world.otherTeamId);

      const foreign = await createWorld(api.db, 'Leiding elders');
      for (const unknown of [randomUUID(), foreign.users.manager.id]) {
        const res = await hr.put(`/api/teams/${world.otherTeamId}/managers`, {
          userIds: [world.users.manager.id, unknown],
        });
        expect(res.status).toBe(400);
        expect(fieldsOf(res.body)).toEqual(['userIds']);
      }
      const rows = await api.db.query(
        `SELECT user_id FROM team_managers WHERE team_id = $1 ORDER BY user_id`,
        [world.otherTeamId],
      );
      expect(rows.map((r: { user_id: string }) => r.user_id)).toEqual(
        [world.users.manager.id, world.users.hr.id].sort(),
      );
    });
  });

  describe('organisation settings', () => {
    const settingsOf = async (organisationId: string) =>
      (
        await api.db.query(
          `SELECT name, time_zone, anonymity_minimum, comment_minimum FROM organisations WHERE id = $1`,
          [organisationId],
        )
      )[0];

    it('lets an admin change settings and returns the whole organisation', async () => {
      const { world, admin } = await setUp('Instellingen');
      const res = await admin.patch('/api/organisation', { anonymityMinimum: 7, timeZone: 'Europe/London' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: world.organisationId,
        name: 'Instellingen',
        slug: world.slug,
        anonymityMinimum: 7,
        timeZone: 'Europe/London',
        commentMinimum: 5,
        locale: 'nl',
      });
      expect(await settingsOf(world.organisationId)).toEqual({
        name: 'Instellingen',
        time_zone: 'Europe/London',
        anonymity_minimum: 7,
        comment_minimum: 5,
      });
      expect((await admin.get('/api/organisation')).body).toEqual(res.body);
      // Sending nothing changes nothing and still answers with the whole organisation.
      expect((await admin.patch('/api/organisation', {})).body).toEqual(res.body);
    });

    it('refuses an anonymity minimum below 3 (400 naming anonymityMinimum), leaving the stored value', async () => {
      const { world, admin } = await setUp('Anoniem');
      const res = await admin.patch('/api/organisation', { anonymityMinimum: 2 });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['anonymityMinimum']);
      expect((await settingsOf(world.organisationId)).anonymity_minimum).toBe(5);
    });

    it('refuses an unknown time zone (400 naming timeZone)', async () => {
      const { world, admin } = await setUp('Tijdzone');
      for (const timeZone of ['Mars/Olympus', '', 42]) {
        const res = await admin.patch('/api/organisation', { timeZone });
        expect(res.status).toBe(400);
        expect(fieldsOf(res.body)).toEqual(['timeZone']);
      }
      expect((await settingsOf(world.organisationId)).time_zone).toBe('Europe/Amsterdam');
    });

    it('refuses settings changes by HR (403)', async () => {
      const { world, hr } = await setUp('Geen beheer');
      const res = await hr.patch('/api/organisation', { anonymityMinimum: 9 });
      expect(res.status).toBe(403);
      expect((await settingsOf(world.organisationId)).anonymity_minimum).toBe(5);
    });
  });
});
