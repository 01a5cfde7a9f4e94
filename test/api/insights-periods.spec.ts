import { KpiRollupsService } from '@wk/api-testing';
import { npsFromCounts, summarizeRecognition, summarizeSelfValue, welchTestFromSummaries } from '@wk/domain';
import type { SelfLevel } from '@wk/domain';
import type { KpiReport, KpiRow, PeriodInfo } from '@wk/contracts';
import { createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createInsightsData, InsightsData } from '../support/insights-data';
import { random } from '../support/random';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || b === null || a === undefined || b === undefined ? a === b : Math.abs(a - b) < 1e-9;

/**
 * Rounds and waves as reporting periods: each counts exactly the answers given in it, against a
 * direct computation on the raw rows; the change compares with the round or wave before.
 */
describe('insights per round and per wave', () => {
  let api: RunningApi;
  let world: World;
  let data: InsightsData;
  let hr: HttpClient;
  let cycleId: string;
  let earlierRound: string;
  let pilotRound: string;
  let waves: [string, string];

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
    world = await createWorld(api.db, 'Rondes');
    data = await createInsightsData(api.db, world.organisationId, 8);
    const db = api.db;
    const org = world.organisationId;
    [{ cycle_id: cycleId }] = await db.query(`SELECT cycle_id FROM assessment_rounds WHERE id = $1`, [
      data.roundId,
    ]);

    // An earlier round of the same cycle, three months back, answered by the large and medium teams.
    const rnd = random(80);
    [{ id: earlierRound }] = await db.query(
      `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at, closed_at)
       VALUES ($1, $2, $3, now() - interval '95 days', now() - interval '95 days', now() - interval '81 days', now() - interval '81 days')
       RETURNING id`,
      [org, cycleId, data.versionId],
    );
    for (const userId of [...data.people.large, ...data.people.medium]) {
      const [invitation] = await db.query(
        `INSERT INTO assessment_invitations (organisation_id, round_id, user_id, token_hash, team_id, completed_at)
         SELECT $1, $2, u.id, md5(random()::text) || md5(random()::text), u.team_id, now() - interval '90 days'
           FROM users u WHERE u.id = $3 RETURNING id`,
        [org, earlierRound, userId],
      );
      for (const value of data.values)
        for (const behaviourId of value.behaviourIds)
          await db.query(
            `INSERT INTO assessment_answers (organisation_id, invitation_id, behaviour_id, level) VALUES ($1, $2, $3, $4)`,
            [org, invitation.id, behaviourId, 1 + Math.floor(rnd() * 3)],
          );
    }
    // A round of another cycle in between: without a cycle filter it is a period too.
    const [pilot] = await db.query(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
       VALUES ($1, 'Pilot', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'paused') RETURNING id`,
      [org, data.versionId],
    );
    [{ id: pilotRound }] = await db.query(
      `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at)
       VALUES ($1, $2, $3, now() - interval '40 days', now() - interval '40 days', now() - interval '26 days')
       RETURNING id`,
      [org, pilot.id, data.versionId],
    );

    // Two waves of the survey: the first 24 responses came in the first wave, seven weeks ago.
    const wave = async (daysAgo: number) =>
      (
        await db.query(
          `INSERT INTO survey_waves (organisation_id, survey_id, kind, opens_at, closes_at)
           VALUES ($1, $2, 'upload', now() - make_interval(days => $3), now() - make_interval(days => $3) + interval '14 days')
           RETURNING id`,
          [org, data.surveyId, daysAgo],
        )
      )[0].id as string;
    waves = [await wave(50), await wave(2)];
    await db.query(
      `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS i FROM survey_responses WHERE survey_id = $1)
       UPDATE survey_responses r
          SET channel = 'email',
              wave_id = CASE WHEN n.i <= 24 THEN $2::uuid ELSE $3::uuid END,
              submitted_at = CASE WHEN n.i <= 24 THEN now() - interval '49 days' ELSE r.submitted_at END
         FROM numbered n WHERE n.id = r.id AND n.i <= 54`,
      [data.surveyId, waves[0], waves[1]],
    );
    await api.app.get(KpiRollupsService).rebuild(org);
    hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
  });
  afterAll(() => api.close());

  const rowOf = (
    report: KpiReport,
    period: string,
    valueKey: string,
    groupId: string | null = null,
  ): KpiRow =>
    report.rows.find((r) => r.period === period && r.valueKey === valueKey && r.group.id === groupId)!;

  const rawSelf = (roundId: string, valueId: string) =>
    api.db.query(
      `SELECT i.id AS "respondentId", a.level FROM assessment_invitations i
         JOIN assessment_answers a ON a.invitation_id = i.id JOIN value_behaviours b ON b.id = a.behaviour_id
        WHERE i.round_id = $1 AND i.completed_at IS NOT NULL AND b.value_id = $2`,
      [roundId, valueId],
    ) as Promise<{ respondentId: string; level: SelfLevel | null }[]>;

  const rawGrades = async (waveId: string, valueId: string) =>
    (
      await api.db.query(
        `SELECT g.grade FROM survey_response_grades g JOIN survey_responses r ON r.id = g.response_id
          WHERE r.wave_id = $1 AND g.value_id = $2`,
        [waveId, valueId],
      )
    ).map((r: { grade: number | null }) => r.grade);

  it('reports each round of a cycle from exactly its answers, with the change against the round before', async () => {
    const res = await hr.get(`/api/insights/kpis?period=round&cycleId=${cycleId}`);
    expect(res.status).toBe(200);
    const report: KpiReport = res.body;
    expect(report.periods).toEqual([earlierRound, data.roundId]);
    expect(report.periodInfo.map((p) => [p.kind, p.seriesName])).toEqual([
      ['round', 'Meting'],
      ['round', 'Meting'],
    ]);
    for (const value of data.values) {
      const before = summarizeSelfValue(await rawSelf(earlierRound, value.id));
      const now = summarizeSelfValue(await rawSelf(data.roundId, value.id));
      const first = rowOf(report, earlierRound, value.key);
      const last = rowOf(report, data.roundId, value.key);
      expect(first.self).toMatchObject({ suppressed: false, n: before.respondents });
      expect(last.self).toMatchObject({ suppressed: false, n: now.respondents });
      const self = last.self as Extract<KpiRow['self'], { suppressed: false }>;
      expect(close(self.score.mean, now.score.mean)).toBe(true);
      expect(close(self.score.low, now.score.low)).toBe(true);
      // A round has no customer side: no grade, no gap, no target status.
      expect(last.customer).toBeNull();
      expect(last.gap).toBeNull();
      expect(last.status).toBe('no_data');
      // The first round of the cycle has nothing to compare with; the second is compared with it.
      expect(first.change.self).toBeNull();
      const welch = welchTestFromSummaries(before.score, now.score);
      expect(close(last.change.self!.difference, welch!.difference)).toBe(true);
      expect(close(last.change.self!.p, welch!.p)).toBe(true);
    }
    expect(report.participation.map((p) => [p.period, p.invited, p.completed])).toEqual([
      [earlierRound, 14, 14],
      [data.roundId, 16, 15],
    ]);
    expect(report.nps).toEqual([]);

    // Without a cycle, every round of the organisation in time order; one round alone with `to`.
    const all = await hr.get('/api/insights/kpis?period=round');
    expect(all.body.periods).toEqual([earlierRound, pilotRound, data.roundId]);
    const one = await hr.get(`/api/insights/kpis?period=round&to=${earlierRound}`);
    expect(one.body.periods).toEqual([earlierRound]);
  });

  it('splits a round by team with the anonymity minimum, and gives its behaviour distribution', async () => {
    const res = await hr.get(
      `/api/insights/kpis?period=round&cycleId=${cycleId}&breakdown=team&teamId=${data.departmentId}`,
    );
    expect(res.status).toBe(200);
    const key = data.values[0].key;
    expect(rowOf(res.body, data.roundId, key, data.teams.small).self).toEqual({
      suppressed: true,
      reason: 'too_few',
    });
    expect(rowOf(res.body, data.roundId, key, data.teams.medium).self).toEqual({
      suppressed: true,
      reason: 'complementary',
    });
    // In the earlier round the small team took no part: medium (6) stands on its own.
    expect(rowOf(res.body, earlierRound, key, data.teams.medium).self).toMatchObject({
      suppressed: false,
      n: 6,
    });

    const behaviours = await hr.get(
      `/api/insights/behaviours?period=round&cycleId=${cycleId}&valueKey=${key}`,
    );
    expect(behaviours.status).toBe(200);
    expect([...new Set(behaviours.body.behaviours.map((b: { period: string }) => b.period))]).toEqual([
      earlierRound,
      data.roundId,
    ]);
    const [counts] = await api.db.query(
      `SELECT count(*) FILTER (WHERE a.level = 1)::int AS l1, count(*) FILTER (WHERE a.level = 2)::int AS l2,
              count(*) FILTER (WHERE a.level = 3)::int AS l3, count(*) FILTER (WHERE a.level = 4)::int AS l4
         FROM assessment_answers a JOIN assessment_invitations i ON i.id = a.invitation_id
        WHERE i.round_id = $1 AND a.behaviour_id = $2`,
      [earlierRound, data.values[0].behaviourIds[0]],
    );
    const first = behaviours.body.behaviours.find(
      (b: { period: string; behaviourKey: string }) =>
        b.period === earlierRound && b.behaviourKey === `${key}-1`,
    );
    // Shares of the respondents (each once), not exact counts: docs/anonymity.md.
    const total = counts.l1 + counts.l2 + counts.l3 + counts.l4;
    [counts.l1, counts.l2, counts.l3, counts.l4].forEach((count, i) =>
      expect(close(first.levels[i], count / total)).toBe(true),
    );
  });

  it('reports each wave of a survey from exactly its responses', async () => {
    const res = await hr.get(`/api/insights/kpis?period=wave&surveyId=${data.surveyId}`);
    expect(res.status).toBe(200);
    const report: KpiReport = res.body;
    expect(report.periods).toEqual(waves);
    expect(report.periodInfo[0]).toMatchObject({
      kind: 'wave',
      seriesId: data.surveyId,
      seriesName: 'Klanten',
    });
    for (const value of data.values) {
      const [earlier, later] = [
        summarizeRecognition(await rawGrades(waves[0], value.id)),
        summarizeRecognition(await rawGrades(waves[1], value.id)),
      ];
      const first = rowOf(report, waves[0], value.key);
      const last = rowOf(report, waves[1], value.key);
      expect(first.customer!.n).toBe(earlier.n);
      expect(last.customer!.n).toBe(later.n);
      expect(last.customer!.dontKnow).toBe(later.dontKnow);
      expect(close(last.customer!.grade.mean, later.grade.mean)).toBe(true);
      expect(close(last.customer!.recognises.low, later.recognises.low)).toBe(true);
      // A wave has no employee side, so no gap; the status is the grade against the target.
      expect(last.self).toBeNull();
      expect(last.gap).toBeNull();
      expect(last.change.customer).not.toBeNull();
      expect(close(last.change.customer!.difference, later.grade.mean! - earlier.grade.mean!)).toBe(true);
    }
    // NPS per wave from the raw answers; the six open-link responses belong to no wave.
    const [nps] = await api.db.query(
      `SELECT count(*) FILTER (WHERE nps >= 9)::int AS p, count(*) FILTER (WHERE nps BETWEEN 7 AND 8)::int AS pa,
              count(*) FILTER (WHERE nps <= 6)::int AS d FROM survey_responses WHERE wave_id = $1`,
      [waves[1]],
    );
    const expected = npsFromCounts(nps.p, nps.pa, nps.d);
    expect(report.nps.find((n) => n.period === waves[1])).toMatchObject({ n: 30, nps: expected.nps });
    expect(report.participation).toEqual([]);

    // A wave split by touchpoint reads the same responses.
    const byTouchpoint = await hr.get(
      `/api/insights/kpis?period=wave&surveyId=${data.surveyId}&to=${waves[0]}&breakdown=touchpoint`,
    );
    const perTouchpoint = byTouchpoint.body.rows.filter((r: KpiRow) => r.valueKey === data.values[1].key);
    expect(perTouchpoint.reduce((n: number, r: KpiRow) => n + r.customer!.n, 0)).toBe(
      summarizeRecognition(await rawGrades(waves[0], data.values[1].id)).n,
    );
  });

  it('offers the rounds and waves to choose from, newest first', async () => {
    const rounds = await hr.get('/api/insights/periods?period=round');
    expect(rounds.status).toBe(200);
    expect(rounds.body.map((p: PeriodInfo) => p.key)).toEqual([data.roundId, pilotRound, earlierRound]);
    expect(rounds.body[1]).toMatchObject({ seriesName: 'Pilot', kind: 'round' });
    const ofSurvey = await hr.get(`/api/insights/periods?period=wave&seriesId=${data.surveyId}`);
    expect(ofSurvey.body.map((p: PeriodInfo) => p.key)).toEqual([...waves].reverse());
    // Employees may read the organisation's KPIs, so also which rounds there were.
    const employee = await createUser(api.db, world.organisationId, { teamId: data.teams.large });
    const asEmployee = await new HttpClient(api.url).login(employee.email, TEST_PASSWORD);
    expect((await asEmployee.get('/api/insights/periods?period=round')).body).toHaveLength(3);
  });

  it('refuses rounds and waves where they do not fit, with the field named', async () => {
    const cases: [string, string, string][] = [
      ['kpis', 'period=wave', 'surveyId'],
      ['kpis', 'period=round&from=2026-Q1', 'from'],
      ['kpis', `period=round&cycleId=${cycleId}&from=${pilotRound}`, 'from'],
      ['kpis', `period=round&from=${data.roundId}&to=${earlierRound}`, 'from'],
      ['kpis', `period=wave&surveyId=${data.surveyId}&to=${data.roundId}`, 'to'],
      ['kpis', 'period=round&breakdown=segment', 'breakdown'],
      ['kpis', 'period=round&cycleId=nope', 'cycleId'],
      ['behaviours', `period=wave&surveyId=${data.surveyId}`, 'period'],
      [`journeys/${data.journeyId}`, 'period=round', 'period'],
      ['report.pdf', `period=wave&at=${waves[0]}`, 'period'],
      ['periods', 'period=quarter', 'period'],
    ];
    const outcomes = [];
    for (const [path, query] of cases) {
      const res = await hr.get(`/api/insights/${path}?${query}`);
      outcomes.push(`${path} ${res.status} ${fieldsOf(res.body)[0]}`);
    }
    expect(outcomes).toEqual(cases.map(([path, , field]) => `${path} 400 ${field}`));
    // Another organisation's survey or cycle is unknown here.
    const foreign = await createWorld(api.db, 'Rondes elders');
    const intruder = await new HttpClient(api.url).login(foreign.users.hr.email, TEST_PASSWORD);
    expect((await intruder.get(`/api/insights/kpis?period=wave&surveyId=${data.surveyId}`)).status).toBe(404);
    expect((await intruder.get(`/api/insights/kpis?period=round&cycleId=${cycleId}`)).status).toBe(404);
    expect((await intruder.get(`/api/insights/periods?period=wave&seriesId=${data.surveyId}`)).status).toBe(
      404,
    );
  });
});
