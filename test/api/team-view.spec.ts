import { KpiRollupsService } from '@wk/api-testing';
import type { CycleParticipationRow, KpiReport, PeriodInfo, TeamComments, TeamSiblings } from '@wk/contracts';
import { createTeam, createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createInsightsData, InsightsData } from '../support/insights-data';

/**
 * Issue 17 item 5: the team view's sibling comparison (published cells only, unnamed neighbours only
 * as a group), the periods a team took part in, its customers' comments (whole groups at or above the
 * comment minimum) and participation per cycle; roles and scope.
 */
describe('team view', () => {
  let api: RunningApi;
  let world: World;
  let data: InsightsData;
  let extra: string[];
  let pulseRoundId: string;
  let quarter: string;
  let hr: HttpClient;
  let departmentManager: HttpClient;
  let largeManager: HttpClient;
  let employee: HttpClient;

  /** Completed invitations with every behaviour answered for `count` new people of `teamId`. */
  async function answer(roundId: string, teamId: string, count: number, completed = count) {
    for (let i = 0; i < count; i++) {
      const user = await createUser(api.db, world.organisationId, { teamId });
      const [invitation] = await api.db.query(
        `INSERT INTO assessment_invitations (organisation_id, round_id, user_id, token_hash, team_id, completed_at)
         VALUES ($1, $2, $3, md5(random()::text) || md5(random()::text), $4, $5) RETURNING id`,
        [world.organisationId, roundId, user.id, teamId, i < completed ? new Date() : null],
      );
      for (const value of data.values)
        for (const behaviourId of value.behaviourIds)
          await api.db.query(
            `INSERT INTO assessment_answers (organisation_id, invitation_id, behaviour_id, level) VALUES ($1, $2, $3, $4)`,
            [world.organisationId, invitation.id, behaviourId, 1 + ((i + value.key.length) % 4)],
          );
    }
  }

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
    world = await createWorld(api.db, 'Teamblik');
    data = await createInsightsData(api.db, world.organisationId, 17);
    // Three more sibling teams of 6 in the department: large 7, medium 6, three of 6, small 2.
    extra = [];
    for (const name of ['Extra A', 'Extra B', 'Extra C']) {
      const id = await createTeam(api.db, world.organisationId, name, data.departmentId);
      extra.push(id);
      await answer(data.roundId, id, 6);
    }
    // A monthly pulse of another cycle, only for the medium team: 3 of 4 complete.
    const [pulse] = await api.db.query(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
       VALUES ($1, 'Pulse', $2, '0 9 1 * *', 'Europe/Amsterdam', 'paused') RETURNING id`,
      [world.organisationId, data.versionId],
    );
    const [round] = await api.db.query(
      `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at)
       VALUES ($1, $2, $3, now(), now() - interval '1 hour', now() + interval '14 days') RETURNING id`,
      [world.organisationId, pulse.id, data.versionId],
    );
    pulseRoundId = round.id;
    await answer(pulseRoundId, data.teams.medium, 4, 3);
    // Comments on every answer of the large team; two more answers without a touchpoint (a group of 2).
    await api.db.query(
      `UPDATE survey_responses SET comment = 'Opmerking ' || id WHERE survey_id = $1 AND team_id = $2`,
      [data.surveyId, data.teams.large],
    );
    await api.db.query(
      `UPDATE survey_responses SET comment = 'Middel ' || id WHERE survey_id = $1 AND team_id = $2`,
      [data.surveyId, data.teams.medium],
    );
    for (let i = 0; i < 2; i++)
      await api.db.query(
        `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, team_id, locale, comment)
         VALUES ($1, $2, $3, 'open', $4, 'nl', 'Klein groepje')`,
        [world.organisationId, data.surveyId, data.versionId, data.teams.large],
      );
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    [{ quarter }] = await api.db.query(
      `SELECT to_char(now() AT TIME ZONE 'Europe/Amsterdam', 'YYYY-"Q"Q') AS quarter`,
    );

    const manager = async (teamId: string) => {
      const user = await createUser(api.db, world.organisationId, { role: 'manager', teamId });
      await api.db.query(
        `INSERT INTO team_managers (organisation_id, team_id, user_id) VALUES ($1, $2, $3)`,
        [world.organisationId, teamId, user.id],
      );
      return new HttpClient(api.url).login(user.email, TEST_PASSWORD);
    };
    hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    departmentManager = await manager(data.departmentId);
    largeManager = await manager(data.teams.large);
    employee = await new HttpClient(api.url).login(world.users.employee.email, TEST_PASSWORD);
  });
  afterAll(() => api.close());

  const siblingsOf = async (
    client: HttpClient,
    teamId: string,
    query = `period=round&to=${data.roundId}`,
  ) => {
    const res = await client.get(`/api/insights/teams/${teamId}/siblings?${query}`);
    expect(res.status).toBe(200);
    return res.body as TeamSiblings;
  };

  it('compares a team with the published cells of its siblings only', async () => {
    // The department split by HR: the organisation-wide pattern decides which teams are published.
    const split: KpiReport = (
      await hr.get(
        `/api/insights/kpis?period=round&to=${data.roundId}&breakdown=team&teamId=${data.departmentId}`,
      )
    ).body;
    const report = await siblingsOf(hr, data.teams.large);
    expect(report.siblingCount).toBe(5);
    for (const value of data.values) {
      const published = split.rows
        .filter(
          (r) => r.valueKey === value.key && r.group.id !== data.teams.large && r.self && !r.self.suppressed,
        )
        .map((r) => ({ id: r.group.id, mean: (r.self as { score: { mean: number } }).score.mean }));
      const row = report.rows.find((r) => r.valueKey === value.key)!;
      // Small (2) is too few and one team of 6 is hidden to protect it: three published siblings.
      expect(published).toHaveLength(3);
      expect(row.self!.siblings.map((c) => c.teamId).sort()).toEqual(published.map((p) => p.id).sort());
      for (const cell of row.self!.siblings)
        expect(cell.value).toBeCloseTo(published.find((p) => p.id === cell.teamId)!.mean, 9);
      expect(row.self!.withheld).toBe(2);
      const values = row.self!.siblings.map((c) => c.value);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      const own = split.rows.find((r) => r.valueKey === value.key && r.group.id === data.teams.large)!;
      expect(row.self!.team).toBeCloseTo((own.self as { score: { mean: number } }).score.mean, 9);
      // A round has no customers.
      expect(row.customer).toBeNull();
    }
  });

  it('names siblings only for a caller who sees them; unnamed ones only as a group of two or more', async () => {
    const named = await siblingsOf(departmentManager, data.teams.large);
    expect(named.rows[0].self!.siblings.every((c) => c.name && c.teamId)).toBe(true);

    const unnamed = await siblingsOf(largeManager, data.teams.large);
    const row = unnamed.rows[0];
    expect(row.self!.siblings).toHaveLength(3);
    expect(row.self!.siblings.every((c) => c.name === null && c.teamId === null)).toBe(true);
    // The same published numbers, without names.
    expect(row.self!.siblings.map((c) => c.value)).toEqual(named.rows[0].self!.siblings.map((c) => c.value));
    const text = JSON.stringify(unnamed);
    for (const name of ['Middel', 'Klein', 'Extra']) expect(text).not.toContain(name);

    // Customers: only the medium team has grades, so a lone unnamed sibling is not shown at all.
    const calendar = `period=quarter&from=${quarter}&to=${quarter}`;
    const customers = (await siblingsOf(largeManager, data.teams.large, calendar)).rows.find(
      (r) => r.period === quarter,
    )!;
    expect(customers.customer!.siblings).toEqual([]);
    expect(customers.customer!.withheld).toBe(5);
    expect(customers.customer!.teamN).toBeGreaterThan(0);
    const forHr = (await siblingsOf(hr, data.teams.large, calendar)).rows.find((r) => r.period === quarter)!;
    expect(forHr.customer!.siblings).toHaveLength(1);
    expect(forHr.customer!.siblings[0]).toMatchObject({ teamId: data.teams.medium, provisional: true });
  });

  it('offers only the measurements the team took part in', async () => {
    const rounds = async (teamId: string) =>
      ((await hr.get(`/api/insights/teams/${teamId}/periods?period=round`)).body as PeriodInfo[]).map(
        (p) => p.key,
      );
    expect(await rounds(data.teams.large)).toEqual([data.roundId]);
    expect((await rounds(data.teams.medium)).sort()).toEqual([data.roundId, pulseRoundId].sort());
    // The department holds the medium team: it took part in both.
    expect(await rounds(data.departmentId)).toHaveLength(2);
    // A team of the world that no round invited has none; a quarter only where it had answers.
    expect(await rounds(world.otherTeamId)).toEqual([]);
    const quarters = await hr.get(`/api/insights/teams/${data.teams.large}/periods?period=quarter`);
    expect(quarters.body.map((p: PeriodInfo) => p.key)).toEqual([quarter]);
    const none = await hr.get(`/api/insights/teams/${world.otherTeamId}/periods?period=quarter`);
    expect(none.body).toEqual([]);
    expect((await hr.get(`/api/insights/teams/${data.teams.large}/periods?period=year`)).status).toBe(400);
  });

  it('shows comments of whole groups at or above the comment minimum', async () => {
    const comments = async (teamId: string) => {
      const res = await hr.get(`/api/insights/teams/${teamId}/comments?period=quarter&at=${quarter}`);
      expect(res.status).toBe(200);
      return res.body as TeamComments;
    };
    const groups: { touchpoint_id: string | null; team_id: string; n: number }[] = await api.db.query(
      `SELECT touchpoint_id, team_id, count(*)::int AS n FROM survey_responses
        WHERE survey_id = $1 AND team_id = ANY($2::uuid[]) GROUP BY 1, 2`,
      [data.surveyId, [data.teams.large, data.teams.medium]],
    );
    const large = await comments(data.teams.large);
    expect(large.minimum).toBe(5);
    const expected = groups
      .filter((g) => g.team_id === data.teams.large && g.n >= 5)
      .reduce((sum, g) => sum + g.n, 0);
    expect(large.comments).toHaveLength(expected);
    expect(
      large.comments.every((c) => c.text.startsWith('Opmerking') && c.teamName.startsWith('Groot')),
    ).toBe(true);
    expect(large.comments.map((c) => c.text)).not.toContain('Klein groepje');
    expect(large.withheldResponses).toBe(
      groups.filter((g) => g.team_id === data.teams.large && g.n < 5).reduce((sum, g) => sum + g.n, 0),
    );
    expect(large.withheldResponses).toBeGreaterThanOrEqual(2);
    // The department shows the same whole groups: it minus the large team is exactly the medium team's groups.
    const department = await comments(data.departmentId);
    const medium = await comments(data.teams.medium);
    const largeTexts = new Set(large.comments.map((c) => c.text));
    expect(
      department.comments
        .filter((c) => !largeTexts.has(c.text))
        .map((c) => c.text)
        .sort(),
    ).toEqual(medium.comments.map((c) => c.text).sort());
    // A quarter before: nothing.
    const before = await hr.get(`/api/insights/teams/${data.teams.large}/comments?period=quarter&at=2020-Q1`);
    expect(before.body).toMatchObject({ comments: [], withheldResponses: 0 });
    const bad = await hr.get(`/api/insights/teams/${data.teams.large}/comments?period=round`);
    expect(bad.status).toBe(400);
  });

  it('gives participation per cycle, never summed across cycles', async () => {
    const res = await hr.get(`/api/insights/participation?period=quarter&from=${quarter}&to=${quarter}`);
    expect(res.status).toBe(200);
    const rows = res.body as CycleParticipationRow[];
    expect(rows.map((r) => [r.cycleName, r.invited, r.completed])).toEqual([
      ['Meting', 8 + 6 + 2 + 18, 7 + 6 + 2 + 18],
      ['Pulse', 4, 3],
    ]);
    expect(rows[1].rate).toBeCloseTo(0.75, 9);
    const medium = await hr.get(
      `/api/insights/participation?period=quarter&from=${quarter}&to=${quarter}&teamId=${data.teams.medium}`,
    );
    expect(medium.body.map((r: CycleParticipationRow) => [r.cycleName, r.invited, r.completed])).toEqual([
      ['Meting', 6, 6],
      ['Pulse', 4, 3],
    ]);
    const round = await hr.get(`/api/insights/participation?period=round&to=${pulseRoundId}`);
    expect(round.body).toEqual([
      {
        period: pulseRoundId,
        cycleId: expect.any(String),
        cycleName: 'Pulse',
        invited: 4,
        completed: 3,
        rate: 0.75,
      },
    ]);
  });

  it('keeps each role to its own teams', async () => {
    const paths = (teamId: string) => [
      `/api/insights/teams/${teamId}/siblings?period=quarter`,
      `/api/insights/teams/${teamId}/periods?period=quarter`,
      `/api/insights/teams/${teamId}/comments?period=quarter`,
    ];
    for (const path of paths(data.teams.large)) {
      expect((await largeManager.get(path)).status).toBe(200);
      expect((await departmentManager.get(path)).status).toBe(200);
      // Employees see the organisation and their team's KPIs, not the team view.
      expect((await employee.get(path)).status).toBe(403);
    }
    // A manager outside its teams (a sibling, the parent) and a foreign id: 404.
    for (const teamId of [data.teams.medium, data.departmentId, world.teamId])
      for (const path of paths(teamId)) expect((await largeManager.get(path)).status).toBe(404);
    const foreign = await createWorld(api.db, 'Elders');
    for (const path of paths(foreign.teamId)) expect((await hr.get(path)).status).toBe(404);
    // Participation: every role for the organisation, a team only within the caller's scope.
    expect((await employee.get('/api/insights/participation?period=quarter')).status).toBe(200);
    expect(
      (await employee.get(`/api/insights/participation?period=quarter&teamId=${data.teams.large}`)).status,
    ).toBe(404);
    expect(
      (await largeManager.get(`/api/insights/participation?period=quarter&teamId=${data.teams.large}`))
        .status,
    ).toBe(200);
  });
});
