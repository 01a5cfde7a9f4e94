import { ActionsService } from '@wk/api-testing';
import type { ActionDetail, ActionSummary, FocusCreated } from '@wk/contracts';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

/** Sums of a rollup row with a known mean and standard deviation (n, Σx, Σx²). */
const sums = (n: number, mean: number, sd: number) => ({
  n,
  sum: n * mean,
  sumsq: (n - 1) * sd * sd + n * mean * mean,
});

/** Action plans: who makes, reads and changes them, owner reminders once, and whether an action worked. */
describe('action plans', () => {
  let api: RunningApi;
  let world: World;
  let foreign: World;
  const as = {} as Record<'hr' | 'manager' | 'employee' | 'member' | 'outsider' | 'foreign', HttpClient>;
  let today: string;

  const cell = (over: Record<string, unknown> = {}) => ({
    valueKey: 'betrouwbaar',
    teamId: world.teamId,
    periodKind: 'quarter',
    period: '2026-Q3',
    metric: 'customer',
    ...over,
  });
  const focus = (
    over: Record<string, unknown> = {},
    ownerId = world.teamMember.id,
    dueDate = '2030-06-30',
  ) => ({
    cell: cell(over),
    title: 'Afspraken nakomen',
    actions: [{ what: 'Terugbellen binnen een dag', ownerId, dueDate }],
  });

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
    world = await createWorld(api.db, 'Acties');
    foreign = await createWorld(api.db, 'Elders');
    for (const w of [world, foreign]) {
      const [version] = await api.db.query(
        `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, 1, 'draft') RETURNING id`,
        [w.organisationId],
      );
      for (const [position, key] of ['betrouwbaar', 'persoonlijk', 'deskundig'].entries())
        await api.db.query(
          `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, name_en, level, tier, charge, target_grade)
           VALUES ($1, $2, $3::text, $4, initcap($3::text), upper($3::text), 'basis', 'base', 'rational', 7.5)`,
          [w.organisationId, version.id, key, position],
        );
      await api.db.query(
        `UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`,
        [version.id],
      );
    }
    [{ today }] = await api.db.query(
      `SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM organisations WHERE id = $1`,
      [world.organisationId],
    );
    const login = (email: string) => new HttpClient(api.url).login(email, TEST_PASSWORD);
    as.hr = await login(world.users.hr.email);
    as.manager = await login(world.users.manager.email);
    as.employee = await login(world.users.employee.email);
    as.member = await login(world.teamMember.email);
    as.outsider = await login(world.outsider.email);
    as.foreign = await login(foreign.users.hr.email);
  });
  afterAll(() => api?.close());

  it('HR makes a focus with actions on any cell; the owner must be a person of the organisation', async () => {
    const made = await as.hr.post<FocusCreated>('/api/actions/focuses', focus());
    expect(made.status).toBe(201);
    expect(made.body.actions).toHaveLength(1);
    expect(made.body.actions[0]).toMatchObject({
      what: 'Terugbellen binnen een dag',
      status: 'open',
      owner: { id: world.teamMember.id, name: 'Team Member' },
      dueDate: '2030-06-30',
      cell: { valueKey: 'betrouwbaar', valueName: 'Betrouwbaar', teamName: 'Acties team', period: '2026-Q3' },
    });
    // An organisation-wide cell, and one of a team outside any manager's scope.
    expect((await as.hr.post('/api/actions/focuses', focus({ teamId: null }))).status).toBe(201);
    expect((await as.hr.post('/api/actions/focuses', focus({ teamId: world.otherTeamId }))).status).toBe(201);
    const foreignOwner = await as.hr.post('/api/actions/focuses', focus({}, foreign.users.hr.id));
    expect(foreignOwner.status).toBe(404);
  });

  it('refuses bad input with 400 naming the field, unknown cells with 404', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ ...focus(), title: '  ' }, 'title'],
      [{ ...focus(), actions: [] }, 'actions'],
      [focus({}, world.teamMember.id, '2030-02-30'), 'actions[0].dueDate'],
      [focus({}, world.teamMember.id, '30-06-2030'), 'actions[0].dueDate'],
      [focus({ period: '2026-13' }), 'cell.period'],
      [focus({ periodKind: 'month', period: '2026-Q3' }), 'cell.period'],
      [focus({ metric: 'nps' }), 'cell.metric'],
      [focus({ metric: 'self', journeyId: world.teamId, teamId: null }), 'cell.metric'],
    ];
    for (const [body, field] of bad) {
      const res = await as.hr.post('/api/actions/focuses', body);
      expect(`${field} ${res.status}`).toBe(`${field} 400`);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect((await as.hr.post('/api/actions/focuses', focus({ valueKey: 'onbekend' }))).status).toBe(404);
    expect((await as.hr.post('/api/actions/focuses', focus({ teamId: foreign.teamId }))).status).toBe(404);
  });

  it('a manager makes actions only for its teams (sub-teams included), never for the organisation', async () => {
    expect((await as.manager.post('/api/actions/focuses', focus())).status).toBe(201);
    expect(
      (await as.manager.post('/api/actions/focuses', focus({ teamId: world.departmentId }))).status,
    ).toBe(201);
    expect((await as.manager.post('/api/actions/focuses', focus({ teamId: world.otherTeamId }))).status).toBe(
      404,
    );
    expect((await as.manager.post('/api/actions/focuses', focus({ teamId: null }))).status).toBe(403);
    expect((await as.employee.post('/api/actions/focuses', focus())).status).toBe(403);
  });

  it('the team sees its actions: employees their team’s, managers their teams’, HR all, another organisation none', async () => {
    const teamsOf = (list: ActionSummary[]) => new Set(list.map((a) => a.cell.teamId));
    const all = (await as.hr.get<ActionSummary[]>('/api/actions')).body;
    expect(teamsOf(all)).toEqual(new Set([world.teamId, world.departmentId, world.otherTeamId, null]));
    const manager = (await as.manager.get<ActionSummary[]>('/api/actions')).body;
    expect(teamsOf(manager)).toEqual(new Set([world.teamId, world.departmentId]));
    // The employee's team and the department above it.
    const employee = (await as.employee.get<ActionSummary[]>('/api/actions')).body;
    expect(teamsOf(employee)).toEqual(new Set([world.teamId, world.departmentId]));
    expect(employee.every((a) => !a.canEdit)).toBe(true);
    expect((await as.outsider.get<ActionSummary[]>('/api/actions')).body.map((a) => a.cell.teamId)).toEqual(
      all.filter((a) => a.cell.teamId === world.otherTeamId).map(() => world.otherTeamId),
    );
    expect((await as.foreign.get<ActionSummary[]>('/api/actions')).body).toEqual([]);
    const hidden = all.find((a) => a.cell.teamId === world.otherTeamId)!;
    for (const client of [as.manager, as.employee, as.foreign])
      expect((await client.get(`/api/actions/${hidden.id}`)).status).toBe(404);
    for (const client of [as.foreign, as.manager])
      expect((await client.patch(`/api/actions/${hidden.id}`, { status: 'done' })).status).toBe(404);
    // Filters
    const open = (await as.hr.get<ActionSummary[]>(`/api/actions?status=open&teamId=${world.teamId}`)).body;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((a) => a.status === 'open' && a.cell.teamId === world.teamId)).toBe(true);
    // A department's filter takes in its teams' actions; a team's never the department's.
    const department = (await as.hr.get<ActionSummary[]>(`/api/actions?teamId=${world.departmentId}`)).body;
    expect(teamsOf(department)).toEqual(new Set([world.departmentId, world.teamId]));
    expect(department.map((a) => a.id).sort()).toEqual(
      all
        .filter((a) => [world.departmentId, world.teamId].includes(a.cell.teamId!))
        .map((a) => a.id)
        .sort(),
    );
    expect(
      (await as.hr.get<ActionSummary[]>(`/api/actions?teamId=${world.teamId}`)).body.every(
        (a) => a.cell.teamId === world.teamId,
      ),
    ).toBe(true);
    expect((await as.hr.get('/api/actions?status=klaar')).status).toBe(400);
  });

  it('the owner updates status and adds progress notes; a teammate reads but may not change', async () => {
    const [mine] = (await as.member.get<ActionSummary[]>(`/api/actions?teamId=${world.teamId}`)).body.filter(
      (a) => a.owner.id === world.teamMember.id,
    );
    expect(mine.canEdit).toBe(true);
    const started = await as.member.patch<ActionDetail>(`/api/actions/${mine.id}`, { status: 'in_progress' });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('in_progress');
    const noted = await as.member.post<ActionDetail>(`/api/actions/${mine.id}/notes`, {
      body: 'Eerste week: 9 van 10 teruggebeld',
    });
    expect(noted.status).toBe(201);
    expect(noted.body.notes).toEqual([
      expect.objectContaining({
        body: 'Eerste week: 9 van 10 teruggebeld',
        author: { id: world.teamMember.id, name: 'Team Member' },
      }),
    ]);
    // The owner does not hand the action over or move its date; the manager does.
    expect((await as.member.patch(`/api/actions/${mine.id}`, { dueDate: '2031-01-01' })).status).toBe(403);
    expect((await as.manager.patch(`/api/actions/${mine.id}`, { dueDate: '2031-01-01' })).status).toBe(200);
    expect((await as.employee.get(`/api/actions/${mine.id}`)).status).toBe(200);
    expect((await as.employee.patch(`/api/actions/${mine.id}`, { status: 'done' })).status).toBe(403);
    expect((await as.employee.post(`/api/actions/${mine.id}/notes`, { body: 'x' })).status).toBe(403);
    expect((await as.member.patch(`/api/actions/${mine.id}`, { status: 'klaar' })).status).toBe(400);
    expect((await as.member.post(`/api/actions/${mine.id}/notes`, { body: '' })).status).toBe(400);
    const done = await as.member.patch<ActionDetail>(`/api/actions/${mine.id}`, { status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', dueDate: '2031-01-01' });
    expect(done.body.effect).toMatchObject({
      state: 'pending',
      before: expect.any(String),
      after: '2031-Q2',
    });
  });

  it('reminds the owner once before the due date and once on it, through the outbox; never for done actions', async () => {
    const service = api.app.get(ActionsService);
    const inDays = async (days: number) =>
      (await api.db.query(`SELECT ($1::date + $2::int)::text AS d`, [today, days]))[0].d as string;
    const owner = world.outsider;
    const made = await as.hr.post<FocusCreated>('/api/actions/focuses', {
      ...focus({ teamId: world.otherTeamId }),
      actions: [
        { what: 'Bevestigingsmail herschrijven', ownerId: owner.id, dueDate: await inDays(2) },
        { what: 'Te ver weg', ownerId: owner.id, dueDate: await inDays(10) },
        { what: 'Al klaar', ownerId: owner.id, dueDate: await inDays(1) },
      ],
    });
    const [soon, far, finished] = made.body.actions;
    await as.hr.patch(`/api/actions/${finished.id}`, { status: 'done' });
    const mails = async () =>
      (await api.db.query(
        `SELECT dedup_key, to_address, subject, status FROM outbox_messages
          WHERE organisation_id = $1 AND kind = 'actionReminder' ORDER BY dedup_key`,
        [world.organisationId],
      )) as { dedup_key: string; to_address: string; subject: string; status: string }[];
    const keysFor = async (id: string) => (await mails()).filter((m) => m.dedup_key.includes(id));

    await service.sendReminders();
    await service.sendReminders();
    expect(await keysFor(soon.id)).toEqual([
      expect.objectContaining({
        dedup_key: `action-reminder-${soon.id}-before-${soon.dueDate}`,
        to_address: owner.email,
        status: 'held',
      }),
    ]);
    expect((await keysFor(soon.id))[0].subject).toContain('Bevestigingsmail herschrijven');
    expect(await keysFor(far.id)).toEqual([]);
    expect(await keysFor(finished.id)).toEqual([]);

    // Due today: the second (and last) reminder.
    await as.hr.patch(`/api/actions/${soon.id}`, { dueDate: today });
    await service.sendReminders();
    await service.sendReminders();
    expect((await keysFor(soon.id)).map((m) => m.dedup_key)).toEqual([
      `action-reminder-${soon.id}-before-${soon.dueDate}`,
      `action-reminder-${soon.id}-due-${today}`,
    ]);
  });

  it('measures whether an action worked: before vs after with Welch, on known rollups', async () => {
    // Three cells of the employee's team, one per value; the actions were made in 2025-03 and due in 2025-04.
    const made = await as.hr.post<FocusCreated>('/api/actions/focuses', {
      cell: cell({ periodKind: 'month', period: '2025-02' }),
      title: 'Drie waarden',
      actions: [{ what: 'x', ownerId: world.teamMember.id, dueDate: '2025-04-10' }],
    });
    const ids: Record<string, string> = {};
    for (const valueKey of ['betrouwbaar', 'persoonlijk', 'deskundig']) {
      const res = await as.hr.post<FocusCreated>('/api/actions/focuses', {
        cell: cell({ periodKind: 'month', period: '2025-02', valueKey }),
        title: valueKey,
        actions: [{ what: `Actie ${valueKey}`, ownerId: world.teamMember.id, dueDate: '2025-04-10' }],
      });
      ids[valueKey] = res.body.actions[0].id;
    }
    await api.db.query(`UPDATE actions SET created_at = '2025-03-15T12:00:00Z' WHERE id = ANY($1::uuid[])`, [
      [...Object.values(ids), made.body.actions[0].id],
    ]);
    const known: Record<string, [ReturnType<typeof sums>, ReturnType<typeof sums>]> = {
      betrouwbaar: [sums(40, 6.0, 1.0), sums(40, 7.5, 1.0)],
      persoonlijk: [sums(40, 7.0, 1.5), sums(40, 7.1, 1.5)],
      deskundig: [sums(40, 8.0, 1.0), sums(40, 6.5, 1.0)],
    };
    for (const [metric, [before, after]] of Object.entries(known))
      for (const [month, s] of [
        ['2025-02-01', before],
        ['2025-05-01', after],
      ] as const)
        await api.db.query(
          `INSERT INTO kpi_customer_team (organisation_id, month, team_id, metric, n, dont_know, sum, sumsq, ge8, ge9, le6)
           VALUES ($1, $2, $3, $4, $5, 0, $6, $7, 0, 0, 0)`,
          [world.organisationId, month, world.teamId, metric, s.n, s.sum, s.sumsq],
        );
    const effect = async (id: string) =>
      (await as.employee.get<ActionDetail>(`/api/actions/${id}`)).body.effect;
    expect(await effect(ids.betrouwbaar)).toMatchObject({
      state: 'measured',
      before: '2025-02',
      after: '2025-05',
      verdict: 'improved',
      beforeN: 40,
      afterN: 40,
    });
    const first = await effect(ids.betrouwbaar);
    expect(first.state === 'measured' && first.difference).toBeCloseTo(1.5, 9);
    expect(await effect(ids.persoonlijk)).toMatchObject({ verdict: 'no_change' });
    expect(await effect(ids.deskundig)).toMatchObject({ verdict: 'worse' });
    // The organisation-wide and other-team cells read other rollups: nothing known there.
    const other = await as.hr.post<FocusCreated>('/api/actions/focuses', {
      cell: cell({ periodKind: 'month', period: '2025-02', teamId: world.otherTeamId }),
      title: 'Leeg',
      actions: [{ what: 'y', ownerId: world.outsider.id, dueDate: '2025-04-10' }],
    });
    await api.db.query(`UPDATE actions SET created_at = '2025-03-15T12:00:00Z' WHERE id = $1`, [
      other.body.actions[0].id,
    ]);
    expect((await as.employee.get(`/api/actions/${other.body.actions[0].id}`)).status).toBe(404);
    const empty = (await as.hr.get<ActionDetail>(`/api/actions/${other.body.actions[0].id}`)).body.effect;
    expect(empty).toMatchObject({ state: 'measured', verdict: 'insufficient', beforeN: 0, afterN: 0 });
  });

  it('a self-score effect says nothing below the anonymity minimum', async () => {
    const res = await as.hr.post<FocusCreated>('/api/actions/focuses', {
      cell: cell({ periodKind: 'month', period: '2025-02', metric: 'self' }),
      title: 'Zelf',
      actions: [{ what: 'z', ownerId: world.teamMember.id, dueDate: '2025-04-10' }],
    });
    const id = res.body.actions[0].id;
    await api.db.query(`UPDATE actions SET created_at = '2025-03-15T12:00:00Z' WHERE id = $1`, [id]);
    const [version] = await api.db.query(
      `SELECT id FROM value_set_versions WHERE organisation_id = $1 AND status = 'published'`,
      [world.organisationId],
    );
    const [{ id: cycleId }] = await api.db.query(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
       VALUES ($1, 'Zelf', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'paused') RETURNING id`,
      [world.organisationId, version.id],
    );
    const rounds: string[] = [];
    for (const at of ['2025-02-10', '2025-05-10'])
      rounds.push(
        (
          await api.db.query(
            `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at, closed_at)
             VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz, $4::timestamptz + interval '14 days', $4::timestamptz + interval '14 days') RETURNING id`,
            [world.organisationId, cycleId, version.id, at],
          )
        )[0].id,
      );
    const setSelf = async (n: number) => {
      for (const [i, mean] of [2.0, 3.5].entries()) {
        const s = sums(n, mean, 0.4);
        await api.db.query(
          `INSERT INTO kpi_self (organisation_id, round_id, month, team_id, value_key, n, sum, sumsq, good, role)
           VALUES ($1, $2, $3, $4, 'betrouwbaar', $5, $6, $7, 0, 0)
           ON CONFLICT (round_id, team_id, value_key) DO UPDATE SET n = $5, sum = $6, sumsq = $7`,
          [world.organisationId, rounds[i], i ? '2025-05-01' : '2025-02-01', world.teamId, n, s.sum, s.sumsq],
        );
      }
    };
    await setSelf(3);
    const small = (await as.hr.get<ActionDetail>(`/api/actions/${id}`)).body.effect;
    expect(small).toMatchObject({
      state: 'measured',
      verdict: 'insufficient',
      beforeMean: null,
      afterMean: null,
      difference: null,
    });
    await setSelf(6);
    const enough = (await as.hr.get<ActionDetail>(`/api/actions/${id}`)).body.effect;
    expect(enough).toMatchObject({ state: 'measured', verdict: 'improved', beforeN: 6, afterN: 6 });
    expect(enough.state === 'measured' && enough.afterMean).toBeCloseTo(3.5, 9);
  });
});
