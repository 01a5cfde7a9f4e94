import { RoundsService } from '@wk/api-testing';
import type { HomeOverview } from '@wk/contracts';
import { periodMonths, periodOfMonth, previousPeriod } from '@wk/domain';
import type { DataSource } from 'typeorm';
import { createAnsweredRound, createAppraisalValues } from '../support/appraisals';
import { createTeam, createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

/** Customer rollup of the organisation for one value in one month: n answers with mean `mean`. */
async function customerMonth(
  db: DataSource,
  organisationId: string,
  month: string,
  key: string,
  n: number,
  mean: number,
) {
  await db.query(
    `INSERT INTO kpi_customer_org (organisation_id, month, metric, n, dont_know, sum, sumsq, ge8, ge9, le6)
     VALUES ($1, $2, $3, $4, 0, $5, $6, 0, 0, 0)`,
    [organisationId, month, key, n, n * mean, n * mean * mean + (n - 1)],
  );
}

async function action(
  db: DataSource,
  w: World,
  teamId: string | null,
  ownerId: string,
  dueDate: string,
  status = 'open',
  what = 'Terugbellen',
): Promise<string> {
  const [focus] = await db.query(
    `INSERT INTO action_focuses (organisation_id, title, value_key, team_id, period_kind, period, metric)
     VALUES ($1, 'Afspraken nakomen', 'betrouwbaar', $2, 'quarter', '2026-Q3', 'customer') RETURNING id`,
    [w.organisationId, teamId],
  );
  const [row] = await db.query(
    `INSERT INTO actions (organisation_id, focus_id, what, owner_id, due_date, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [w.organisationId, focus.id, what, ownerId, dueDate, status],
  );
  return row.id;
}

/** Issue 17 item 7: the home page's next steps per role, scoped to the organisation and the manager's teams. */
describe('GET /api/home', () => {
  let api: RunningApi;
  let world: World;
  let foreign: World;
  let quarter: string;
  const as = {} as Record<'admin' | 'hr' | 'manager' | 'employee' | 'outsider' | 'foreign', HttpClient>;
  const ids = {} as Record<string, string>;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
    world = await createWorld(api.db, 'Thuis');
    foreign = await createWorld(api.db, 'Elders');
    const [{ month }] = await api.db.query(
      `SELECT to_char(now() AT TIME ZONE time_zone, 'YYYY-MM') AS month FROM organisations WHERE id = $1`,
      [world.organisationId],
    );
    quarter = previousPeriod('quarter', periodOfMonth('quarter', month));
    const firstMonth = periodMonths('quarter', quarter).first;

    for (const w of [world, foreign]) {
      const { versionId, behaviours } = await createAppraisalValues(api.db, w.organisationId);
      ids[`${w.organisationId}:version`] = versionId;
      // Five more people in the manager's team (7 with the employee and the member): its counts show.
      for (let i = 0; i < 5; i++) await createUser(api.db, w.organisationId, { teamId: w.teamId });
      // A sub-team of the manager's team with one person: below the minimum, never a count.
      const small = await createTeam(
        api.db,
        w.organisationId,
        `${w === world ? 'Thuis' : 'Elders'} klein`,
        w.teamId,
      );
      await createUser(api.db, w.organisationId, { teamId: small, name: 'Alleen' });
      ids[`${w.organisationId}:small`] = small;

      // The employee's last result: a closed round they completed (every behaviour "goed").
      const closed = await createAnsweredRound(
        api.db,
        w.organisationId,
        versionId,
        w.users.employee.id,
        behaviours,
        3,
      );
      await api.db.query(`UPDATE assessment_rounds SET closed_at = now() WHERE id = $1`, [closed]);
      // An open round for everyone, with the invitations as the worker makes them.
      const [cycle] = await api.db.query(
        `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
         VALUES ($1, 'Voorjaarsmeting', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'paused') RETURNING id`,
        [w.organisationId, versionId],
      );
      const [round] = await api.db.query(
        `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, closes_at)
         VALUES ($1, $2, $3, now(), now() + interval '14 days') RETURNING id`,
        [w.organisationId, cycle.id, versionId],
      );
      ids[`${w.organisationId}:round`] = round.id;
      await api.app.get(RoundsService).fanOut(round.id);
      // Three of the team's seven have completed.
      await api.db.query(
        `UPDATE assessment_invitations SET completed_at = now()
          WHERE id IN (SELECT id FROM assessment_invitations WHERE round_id = $1 AND team_id = $2 AND user_id <> $3 ORDER BY id LIMIT 3)`,
        [round.id, w.teamId, w.users.employee.id],
      );

      // Customers in the latest complete quarter: betrouwbaar below target on 40 answers, persoonlijk on target.
      await customerMonth(api.db, w.organisationId, firstMonth, 'betrouwbaar', 40, 6);
      await customerMonth(api.db, w.organisationId, firstMonth, 'persoonlijk', 40, 8);

      // An open survey wave: 4 invited, 1 answered.
      const [survey] = await api.db.query(
        `INSERT INTO surveys (organisation_id, name, values_version_id, open_code, status)
         VALUES ($1, 'Klantonderzoek', $2, replace(gen_random_uuid()::text, '-', ''), 'active') RETURNING id`,
        [w.organisationId, versionId],
      );
      const [wave] = await api.db.query(
        `INSERT INTO survey_waves (organisation_id, survey_id, kind, closes_at) VALUES ($1, $2, 'upload', now() + interval '7 days') RETURNING id`,
        [w.organisationId, survey.id],
      );
      ids[`${w.organisationId}:wave`] = wave.id;
      for (const answered of [true, false, false, false])
        await api.db.query(
          `INSERT INTO survey_invitations (organisation_id, survey_id, wave_id, token_hash, locale, answered)
           VALUES ($1, $2, $3, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'nl', $4)`,
          [w.organisationId, survey.id, wave.id, answered],
        );

      // Appraisals: the employee's (self review overdue), reviewed by the manager; the outsider's by HR.
      const [appraisalCycle] = await api.db.query(
        `INSERT INTO appraisal_cycles (organisation_id, name, period_start, period_end, values_version_id, self_review_due,
           manager_review_due, conversation_due, sign_off_due, status)
         VALUES ($1, 'Jaargesprek', '2026-01-01', '2026-12-31', $2, '2020-01-01', '2099-02-01', '2099-03-01', '2099-04-01', 'open')
         RETURNING id`,
        [w.organisationId, versionId],
      );
      for (const [employee, reviewer] of [
        [w.users.employee.id, w.users.manager.id],
        [w.outsider.id, w.users.hr.id],
      ]) {
        const [a] = await api.db.query(
          `INSERT INTO appraisals (organisation_id, cycle_id, employee_id, reviewer_id) VALUES ($1, $2, $3, $4) RETURNING id`,
          [w.organisationId, appraisalCycle.id, employee, reviewer],
        );
        ids[`${w.organisationId}:appraisal:${employee}`] = a.id;
      }

      // Actions: the team's (one overdue, one later, one done), the sub-team's, another team's (overdue).
      ids[`${w.organisationId}:teamLate`] = await action(
        api.db,
        w,
        w.teamId,
        w.teamMember.id,
        '2020-03-01',
        'in_progress',
        'Laat',
      );
      ids[`${w.organisationId}:teamLater`] = await action(api.db, w, w.teamId, w.teamMember.id, '2099-03-01');
      await action(api.db, w, w.teamId, w.teamMember.id, '2020-03-01', 'done', 'Klaar');
      ids[`${w.organisationId}:other`] = await action(
        api.db,
        w,
        w.otherTeamId,
        w.outsider.id,
        '2020-01-01',
        'open',
        'Ander team laat',
      );
    }
    const login = (email: string) => new HttpClient(api.url).login(email, TEST_PASSWORD);
    as.admin = await login(world.users.admin.email);
    as.hr = await login(world.users.hr.email);
    as.manager = await login(world.users.manager.email);
    as.employee = await login(world.users.employee.email);
    as.outsider = await login(world.outsider.email);
    as.foreign = await login(foreign.users.hr.email);
  });
  afterAll(() => api?.close());

  const home = async (client: HttpClient) => {
    const res = await client.get<HomeOverview>('/api/home');
    expect(res.status).toBe(200);
    return res.body;
  };
  const own = (key: string) => ids[`${world.organisationId}:${key}`];
  const foreignIds = () =>
    Object.entries(ids)
      .filter(([k]) => k.startsWith(`${foreign.organisationId}:`))
      .map(([, v]) => v);

  it('refuses a visitor without a session', async () => {
    expect((await new HttpClient(api.url).get('/api/home')).status).toBe(401);
  });

  it("gives an employee the waiting form, the last result, the own appraisal and the team's open actions", async () => {
    const body = await home(as.employee);
    expect(body.role).toBe('employee');
    expect(body.manager).toBeNull();
    expect(body.organisation).toBeNull();
    expect(body.reviews).toBeNull();
    expect(body.selfAssessments.open).toEqual([
      expect.objectContaining({ roundId: own('round'), cycleName: 'Voorjaarsmeting', completedAt: null }),
    ]);
    expect(body.selfAssessments.open[0].formPath).toMatch(/^\/self-assessment\/[\w-]{20,}$/);
    // The form behind the button is the employee's own.
    const token = body.selfAssessments.open[0].formPath.split('/').pop();
    const form = await new HttpClient(api.url).get(`/api/self-assessments/${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ cycleName: 'Voorjaarsmeting', personName: 'Test employee' });
    expect(body.selfAssessments.last).toMatchObject({
      cycleName: 'Kwartaal',
      values: [
        // Too few in the team for its average: never shown.
        { key: 'betrouwbaar', myScore: 3, teamAverage: null },
        { key: 'persoonlijk', myScore: 3, teamAverage: null },
      ],
    });
    expect(body.appraisals).toEqual([
      {
        id: own(`appraisal:${world.users.employee.id}`),
        cycleName: 'Jaargesprek',
        stage: 'not_started',
        dueDate: '2020-01-01',
        overdue: true,
      },
    ]);
    // The team's open actions, overdue first; not the done one, not another team's.
    expect(body.teamActions).toMatchObject({ open: 2, overdue: 1 });
    expect(body.teamActions!.items.map((a) => a.id)).toEqual([own('teamLate'), own('teamLater')]);
    expect(body.teamActions!.items[0]).toMatchObject({
      overdue: true,
      status: 'in_progress',
      teamName: 'Thuis team',
    });
    expect(JSON.stringify(body)).not.toContain(own('other'));
  });

  it("gives a manager its teams' participation (counts only from the minimum), their actions and due reviews — no other team", async () => {
    const body = await home(as.manager);
    expect(body.organisation).toBeNull();
    expect(body.teamActions).toBeNull();
    expect(body.anonymityMinimum).toBe(5);
    expect(body.manager!.rounds).toHaveLength(1);
    const [round] = body.manager!.rounds;
    expect(round.roundId).toBe(own('round'));
    const byName = Object.fromEntries(round.teams.map((t) => [t.teamName, t]));
    expect(Object.keys(byName).sort()).toEqual(['Thuis afdeling', 'Thuis klein', 'Thuis team']);
    expect(byName['Thuis team']).toEqual({
      teamId: world.teamId,
      teamName: 'Thuis team',
      suppressed: false,
      invited: 7,
      completed: 3,
      rate: 3 / 7,
    });
    // One person in the sub-team, one (the manager) in the department: no counts at all.
    for (const name of ['Thuis klein', 'Thuis afdeling'])
      expect(byName[name]).toMatchObject({ suppressed: true, invited: null, completed: null, rate: null });
    expect(body.manager!.actions).toMatchObject({ open: 2, overdue: 1 });
    expect(body.manager!.actions.items.map((a) => a.id)).toEqual([own('teamLate'), own('teamLater')]);
    expect(body.reviews).toEqual([
      expect.objectContaining({
        id: own(`appraisal:${world.users.employee.id}`),
        employeeName: 'Test employee',
        dueDate: '2099-02-01',
        overdue: false,
      }),
    ]);
    const text = JSON.stringify(body);
    for (const hidden of [world.otherTeamId, own('other'), own(`appraisal:${world.outsider.id}`)])
      expect(text).not.toContain(hidden);
    // Never who has (not) answered: no names of the invited, no list of them.
    expect(text).not.toContain('Alleen');
    expect(text).not.toContain('notCompleted');
  });

  it('gives HR open rounds and waves with response rates, values below target without provisional ones, overdue actions and the checklist', async () => {
    const body = await home(as.hr);
    expect(body.manager).toBeNull();
    const org = body.organisation!;
    expect(org.rounds).toEqual([
      expect.objectContaining({ roundId: own('round'), cycleName: 'Voorjaarsmeting', completed: 3 }),
    ]);
    // Everyone of the organisation: the six of the world, five more in the team, one in the sub-team.
    expect(org.rounds[0].invited).toBe(12);
    expect(org.rounds[0].rate).toBeCloseTo(3 / 12);
    expect(org.waves).toEqual([
      expect.objectContaining({
        waveId: own('wave'),
        surveyName: 'Klantonderzoek',
        invited: 4,
        answered: 1,
        responseRate: 0.25,
      }),
    ]);
    expect(org.belowTarget).toMatchObject({
      period: quarter,
      reliabilityMinimum: 30,
      measured: 2,
      provisional: 0,
    });
    expect(org.belowTarget.values).toEqual([
      expect.objectContaining({ key: 'betrouwbaar', grade: 6, target: 7.5, n: 40, status: 'below' }),
    ]);
    // Overdue only: the team's late one and another team's.
    expect(org.actions).toMatchObject({ open: 3, overdue: 2 });
    expect(org.actions.items.map((a) => a.id).sort()).toEqual([own('teamLate'), own('other')].sort());
    expect(org.checklist).toEqual({ values: true, people: true, cycle: true, survey: true });
    // HR reviews the outsider's appraisal.
    expect(body.reviews!.map((r) => r.id)).toEqual([own(`appraisal:${world.outsider.id}`)]);
    const admin = await home(as.admin);
    expect(admin.organisation!.belowTarget.values.map((v) => v.key)).toEqual(['betrouwbaar']);
    expect(admin.reviews).toEqual([]);
  });

  it('leaves a grade on fewer answers than the reliability minimum out of the verdicts', async () => {
    await api.db.query(`UPDATE organisations SET reliability_minimum = 50 WHERE id = $1`, [
      world.organisationId,
    ]);
    try {
      const org = (await home(as.hr)).organisation!;
      expect(org.belowTarget).toMatchObject({
        reliabilityMinimum: 50,
        measured: 0,
        provisional: 2,
        values: [],
      });
    } finally {
      await api.db.query(`UPDATE organisations SET reliability_minimum = 30 WHERE id = $1`, [
        world.organisationId,
      ]);
    }
  });

  it("never shows another organisation's data, to any role", async () => {
    for (const client of [as.admin, as.hr, as.manager, as.employee, as.outsider]) {
      const text = JSON.stringify(await home(client));
      for (const id of foreignIds()) expect(text).not.toContain(id);
      expect(text).not.toContain('Elders');
    }
    const theirs = await home(as.foreign);
    expect(theirs.organisation!.rounds.map((r) => r.roundId)).toEqual([
      ids[`${foreign.organisationId}:round`],
    ]);
    expect(JSON.stringify(theirs)).not.toContain(world.organisationId);
    for (const id of [own('round'), own('wave'), own('teamLate'), own('other')])
      expect(JSON.stringify(theirs)).not.toContain(id);
  });

  it('shows a new organisation an empty home and its unfinished checklist', async () => {
    const fresh = await createWorld(api.db, 'Nieuw');
    const hr = await new HttpClient(api.url).login(fresh.users.hr.email, TEST_PASSWORD);
    const body = await home(hr);
    expect(body.selfAssessments).toEqual({ open: [], last: null });
    expect(body.appraisals).toEqual([]);
    expect(body.organisation).toMatchObject({
      rounds: [],
      waves: [],
      actions: { open: 0, overdue: 0, items: [] },
      belowTarget: { measured: 0, provisional: 0, values: [] },
      checklist: { values: false, people: true, cycle: false, survey: false },
    });
  });
});
