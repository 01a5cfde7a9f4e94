import { KpiRollupsService } from '@wk/api-testing';
import type { KpiReport, ValueTargetChange } from '@wk/contracts';
import { TEST_PASSWORD } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createSurvey, surveyWorld } from '../support/surveys';

/**
 * Targets without republishing (issue 15, item 6): HR changes a value's target on its own; the
 * current quarter's status follows it, a past quarter keeps the target in force at its end.
 */
describe('value targets with history', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('a changed target moves the current quarter’s status, never a past quarter’s', async () => {
    const { world, versionId, valueId, hr } = await surveyWorld(api, 'Doelen');
    const org = world.organisationId;
    const survey = await createSurvey(hr, versionId);
    // Six answers of 8 in the previous quarter and six in this one (target 7.5: on target).
    for (const at of [`date_trunc('quarter', now()) - interval '20 days'`, `now()`]) {
      const ids: { id: string }[] = await api.db.query(
        `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, locale, submitted_at)
         SELECT $1, $2, $3, 'open', 'nl', ${at} FROM generate_series(1, 6) RETURNING id`,
        [org, survey.id, versionId],
      );
      await api.db.query(
        `INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
         SELECT $1, unnest($2::uuid[]), $3, 8`,
        [org, ids.map((r) => r.id), valueId],
      );
    }
    await api.app.get(KpiRollupsService, { strict: false }).refreshCustomer(org);
    const statuses = async () => {
      const report = (await hr.get<KpiReport>('/api/insights/kpis?period=quarter')).body;
      const [past, current] = report.periods.slice(-2);
      const row = (period: string) => report.rows.find((r) => r.period === period && r.valueKey === 'betrouwbaar')!;
      return {
        past: [row(past).target, row(past).status],
        current: [row(current).target, row(current).status],
        info: report.values.find((v) => v.key === 'betrouwbaar')!.target,
      };
    };
    expect(await statuses()).toEqual({ past: [7.5, 'on_target'], current: [7.5, 'on_target'], info: 7.5 });

    const set = await hr.put<ValueTargetChange>('/api/values/betrouwbaar/target', { targetGrade: 9 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ valueKey: 'betrouwbaar', targetGrade: 9, source: 'target' });
    expect(await statuses()).toEqual({ past: [7.5, 'on_target'], current: [9, 'below'], info: 9 });
    // Nothing was republished: the same version, showing the target in force.
    const current = (await hr.get('/api/values/current')).body;
    expect(current.id).toBe(versionId);
    expect(current.values[0].targetGrade).toBe(9);

    // A second change: the latest holds now; the past quarter still keeps its own.
    expect((await hr.put('/api/values/betrouwbaar/target', { targetGrade: 8.5 })).status).toBe(200);
    expect(await statuses()).toEqual({ past: [7.5, 'on_target'], current: [8.5, 'near'], info: 8.5 });
    const history = (await hr.get<ValueTargetChange[]>('/api/values/betrouwbaar/targets')).body;
    expect(history.map((h) => [h.targetGrade, h.source])).toEqual([
      [8.5, 'target'],
      [9, 'target'],
      [7.5, 'version'],
    ]);

    // A new draft starts from the target in force, so publishing does not undo the change.
    const draft = await hr.post('/api/values/draft', {});
    expect(draft.status).toBe(201);
    expect(draft.body.values[0].targetGrade).toBe(8.5);
  });

  it('only those who may edit the values change a target; bad input names the field; unknown keys are 404', async () => {
    const { world, hr } = await surveyWorld(api, 'Doelrechten');
    for (const role of ['manager', 'employee'] as const) {
      const client = await new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD);
      const res = await client.put('/api/values/betrouwbaar/target', { targetGrade: 8 });
      expect([role, res.status]).toEqual([role, 403]);
      // Reading the history is for everyone who reads the values.
      expect((await client.get('/api/values/betrouwbaar/targets')).status).toBe(200);
    }
    for (const targetGrade of [0.5, 10.5, 7.55, '8', null]) {
      const res = await hr.put('/api/values/betrouwbaar/target', { targetGrade });
      expect([targetGrade, res.status, res.body.errors?.[0]?.field]).toEqual([targetGrade, 400, 'targetGrade']);
    }
    expect((await hr.put('/api/values/bestaat-niet/target', { targetGrade: 8 })).status).toBe(404);
    expect((await hr.get('/api/values/bestaat-niet/targets')).status).toBe(404);
    // Another organisation's key is unknown here: its own version has the same key, its history not.
    const other = await surveyWorld(api, 'Anderdoel');
    expect((await other.hr.put('/api/values/betrouwbaar/target', { targetGrade: 6 })).status).toBe(200);
    const mine = (await hr.get<ValueTargetChange[]>('/api/values/betrouwbaar/targets')).body;
    expect(mine.map((h) => h.targetGrade)).toEqual([7.5]);
  });
});
