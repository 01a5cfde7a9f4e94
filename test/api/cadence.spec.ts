import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { RoundsService } from '@wk/api-testing';
import type { World } from '../support/factories';
import { allMailSent, closeApiWithWorker, startApiWithWorker } from '../support/api-with-worker';
import { eventually, RunningApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { archiveCycles, cycleWorld } from '../support/rounds';
import { SmtpSink } from '../support/smtp-sink';
import { createSurvey, csv } from '../support/surveys';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const messageOf = (body: { errors?: { message: string }[] }) => body.errors?.[0]?.message ?? '';
/** Once a year: far enough away that only the test opens rounds. */
const YEARLY = '0 9 1 1 *';

describe('cadences and overlapping rounds (issue 12)', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-cadence`;
  const smtp = new SmtpSink();
  let api: RunningApi;
  let worker: INestApplicationContext;
  const organisations: string[] = [];

  beforeAll(async () => {
    ({ api, worker } = await startApiWithWorker(smtp, prefix));
  });
  afterAll(async () => {
    await archiveCycles(api.db, organisations);
    await closeApiWithWorker({ api, worker, smtp });
  });

  const setUp = (name: string) => cycleWorld(api, name, organisations);

  async function createCycle(hr: HttpClient, world: World, versionId: string) {
    const res = await hr.post('/api/cycles', {
      name: 'Kwartaalmeting',
      valuesVersionId: versionId,
      teamIds: [world.teamId],
      cron: YEARLY,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }

  const roundsOf = (cycleId: string) =>
    api.db.query(`SELECT id, closed_at FROM assessment_rounds WHERE cycle_id = $1`, [cycleId]);

  /** Waits until every mail of the organisation is delivered. */
  const allSent = (organisationId: string) => allMailSent(api, organisationId, 20_000);

  it('refuses a seconds field and a cadence more often than daily, for cycles and surveys, naming the field', async () => {
    const { world, values, hr } = await setUp('Ritme');
    const base = { name: 'Meting', valuesVersionId: values.versionId };
    for (const cron of ['* * * * * *', '*/2 * * * * *', '0 0 9 * * 1']) {
      const res = await hr.post('/api/cycles', { ...base, cron });
      expect([res.status, fieldsOf(res.body)]).toEqual([400, ['cron']]);
      expect(messageOf(res.body)).toContain('seconds field is not allowed');
    }
    for (const cron of ['* * * * *', '*/30 * * * *', '0 9,17 * * 1-5', '0 */6 * * *']) {
      const res = await hr.post('/api/cycles', { ...base, cron });
      expect([res.status, fieldsOf(res.body)]).toEqual([400, ['cron']]);
      expect(messageOf(res.body)).toContain('at most once a day');
    }
    const cycle = await createCycle(hr, world, values.versionId);
    const patched = await hr.patch(`/api/cycles/${cycle.id}`, { cron: '*/5 * * * *' });
    expect([patched.status, fieldsOf(patched.body)]).toEqual([400, ['cron']]);
    expect((await hr.patch(`/api/cycles/${cycle.id}`, { cron: '0 9 * * *' })).status).toBe(200);

    for (const cron of ['*/2 * * * * *', '0 * * * *']) {
      const res = await hr.post('/api/surveys', {
        name: 'Klantbeleving',
        valuesVersionId: values.versionId,
        schedule: { cron, timeZone: 'Europe/Amsterdam' },
      });
      expect([res.status, fieldsOf(res.body)]).toEqual([400, ['schedule.cron']]);
    }
    const [{ n }] = await api.db.query(
      `SELECT (SELECT count(*) FROM assessment_cycles WHERE organisation_id = $1)::int
            + (SELECT count(*) FROM surveys WHERE organisation_id = $1)::int AS n`,
      [world.organisationId],
    );
    expect(n).toBe(1);
  });

  it('tells HR how many people a round would invite', async () => {
    const { world, values, hr } = await setUp('Publiek');
    const cycle = await createCycle(hr, world, values.versionId);
    const res = await hr.get(`/api/cycles/${cycle.id}/audience`);
    expect([res.status, res.body]).toEqual([200, { people: 2 }]);
    const everyone = await hr.post('/api/cycles', {
      name: 'Iedereen',
      valuesVersionId: values.versionId,
      cron: YEARLY,
    });
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM users WHERE organisation_id = $1 AND status <> 'deactivated'`,
      [world.organisationId],
    );
    expect((await hr.get(`/api/cycles/${everyone.body.id}/audience`)).body).toEqual({ people: n });
  });

  it('"open now" clicked twice at once opens one round and mails each person once; again while open is 409', async () => {
    const { world, values, hr } = await setUp('Dubbel');
    const cycle = await createCycle(hr, world, values.versionId);
    const [a, b] = await Promise.all([
      hr.post(`/api/cycles/${cycle.id}/rounds`, {}),
      hr.post(`/api/cycles/${cycle.id}/rounds`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body).toMatchObject({ code: 'round_open' });
    expect(await roundsOf(cycle.id)).toHaveLength(1);

    const audience = [world.users.employee.email, world.teamMember.email];
    await eventually(async () => audience.every((email) => smtp.to(email).length >= 1), 20_000);
    const again = await hr.post(`/api/cycles/${cycle.id}/rounds`, {});
    expect([again.status, again.body.code]).toEqual([409, 'round_open']);
    await allSent(world.organisationId);
    for (const email of audience) expect(smtp.to(email)).toHaveLength(1);
    expect(await roundsOf(cycle.id)).toHaveLength(1);

    // Once the round has closed, the next one may open.
    await api.app.get(RoundsService).close((await roundsOf(cycle.id))[0].id);
    expect((await hr.post(`/api/cycles/${cycle.id}/rounds`, {})).status).toBe(201);
    expect(await roundsOf(cycle.id)).toHaveLength(2);
  });

  it('a scheduled firing while a round is open opens nothing, and its job completes instead of retrying', async () => {
    const { world, values, hr } = await setUp('Overlap');
    const cycle = await createCycle(hr, world, values.versionId);
    expect((await hr.post(`/api/cycles/${cycle.id}/rounds`, {})).status).toBe(201);
    await eventually(async () => smtp.to(world.users.employee.email).length === 1, 20_000);
    const queue = worker.get<Queue>(getQueueToken('assessments'));
    const job = await queue.add('open-round', {
      cycleId: cycle.id,
      scheduledFor: Date.parse('2027-01-01T08:00:00Z'),
    });
    await eventually(async () => (await queue.getJobState(job.id!)) === 'completed', 20_000);
    expect((await queue.getJob(job.id!))!.returnvalue).toBeNull();
    expect(await roundsOf(cycle.id)).toHaveLength(1);
    await allSent(world.organisationId);
    expect(smtp.to(world.users.employee.email)).toHaveLength(1);
  });

  it('invites in batches without holding the cycle row, once per person even when run again', async () => {
    const { world, values, hr } = await setUp('Waaier');
    await api.db.query(
      `INSERT INTO users (organisation_id, email, name, status, team_id)
       SELECT $1, 'waaier' || g || '@example.test', 'Medewerker ' || g, 'active', $2 FROM generate_series(1, 248) g`,
      [world.organisationId, world.teamId],
    );
    const cycle = await createCycle(hr, world, values.versionId);
    const rounds = api.app.get(RoundsService);
    const started = await rounds.startRound(cycle.id, new Date('2026-04-06T07:00:00Z'));
    if (started.status !== 'opened') throw new Error(`round not opened: ${started.status}`);

    // Another transaction holds the cycle row (as archiving does) the whole time: the fan-out needs it not.
    const holder = api.db.createQueryRunner();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM assessment_cycles WHERE id = $1 FOR UPDATE`, [cycle.id]);
    try {
      const [first, second] = await Promise.all([
        rounds.fanOut(started.roundId, 60),
        rounds.fanOut(started.roundId, 60),
      ]);
      expect(first + second).toBe(250);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await rounds.fanOut(started.roundId, 60)).toBe(0);
    const [counts] = await api.db.query(
      `SELECT count(*)::int AS invitations, count(DISTINCT user_id)::int AS people,
              (SELECT count(*)::int FROM outbox_messages o WHERE o.organisation_id = $1 AND o.kind = 'assessment-invite') AS mails
         FROM assessment_invitations WHERE round_id = $2`,
      [world.organisationId, started.roundId],
    );
    expect(counts).toEqual({ invitations: 250, people: 250, mails: 250 });
    await eventually(async () => smtp.to('waaier248@example.test').length === 1, 30_000);
  });

  it('survey waves: "send now" twice at once sends one wave, each contact asked once', async () => {
    const { world, values, hr } = await setUp('Golf');
    const survey = await createSurvey(hr, values.versionId);
    const upload = await hr.upload(
      `/api/surveys/${survey.id}/contacts?send=false`,
      csv('ans@klant.test', 'bram@klant.test'),
    );
    expect(upload.body).toMatchObject({ added: 2, wave: null });
    const [a, b] = await Promise.all([
      hr.post(`/api/surveys/${survey.id}/waves`, {}),
      hr.post(`/api/surveys/${survey.id}/waves`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body).toMatchObject({ code: 'no_pending_contacts' });
    await allSent(world.organisationId);
    for (const email of ['ans@klant.test', 'bram@klant.test']) expect(smtp.to(email)).toHaveLength(1);
  });
});
