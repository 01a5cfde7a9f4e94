import type { INestApplicationContext } from '@nestjs/common';
import { KpiRollupsService } from '@wk/api-testing';
import { outsideInGap, summarizeRecognition, summarizeSelfValue, targetStatus } from '@wk/domain';
import type { SelfLevel } from '@wk/domain';
import type { KpiReport, KpiRow } from '@wk/contracts';
import { createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createInsightsData, InsightsData } from '../support/insights-data';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || b === null || a === undefined || b === undefined ? a === b : Math.abs(a - b) < 1e-9;

/** KPI numbers against a direct computation on the raw rows, anonymity, scoping and the rollup paths. */
describe('outside-in insights', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-insights`;
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;
  let world: World;
  let data: InsightsData;
  let hr: HttpClient;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined, QUEUE_PREFIX: prefix });
    worker = await startWorker({ SMTP_URL: undefined, QUEUE_PREFIX: prefix });
    world = await createWorld(api.db, 'Inzicht');
    data = await createInsightsData(api.db, world.organisationId, 7);
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  const latest = (report: KpiReport, valueKey: string, groupId: string | null = null): KpiRow =>
    report.rows.find(
      (r) =>
        r.period === report.periods[report.periods.length - 1] &&
        r.valueKey === valueKey &&
        r.group.id === groupId,
    )!;

  /** Raw self answers of completed invitations, optionally within some teams. */
  async function rawSelf(valueId: string, teamIds?: string[]) {
    return api.db.query(
      `SELECT i.id AS "respondentId", a.level FROM assessment_invitations i
         JOIN assessment_answers a ON a.invitation_id = i.id JOIN value_behaviours b ON b.id = a.behaviour_id
        WHERE i.round_id = $1 AND i.completed_at IS NOT NULL AND b.value_id = $2
          AND ($3::uuid[] IS NULL OR i.team_id = ANY($3::uuid[]))`,
      [data.roundId, valueId, teamIds ?? null],
    ) as Promise<{ respondentId: string; level: SelfLevel | null }[]>;
  }

  async function rawGrades(valueId: string, where = 'true', params: unknown[] = []) {
    const rows = await api.db.query(
      `SELECT g.grade FROM survey_response_grades g JOIN survey_responses r ON r.id = g.response_id
        WHERE r.survey_id = $1 AND g.value_id = $2 AND ${where}`,
      [data.surveyId, valueId, ...params],
    );
    return rows.map((r: { grade: number | null }) => r.grade);
  }

  it('gives the numbers a direct computation on the raw rows gives', async () => {
    const res = await hr.get('/api/insights/kpis?period=quarter');
    expect(res.status).toBe(200);
    expect(res.body.periods).toHaveLength(4);
    expect(res.body.values.map((v: { key: string }) => v.key)).toEqual(['betrouwbaar', 'persoonlijk']);
    for (const value of data.values) {
      const row = latest(res.body, value.key);
      const self = summarizeSelfValue(await rawSelf(value.id));
      const customer = summarizeRecognition(await rawGrades(value.id));
      expect(row.self).toMatchObject({ suppressed: false, n: self.respondents });
      const s = row.self as Extract<KpiRow['self'], { suppressed: false }>;
      expect(close(s.score.mean, self.score.mean)).toBe(true);
      expect(close(s.score.low, self.score.low)).toBe(true);
      expect(close(s.score.high, self.score.high)).toBe(true);
      expect(close(s.index, self.index.value)).toBe(true);
      expect(close(s.goodOrBetter.share, self.goodOrBetter.share)).toBe(true);
      expect(close(s.roleModel.low, self.roleModel.low)).toBe(true);
      expect(row.customer!.n).toBe(customer.n);
      expect(row.customer!.dontKnow).toBe(customer.dontKnow);
      expect(close(row.customer!.grade.mean, customer.grade.mean)).toBe(true);
      expect(close(row.customer!.grade.low, customer.grade.low)).toBe(true);
      expect(close(row.customer!.recognises.share, customer.recognises.share)).toBe(true);
      expect(close(row.customer!.emotional.high, customer.emotional.high)).toBe(true);
      const gap = outsideInGap(customer.index.value, self.index.value);
      expect(close(row.gap, gap.gap)).toBe(true);
      expect(row.gapLabel).toBe(gap.label);
      expect(row.status).toBe(targetStatus(customer.grade.mean, row.target));
    }
    const participation = res.body.participation.find(
      (p: { period: string }) => p.period === res.body.periods[3],
    );
    expect(participation).toMatchObject({ invited: 16, completed: 15 });
    const nps = res.body.nps.find((p: { period: string }) => p.period === res.body.periods[3]);
    expect(nps.n).toBe(60);
    expect(nps.promoters + nps.passives + nps.detractors).toBe(60);
  });

  it('breaks down by team with the anonymity minimum, complementary groups included', async () => {
    const res = await hr.get(`/api/insights/kpis?period=quarter&breakdown=team&teamId=${data.departmentId}`);
    expect(res.status).toBe(200);
    const key = data.values[0].key;
    const large = latest(res.body, key, data.teams.large);
    const medium = latest(res.body, key, data.teams.medium);
    const small = latest(res.body, key, data.teams.small);
    // Small (2) is below 5; medium (6) would reveal it as department minus large, so it is hidden too.
    expect(small.self).toEqual({ suppressed: true, reason: 'too_few' });
    expect(medium.self).toEqual({ suppressed: true, reason: 'complementary' });
    expect(large.self).toMatchObject({ suppressed: false });
    const direct = summarizeSelfValue(await rawSelf(data.values[0].id, [data.teams.large]));
    expect((large.self as { n: number }).n).toBe(direct.respondents);
    const customers = summarizeRecognition(
      await rawGrades(data.values[0].id, 'r.team_id = $3', [data.teams.large]),
    );
    expect(large.customer!.n).toBe(customers.n);
    expect(close(large.customer!.grade.mean, customers.grade.mean)).toBe(true);
    // Nothing about the hidden teams leaks through the gap either; the customer side stays.
    expect(small.gap).toBeNull();
    expect(small.customer).not.toBeNull();
    // Filtering on the small team alone is refused the same way.
    const alone = await hr.get(`/api/insights/kpis?period=quarter&teamId=${data.teams.small}`);
    expect(latest(alone.body, key, data.teams.small).self).toEqual({ suppressed: true, reason: 'too_few' });
    const behaviours = await hr.get(`/api/insights/behaviours?period=quarter&teamId=${data.teams.small}`);
    expect(
      behaviours.body.behaviours.every(
        (b: { suppressed: string | null; levels: unknown }) =>
          b.suppressed === 'too_few' && b.levels === null,
      ),
    ).toBe(true);
    const all = await hr.get(`/api/insights/behaviours?period=quarter&valueKey=${key}`);
    expect(
      all.body.behaviours.filter((b: { period: string }) => b.period === res.body.periods[3]),
    ).toHaveLength(2);
  });

  it('breaks the customer side down by segment, journey and touchpoint, and draws the heart monitor', async () => {
    const byTouchpoint = await hr.get(
      `/api/insights/kpis?period=quarter&breakdown=touchpoint&journeyId=${data.journeyId}`,
    );
    expect(byTouchpoint.status).toBe(200);
    for (const [i, touchpoint] of data.touchpoints.entries()) {
      const row = latest(byTouchpoint.body, data.values[1].key, touchpoint);
      expect(row.self).toBeNull();
      const grades = await rawGrades(data.values[1].id, 'r.touchpoint_id = $3', [data.touchpoints[i]]);
      expect(close(row.customer!.grade.mean, summarizeRecognition(grades).grade.mean)).toBe(true);
    }
    const monitor = await hr.get(`/api/insights/journeys/${data.journeyId}?period=quarter`);
    expect(monitor.status).toBe(200);
    expect(monitor.body.points.map((p: { name: string }) => p.name)).toEqual([
      'Website',
      'Telefoon',
      'Bezoek',
    ]);
    // About 20 answers per touchpoint: provisional below the reliability minimum of 30, so no dip
    // is called (test/api/heart-monitor.spec.ts marks them with a lower minimum).
    expect(monitor.body.points.map((p: { state: string; dip: boolean }) => [p.state, p.dip])).toEqual([
      ['provisional', false],
      ['provisional', false],
      ['provisional', false],
    ]);
    // A journey pools every team and value: filters it cannot honour are refused, not ignored.
    for (const filter of [`teamId=${data.departmentId}`, 'valueKey=betrouwbaar']) {
      const refused = await hr.get(`/api/insights/journeys/${data.journeyId}?period=quarter&${filter}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([filter.split('=')[0]]);
    }
  });

  it('scopes by role: managers their teams, employees their own team, other organisations nothing', async () => {
    const manager = await createUser(api.db, world.organisationId, {
      role: 'manager',
      teamId: data.departmentId,
    });
    await api.db.query(`INSERT INTO team_managers (organisation_id, team_id, user_id) VALUES ($1, $2, $3)`, [
      world.organisationId,
      data.teams.large,
      manager.id,
    ]);
    const asManager = await new HttpClient(api.url).login(manager.email, TEST_PASSWORD);
    expect((await asManager.get(`/api/insights/kpis?period=quarter&teamId=${data.teams.large}`)).status).toBe(
      200,
    );
    expect(
      (await asManager.get(`/api/insights/kpis?period=quarter&teamId=${data.teams.medium}`)).status,
    ).toBe(404);
    const mine = await asManager.get('/api/insights/kpis?period=quarter&breakdown=team');
    expect([...new Set(mine.body.rows.map((r: KpiRow) => r.group.id))]).toEqual([data.teams.large]);
    expect((await asManager.get('/api/insights/kpis?period=quarter&breakdown=segment')).status).toBe(403);
    expect((await asManager.get('/api/insights/report.pdf?period=quarter')).status).toBe(403);

    const employee = await createUser(api.db, world.organisationId, { teamId: data.teams.large });
    const asEmployee = await new HttpClient(api.url).login(employee.email, TEST_PASSWORD);
    expect(
      (await asEmployee.get(`/api/insights/kpis?period=quarter&teamId=${data.teams.large}`)).status,
    ).toBe(200);
    expect(
      (await asEmployee.get(`/api/insights/kpis?period=quarter&teamId=${data.teams.medium}`)).status,
    ).toBe(404);
    expect((await asEmployee.get('/api/insights/kpis?period=quarter&breakdown=team')).status).toBe(403);
    expect((await asEmployee.get(`/api/insights/journeys/${data.journeyId}?period=quarter`)).status).toBe(
      403,
    );

    const foreign = await createWorld(api.db, 'Inzicht elders');
    const intruder = await new HttpClient(api.url).login(foreign.users.hr.email, TEST_PASSWORD);
    expect((await intruder.get(`/api/insights/kpis?period=quarter&teamId=${data.teams.large}`)).status).toBe(
      404,
    );
    expect((await intruder.get(`/api/insights/journeys/${data.journeyId}?period=quarter`)).status).toBe(404);
    const theirs = await intruder.get('/api/insights/kpis?period=quarter');
    expect(theirs.body.rows).toEqual([]);
  });

  it('refuses bad filters with the field named', async () => {
    const cases: [string, string][] = [
      ['period=week', 'period'],
      ['period=month&from=2026-13', 'from'],
      ['period=month&from=2026-Q1', 'from'],
      ['period=quarter&to=2026-11', 'to'],
      ['period=quarter&breakdown=city', 'breakdown'],
      ['period=quarter&teamId=abc', 'teamId'],
      ['period=quarter&valueKey=Not%20a%20key', 'valueKey'],
      ['period=quarter&from=2026-Q3&to=2026-Q1', 'from'],
      ['period=month&from=2020-01&to=2026-01', 'from'],
      ['period=quarter&unknown=1', 'unknown'],
    ];
    const outcomes = [];
    for (const [query] of cases) {
      const res = await hr.get(`/api/insights/kpis?${query}`);
      outcomes.push(`${res.status} ${fieldsOf(res.body)[0]}`);
    }
    expect(outcomes).toEqual(cases.map(([, field]) => `400 ${field}`));
    const unknownSegment = await hr.get(`/api/insights/kpis?period=quarter&segmentId=${data.teams.large}`);
    expect(unknownSegment.status).toBe(404);
  });

  it('keeps the rollups current as answers arrive, equal to a full rebuild', async () => {
    const customerN = async () =>
      (
        await api.db.query(
          `SELECT coalesce(sum(n + dont_know), 0)::int AS n FROM kpi_customer WHERE organisation_id = $1 AND metric = $2`,
          [world.organisationId, data.values[0].key],
        )
      )[0].n as number;
    const before = await customerN();
    const [{ open_code: code }] = await api.db.query(`SELECT open_code FROM surveys WHERE id = $1`, [
      data.surveyId,
    ]);
    await api.db.query(`UPDATE surveys SET ask_nps = false WHERE id = $1`, [data.surveyId]);
    for (const grade of [10, 3, null])
      expect(
        (
          await new HttpClient(api.url).post(`/api/respond/open/${code}`, {
            grades: [{ valueId: data.values[0].id, grade }],
          })
        ).status,
      ).toBe(204);
    await eventually(async () => (await customerN()) === before + 3, 20_000);

    const snapshot = async () =>
      api.db.query(
        `SELECT 'c' AS t, month::text, team_id, touchpoint_id, metric AS k, n, dont_know, sum, sumsq, ge8, ge9, le6
           FROM kpi_customer WHERE organisation_id = $1
         UNION ALL
         SELECT 't', month::text, team_id, NULL, metric, n, dont_know, sum, sumsq, ge8, ge9, le6
           FROM kpi_customer_team WHERE organisation_id = $1
         UNION ALL
         SELECT 'o', month::text, NULL, NULL, metric, n, dont_know, sum, sumsq, ge8, ge9, le6
           FROM kpi_customer_org WHERE organisation_id = $1
         UNION ALL
         SELECT 's', month::text, team_id, NULL, value_key, n, 0, sum, sumsq, good::int, role::int, 0
           FROM kpi_self WHERE organisation_id = $1
         ORDER BY 1, 2, 3, 4, 5`,
        [world.organisationId],
      );
    const incremental = await snapshot();
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    expect(await snapshot()).toEqual(incremental);
  });

  it('renders the board report as a PDF for HR', async () => {
    const res = await fetch(`${api.url}/api/insights/report.pdf?period=quarter`, {
      headers: { cookie: (hr as unknown as { cookie: string }).cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="bestuursrapport-\d{4}-Q\d\.pdf"/,
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it('lets a team with history, and a whole organisation with everything in it, be deleted', async () => {
    const gone = await createWorld(api.db, 'Opgeheven');
    const history = await createInsightsData(api.db, gone.organisationId, 11);
    await api.app.get(KpiRollupsService).rebuild(gone.organisationId);
    // A team that had members and customers: its people moved, its history stays without the team.
    await api.db.query(`UPDATE users SET team_id = $2 WHERE team_id = $1`, [
      history.teams.medium,
      history.teams.large,
    ]);
    const admin = await new HttpClient(api.url).login(gone.users.admin.email, TEST_PASSWORD);
    expect((await admin.delete(`/api/teams/${history.teams.medium}`)).status).toBe(204);
    const kept = await api.db.query(`SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1`, [
      history.surveyId,
    ]);
    expect(kept[0].n).toBe(60);
    await api.db.query(`DELETE FROM organisations WHERE id = $1`, [gone.organisationId]);
    for (const table of [
      'survey_responses',
      'assessment_answers',
      'kpi_self',
      'kpi_customer',
      'value_set_versions',
    ]) {
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`,
        [gone.organisationId],
      );
      expect(`${table} ${n}`).toBe(`${table} 0`);
    }
  });
});
