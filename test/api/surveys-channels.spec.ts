import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { closeApiWithWorker, startApiWithWorker } from '../support/api-with-worker';
import { eventually, RunningApi } from '../support/harness';
import { TEST_PASSWORD } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { linkIn, SmtpSink } from '../support/smtp-sink';
import { createSurvey, csv, linkFromOutbox, surveyWorld, tokenOf } from '../support/surveys';

/** The four ways to reach customers, each end to end: mail over SMTP, link followed, answer stored. */
describe('customer surveys: four channels', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-survey-channels`;
  const smtp = new SmtpSink();
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;
  const organisations: string[] = [];

  beforeAll(async () => {
    ({ api, worker } = await startApiWithWorker(smtp, prefix));
  });
  afterAll(async () => {
    // Stop this file's scheduled surveys (only these: other files share the database).
    await api.db.query(`UPDATE surveys SET status = 'closed' WHERE organisation_id = ANY($1::uuid[])`, [
      organisations,
    ]);
    await closeApiWithWorker({ api, worker, smtp });
  });

  async function setUp(name: string) {
    const ctx = await surveyWorld(api, name);
    organisations.push(ctx.world.organisationId);
    return ctx;
  }

  const answers = (valueId: string, grade: number | null = 8) => ({ grades: [{ valueId, grade }] });

  it('contact list: upload, one mail each, the link answers once, the funnel counts it', async () => {
    const { world, versionId, valueId, hr } = await setUp('Lijst');
    const [segment] = await api.db.query(
      `INSERT INTO customer_segments (organisation_id, name) VALUES ($1, 'Huurders') RETURNING id`,
      [world.organisationId],
    );
    const survey = await createSurvey(hr, versionId, { askNps: true, teamId: world.teamId });
    const file = csv('an@klant.test;Huurders;;nl', 'bo@klant.test;;Lijst ander team;en');
    const preview = await hr.upload(`/api/surveys/${survey.id}/contacts/preview`, file);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ new: 2, quarantined: 0, duplicates: 0, errors: 0 });

    const sent = await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, file);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ added: 2, quarantined: 0, wave: { kind: 'upload', invited: 2 } });
    const [mailAn] = await eventually(
      async () => smtp.to('an@klant.test').length > 0 && smtp.to('an@klant.test'),
    );
    await eventually(async () => smtp.to('bo@klant.test').length);
    expect(mailAn.subject).toContain('hoort graag hoe u ons ervaart');
    expect(smtp.to('bo@klant.test')[0].subject).toContain('would like to hear');
    const link = linkIn(mailAn);
    expect(link.pathname).toMatch(/^\/r\/[\w-]{43}$/);
    expect(link.searchParams.get('lang')).toBe('nl');

    const customer = new HttpClient(api.url);
    const form = await customer.get(`/api/respond/${tokenOf(link)}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ channel: 'email', locale: 'nl', askNps: true, askOverallGrade: false });
    expect(form.body.values[0].question).toBe(
      "In welke mate herkent u 'betrouwbaar' in onze dienstverlening?",
    );
    expect((await customer.get(`/api/respond/${tokenOf(link)}?lang=en`)).body.locale).toBe('en');

    const submit = await customer.post(`/api/respond/${tokenOf(link)}`, { ...answers(valueId, 9), nps: 10 });
    expect(submit.status).toBe(204);
    const again = await customer.post(`/api/respond/${tokenOf(link)}`, answers(valueId, 3));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_answered');
    expect((await customer.get(`/api/respond/${tokenOf(link)}`)).body.code).toBe('already_answered');

    const stored = await api.db.query(
      `SELECT r.channel, r.segment_id, r.team_id, r.nps, g.grade, r.wave_id
         FROM survey_responses r JOIN survey_response_grades g ON g.response_id = r.id WHERE r.survey_id = $1`,
      [survey.id],
    );
    expect(stored).toEqual([
      {
        channel: 'email',
        segment_id: segment.id,
        team_id: world.teamId,
        nps: 10,
        grade: 9,
        wave_id: sent.body.wave.id,
      },
    ]);
    // Nothing in the answer rows points at the invitation or the address.
    const columns = await api.db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name IN ('survey_responses', 'survey_response_grades')`,
    );
    expect(columns.map((c: { column_name: string }) => c.column_name)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/email|invitation|contact|token/)]),
    );

    const waves = await eventually(async () => {
      const res = await hr.get(`/api/surveys/${survey.id}/waves`);
      return res.body[0]?.sent === 2 && res.body;
    });
    expect(waves[0]).toMatchObject({
      invited: 2,
      sent: 2,
      opened: 1,
      answered: 1,
      skipped: 0,
      responseRate: 0.5,
    });
  });

  it('scheduled waves: each firing sends to the contacts uploaded since, once', async () => {
    const { world, valueId, versionId, hr } = await setUp('Schema');
    const survey = await createSurvey(hr, versionId, {
      schedule: { cron: '0 9 * * *', timeZone: 'Europe/Amsterdam' },
    });
    expect((await hr.get(`/api/surveys/${survey.id}`)).body.nextWaveAt).not.toBeNull();
    // A firing of the schedule (at most daily, so the test fires it instead of waiting a day).
    const fire = () => worker!.get<Queue>(getQueueToken('surveys')).add('send-wave', { surveyId: survey.id });
    const kept = await hr.upload(
      `/api/surveys/${survey.id}/contacts?send=false`,
      csv('cor@klant.test', 'dirk@klant.test'),
    );
    expect(kept.body).toMatchObject({ added: 2, wave: null });
    await fire();
    const first = await eventually(async () => {
      const rows = await api.db.query(`SELECT id, kind FROM survey_waves WHERE survey_id = $1`, [survey.id]);
      return rows.length === 1 && rows[0];
    }, 20_000);
    expect(first.kind).toBe('scheduled');
    await hr.upload(`/api/surveys/${survey.id}/contacts?send=false`, csv('eva@klant.test'));
    await fire();
    await eventually(async () => {
      const rows = await api.db.query(`SELECT id FROM survey_waves WHERE survey_id = $1`, [survey.id]);
      return rows.length === 2;
    }, 20_000);
    const perAddress = await api.db.query(
      `SELECT c.email, count(*)::int AS invitations FROM survey_invitations i JOIN survey_contacts c ON c.invitation_id = i.id
        WHERE i.survey_id = $1 GROUP BY c.email ORDER BY c.email`,
      [survey.id],
    );
    expect(perAddress).toEqual([
      { email: 'cor@klant.test', invitations: 1 },
      { email: 'dirk@klant.test', invitations: 1 },
      { email: 'eva@klant.test', invitations: 1 },
    ]);
    const link = await linkFromOutbox(api.db, world.organisationId, 'cor@klant.test');
    await hr.post(`/api/surveys/${survey.id}/close`, {});
    // Closing the survey closed its waves (retention 0: their contacts are gone) and its links.
    const left = await api.db.query(`SELECT count(*)::int AS n FROM survey_contacts WHERE survey_id = $1`, [
      survey.id,
    ]);
    expect(left[0].n).toBe(0);
    const closed = await new HttpClient(api.url).post(`/api/respond/${tokenOf(link)}`, answers(valueId));
    expect(closed.status).toBe(410);
    expect(closed.body.code).toBe('link_expired');
  });

  // PNG encoding runs many times slower inside Jest's sandbox than in the api; on a busy machine it needs time.
  it('"you said, we did": set when sending a wave and later, shown above the questions in the survey language', async () => {
    const { world, versionId, hr } = await setUp('Wij deden');
    const survey = await createSurvey(hr, versionId);
    expect((await hr.upload(`/api/surveys/${survey.id}/contacts`, csv('yo@klant.test;;;en'))).status).toBe(
      201,
    );
    // Too long (300 at most), or not text: 400 naming the field, no wave sent.
    for (const [body, field] of [
      [{ youSaidNl: 'x'.repeat(301) }, 'youSaidNl'],
      [{ youSaidEn: 'y'.repeat(301) }, 'youSaidEn'],
      [{ youSaidNl: 42 }, 'youSaidNl'],
    ] as const) {
      const refused = await hr.post(`/api/surveys/${survey.id}/waves`, body);
      expect([field, refused.status]).toEqual([field, 400]);
      expect([...new Set(refused.body.errors.map((e: { field: string }) => e.field))]).toEqual([field]);
    }
    expect(await api.db.query(`SELECT id FROM survey_waves WHERE survey_id = $1`, [survey.id])).toEqual([]);

    const sent = await hr.post(`/api/surveys/${survey.id}/waves`, {
      youSaidNl: ' U vroeg om snellere reparaties: we plannen nu binnen 3 dagen. ',
      youSaidEn: 'You asked for faster repairs: we now plan them within 3 days.',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      youSaidNl: 'U vroeg om snellere reparaties: we plannen nu binnen 3 dagen.',
      youSaidEn: 'You asked for faster repairs: we now plan them within 3 days.',
    });
    const link = await linkFromOutbox(api.db, world.organisationId, 'yo@klant.test');
    const customer = new HttpClient(api.url);
    expect((await customer.get(`/api/respond/${tokenOf(link)}`)).body.youSaid).toBe(
      'You asked for faster repairs: we now plan them within 3 days.',
    );
    expect((await customer.get(`/api/respond/${tokenOf(link)}?lang=nl`)).body.youSaid).toBe(
      'U vroeg om snellere reparaties: we plannen nu binnen 3 dagen.',
    );
    // The open link shows the latest wave's line.
    const code = survey.openLink.split('/').pop()!;
    expect((await customer.get(`/api/respond/open/${code}`)).body.youSaid).toBe(
      'U vroeg om snellere reparaties: we plannen nu binnen 3 dagen.',
    );

    // Changed later: English cleared falls back to Dutch; too long is a 400 and changes nothing.
    const wave = `/api/waves/${sent.body.id}`;
    const tooLong = await hr.patch(wave, { youSaidNl: 'z'.repeat(301) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.map((e: { field: string }) => e.field)).toEqual(['youSaidNl']);
    const cleared = await hr.patch(wave, { youSaidEn: '' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({
      youSaidNl: 'U vroeg om snellere reparaties: we plannen nu binnen 3 dagen.',
      youSaidEn: null,
    });
    expect((await customer.get(`/api/respond/${tokenOf(link)}?lang=en`)).body.youSaid).toBe(
      'U vroeg om snellere reparaties: we plannen nu binnen 3 dagen.',
    );
    expect((await hr.patch(wave, { youSaidNl: null })).body.youSaidNl).toBeNull();
    expect((await customer.get(`/api/respond/${tokenOf(link)}`)).body.youSaid).toBeNull();

    // Only who may send waves changes the line; another organisation's wave is a 404.
    const manager = await new HttpClient(api.url).login(world.users.manager.email, TEST_PASSWORD);
    expect((await manager.patch(wave, { youSaidNl: 'x' })).status).toBe(403);
    const other = await setUp('Wij deden elders');
    expect((await other.hr.patch(wave, { youSaidNl: 'x' })).status).toBe(404);
  });

  it('open link and QR code: no token, one response per browser, context of the survey', async () => {
    const { world, valueId, versionId, hr } = await setUp('Balie');
    const survey = await createSurvey(hr, versionId, { teamId: world.teamId, askOverallGrade: true });
    expect(survey.openLink).toMatch(/\/q\/[\w-]{22}$/);
    const png = await fetch(`${api.url}/api/surveys/${survey.id}/qr.png`, {
      headers: { cookie: (hr as unknown as { cookie: string }).cookie },
    });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const svg = await hr.get(`/api/surveys/${survey.id}/qr.svg`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(String(svg.body)).toContain('<svg');

    const code = survey.openLink.split('/').pop()!;
    const browser = new HttpClient(api.url);
    const form = await browser.get(`/api/respond/open/${code}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ channel: 'open', askOverallGrade: true });
    expect(
      (await browser.post(`/api/respond/open/${code}`, { ...answers(valueId, 7), overallGrade: 8 })).status,
    ).toBe(204);
    const second = await browser.post(`/api/respond/open/${code}`, answers(valueId, 2));
    expect(second.status).toBe(409);
    expect((await browser.get(`/api/respond/open/${code}`)).body.code).toBe('already_answered');
    expect(
      (await new HttpClient(api.url).post(`/api/respond/open/${code}`, answers(valueId, null))).status,
    ).toBe(204);

    const stored = await api.db.query(
      `SELECT r.channel, r.team_id, r.wave_id, r.overall_grade, g.grade FROM survey_responses r
         JOIN survey_response_grades g ON g.response_id = r.id WHERE r.survey_id = $1 ORDER BY r.overall_grade NULLS LAST`,
      [survey.id],
    );
    expect(stored).toEqual([
      { channel: 'open', team_id: world.teamId, wave_id: null, overall_grade: 8, grade: 7 },
      { channel: 'open', team_id: world.teamId, wave_id: null, overall_grade: null, grade: null },
    ]);

    await hr.patch(`/api/surveys/${survey.id}`, { openLinkEnabled: false });
    expect((await new HttpClient(api.url).get(`/api/respond/open/${code}`)).status).toBe(404);
    expect((await hr.get(`/api/surveys/${survey.id}/qr.svg`)).status).toBe(404);
  }, 180_000);

  it('API trigger: an API key, an Idempotency-Key, one invitation and one mail per key', async () => {
    const { world, valueId, versionId, hr, admin } = await setUp('Crm');
    const survey = await createSurvey(hr, versionId);
    const created = await admin.post('/api/api-keys', { name: 'CRM' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^wk_/);
    expect((await admin.get('/api/api-keys')).body[0]).not.toHaveProperty('key');
    const crm = (key: string, idempotencyKey: string | undefined, body: unknown) =>
      new HttpClient(api.url).request('POST', '/api/v1/survey-invitations', body, {
        authorization: `Bearer ${key}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      });
    const body = { surveyId: survey.id, email: 'fien@klant.test', touchpointId: undefined, locale: 'nl' };

    const first = await crm(created.body.key, 'crm-call-1', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'invited',
      id: expect.any(String),
      waveId: expect.any(String),
    });
    // The same key, also several times at once: the first answer again, nothing new.
    const repeats = await Promise.all([1, 2, 3].map(() => crm(created.body.key, 'crm-call-1', body)));
    for (const repeat of repeats) {
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual(first.body);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    }
    const concurrent = await Promise.all(
      [1, 2, 3, 4].map(() => crm(created.body.key, 'crm-call-2', { ...body, email: 'gijs@klant.test' })),
    );
    expect(concurrent.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1);
    const invitations = await api.db.query(
      `SELECT count(*)::int AS n FROM survey_invitations WHERE survey_id = $1`,
      [survey.id],
    );
    expect(invitations[0].n).toBe(2);

    const reused = await crm(created.body.key, 'crm-call-1', { ...body, email: 'other@klant.test' });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('idempotency_key_reused');
    // The quarantine holds for the API too: fien was just asked.
    const quarantined = await crm(created.body.key, 'crm-call-3', { ...body, surveyId: survey.id });
    expect(quarantined.status).toBe(201);
    expect(quarantined.body).toMatchObject({ status: 'skipped_quarantine', id: null });

    const mails = await eventually(
      async () => smtp.to('fien@klant.test').length === 1 && smtp.to('fien@klant.test'),
    );
    await eventually(async () => smtp.to('gijs@klant.test').length === 1);
    const submit = await new HttpClient(api.url).post(
      `/api/respond/${tokenOf(linkIn(mails[0]))}`,
      answers(valueId, 6),
    );
    expect(submit.status).toBe(204);
    expect(smtp.to('fien@klant.test')).toHaveLength(1);

    // Missing or revoked keys, and a missing Idempotency-Key, are refused; nothing is stored.
    expect((await crm('wk_not-a-key', 'x', body)).status).toBe(401);
    expect((await new HttpClient(api.url).post('/api/v1/survey-invitations', body)).status).toBe(401);
    const noKey = await crm(created.body.key, undefined, { ...body, email: 'hans@klant.test' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0].field).toBe('Idempotency-Key');
    expect((await admin.post(`/api/api-keys/${created.body.id}/revoke`, {})).body.revokedAt).not.toBeNull();
    const revoked = await crm(created.body.key, 'crm-call-4', { ...body, email: 'ilse@klant.test' });
    expect(revoked.status).toBe(401);
    const foreignSurvey = await crm(created.body.key, 'crm-call-5', body);
    expect(foreignSurvey.status).toBe(401);
    expect(
      (
        await api.db.query(
          `SELECT count(*)::int AS n FROM survey_contacts WHERE survey_id = $1 AND email IN ('hans@klant.test', 'ilse@klant.test')`,
          [survey.id],
        )
      )[0].n,
    ).toBe(0);
    expect(world.organisationId).toBeTruthy();
  });
});
