import { createHash, randomBytes } from 'node:crypto';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createOpenRound } from '../support/rounds';
import { createSurvey, csv, linkFromOutbox, surveyWorld, tokenOf } from '../support/surveys';

/**
 * A suspended organisation works nowhere, its public links included: a customer's survey link and
 * an employee's self-assessment link read as closed and store nothing; on resume they work again.
 */
describe("a suspended organisation's public links", () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
  });
  afterAll(() => api.close());

  it('refuse answers while suspended and take them again once resumed', async () => {
    const { world, versionId, valueId, hr } = await surveyWorld(api, 'Geschorst');
    const org = world.organisationId;
    const survey = await createSurvey(hr, versionId);
    expect(
      (await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, csv('klant@geschorst.test;;;nl')))
        .status,
    ).toBe(201);
    const token = tokenOf(await linkFromOutbox(api.db, org, 'klant@geschorst.test'));
    const code = survey.openLink.split('/').pop()!;

    const { roundId } = await createOpenRound({ api, world }, world.teamId);
    const selfToken = randomBytes(32).toString('base64url');
    await api.db.query(
      `INSERT INTO assessment_invitations (organisation_id, round_id, user_id, token_hash, team_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (round_id, user_id) DO UPDATE SET token_hash = excluded.token_hash`,
      [
        org,
        roundId,
        world.users.employee.id,
        createHash('sha256').update(selfToken).digest('hex'),
        world.teamId,
      ],
    );

    const anyone = new HttpClient(api.url);
    const answer = { grades: [{ valueId, grade: 8 }] };
    const setStatus = (status: string) =>
      api.db.query(`UPDATE organisations SET status = $2 WHERE id = $1`, [org, status]);
    const responses = async () =>
      (
        await api.db.query(`SELECT count(*)::int AS n FROM survey_responses WHERE organisation_id = $1`, [
          org,
        ])
      )[0].n;

    await setStatus('suspended');
    for (const res of [
      await anyone.get(`/api/respond/${token}`),
      await anyone.post(`/api/respond/${token}`, answer),
      await anyone.get(`/api/respond/open/${code}`),
      await anyone.post(`/api/respond/open/${code}`, answer),
    ])
      expect([res.status, res.body.code]).toEqual([410, 'link_expired']);
    expect(await responses()).toBe(0);
    const form = await anyone.get(`/api/self-assessments/${selfToken}`);
    expect(form.status).toBe(200);
    expect(form.body.closed).toBe(true);
    const submit = await anyone.post(`/api/self-assessments/${selfToken}/submit`, {});
    expect([submit.status, submit.body.code]).toEqual([409, 'round_closed']);

    await setStatus('active');
    expect((await anyone.post(`/api/respond/${token}`, answer)).status).toBe(204);
    expect((await anyone.post(`/api/respond/open/${code}`, answer)).status).toBe(204);
    expect(await responses()).toBe(2);
    expect((await anyone.get(`/api/self-assessments/${selfToken}`)).body.closed).toBe(false);
  });
});
