import { WavesService } from '@wk/api-testing';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createPublishedValueSet, TEST_PASSWORD } from '../support/factories';
import { createSurvey, csv, linkFromOutbox, surveyWorld, tokenOf } from '../support/surveys';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/** Quarantine, contact deletion, bad input, roles and the comment minimum (no SMTP: mail stays in the outbox). */
describe('customer surveys: rules', () => {
  let api: RunningApi;
  const organisations: string[] = [];

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
  });
  afterAll(async () => {
    await api.db.query(`UPDATE surveys SET status = 'closed' WHERE organisation_id = ANY($1::uuid[])`, [
      organisations,
    ]);
    await api.close();
  });

  async function setUp(name: string) {
    const ctx = await surveyWorld(api, name);
    organisations.push(ctx.world.organisationId);
    return ctx;
  }
  const count = async (sql: string, params: unknown[]) => (await api.db.query(sql, params))[0].n as number;

  it('asks a contact at most once per quarantine, across surveys, and reports who was skipped', async () => {
    const { world, versionId, hr } = await setUp('Quarantaine');
    const first = await createSurvey(hr, versionId);
    const second = await createSurvey(hr, versionId, { name: 'Tweede' });
    await hr.upload(`/api/surveys/${first.id}/contacts?send=true`, csv('jan@klant.test', 'KIM@klant.test'));

    const preview = await hr.upload(
      `/api/surveys/${second.id}/contacts/preview`,
      csv('Jan@Klant.test', 'kim@klant.test', 'lot@klant.test', 'lot@klant.test'),
    );
    expect(preview.body.rows.map((r: { status: string }) => r.status)).toEqual([
      'quarantined',
      'quarantined',
      'new',
      'duplicate',
    ]);
    const sent = await hr.upload(
      `/api/surveys/${second.id}/contacts?send=true`,
      csv('Jan@Klant.test', 'kim@klant.test', 'lot@klant.test'),
    );
    expect(sent.body).toMatchObject({ added: 1, quarantined: 2, wave: { invited: 1 } });
    // Quarantined addresses are never stored for the survey that may not ask them.
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_contacts WHERE survey_id = $1`, [second.id]),
    ).toBe(1);

    // A contact pending for a scheduled wave that got asked elsewhere meanwhile is skipped at send time.
    await hr.upload(`/api/surveys/${first.id}/contacts`, csv('mo@klant.test'));
    await hr.upload(`/api/surveys/${second.id}/contacts?send=true`, csv('mo@klant.test'));
    const wave = await hr.post(`/api/surveys/${first.id}/waves`, {});
    expect(wave.status).toBe(201);
    expect(wave.body).toMatchObject({ invited: 0, skipped: 1 });
    expect((await hr.post(`/api/surveys/${first.id}/waves`, {})).body.code).toBe('no_pending_contacts');

    // Quarantine 0 days: asking again is allowed.
    await api.db.query(`UPDATE organisations SET contact_quarantine_days = 0 WHERE id = $1`, [
      world.organisationId,
    ]);
    const again = await hr.upload(`/api/surveys/${second.id}/contacts?send=true`, csv('jan@klant.test'));
    expect(again.body).toMatchObject({ added: 1, quarantined: 0, wave: { invited: 1 } });
  });

  it('deletes contact data when a wave closes, or after the retention days', async () => {
    const { world, versionId, valueId, hr } = await setUp('Bewaren');
    const survey = await createSurvey(hr, versionId);
    const upload = await hr.upload(
      `/api/surveys/${survey.id}/contacts?send=true`,
      csv('noor@klant.test', 'olaf@klant.test'),
    );
    const waveId = upload.body.wave.id;
    const link = await linkFromOutbox(api.db, world.organisationId, 'noor@klant.test');
    const customer = new HttpClient(api.url);
    expect(
      (await customer.post(`/api/respond/${tokenOf(link)}`, { grades: [{ valueId, grade: 8 }] })).status,
    ).toBe(204);

    const closed = await hr.post(`/api/waves/${waveId}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.contactsDeletedAt).not.toBeNull();
    expect(await count(`SELECT count(*)::int AS n FROM survey_contacts WHERE wave_id = $1`, [waveId])).toBe(
      0,
    );
    const mails = await api.db.query(
      `SELECT to_address, status FROM outbox_messages WHERE organisation_id = $1 AND kind = 'survey-invite'`,
      [world.organisationId],
    );
    expect(mails).toEqual([
      { to_address: '(verwijderd)', status: 'failed' },
      { to_address: '(verwijderd)', status: 'failed' },
    ]);
    // The answer stays, with its context; the link is closed.
    expect(await count(`SELECT count(*)::int AS n FROM survey_responses WHERE wave_id = $1`, [waveId])).toBe(
      1,
    );
    const other = await linkFromOutbox(api.db, world.organisationId, '(verwijderd)').catch(() => null);
    expect(other).not.toBeNull();
    expect((await customer.get(`/api/respond/${tokenOf(other!)}`)).body.code).toMatch(
      /link_expired|already_answered/,
    );
    expect(await hr.post(`/api/waves/${waveId}/reminder`, {})).toMatchObject({ status: 409 });

    // With 30 days' retention the data stays at close and goes when housekeeping finds it due.
    await api.db.query(`UPDATE organisations SET contact_retention_days = 30 WHERE id = $1`, [
      world.organisationId,
    ]);
    const kept = await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, csv('piet@klant.test'));
    await hr.post(`/api/waves/${kept.body.wave.id}/close`, {});
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_contacts WHERE wave_id = $1`, [kept.body.wave.id]),
    ).toBe(1);
    await api.app.get(WavesService).housekeeping();
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_contacts WHERE wave_id = $1`, [kept.body.wave.id]),
    ).toBe(1);
    await api.db.query(`UPDATE survey_waves SET closed_at = now() - interval '31 days' WHERE id = $1`, [
      kept.body.wave.id,
    ]);
    await api.app.get(WavesService).housekeeping();
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_contacts WHERE wave_id = $1`, [kept.body.wave.id]),
    ).toBe(0);
  });

  it('sends the one reminder only to who has not answered, once', async () => {
    const { world, versionId, valueId, hr } = await setUp('Herinnering');
    const survey = await createSurvey(hr, versionId);
    const upload = await hr.upload(
      `/api/surveys/${survey.id}/contacts?send=true`,
      csv('rik@klant.test', 'sam@klant.test'),
    );
    const link = await linkFromOutbox(api.db, world.organisationId, 'rik@klant.test');
    await new HttpClient(api.url).post(`/api/respond/${tokenOf(link)}`, { grades: [{ valueId, grade: 5 }] });
    const reminded = await hr.post(`/api/waves/${upload.body.wave.id}/reminder`, {});
    expect(reminded.status).toBe(200);
    expect(reminded.body.reminderSentAt).not.toBeNull();
    const reminders = await api.db.query(
      `SELECT to_address FROM outbox_messages WHERE organisation_id = $1 AND kind = 'survey-reminder'`,
      [world.organisationId],
    );
    expect(reminders).toEqual([{ to_address: 'sam@klant.test' }]);
    const twice = await hr.post(`/api/waves/${upload.body.wave.id}/reminder`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_reminded');
  });

  it('refuses bad answers with the field named and stores nothing', async () => {
    const { world, versionId, valueId, hr } = await setUp('Fout');
    const other = await createPublishedValueSet(api.db, world.organisationId, { number: 2, key: 'anders' });
    const survey = await createSurvey(hr, versionId, { askComment: false });
    await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, csv('tom@klant.test'));
    const token = tokenOf(await linkFromOutbox(api.db, world.organisationId, 'tom@klant.test'));
    const customer = new HttpClient(api.url);
    const cases: [unknown, string][] = [
      [{ grades: [{ valueId, grade: 0 }] }, 'grades[0].grade'],
      [{ grades: [{ valueId, grade: 11 }] }, 'grades[0].grade'],
      [{ grades: [{ valueId, grade: 7.5 }] }, 'grades[0].grade'],
      [{ grades: [{ valueId, grade: '8' }] }, 'grades[0].grade'],
      [{ grades: [{ valueId: other.valueId, grade: 8 }] }, 'grades[0].valueId'],
      [
        {
          grades: [
            { valueId, grade: 8 },
            { valueId, grade: 9 },
          ],
        },
        'grades[1].valueId',
      ],
      [{ grades: [] }, 'grades'],
      [{ grades: [{ valueId, grade: 8 }], nps: 11 }, 'nps'],
      [{ grades: [{ valueId, grade: 8 }], nps: 9 }, 'nps'],
      [{ grades: [{ valueId, grade: 8 }], comment: 'Prima' }, 'comment'],
      [{ grades: [{ valueId, grade: 8 }], overallGrade: 0 }, 'overallGrade'],
      [{ grades: [{ valueId, grade: 8 }], email: 'x@y.z' }, 'email'],
    ];
    const outcomes = [];
    for (const [body] of cases) {
      const res = await customer.post(`/api/respond/${token}`, body);
      outcomes.push(`${res.status} ${fieldsOf(res.body)[0]}`);
    }
    expect(outcomes).toEqual(cases.map(([, field]) => `400 ${field}`));
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1`, [survey.id]),
    ).toBe(0);

    // Forged, unknown and malformed links all answer the same neutral 404.
    for (const bad of ['x'.repeat(43), token.slice(0, -2) + 'AA', 'kort', 'x'.repeat(100)]) {
      const res = await customer.post(`/api/respond/${bad}`, { grades: [{ valueId, grade: 8 }] });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('link_not_found');
      expect(JSON.stringify(res.body)).not.toMatch(/stack|survey_invitations/);
    }
    expect((await customer.get(`/api/respond/open/doesnotexist0000`)).status).toBe(404);
    // Still answerable after all that: nothing was used up.
    expect((await customer.post(`/api/respond/${token}`, { grades: [{ valueId, grade: 8 }] })).status).toBe(
      204,
    );
    expect((await customer.post(`/api/respond/${token}`, { grades: [{ valueId, grade: 8 }] })).status).toBe(
      409,
    );
  });

  it('refuses a contact list with bad addresses whole, naming the lines', async () => {
    const { versionId, hr } = await setUp('Csv');
    const survey = await createSurvey(hr, versionId);
    const file = csv('goed@klant.test', 'geen-adres', 'ook@goed.test;Onbekend segment', 'x@y.test;;;fr');
    const res = await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, file);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('contacts_have_errors');
    expect(fieldsOf(res.body)).toEqual(['line 3.email', 'line 4.segment', 'line 5.locale']);
    expect(res.body.preview).toMatchObject({ new: 1, errors: 3 });
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_contacts WHERE survey_id = $1`, [survey.id]),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM survey_waves WHERE survey_id = $1`, [survey.id])).toBe(
      0,
    );
    const noEmail = await hr.upload(`/api/surveys/${survey.id}/contacts`, 'naam;team\nJan;A');
    expect(noEmail.status).toBe(400);
    expect(fieldsOf(noEmail.body)).toEqual(['file']);
    // Windows-1252 from Dutch Excel is read too.
    const latin = Buffer.from('email;segment\nrenée@café.test;\n', 'latin1');
    const preview = await hr.upload(`/api/surveys/${survey.id}/contacts/preview`, latin);
    expect(preview.body.rows[0].email).toBe('renée@café.test');
  });

  it('validates surveys: a published version of the own organisation, a touchpoint of its journey, dates', async () => {
    const { world, versionId, hr } = await setUp('Enquete');
    const foreign = await surveyWorld(api, 'Vreemde enquete');
    organisations.push(foreign.world.organisationId);
    const [journey] = await api.db.query(
      `INSERT INTO customer_journeys (organisation_id, name) VALUES ($1, 'Verhuizen') RETURNING id`,
      [world.organisationId],
    );
    const [other] = await api.db.query(
      `INSERT INTO customer_journeys (organisation_id, name) VALUES ($1, 'Reparatie') RETURNING id`,
      [world.organisationId],
    );
    const [touchpoint] = await api.db.query(
      `INSERT INTO journey_touchpoints (organisation_id, journey_id, position, name, channel) VALUES ($1, $2, 0, 'Bellen', 'phone') RETURNING id`,
      [world.organisationId, other.id],
    );
    const cases: [Record<string, unknown>, string][] = [
      [{ valuesVersionId: foreign.versionId }, 'valuesVersionId'],
      [{ name: '' }, 'name'],
      [{ journeyId: journey.id, touchpointId: touchpoint.id }, 'touchpointId'],
      [{ teamId: foreign.world.teamId }, 'teamId'],
      [{ windowDays: 0 }, 'windowDays'],
      [{ schedule: { cron: 'elke maandag', timeZone: 'Europe/Amsterdam' } }, 'schedule.cron'],
      [{ schedule: { cron: '0 9 * * 1', timeZone: 'Mars/Olympus' } }, 'schedule.timeZone'],
      [{ opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-11-01T00:00:00Z' }, 'closesAt'],
      [{ unknown: true }, 'unknown'],
    ];
    const outcomes = [];
    for (const [extra] of cases) {
      const res = await hr.post('/api/surveys', { name: 'Enquete', valuesVersionId: versionId, ...extra });
      outcomes.push(`${res.status} ${fieldsOf(res.body)[0]}`);
    }
    expect(outcomes).toEqual(cases.map(([, field]) => `400 ${field}`));
    expect(
      await count(`SELECT count(*)::int AS n FROM surveys WHERE organisation_id = $1`, [
        world.organisationId,
      ]),
    ).toBe(0);
    // A touchpoint alone brings its journey along.
    const ok = await createSurvey(hr, versionId, { touchpointId: touchpoint.id });
    expect((await hr.get(`/api/surveys/${ok.id}`)).body).toMatchObject({
      journeyId: other.id,
      touchpointId: touchpoint.id,
    });
    const closed = await hr.post(`/api/surveys/${ok.id}/close`, {});
    expect(closed.body).toMatchObject({ status: 'closed', openLink: null });
    expect((await hr.patch(`/api/surveys/${ok.id}`, { name: 'Nieuw' })).status).toBe(409);
    expect((await hr.upload(`/api/surveys/${ok.id}/contacts`, csv('a@b.test'))).status).toBe(409);
  });

  it('shows comments only from groups at or above the comment minimum', async () => {
    const { world, versionId, valueId, hr } = await setUp('Opmerkingen');
    const survey = await createSurvey(hr, versionId);
    const code = survey.openLink.split('/').pop()!;
    const answer = (comment: string) =>
      new HttpClient(api.url).post(`/api/respond/open/${code}`, { grades: [{ valueId, grade: 8 }], comment });
    for (const text of ['Heel vriendelijk', 'Snel geholpen', 'Goed', 'Duidelijk'])
      expect((await answer(text)).status).toBe(204);
    const few = await hr.get(`/api/surveys/${survey.id}/comments`);
    expect(few.body).toEqual({ minimum: 5, comments: [], withheld: [{ group: 'open', responses: 4 }] });
    await answer('Prima');
    const enough = await hr.get(`/api/surveys/${survey.id}/comments`);
    expect(enough.body.comments.map((c: { text: string }) => c.text).sort()).toEqual([
      'Duidelijk',
      'Goed',
      'Heel vriendelijk',
      'Prima',
      'Snel geholpen',
    ]);
    expect(enough.body.withheld).toEqual([]);
    expect(world.organisationId).toBeTruthy();
  });

  it('keeps surveys to HR and admins, API keys to admins, and other organisations out', async () => {
    const { world, versionId, hr } = await setUp('Rollen');
    const survey = await createSurvey(hr, versionId);
    const as = (role: 'manager' | 'employee') =>
      new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD);
    for (const role of ['manager', 'employee'] as const) {
      const client = await as(role);
      expect((await client.get('/api/surveys')).status).toBe(403);
      expect((await client.get(`/api/surveys/${survey.id}/comments`)).status).toBe(403);
      expect((await client.post('/api/api-keys', { name: 'x' })).status).toBe(403);
    }
    expect((await hr.post('/api/api-keys', { name: 'x' })).status).toBe(403);
    const foreign = await surveyWorld(api, 'Buitenstaander');
    organisations.push(foreign.world.organisationId);
    expect((await foreign.hr.get(`/api/surveys/${survey.id}`)).status).toBe(404);
    expect((await foreign.hr.upload(`/api/surveys/${survey.id}/contacts`, csv('a@b.test'))).status).toBe(404);
    expect((await foreign.hr.get('/api/surveys')).body).toEqual([]);
  });

  it('rate-limits the public answer endpoints per IP', async () => {
    const limited = await startApi({
      PUBLIC_LIMIT_PER_IP: '3',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-survey-limit`,
    });
    try {
      const visitor = new HttpClient(limited.url);
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await visitor.get('/api/respond/open/unknowncode000')).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
