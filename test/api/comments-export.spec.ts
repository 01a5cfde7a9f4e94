import { TEST_PASSWORD } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createSurvey, surveyWorld } from '../support/surveys';

/**
 * The customer comments export (issue 15, item 8): for those who may read surveys only, every
 * comment but only from groups (a wave, or the open link) at or above the comment minimum.
 */
describe('customer comments export', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('exports every comment of large enough groups to HR and admins; others get 403, another organisation 404', async () => {
    const { world, versionId, hr, admin } = await surveyWorld(api, 'Opmerkingen');
    const org = world.organisationId;
    await api.db.query(`UPDATE organisations SET comment_minimum = 4 WHERE id = $1`, [org]);
    const survey = await createSurvey(hr, versionId);
    const [small, large] = await api.db.query(
      `INSERT INTO survey_waves (organisation_id, survey_id, kind, closes_at)
       VALUES ($1, $2, 'upload', now() + interval '1 day'), ($1, $2, 'upload', now() + interval '2 days') RETURNING id`,
      [org, survey.id],
    );
    const respond = (wave: string | null, comments: (string | null)[]) =>
      api.db.query(
        `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, wave_id, channel, locale, comment)
         SELECT $1, $2, $3, $4, CASE WHEN $4::uuid IS NULL THEN 'open' ELSE 'email' END, 'nl', c FROM unnest($5::text[]) AS c`,
        [org, survey.id, versionId, wave, comments],
      );
    // The open link: 60 responses (more than the 50 the latest-comments view shows), one without comment.
    const open = Array.from({ length: 59 }, (_, i) => `open ${i}`);
    await respond(null, [...open, null]);
    // A wave of 4 (the minimum): shown, a formula-looking comment included as is (the web writer escapes it).
    await respond(large.id, ['=HYPERLINK("x")', 'groot 2', 'groot 3', '']);
    // A wave of 3: below the minimum, never exported, only counted.
    await respond(small.id, ['klein 1', 'klein 2', 'klein 3']);

    for (const client of [hr, admin]) {
      const res = await client.get(`/api/surveys/${survey.id}/comments/export`);
      expect(res.status).toBe(200);
      expect(res.body.minimum).toBe(4);
      expect(res.body.comments.map((c: { text: string }) => c.text).sort()).toEqual(
        [...open, '=HYPERLINK("x")', 'groot 2', 'groot 3'].sort(),
      );
      expect(res.body.withheld).toEqual([{ group: small.id, responses: 3 }]);
      const groups = new Set(res.body.comments.map((c: { group: string }) => c.group));
      expect(groups).toEqual(new Set(['open', large.id]));
    }
    // The latest-comments view keeps its 50.
    expect((await hr.get(`/api/surveys/${survey.id}/comments`)).body.comments).toHaveLength(50);

    for (const role of ['manager', 'employee'] as const) {
      const client = await new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD);
      const res = await client.get(`/api/surveys/${survey.id}/comments/export`);
      expect([role, res.status]).toEqual([role, 403]);
    }
    const other = await surveyWorld(api, 'Ander');
    const foreign = await other.hr.get(`/api/surveys/${survey.id}/comments/export`);
    expect(foreign.status).toBe(404);
    expect((await new HttpClient(api.url).get(`/api/surveys/${survey.id}/comments/export`)).status).toBe(401);
  });

  it('holds the minimum over group sizes around it: a group is exported whole or not at all', async () => {
    const { world, versionId, hr } = await surveyWorld(api, 'Minimum');
    const org = world.organisationId;
    const survey = await createSurvey(hr, versionId);
    // Sizes around the organisation's minimum (default 5), from a fixed sequence.
    const sizes = [1, 2, 3, 4, 5, 6, 9, 4, 5];
    const waves: { id: string; size: number }[] = [];
    for (const [i, size] of sizes.entries()) {
      const [wave] = await api.db.query(
        `INSERT INTO survey_waves (organisation_id, survey_id, kind, closes_at)
         VALUES ($1, $2, 'upload', now() + make_interval(days => $3)) RETURNING id`,
        [org, survey.id, i + 1],
      );
      await api.db.query(
        `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, wave_id, channel, locale, comment)
         SELECT $1, $2, $3, $4, 'email', 'nl', 'wave ' || $5 || ' #' || n FROM generate_series(1, $6) AS n`,
        [org, survey.id, versionId, wave.id, i, size],
      );
      waves.push({ id: wave.id, size });
    }
    const res = await hr.get(`/api/surveys/${survey.id}/comments/export`);
    expect(res.status).toBe(200);
    const minimum = res.body.minimum as number;
    expect(minimum).toBe(5);
    for (const wave of waves) {
      const exported = res.body.comments.filter((c: { group: string }) => c.group === wave.id).length;
      expect([wave.size, exported]).toEqual([wave.size, wave.size >= minimum ? wave.size : 0]);
    }
  });
});
