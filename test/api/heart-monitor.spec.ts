import { KpiRollupsService } from '@wk/api-testing';
import { heartPeaksAndDips, summarizeRecognition } from '@wk/domain';
import type { HeartMonitor, Journey } from '@wk/contracts';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createInsightsData, InsightsData } from '../support/insights-data';

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;

/**
 * The heart monitor per value: every touchpoint's figure per value against a direct computation on
 * the raw answers, the anonymity minimum and provisional states, peaks and dips per line, moments of truth.
 */
describe('heart monitor per value', () => {
  let api: RunningApi;
  let world: World;
  let data: InsightsData;
  let hr: HttpClient;
  let admin: HttpClient;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
    world = await createWorld(api.db, 'Hartmonitor');
    data = await createInsightsData(api.db, world.organisationId, 11);
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
  });
  afterAll(() => api.close());

  const reliability = async (n: number) =>
    expect((await admin.patch('/api/organisation', { reliabilityMinimum: n })).status).toBe(200);
  const monitor = async (): Promise<HeartMonitor> => {
    const res = await hr.get(`/api/insights/journeys/${data.journeyId}?period=quarter`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const rawGrades = async (valueId: string, touchpointId: string) =>
    (
      await api.db.query(
        `SELECT g.grade FROM survey_response_grades g JOIN survey_responses r ON r.id = g.response_id
          WHERE r.survey_id = $1 AND g.value_id = $2 AND r.touchpoint_id = $3`,
        [data.surveyId, valueId, touchpointId],
      )
    ).map((r: { grade: number | null }) => r.grade);

  it('gives every value at every touchpoint what the raw answers give, with its own peaks and dips', async () => {
    await reliability(10);
    const body = await monitor();
    expect(body.minimum).toBe(5);
    expect(body.reliabilityMinimum).toBe(10);
    expect(body.values.map((v) => v.key)).toEqual(['betrouwbaar', 'persoonlijk']);
    expect(body.points.map((p) => p.name)).toEqual(['Website', 'Telefoon', 'Bezoek']);
    for (const [i, value] of data.values.entries()) {
      const line = [];
      for (const [t, point] of body.points.entries()) {
        const cell = point.values[i];
        expect(cell.valueKey).toBe(value.key);
        const raw = summarizeRecognition(await rawGrades(value.id, data.touchpoints[t]));
        expect(cell.grade.n).toBe(raw.n);
        expect(close(cell.grade.mean, raw.grade.mean)).toBe(true);
        expect(close(cell.grade.low, raw.grade.low)).toBe(true);
        expect(close(cell.grade.high, raw.grade.high)).toBe(true);
        expect(cell.state).toBe('reliable');
        line.push({ mean: cell.grade.mean, state: cell.state });
      }
      // The generated answers are low at the middle touchpoint: a dip on every value's line.
      const marks = heartPeaksAndDips(line);
      expect(marks[1]).toBe('dip');
      expect(body.points.map((p) => (p.values[i].peak ? 'peak' : p.values[i].dip ? 'dip' : null))).toEqual(
        marks,
      );
    }
    expect(body.points.map((p) => p.dip)).toEqual([false, true, false]);
    expect(body.points.map((p) => p.state)).toEqual(['reliable', 'reliable', 'reliable']);
  });

  it('shows figures below the reliability minimum as provisional and never marks them', async () => {
    await reliability(30);
    const body = await monitor();
    for (const point of body.points)
      for (const cell of [point, ...point.values]) {
        expect(cell.state).toBe('provisional');
        expect(cell.grade.mean).not.toBeNull();
        expect(cell.peak || cell.dip).toBe(false);
      }
  });

  it('flags a moment of truth set where the journey is edited', async () => {
    const journey: Journey = (await hr.get(`/api/journeys/${data.journeyId}`)).body;
    const saved = await hr.put(`/api/journeys/${data.journeyId}`, {
      name: journey.name,
      touchpoints: journey.touchpoints.map((t) => ({
        id: t.id,
        name: t.name,
        channel: t.channel,
        momentOfTruth: t.name === 'Telefoon',
        teamIds: t.teamIds,
      })),
    });
    expect(saved.status).toBe(200);
    const body = await monitor();
    expect(body.points.map((p) => p.momentOfTruth)).toEqual([false, true, false]);
  });

  it('shows no figure of a touchpoint below the anonymity minimum, on any line', async () => {
    await reliability(10);
    await api.db.query(
      `DELETE FROM survey_responses WHERE touchpoint_id = $1 AND id NOT IN
         (SELECT id FROM survey_responses WHERE touchpoint_id = $1 ORDER BY id LIMIT 3)`,
      [data.touchpoints[2]],
    );
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    const body = await monitor();
    const small = body.points[2];
    for (const cell of [small, ...small.values]) {
      expect(cell.state).toBe('too_few');
      expect(cell.grade).toMatchObject({ mean: null, low: null, high: null });
      expect(cell.peak || cell.dip).toBe(false);
    }
    // The others compare with each other only: Website above Telefoon.
    expect(body.points.map((p) => [p.peak, p.dip])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it('is for HR, admins and managers of the organisation only', async () => {
    const employee = await new HttpClient(api.url).login(world.users.employee.email, TEST_PASSWORD);
    expect((await employee.get(`/api/insights/journeys/${data.journeyId}?period=quarter`)).status).toBe(403);
    const manager = await new HttpClient(api.url).login(world.users.manager.email, TEST_PASSWORD);
    expect((await manager.get(`/api/insights/journeys/${data.journeyId}?period=quarter`)).status).toBe(200);
    const foreign = await createWorld(api.db, 'Hartmonitor elders');
    const intruder = await new HttpClient(api.url).login(foreign.users.hr.email, TEST_PASSWORD);
    expect((await intruder.get(`/api/insights/journeys/${data.journeyId}?period=quarter`)).status).toBe(404);
  });
});
