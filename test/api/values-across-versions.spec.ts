import { KpiRollupsService } from '@wk/api-testing';
import type { KpiReport } from '@wk/contracts';
import { createWorld, TEST_PASSWORD } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createSurvey } from '../support/surveys';

/** Issue 15, item 7: a value retired by a newer values version keeps its history in reports and trends. */
describe('values across versions', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  /** A published version with these value keys (one behaviour each), as the api writes it. */
  async function publish(org: string, number: number, keys: string[]) {
    const [version] = await api.db.query(
      `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, $2, 'draft') RETURNING id`,
      [org, number],
    );
    const ids: Record<string, string> = {};
    for (const [position, key] of keys.entries()) {
      const [value] = await api.db.query(
        `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, level, tier, charge, target_grade)
         VALUES ($1, $2, $3::text, $4, initcap($3::text), 'basis', 'base', 'rational', 7.5) RETURNING id`,
        [org, version.id, key, position],
      );
      await api.db.query(
        `INSERT INTO value_behaviours (organisation_id, version_id, value_id, key, position, text_nl)
         VALUES ($1, $2, $3, $4, 0, 'gedrag')`,
        [org, version.id, value.id, `${key}-1`],
      );
      ids[key] = value.id;
    }
    await api.db.query(
      `UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`,
      [version.id],
    );
    return { versionId: version.id as string, ids };
  }

  it('a value left out of the newer version still shows its past periods, marked retired', async () => {
    const world = await createWorld(api.db, 'Versies');
    const org = world.organisationId;
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const v1 = await publish(org, 1, ['betrouwbaar', 'dichtbij']);
    const survey = await createSurvey(hr, v1.versionId);
    const answer = async (at: string, grades: Record<string, number>, versionId: string) => {
      const rows: { id: string }[] = await api.db.query(
        `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, locale, submitted_at)
         SELECT $1, $2, $3, 'open', 'nl', ${at} FROM generate_series(1, 6) RETURNING id`,
        [org, survey.id, versionId],
      );
      for (const [valueId, grade] of Object.entries(grades))
        await api.db.query(
          `INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
           SELECT $1, unnest($2::uuid[]), $3, $4`,
          [org, rows.map((r) => r.id), valueId, grade],
        );
    };
    // Last quarter under version 1 (both values); version 2 drops Dichtbij; this quarter only Betrouwbaar.
    await answer(
      `date_trunc('quarter', now()) - interval '40 days'`,
      { [v1.ids.betrouwbaar]: 8, [v1.ids.dichtbij]: 6 },
      v1.versionId,
    );
    const v2 = await publish(org, 2, ['betrouwbaar']);
    await answer('now()', { [v2.ids.betrouwbaar]: 9 }, v1.versionId);
    await api.app.get(KpiRollupsService, { strict: false }).refreshCustomer(org);

    const report = (await hr.get<KpiReport>('/api/insights/kpis?period=quarter')).body;
    expect(report.values.map((v) => [v.key, v.retired ?? false])).toEqual([
      ['betrouwbaar', false],
      ['dichtbij', true],
    ]);
    const [past, current] = report.periods.slice(-2);
    const grade = (period: string, key: string) =>
      report.rows.find((r) => r.period === period && r.valueKey === key && r.group.id === null)?.customer
        ?.grade.mean ?? null;
    // The trend of the retired value: its past quarter as it was, nothing after.
    expect([grade(past, 'dichtbij'), grade(current, 'dichtbij')]).toEqual([6, null]);
    expect([grade(past, 'betrouwbaar'), grade(current, 'betrouwbaar')]).toEqual([8, 9]);
    expect(report.values.find((v) => v.key === 'dichtbij')!.name).toBe('Dichtbij');

    // A window without its answers (this month and the one before, read for the change) does not list it.
    const month = (await hr.get<KpiReport>('/api/insights/kpis?period=month')).body.periods.at(-1)!;
    const thisMonth = (await hr.get<KpiReport>(`/api/insights/kpis?period=month&from=${month}&to=${month}`))
      .body;
    expect(thisMonth.values.map((v) => v.key)).toEqual(['betrouwbaar']);
  });
});
