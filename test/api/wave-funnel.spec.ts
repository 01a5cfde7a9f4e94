import { bestMailState, funnelStages, mailStateOfStatus, waveFunnel } from '@wk/domain';
import type { Survey, Wave } from '@wk/contracts';
import { createWorld, TEST_PASSWORD } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { random } from '../support/random';
import { createSurvey, csv, linkFromOutbox, surveyWorld, tokenOf } from '../support/surveys';

const stagesOf = (w: Wave) => [w.invited, w.sent + w.held, w.opened, w.answered];
const neverWidens = (stages: number[]) => stages.every((v, i) => i === 0 || v <= stages[i - 1]);

/**
 * The wave funnel adds up: invited → sent or held → opened → answered never narrows then widens,
 * held mails (no mail server) are counted as held, and open-link answers stay out of every wave.
 */
describe('wave funnel', () => {
  let api: RunningApi;

  beforeAll(async () => {
    // No mail server: every mail is held in the outbox.
    api = await startApi({ SMTP_URL: undefined });
  });
  afterAll(() => api.close());

  const answers = (valueId: string) => ({ grades: [{ valueId, grade: 8 }] });

  it('counts held mails as held, and what customers did with their links within them', async () => {
    const { world, versionId, valueId, hr } = await surveyWorld(api, 'Trechter');
    const survey = await createSurvey(hr, versionId);
    const emails = ['a@klant.test', 'b@klant.test', 'c@klant.test', 'd@klant.test'];
    const sent = await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, csv(...emails));
    expect(sent.status).toBe(201);
    const customer = new HttpClient(api.url);
    // a opens and answers, b only opens, c answers without the form's open being recorded.
    const token = async (email: string) => tokenOf(await linkFromOutbox(api.db, world.organisationId, email));
    expect((await customer.get(`/api/respond/${await token('a@klant.test')}`)).status).toBe(200);
    expect(
      (await customer.post(`/api/respond/${await token('a@klant.test')}`, answers(valueId))).status,
    ).toBe(204);
    expect((await customer.get(`/api/respond/${await token('b@klant.test')}`)).status).toBe(200);
    expect(
      (await customer.post(`/api/respond/${await token('c@klant.test')}`, answers(valueId))).status,
    ).toBe(204);
    // And one answer through the open link: no wave's.
    const code = survey.openLink.split('/').pop()!;
    expect((await new HttpClient(api.url).post(`/api/respond/open/${code}`, answers(valueId))).status).toBe(
      204,
    );

    const [wave]: Wave[] = (await hr.get(`/api/surveys/${survey.id}/waves`)).body;
    expect(wave).toMatchObject({
      invited: 4,
      sent: 0,
      held: 4,
      waiting: 0,
      notSent: 0,
      opened: 3,
      answered: 2,
      answeredOutside: 0,
      responseRate: 0.5,
    });
    expect(neverWidens(stagesOf(wave))).toBe(true);
    const detail: Survey = (await hr.get(`/api/surveys/${survey.id}`)).body;
    expect(detail).toMatchObject({ responses: 3, openLinkResponses: 1 });
  });

  it('never widens over generated waves, and gives what the domain funnel gives on the raw rows', async () => {
    const { world, versionId, hr } = await surveyWorld(api, 'Trechter gegenereerd');
    const survey = await createSurvey(hr, versionId);
    const rnd = random(17);
    const statuses = [null, 'pending', 'held', 'sent', 'failed'] as const;
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
    for (let w = 0; w < 6; w++) {
      const emails = Array.from({ length: 3 + Math.floor(rnd() * 12) }, (_, i) => `w${w}-${i}@klant.test`);
      const res = await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, csv(...emails));
      expect(res.status).toBe(201);
      const invitations: { id: string }[] = await api.db.query(
        `SELECT id FROM survey_invitations WHERE wave_id = $1`,
        [res.body.wave.id],
      );
      // Every combination the tables allow: mails in any state (a reminder too, or none left), links
      // opened or answered in any mix, also answered without a recorded open.
      for (const { id } of invitations) {
        const invite = pick(statuses);
        const reminder = pick(statuses);
        for (const [key, status] of [
          [`survey-invite:${id}`, invite],
          [`survey-reminder:${id}`, reminder],
        ] as const) {
          if (status === null)
            await api.db.query(`DELETE FROM outbox_messages WHERE organisation_id = $1 AND dedup_key = $2`, [
              world.organisationId,
              key,
            ]);
          else
            await api.db.query(
              `INSERT INTO outbox_messages (organisation_id, kind, dedup_key, to_address, subject, text_body, status)
               VALUES ($1, 'survey-invite', $2, 'x@klant.test', 'Uitnodiging', '', $3)
               ON CONFLICT (organisation_id, dedup_key) DO UPDATE SET status = excluded.status`,
              [world.organisationId, key, status],
            );
        }
        await api.db.query(`UPDATE survey_invitations SET opened = $2, answered = $3 WHERE id = $1`, [
          id,
          rnd() < 0.5,
          rnd() < 0.4,
        ]);
      }
    }
    const waves: Wave[] = (await hr.get(`/api/surveys/${survey.id}/waves`)).body;
    expect(waves).toHaveLength(6);
    for (const wave of waves) {
      expect(neverWidens(stagesOf(wave))).toBe(true);
      const raw: { statuses: string[]; opened: boolean; answered: boolean }[] = await api.db.query(
        `SELECT i.opened, i.answered,
                ARRAY(SELECT o.status FROM outbox_messages o WHERE o.organisation_id = i.organisation_id
                        AND o.dedup_key IN ('survey-invite:' || i.id, 'survey-reminder:' || i.id)) AS statuses
           FROM survey_invitations i WHERE i.wave_id = $1`,
        [wave.id],
      );
      const expected = waveFunnel(
        raw.map((r) => ({
          mail: bestMailState(r.statuses.map(mailStateOfStatus)),
          opened: r.opened,
          answered: r.answered,
        })),
      );
      expect(wave).toMatchObject(expected);
      expect(funnelStages(expected).map((s) => s.value)).toEqual(stagesOf(wave));
      // Every answer of the wave is either in the funnel or named beside it.
      expect(wave.answered + wave.answeredOutside).toBe(raw.filter((r) => r.answered).length);
    }
  });

  it('is HR and admin business within the organisation', async () => {
    const { world, versionId, hr } = await surveyWorld(api, 'Trechter rollen');
    const survey = await createSurvey(hr, versionId);
    const employee = await new HttpClient(api.url).login(world.users.employee.email, TEST_PASSWORD);
    expect((await employee.get(`/api/surveys/${survey.id}/waves`)).status).toBe(403);
    const foreign = await createWorld(api.db, 'Trechter elders');
    const intruder = await new HttpClient(api.url).login(foreign.users.hr.email, TEST_PASSWORD);
    expect((await intruder.get(`/api/surveys/${survey.id}/waves`)).status).toBe(404);
  });
});
