import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { KpiRollupsService, RoundsService, WavesService } from '@wk/api-testing';
import type { KpiReport } from '@wk/contracts';
import { TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createSurvey, csv, linkFromOutbox, surveyWorld, tokenOf } from '../support/surveys';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const answers = (valueId: string, grade = 8) => ({ grades: [{ valueId, grade }] });

/**
 * Issue 18, everyday gaps: HR closes a round or a wave early; a contact list carries each contact's
 * journey and touchpoint; an API key reads a survey's value keys; the outbox names a mail's round or wave.
 * No SMTP: mails stay held in the outbox, where the tests read them.
 */
describe('everyday gaps', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-everyday`;
  let api: RunningApi;
  const organisations: string[] = [];

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined, QUEUE_PREFIX: prefix });
  });
  afterAll(async () => {
    await api.db.query(`UPDATE surveys SET status = 'closed' WHERE organisation_id = ANY($1::uuid[])`, [
      organisations,
    ]);
    await api.db.query(
      `UPDATE assessment_cycles SET status = 'archived' WHERE organisation_id = ANY($1::uuid[])`,
      [organisations],
    );
    await api.close();
  });

  async function setUp(name: string) {
    const ctx = await surveyWorld(api, name);
    organisations.push(ctx.world.organisationId);
    return ctx;
  }

  /** A cycle over the organisation's team and a round opened now, its invitations stored (held). */
  async function openRound(hr: HttpClient, world: World, versionId: string) {
    const cycle = await hr.post('/api/cycles', {
      name: 'Kwartaalmeting',
      valuesVersionId: versionId,
      teamIds: [world.teamId],
      cron: '0 9 1 1 *',
      reminderDays: [1],
    });
    expect(cycle.status).toBe(201);
    const round = await hr.post(`/api/cycles/${cycle.body.id}/rounds`, {});
    expect(round.status).toBe(201);
    // No worker here: the fan-out runs in-process.
    await api.app.get(RoundsService).fanOut(round.body.id);
    return { cycle: cycle.body as { id: string; name: string }, round: round.body as { id: string } };
  }

  const closedAt = async (table: 'assessment_rounds' | 'survey_waves', id: string) =>
    (await api.db.query(`SELECT closed_at FROM ${table} WHERE id = $1`, [id]))[0].closed_at as Date | null;
  const mailCount = async (organisationId: string, kind: string) =>
    (
      await api.db.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1 AND kind = $2`,
        [organisationId, kind],
      )
    )[0].n as number;

  describe('closing early', () => {
    it('closes a round now: idempotent, KPIs refresh, no reminder after it, the scheduled close does nothing', async () => {
      const { world, versionId, hr } = await setUp('Vroeg dicht');
      const { cycle, round } = await openRound(hr, world, versionId);
      const insights: Queue = api.app.get(getQueueToken('insights'));
      await insights.remove(`kpi-round-${round.id}`);

      const closed = await hr.post(`/api/rounds/${round.id}/close`, {});
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ id: round.id, closed: true });
      const at = await closedAt('assessment_rounds', round.id);
      expect(at).not.toBeNull();
      // The close job's own path: the round's KPI refresh is queued.
      expect(await insights.getJob(`kpi-round-${round.id}`)).toBeDefined();

      // Closing again answers 200 with the round unchanged.
      const again = await hr.post(`/api/rounds/${round.id}/close`, {});
      expect(again.status).toBe(200);
      expect(again.body).toEqual(closed.body);
      expect(await closedAt('assessment_rounds', round.id)).toEqual(at);

      // The scheduled reminder and close jobs that still fire change nothing.
      const rounds = api.app.get(RoundsService);
      const reminders = await mailCount(world.organisationId, 'assessment-reminder');
      expect(await rounds.remind(round.id, Date.now())).toBe(0);
      expect(await mailCount(world.organisationId, 'assessment-reminder')).toBe(reminders);
      expect(await rounds.close(round.id)).toBe(false);
      expect(await closedAt('assessment_rounds', round.id)).toEqual(at);
      expect((await hr.post(`/api/rounds/${round.id}/reminders`, {})).body.code).toBe('round_closed');

      // The cycle may open its next round at once.
      expect((await hr.post(`/api/cycles/${cycle.id}/rounds`, {})).status).toBe(201);
    });

    it('refuses closing a round to other roles and organisations', async () => {
      const { world, versionId, hr } = await setUp('Vroeg dicht rechten');
      const { round } = await openRound(hr, world, versionId);
      const employee = await new HttpClient(api.url).login(world.users.employee.email, TEST_PASSWORD);
      expect((await employee.post(`/api/rounds/${round.id}/close`, {})).status).toBe(403);
      const other = await setUp('Ander');
      expect((await other.hr.post(`/api/rounds/${round.id}/close`, {})).status).toBe(404);
      expect((await hr.post(`/api/rounds/not-a-uuid/close`, {})).status).toBe(404);
      expect(await closedAt('assessment_rounds', round.id)).toBeNull();
    });

    it('closes a wave now: idempotent, no reminder after it, the scheduled close does nothing', async () => {
      const { world, versionId, hr } = await setUp('Golf dicht');
      const survey = await createSurvey(hr, versionId);
      const sent = await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, csv('bo@klant.test'));
      const waveId = sent.body.wave.id as string;
      const link = await linkFromOutbox(api.db, world.organisationId, 'bo@klant.test');

      const closed = await hr.post(`/api/waves/${waveId}/close`, {});
      expect(closed.status).toBe(200);
      expect(closed.body.closedAt).not.toBeNull();
      const again = await hr.post(`/api/waves/${waveId}/close`, {});
      expect(again.status).toBe(200);
      expect(again.body.closedAt).toBe(closed.body.closedAt);

      const waves = api.app.get(WavesService);
      expect(await waves.remind(waveId)).toBe(0);
      expect(await mailCount(world.organisationId, 'survey-reminder')).toBe(0);
      expect((await hr.post(`/api/waves/${waveId}/reminder`, {})).body.code).toBe('already_reminded');
      const at = await closedAt('survey_waves', waveId);
      await waves.close(waveId);
      expect(await closedAt('survey_waves', waveId)).toEqual(at);
      expect((await new HttpClient(api.url).get(`/api/respond/${tokenOf(link)}`)).status).toBe(410);
    });
  });

  describe('contact lists with journey and touchpoint', () => {
    /** Journey "Verhuizen" (Website, Bellen) and "Klacht" (Bellen): "Bellen" is in both. */
    async function journeys(hr: HttpClient) {
      const moving = await hr.post('/api/journeys', {
        name: 'Verhuizen',
        teamIds: [],
        touchpoints: [
          { name: 'Website', channel: 'website' },
          { name: 'Bellen', channel: 'phone' },
        ],
      });
      const complaint = await hr.post('/api/journeys', {
        name: 'Klacht',
        teamIds: [],
        touchpoints: [
          { name: 'Bellen', channel: 'phone' },
          { name: 'Balie', channel: 'desk' },
        ],
      });
      expect([moving.status, complaint.status]).toEqual([201, 201]);
      return { moving: moving.body, complaint: complaint.body };
    }

    it('names the line and column of an unknown or ambiguous journey or touchpoint', async () => {
      const { hr, versionId } = await setUp('Contactmoment fout');
      await journeys(hr);
      const survey = await createSurvey(hr, versionId);
      const file = [
        'E-mail;Klantreis;Contactmoment',
        'a@klant.test;Verhuizen;bellen',
        'b@klant.test;;Balie',
        'c@klant.test;Onbekend;',
        'd@klant.test;;Bellen',
        'e@klant.test;Klacht;Website',
        'f@klant.test;;Loket',
      ].join('\n');
      const preview = await hr.upload(`/api/surveys/${survey.id}/contacts/preview`, file);
      expect(preview.status).toBe(200);
      expect(
        preview.body.rows.map((r: { line: number; status: string; errors: { field: string }[] }) => [
          r.line,
          r.status,
          r.errors.map((e) => e.field),
        ]),
      ).toEqual([
        [2, 'new', []],
        [3, 'new', []],
        [4, 'error', ['journey']],
        [5, 'error', ['touchpoint']],
        [6, 'error', ['touchpoint']],
        [7, 'error', ['touchpoint']],
      ]);
      expect(preview.body.rows[0]).toMatchObject({ journey: 'Verhuizen', touchpoint: 'bellen' });
      expect(preview.body.rows[3].errors[0].message).toMatch(/several journeys/);
      const refused = await hr.upload(`/api/surveys/${survey.id}/contacts`, file);
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual([
        'line 4.journey',
        'line 5.touchpoint',
        'line 6.touchpoint',
        'line 7.touchpoint',
      ]);
    });

    it("carries each contact's touchpoint to the answer, over the survey's, and counts it there in insights", async () => {
      const { world, hr, versionId, valueId } = await setUp('Contactmoment');
      const { moving, complaint } = await journeys(hr);
      const [website, bellen] = moving.touchpoints as { id: string }[];
      const [complaintCall] = complaint.touchpoints as { id: string }[];
      const survey = await createSurvey(hr, versionId, {
        journeyId: moving.id,
        touchpointId: website.id,
      });
      const calls = ['a', 'b', 'c', 'd', 'e'].map((n) => `${n}@klant.test`);
      const file = [
        'email;journey;touchpoint',
        ...calls.map((e) => `${e};Verhuizen;Bellen`),
        'web@klant.test;;',
        'klacht@klant.test;Klacht;Bellen',
        'balie@klant.test;;Balie',
        'reis@klant.test;Klacht;',
      ].join('\n');
      const sent = await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, file);
      expect([sent.status, sent.body]).toEqual([201, expect.anything()]);
      expect(sent.body).toMatchObject({ added: 9, wave: { invited: 9 } });

      const customer = new HttpClient(api.url);
      for (const email of [
        ...calls,
        'web@klant.test',
        'klacht@klant.test',
        'balie@klant.test',
        'reis@klant.test',
      ]) {
        const link = await linkFromOutbox(api.db, world.organisationId, email);
        expect((await customer.post(`/api/respond/${tokenOf(link)}`, answers(valueId))).status).toBe(204);
      }
      const stored: { journey_id: string | null; touchpoint_id: string | null; n: number }[] =
        await api.db.query(
          `SELECT journey_id, touchpoint_id, count(*)::int AS n FROM survey_responses
            WHERE survey_id = $1 GROUP BY 1, 2 ORDER BY n DESC, touchpoint_id NULLS LAST`,
          [survey.id],
        );
      const balie = (complaint.touchpoints as { id: string }[])[1];
      expect(stored).toEqual(
        expect.arrayContaining([
          { journey_id: moving.id, touchpoint_id: bellen.id, n: 5 },
          { journey_id: moving.id, touchpoint_id: website.id, n: 1 }, // no columns: the survey's
          { journey_id: complaint.id, touchpoint_id: complaintCall.id, n: 1 },
          { journey_id: complaint.id, touchpoint_id: balie.id, n: 1 }, // unique name: its journey follows
          { journey_id: complaint.id, touchpoint_id: null, n: 1 }, // another journey: not the survey's touchpoint
        ]),
      );
      expect(stored).toHaveLength(5);

      await api.app.get(KpiRollupsService).rebuild(world.organisationId);
      const report = await hr.get(
        `/api/insights/kpis?period=quarter&breakdown=touchpoint&journeyId=${moving.id}`,
      );
      expect(report.status).toBe(200);
      const body = report.body as KpiReport;
      const latest = body.periods[body.periods.length - 1];
      const row = body.rows.find(
        (r) => r.period === latest && r.group.id === bellen.id && r.valueKey === 'betrouwbaar',
      );
      expect(row?.customer).toMatchObject({ n: 5 });
    });
  });

  describe('an API key reads the value keys of a survey', () => {
    it("returns the survey's questions with keys and both languages, only within the key's organisation", async () => {
      const { admin, hr, versionId } = await setUp('Sleutels');
      const survey = await createSurvey(hr, versionId, { askNps: true });
      const key = (await admin.post('/api/api-keys', { name: 'CRM' })).body.key as string;
      const crm = (path: string, bearer = key) =>
        new HttpClient(api.url).request('GET', path, undefined, { authorization: `Bearer ${bearer}` });

      const read = await crm(`/api/v1/surveys/${survey.id}`);
      expect(read.status).toBe(200);
      const values: { id: string; key: string; name_nl: string; name_en: string }[] = await api.db.query(
        `SELECT id, key, name_nl, name_en FROM experience_values WHERE version_id = $1 ORDER BY position`,
        [versionId],
      );
      expect(read.body).toMatchObject({
        id: survey.id,
        name: 'Klantbeleving',
        status: 'active',
        askNps: true,
      });
      expect(read.body.questions).toEqual(
        values.map((v) => ({
          valueId: v.id,
          key: v.key,
          name: { nl: v.name_nl, en: v.name_en || v.name_nl },
          question: { nl: expect.stringContaining('herkent u'), en: expect.stringContaining('recognise') },
        })),
      );

      // Another organisation's survey is unknown to this key; a session is no key.
      const other = await setUp('Andere sleutels');
      const foreign = await createSurvey(other.hr, other.versionId);
      expect((await crm(`/api/v1/surveys/${foreign.id}`)).status).toBe(404);
      expect((await crm(`/api/v1/surveys/not-a-uuid`)).status).toBe(404);
      expect((await crm(`/api/v1/surveys/${survey.id}`, 'wk_not-a-key')).status).toBe(401);
      expect((await admin.get(`/api/v1/surveys/${survey.id}`)).status).toBe(401);
    });
  });

  describe('the outbox names the round or wave of a mail', () => {
    it('shows the round (cycle, opening) and the wave (survey, opening) and filters by either', async () => {
      const { world, versionId, hr, admin } = await setUp('Postvak');
      const { cycle, round } = await openRound(hr, world, versionId);
      const survey = await createSurvey(hr, versionId, { name: 'Na de verhuizing' });
      const sent = await hr.upload(`/api/surveys/${survey.id}/contacts?send=true`, csv('zo@klant.test'));
      const wave = sent.body.wave as { id: string; opensAt: string };
      const [{ opens_at: roundOpensAt }] = await api.db.query(
        `SELECT opens_at FROM assessment_rounds WHERE id = $1`,
        [round.id],
      );

      const all = await admin.get('/api/outbox?limit=200');
      expect(all.status).toBe(200);
      type Item = { id: string; kind: string; round: unknown; wave: unknown };
      const items = all.body.items as Item[];
      const invites = items.filter((m) => m.kind === 'assessment-invite');
      expect(invites.length).toBeGreaterThan(0);
      for (const m of invites)
        expect(m.round).toEqual({
          id: round.id,
          cycleId: cycle.id,
          cycleName: 'Kwartaalmeting',
          opensAt: new Date(roundOpensAt).toISOString(),
        });
      const waveMail = items.find((m) => m.kind === 'survey-invite')!;
      expect(waveMail).toMatchObject({
        round: null,
        wave: { id: wave.id, surveyId: survey.id, surveyName: 'Na de verhuizing', opensAt: wave.opensAt },
      });
      // Other mails (an account invitation, a password reset) belong to neither.
      for (const m of items.filter((i) => !i.kind.startsWith('assessment-') && !i.kind.startsWith('survey-')))
        expect([m.round, m.wave]).toEqual([null, null]);

      const byRound = await admin.get(`/api/outbox?roundId=${round.id}`);
      expect(byRound.body.total).toBe(invites.length);
      expect(byRound.body.items.map((m: Item) => m.id).sort()).toEqual(invites.map((m) => m.id).sort());
      const byWave = await admin.get(`/api/outbox?waveId=${wave.id}`);
      expect(byWave.body.items.map((m: Item) => m.id)).toEqual([waveMail.id]);
      expect((await admin.get(`/api/outbox/${waveMail.id}`)).body.wave).toEqual(waveMail.wave);
      expect(fieldsOf((await admin.get('/api/outbox?roundId=nope')).body)).toEqual(['roundId']);
      // Another organisation's round filters to nothing.
      const other = await setUp('Ander postvak');
      expect((await other.admin.get(`/api/outbox?roundId=${round.id}`)).body).toMatchObject({
        total: 0,
        items: [],
      });
    });
  });
});
