import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { RoundsService } from '@wk/api-testing';
import { createPublishedValueSet, createUser, TEST_PASSWORD, World } from '../support/factories';
import { allMailSent, closeApiWithWorker, startApiWithWorker } from '../support/api-with-worker';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { archiveCycles, cycleWorld } from '../support/rounds';
import { linkIn, SmtpSink } from '../support/smtp-sink';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
/** Once a year: far enough away that only "open a round now" opens rounds in these tests. */
const YEARLY = '0 9 1 1 *';

describe('self-assessment cycles', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-cycles`;
  const smtp = new SmtpSink();
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    ({ api, worker } = await startApiWithWorker(smtp, prefix));
  });
  afterAll(async () => {
    // Stop the cycles these tests made (only those: other files share the database), so no worker
    // elsewhere keeps firing them.
    await archiveCycles(api.db, organisations);
    await closeApiWithWorker({ api, worker, smtp });
  });

  const organisations: string[] = [];

  const setUp = (name: string) => cycleWorld(api, name, organisations);

  async function createCycle(hr: HttpClient, world: World, versionId: string, cron = YEARLY) {
    const res = await hr.post('/api/cycles', {
      name: 'Kwartaalmeting',
      valuesVersionId: versionId,
      teamIds: [world.teamId],
      cron,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** The token of the personal link in the newest mail to `email`. */
  const tokenFor = (email: string) => {
    const mails = smtp.to(email);
    return linkIn(mails[mails.length - 1])
      .pathname.split('/')
      .pop()!;
  };

  it('fires on its cadence: each round mails everyone in the audience exactly once', async () => {
    const { world, values, hr } = await setUp('Cadans');
    const cycle = await createCycle(hr, world, values.versionId, '0 9 * * *');
    expect(cycle).toMatchObject({
      status: 'active',
      windowDays: 14,
      reminderDays: [7],
      timeZone: 'Europe/Amsterdam',
    });
    expect(Date.parse(cycle.nextRunAt)).toBeGreaterThan(Date.now() - 1000);
    const queue = worker!.get<Queue>(getQueueToken('assessments'));
    expect(await queue.getJobScheduler(`cycle-${cycle.id}`)).toMatchObject({ pattern: '0 9 * * *' });

    // A firing of the schedule (at most daily, so the test fires it instead of waiting a day).
    await queue.add('open-round', { cycleId: cycle.id, scheduledFor: Date.parse('2026-04-06T07:00:00Z') });
    // The audience is the chosen team and its sub-teams: the employee and the team member.
    const audience = [world.users.employee.email, `${world.teamMember.email}`];
    await eventually(async () => audience.every((email) => smtp.to(email).length >= 1), 20_000);
    const paused = await hr.post(`/api/cycles/${cycle.id}/pause`, {});
    expect(paused.body).toMatchObject({ status: 'paused', nextRunAt: null });
    expect(await queue.getJobScheduler(`cycle-${cycle.id}`)).toBeUndefined();
    await eventually(async () => {
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1 AND status <> 'sent'`,
        [world.organisationId],
      );
      return n === 0;
    });

    const rounds = (await hr.get(`/api/cycles/${cycle.id}/rounds`)).body;
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ invited: 2, completed: 0, closed: false });
    for (const email of audience) expect(smtp.to(email)).toHaveLength(1);
    for (const email of [world.users.manager.email, world.outsider.email, world.users.hr.email])
      expect(smtp.to(email)).toHaveLength(0);
    expect(smtp.to(world.users.employee.email)[0].subject).toBe(
      'Kwartaalmeting: hoe laat jij onze waarden zien?',
    );
  });

  it('lets the employee answer through the link, reminds only who has not completed, and refuses late answers', async () => {
    const { world, values, hr } = await setUp('Ronde');
    const cycle = await createCycle(hr, world, values.versionId);
    const round = await hr.post(`/api/cycles/${cycle.id}/rounds`, {});
    expect(round.status).toBe(201);
    // The invitations go out from the worker.
    expect(round.body).toMatchObject({ completed: 0, closed: false });
    await eventually(async () => smtp.to(world.users.employee.email).length === 1);
    const token = tokenFor(world.users.employee.email);
    const anonymous = new HttpClient(api.url);

    const form = await anonymous.get(`/api/self-assessments/${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      cycleName: 'Kwartaalmeting',
      closed: false,
      completedAt: null,
      answers: {},
    });
    expect(form.body.values[0].behaviours).toEqual([
      { id: values.behaviourId, key: 'betrouwbaar-1', textNl: 'kom gemaakte afspraken na', textEn: '' },
    ]);

    // Submitting with a behaviour unanswered is refused; autosave then submit works.
    expect((await anonymous.post(`/api/self-assessments/${token}/submit`, {})).body).toMatchObject({
      statusCode: 400,
      code: 'incomplete',
    });
    const saved = await anonymous.put(`/api/self-assessments/${token}/answers`, {
      answers: [{ behaviourId: values.behaviourId, level: 3 }],
    });
    expect(saved.body.answers).toEqual({ [values.behaviourId]: 3 });
    // The optional example per value: stored, kept by a save without examples, removed when emptied.
    const example = { valueId: values.valueId, text: '  Ik belde een huurder terug zoals beloofd. ' };
    expect(
      (await anonymous.put(`/api/self-assessments/${token}/answers`, { answers: [], examples: [example] }))
        .body.examples,
    ).toEqual({ [values.valueId]: 'Ik belde een huurder terug zoals beloofd.' });
    expect((await anonymous.get(`/api/self-assessments/${token}`)).body.examples).toEqual({
      [values.valueId]: 'Ik belde een huurder terug zoals beloofd.',
    });
    expect(
      (
        await anonymous.put(`/api/self-assessments/${token}/answers`, {
          answers: [],
          examples: [{ ...example, text: '' }],
        })
      ).body.examples,
    ).toEqual({});
    const done = await anonymous.post(`/api/self-assessments/${token}/submit`, {});
    expect(done.status).toBe(200);
    expect(done.body.completedAt).not.toBeNull();
    // Still changeable until the round closes: n.v.t. is null.
    expect(
      (
        await anonymous.put(`/api/self-assessments/${token}/answers`, {
          answers: [{ behaviourId: values.behaviourId, level: null }],
        })
      ).body.answers,
    ).toEqual({ [values.behaviourId]: null });

    const reminded = await hr.post(`/api/rounds/${round.body.id}/reminders`, {});
    expect(reminded.body).toEqual({ reminded: 1 });
    await eventually(async () => smtp.to(world.teamMember.email).length === 2);
    expect(smtp.to(world.teamMember.email)[1].subject).toBe('Herinnering: Kwartaalmeting');
    expect(smtp.to(world.users.employee.email)).toHaveLength(1);
    // The reminder repeats the same personal link.
    expect(tokenFor(world.teamMember.email)).toBe(
      linkIn(smtp.to(world.teamMember.email)[0]).pathname.split('/').pop(),
    );
    expect((await hr.post(`/api/rounds/${round.body.id}/reminders`, {})).body).toMatchObject({
      statusCode: 409,
      code: 'reminded_recently',
    });

    const rounds = (await hr.get(`/api/cycles/${cycle.id}/rounds`)).body;
    expect(rounds[0]).toMatchObject({ invited: 2, completed: 1 });
    const detail = await hr.get(`/api/rounds/${round.body.id}`);
    expect(detail.body).toMatchObject({
      invited: 2,
      completed: 1,
      teams: [{ teamId: world.teamId, invited: 2, completed: 1 }],
      notCompleted: [{ userId: world.teamMember.id, name: 'Team Member' }],
    });
    expect(JSON.stringify(detail.body)).not.toMatch(/level|answers/);

    // The close job's work: afterwards nothing changes any more.
    await api.app.get(RoundsService).close(round.body.id);
    // A fan-out that runs late (a retry) invites nobody to the closed round, not even someone missing.
    const missing = await createUser(api.db, world.organisationId, { teamId: world.teamId });
    await api.db.query(`UPDATE users SET created_at = now() - interval '30 days' WHERE id = $1`, [
      missing.id,
    ]);
    expect(await api.app.get(RoundsService).fanOut(round.body.id)).toBe(0);
    const invitedLate = await api.db.query(
      `SELECT 1 FROM assessment_invitations WHERE round_id = $1 AND user_id = $2`,
      [round.body.id, missing.id],
    );
    expect(invitedLate).toEqual([]);
    const late = await anonymous.put(`/api/self-assessments/${token}/answers`, {
      answers: [{ behaviourId: values.behaviourId, level: 4 }],
    });
    expect(late.body).toMatchObject({ statusCode: 409, code: 'round_closed' });
    expect((await anonymous.post(`/api/self-assessments/${token}/submit`, {})).status).toBe(409);
    const [answer] = await api.db.query(`SELECT level FROM assessment_answers WHERE behaviour_id = $1`, [
      values.behaviourId,
    ]);
    expect(answer.level).toBeNull();
    expect((await anonymous.get(`/api/self-assessments/${token}`)).body.closed).toBe(true);
  });

  it('refuses bad answers and bad links with a clear 4xx and stores nothing', async () => {
    const { world, values, hr } = await setUp('Fout');
    const other = await createPublishedValueSet(api.db, world.organisationId, { number: 2, key: 'anders' });
    const cycle = await createCycle(hr, world, values.versionId);
    await hr.post(`/api/cycles/${cycle.id}/rounds`, {});
    await eventually(async () => smtp.to(world.users.employee.email).length === 1);
    const token = tokenFor(world.users.employee.email);
    const anonymous = new HttpClient(api.url);
    const put = (answers: unknown) => anonymous.put(`/api/self-assessments/${token}/answers`, { answers });

    for (const level of [0, 5, '3', 2.5]) {
      const res = await put([{ behaviourId: values.behaviourId, level }]);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['answers[0].level']);
    }
    const foreignBehaviour = await put([{ behaviourId: other.behaviourId, level: 2 }]);
    expect(foreignBehaviour.status).toBe(400);
    expect(fieldsOf(foreignBehaviour.body)).toEqual(['answers[0].behaviourId']);
    const twice = await put([
      { behaviourId: values.behaviourId, level: 2 },
      { behaviourId: values.behaviourId, level: 3 },
    ]);
    expect(fieldsOf(twice.body)).toEqual(['answers[1].behaviourId']);

    const foreignValue = await anonymous.put(`/api/self-assessments/${token}/answers`, {
      answers: [],
      examples: [{ valueId: other.valueId, text: 'Voorbeeld' }],
    });
    expect(fieldsOf(foreignValue.body)).toEqual(['examples[0].valueId']);
    const longExample = await anonymous.put(`/api/self-assessments/${token}/answers`, {
      answers: [],
      examples: [{ valueId: values.valueId, text: 'x'.repeat(1001) }],
    });
    expect(fieldsOf(longExample.body)).toEqual(['examples[0].text']);

    const forged = `${token.slice(0, -4)}AAAA`;
    for (const bad of [forged, 'x', 'a'.repeat(43)]) {
      const res = await anonymous.get(`/api/self-assessments/${bad}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'unknown_link', message: 'This link is not valid' });
    }
    expect((await anonymous.put(`/api/self-assessments/${forged}/answers`, { answers: [] })).status).toBe(
      404,
    );
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM assessment_answers WHERE organisation_id = $1`,
      [world.organisationId],
    );
    expect(n).toBe(0);
  });

  it('validates cycles and lets only HR and admins manage them', async () => {
    const { world, values, hr } = await setUp('Regels');
    const base = { name: 'Meting', valuesVersionId: values.versionId, cron: YEARLY };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, cron: 'elke maandag' }, 'cron'],
      [{ ...base, timeZone: 'Europe/Delft' }, 'timeZone'],
      [{ ...base, windowDays: 0 }, 'windowDays'],
      [{ ...base, teamIds: ['00000000-0000-4000-8000-000000000000'] }, 'teamIds'],
      [{ ...base, name: '' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await hr.post('/api/cycles', body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
    }
    const [draft] = await api.db.query(
      `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, 9, 'draft') RETURNING id`,
      [world.organisationId],
    );
    expect(fieldsOf((await hr.post('/api/cycles', { ...base, valuesVersionId: draft.id })).body)).toEqual([
      'valuesVersionId',
    ]);
    // Updating validates what is sent the same way, and changes only that.
    const cycle = await createCycle(hr, world, values.versionId);
    expect(fieldsOf((await hr.patch(`/api/cycles/${cycle.id}`, { cron: 'nooit' })).body)).toEqual(['cron']);
    const patched = await hr.patch(`/api/cycles/${cycle.id}`, { windowDays: 21 });
    expect(patched.body).toMatchObject({ windowDays: 21, cron: YEARLY, name: 'Kwartaalmeting' });
    await hr.post(`/api/cycles/${cycle.id}/archive`, {});
    expect((await hr.patch(`/api/cycles/${cycle.id}`, { windowDays: 7 })).body).toMatchObject({
      statusCode: 409,
      code: 'archived',
    });

    for (const role of ['employee', 'manager'] as const) {
      const client = await new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD);
      expect((await client.post('/api/cycles', base)).status).toBe(403);
      expect((await client.get('/api/cycles')).status).toBe(403);
    }
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM assessment_cycles WHERE organisation_id = $1`,
      [world.organisationId],
    );
    expect(n).toBe(1); // only the one made above, none from the refused requests
  });

  it('never invites twice when a firing runs twice at once, for 500 people', async () => {
    const { world, values, hr } = await setUp('Massa');
    const teamId = world.teamId;
    await api.db.query(
      `INSERT INTO users (organisation_id, email, name, status, team_id)
       SELECT $1, 'massa' || g || '@example.test', 'Medewerker ' || g, 'active', $2 FROM generate_series(1, 498) g`,
      [world.organisationId, teamId],
    );
    const cycle = await createCycle(hr, world, values.versionId);
    const rounds = api.app.get(RoundsService);
    const firing = new Date('2026-04-06T07:00:00Z');
    const [a, b] = await Promise.all([
      rounds.openRound(cycle.id, firing),
      rounds.openRound(cycle.id, firing),
    ]);
    expect(a).toBe(b);
    const [counts] = await api.db.query(
      `SELECT count(*)::int AS invitations, count(DISTINCT user_id)::int AS people,
              (SELECT count(*)::int FROM outbox_messages o WHERE o.organisation_id = $1 AND o.kind = 'assessment-invite') AS mails
         FROM assessment_invitations WHERE round_id = $2`,
      [world.organisationId, a],
    );
    expect(counts).toEqual({ invitations: 500, people: 500, mails: 500 });
    await eventually(async () => smtp.to('massa498@example.test').length === 1, 30_000);
  });

  it("shows an employee their own scores and answers, and the team's average only at the anonymity minimum", async () => {
    const { world, values, hr } = await setUp('Historie');
    await api.db.query(`UPDATE organisations SET anonymity_minimum = 3 WHERE id = $1`, [
      world.organisationId,
    ]);
    const third = await createUser(api.db, world.organisationId, { teamId: world.teamId, name: 'Derde' });
    const cycle = await createCycle(hr, world, values.versionId);
    const rounds = api.app.get(RoundsService);
    const anonymous = new HttpClient(api.url);
    /** Opens a round and lets `levels[i]` answer for the i-th team member (undefined: does not complete). */
    const round = async (firing: string, levels: (number | undefined)[]) => {
      const roundId = await rounds.openRound(cycle.id, new Date(firing));
      const people = [world.users.employee.id, world.teamMember.id, third.id];
      for (const [i, level] of levels.entries()) {
        if (level === undefined) continue;
        const [{ id }] = await api.db.query(
          `SELECT id FROM assessment_invitations WHERE round_id = $1 AND user_id = $2`,
          [roundId, people[i]],
        );
        const token = rounds.tokenFor(id);
        await anonymous.put(`/api/self-assessments/${token}/answers`, {
          answers: [{ behaviourId: values.behaviourId, level }],
        });
        expect((await anonymous.post(`/api/self-assessments/${token}/submit`, {})).status).toBe(200);
      }
      return roundId;
    };
    const first = await round('2026-01-05T08:00:00Z', [4, 2, 3]);
    await rounds.close(first!); // one open round per cycle
    const second = await round('2026-04-06T07:00:00Z', [1, 4, undefined]);

    const employee = await new HttpClient(api.url).login(world.users.employee.email, TEST_PASSWORD);
    // The team average comes from the rollups, which the worker refreshes a moment after each answer.
    await eventually(
      async () =>
        (await employee.get('/api/me/self-assessments')).body.rounds[0].values[0].teamAverage !== null,
    );
    const history = await employee.get('/api/me/self-assessments');
    expect(history.status).toBe(200);
    expect(history.body.anonymityMinimum).toBe(3);
    const [r1, r2] = history.body.rounds;
    expect(r1).toMatchObject({ roundId: first, cycleName: 'Kwartaalmeting', closed: true });
    // Round 1: three of the team completed (4, 2, 3): the average (4 + 2 + 3) / 3 = 3 may be shown.
    expect(r1.values).toEqual([
      {
        key: 'betrouwbaar',
        nameNl: 'Betrouwbaar',
        nameEn: '',
        myScore: 4,
        teamAverage: 3,
        teamRespondents: 3,
      },
    ]);
    // Round 2: still open (and only two completed): no team average, nor its count.
    expect(r2).toMatchObject({
      roundId: second,
      values: [{ myScore: 1, teamAverage: null, teamRespondents: 0 }],
    });
    expect(r2.answers).toEqual([
      {
        behaviourId: values.behaviourId,
        valueKey: 'betrouwbaar',
        textNl: 'kom gemaakte afspraken na',
        textEn: '',
        level: 1,
      },
    ]);
    expect(r2.formPath).toMatch(/^\/self-assessment\/[\w-]{43}$/);
    expect(
      (await anonymous.get(`/api/${r2.formPath.replace('/self-assessment/', 'self-assessments/')}`)).body
        .personName,
    ).toBe('Test employee');
  });

  /** Redis loses everything of this app (its key prefix only; other test files share the server). */
  async function loseRedis() {
    const redis = new Redis(api.config.REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    } finally {
      await redis.quit();
    }
  }

  const restartWorker = () =>
    startWorker({
      SMTP_URL: `smtp://127.0.0.1:${new URL(api.config.SMTP_URL as string).port}`,
      QUEUE_PREFIX: prefix,
    });

  const allSent = (organisationId: string) => allMailSent(api, organisationId);

  it('re-queues the fan-out, reminders and close of open rounds when the worker starts after Redis lost them', async () => {
    const { world, values, hr } = await setUp('Kwijt');
    const cycle = await createCycle(hr, world, values.versionId);
    const late = await setUp('Verlopen');
    const lateCycle = await createCycle(late.hr, late.world, late.values.versionId);
    const audience = [world.users.employee.email, world.teamMember.email];

    // No worker runs: "open now" stores the rounds and queues their fan-out, then Redis loses it all.
    await worker!.close();
    worker = undefined;
    const opened = await hr.post(`/api/cycles/${cycle.id}/rounds`, {});
    expect(opened.status).toBe(201);
    const roundId: string = opened.body.id;
    const overdue = await late.hr.post(`/api/cycles/${lateCycle.id}/rounds`, {});
    expect(overdue.status).toBe(201);
    // This round's deadline passed while nothing ran: it only closes, nobody is invited to it.
    await api.db.query(
      `UPDATE assessment_rounds SET opens_at = now() - interval '15 days', closes_at = now() - interval '1 day' WHERE id = $1`,
      [overdue.body.id],
    );
    await loseRedis();
    for (const email of audience) expect(smtp.to(email)).toHaveLength(0);

    worker = await restartWorker();
    const queue = worker.get<Queue>(getQueueToken('assessments'));
    const fanOut = await eventually(async () => {
      const job = await queue.getJob(`fan-out-${roundId}`);
      // Read it again once completed: the copy fetched before completion has no return value yet.
      return (await job?.isCompleted()) && (await queue.getJob(`fan-out-${roundId}`));
    }, 20_000);
    expect(fanOut.returnvalue).toBe(2);
    await eventually(async () => audience.every((email) => smtp.to(email).length >= 1), 20_000);
    await allSent(world.organisationId);
    for (const email of audience) expect(smtp.to(email)).toHaveLength(1);

    // The overdue round is closed at start, without a fan-out.
    await eventually(async () => (await late.hr.get(`/api/cycles/${lateCycle.id}/rounds`)).body[0]?.closed);
    expect(await queue.getJob(`fan-out-${overdue.body.id}`)).toBeUndefined();
    const [{ n: lateInvitations }] = await api.db.query(
      `SELECT count(*)::int AS n FROM assessment_invitations WHERE round_id = $1`,
      [overdue.body.id],
    );
    expect(lateInvitations).toBe(0);
    for (const email of [late.world.users.employee.email, late.world.teamMember.email])
      expect(smtp.to(email)).toHaveLength(0);

    // Redis is lost again after the fan-out: the next start runs it again and it adds nobody.
    await worker.close();
    await loseRedis();
    worker = await restartWorker();
    const again = worker.get<Queue>(getQueueToken('assessments'));
    const rerun = await eventually(async () => {
      const job = await again.getJob(`fan-out-${roundId}`);
      // Read it again once completed: the copy fetched before completion has no return value yet.
      return (await job?.isCompleted()) && (await again.getJob(`fan-out-${roundId}`));
    }, 20_000);
    expect(rerun.returnvalue).toBe(0);
    await allSent(world.organisationId);
    for (const email of audience) expect(smtp.to(email)).toHaveLength(1);

    // The close and reminder wait for their moments (a window is at least a day)...
    const [{ opens_at: opensAt, closes_at: closesAt }] = await api.db.query(
      `SELECT opens_at, closes_at FROM assessment_rounds WHERE id = $1`,
      [roundId],
    );
    const close = (await again.getJob(`close-${roundId}`))!;
    expect(await close.getState()).toBe('delayed');
    expect(Math.abs(close.timestamp + close.delay - closesAt.getTime())).toBeLessThan(60_000);
    const remindAt = opensAt.getTime() + 7 * 24 * 3600 * 1000;
    const reminder = (await again.getJob(`remind-${roundId}-${remindAt}`))!;
    expect(await reminder.getState()).toBe('delayed');
    expect(reminder.data).toEqual({ roundId, at: remindAt });
    // ...and when the close's moment comes, the round closes.
    await close.promote();
    await eventually(async () => (await hr.get(`/api/cycles/${cycle.id}/rounds`)).body[0]?.closed);
    expect(await close.getState()).toBe('completed');
  });

  it('sends one late reminder, not each missed one, when the worker starts after Redis lost them', async () => {
    const { world, values, hr } = await setUp('Laat');
    const created = await hr.post('/api/cycles', {
      name: 'Kwartaalmeting',
      valuesVersionId: values.versionId,
      teamIds: [world.teamId],
      cron: YEARLY,
      reminderDays: [1, 2],
    });
    expect(created.status).toBe(201);
    const opened = await hr.post(`/api/cycles/${created.body.id}/rounds`, {});
    const roundId: string = opened.body.id;
    const audience = [world.users.employee.email, world.teamMember.email];
    await eventually(async () => audience.every((email) => smtp.to(email).length === 1));

    // The worker is down for three days (the round moves back) and Redis loses its reminders.
    await worker!.close();
    worker = undefined;
    await api.db.query(
      `UPDATE assessment_rounds SET opens_at = opens_at - interval '3 days', closes_at = closes_at - interval '3 days'
        WHERE id = $1`,
      [roundId],
    );
    const [{ opens_at: opensAt }] = await api.db.query(
      `SELECT opens_at FROM assessment_rounds WHERE id = $1`,
      [roundId],
    );
    await loseRedis();
    worker = await restartWorker();
    const queue = worker.get<Queue>(getQueueToken('assessments'));
    const day = 24 * 3600 * 1000;
    const latest = await eventually(async () => {
      const job = await queue.getJob(`remind-${roundId}-${opensAt.getTime() + 2 * day}`);
      // Read it again once completed: the copy fetched before completion has no return value yet.
      return (
        (await job?.isCompleted()) && (await queue.getJob(`remind-${roundId}-${opensAt.getTime() + 2 * day}`))
      );
    }, 20_000);
    expect(latest.returnvalue).toBe(2);
    expect(await queue.getJob(`remind-${roundId}-${opensAt.getTime() + day}`)).toBeUndefined();
    await allSent(world.organisationId);
    for (const email of audience)
      expect(smtp.to(email).map((m) => m.subject)).toEqual([
        'Kwartaalmeting: hoe laat jij onze waarden zien?',
        'Herinnering: Kwartaalmeting',
      ]);
  });

  it('re-creates the schedulers of active cycles when the worker starts after Redis lost them', async () => {
    const { world, values, hr } = await setUp('Herstel');
    const cycle = await createCycle(hr, world, values.versionId);
    const paused = await createCycle(hr, world, values.versionId);
    await hr.post(`/api/cycles/${paused.id}/pause`, {});
    const queue = worker!.get<Queue>(getQueueToken('assessments'));
    expect(await queue.getJobScheduler(`cycle-${cycle.id}`)).toMatchObject({ pattern: YEARLY });

    await worker!.close();
    await loseRedis();
    worker = await restartWorker();
    const revived = worker.get<Queue>(getQueueToken('assessments'));
    const scheduler = await eventually(() => revived.getJobScheduler(`cycle-${cycle.id}`));
    expect(scheduler).toMatchObject({ pattern: YEARLY, tz: 'Europe/Amsterdam' });
    expect(await revived.getJobScheduler(`cycle-${paused.id}`)).toBeUndefined();
  });
});

describe('the public form is rate-limited per IP', () => {
  it('answers 429 with a retry time once an IP has used up its requests', async () => {
    const api = await startApi({
      SMTP_URL: undefined,
      PUBLIC_LIMIT_PER_IP: '3',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-limit`,
    });
    try {
      const anonymous = new HttpClient(api.url);
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await anonymous.get(`/api/self-assessments/${'a'.repeat(43)}`)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const refused = await anonymous.get(`/api/self-assessments/${'a'.repeat(43)}`);
      expect(refused.body).toMatchObject({ code: 'too_many_requests', retryAfter: expect.any(Number) });
    } finally {
      await api.close();
    }
  });
});
