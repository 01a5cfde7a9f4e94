import { KpiRollupsService } from '@wk/api-testing';
import type { BehaviourReport, KpiReport } from '@wk/contracts';
import { createTeam, createUser, createWorld, TEST_PASSWORD } from '../support/factories';
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

  /** A published version with these value keys (one behaviour each, `key-1` unless renamed), as the api writes it. */
  async function publish(
    org: string,
    number: number,
    keys: string[],
    behaviour: { key: string; continuesKey: string | null; text: string } | null = null,
  ) {
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
      const [b] = await api.db.query(
        `INSERT INTO value_behaviours (organisation_id, version_id, value_id, key, position, text_nl, continues_key)
         VALUES ($1, $2, $3, $4, 0, $5, $6) RETURNING id`,
        [
          org,
          version.id,
          value.id,
          behaviour?.key ?? `${key}-1`,
          behaviour?.text ?? 'Komt afspraken na',
          behaviour?.continuesKey ?? null,
        ],
      );
      ids[key] = value.id;
      ids[`${key}:behaviour`] = b.id;
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

  it("a reworded behaviour's trend follows its continues link: both periods under the newest key and text", async () => {
    const world = await createWorld(api.db, 'Gedrag');
    const org = world.organisationId;
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const teamId = await createTeam(api.db, org, 'Zes');
    const people: string[] = [];
    for (let i = 0; i < 6; i++) people.push((await createUser(api.db, org, { teamId })).id);
    const rollups = api.app.get(KpiRollupsService, { strict: false });
    /** A closed round of its own cycle in which all six answer the one behaviour (levels 1-4). */
    const round = async (versionId: string, behaviourId: string, opensAt: string) => {
      const [cycle] = await api.db.query(
        `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
         VALUES ($1, 'Meting', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'paused') RETURNING id`,
        [org, versionId],
      );
      const [r] = await api.db.query(
        `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at, closed_at)
         VALUES ($1, $2, $3, ${opensAt}, ${opensAt}, ${opensAt} + interval '1 day', ${opensAt} + interval '1 day') RETURNING id`,
        [org, cycle.id, versionId],
      );
      for (const [i, userId] of people.entries()) {
        const [invitation] = await api.db.query(
          `INSERT INTO assessment_invitations (organisation_id, round_id, user_id, token_hash, team_id, completed_at)
           VALUES ($1, $2, $3, md5(random()::text) || md5(random()::text), $4, now()) RETURNING id`,
          [org, r.id, userId, teamId],
        );
        await api.db.query(
          `INSERT INTO assessment_answers (organisation_id, invitation_id, behaviour_id, level) VALUES ($1, $2, $3, $4)`,
          [org, invitation.id, behaviourId, 1 + (i % 4)],
        );
      }
      await rollups.refreshRound(r.id);
    };
    const v1 = await publish(org, 1, ['betrouwbaar']);
    await round(
      v1.versionId,
      v1.ids['betrouwbaar:behaviour'],
      `date_trunc('quarter', now()) - interval '40 days'`,
    );
    // Version 2 rewords the behaviour under a new key that continues the old one.
    const v2 = await publish(org, 2, ['betrouwbaar'], {
      key: 'betrouwbaar-helder',
      continuesKey: 'betrouwbaar-1',
      text: 'Doet wat is afgesproken',
    });
    await round(v2.versionId, v2.ids['betrouwbaar:behaviour'], `now() - interval '2 days'`);

    const months = (await hr.get<KpiReport>('/api/insights/kpis?period=quarter')).body.periods.slice(-2);
    const res = await hr.get<BehaviourReport>(
      `/api/insights/behaviours?period=quarter&from=${months[0]}&to=${months[1]}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.behaviours.map((b) => [b.period, b.behaviourKey, b.text])).toEqual([
      [months[0], 'betrouwbaar-helder', 'Doet wat is afgesproken'],
      [months[1], 'betrouwbaar-helder', 'Doet wat is afgesproken'],
    ]);
  });
});
