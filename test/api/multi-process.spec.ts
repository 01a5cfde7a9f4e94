import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, migrations, rebuildKpis } from '@wk/api-testing';
import { createPublishedValueSet, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { eventually } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { linkIn, SmtpSink } from '../support/smtp-sink';
import { createSurvey, csv, tokenOf } from '../support/surveys';

/**
 * Issue 13, many processes: two api and two worker processes (each its own OS process, from source)
 * on one PostgreSQL database and one Redis, started at the same moment on a database that does not
 * exist yet. What must hold with more than one of each: migrations once, every scheduler firing once,
 * one invitation and one mail per person per round, rollups equal to a rebuild, login limits counted
 * across the apis, and neither a rolling restart of an api nor one killed in the middle of its batch
 * statements losing an answer or storing one twice. No timing assertions: every
 * wait polls with a generous limit (two slow cores run all four processes).
 */
const support = join(__dirname, '..', 'support');

interface Started {
  child: ChildProcess;
  url?: string;
}

function startProcess(kind: 'api' | 'worker', env: Record<string, string>): Promise<Started> {
  const child = fork(join(support, `${kind}-process.js`), [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: unknown) => {
      if (kind === 'worker' && message === 'ready') resolve({ child });
      else if (kind === 'api' && typeof message === 'object' && message && 'port' in message)
        resolve({ child, url: `http://127.0.0.1:${(message as { port: number }).port}` });
      else reject(new Error(`${kind}: ${JSON.stringify(message)}`));
    });
    child.once('exit', (code, signal) => reject(new Error(`${kind} exited early (${signal ?? code})`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((done) =>
    child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done()),
  );

describe('two api and two worker processes on one database and Redis', () => {
  const smtp = new SmtpSink();
  const prefix = `${process.env.QUEUE_PREFIX}-multi`;
  const fileDatabase = new URL(process.env.DATABASE_URL as string);
  const database = `${fileDatabase.pathname.slice(1)}_multi`;
  const databaseUrl = Object.assign(new URL(fileDatabase), { pathname: `/${database}` }).toString();
  const children: ChildProcess[] = [];
  /** The apis clients talk to; the rolling restart swaps one. */
  const apis: string[] = [];
  let env: Record<string, string>;
  let db: DataSource;
  const queues: Record<string, Queue> = {};
  const queue = (name: string) =>
    (queues[name] ??= new Queue(name, {
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix,
    }));

  let world: World;
  let values: { versionId: string };
  let cycleId: string;

  beforeAll(async () => {
    env = {
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: prefix,
      SMTP_URL: await smtp.start(),
      PUBLIC_URL: 'http://waardenkompas.test',
      // Every request comes from 127.0.0.1 here; the login limit test counts per account instead.
      PUBLIC_LIMIT_PER_IP: '100000',
    };
    // All four at the same moment, on a database none of them has seen: each creates and migrates it.
    const started = await Promise.all([
      startProcess('api', env),
      startProcess('api', env),
      startProcess('worker', env),
      startProcess('worker', env),
    ]);
    children.push(...started.map((s) => s.child));
    apis.push(started[0].url!, started[1].url!);
    db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
    world = await createWorld(db, 'Schaal');
    values = await createPublishedValueSet(db, world.organisationId);
    await db.query(
      `INSERT INTO users (organisation_id, email, name, status, team_id)
       SELECT $1, 'schaal' || g || '@example.test', 'Medewerker ' || g, 'active', $2 FROM generate_series(1, 40) g`,
      [world.organisationId, world.teamId],
    );
  }, 600_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await Promise.all(Object.values(queues).map((q) => q.close()));
    await db?.destroy();
    await smtp.stop();
    const admin = new Client({
      connectionString: Object.assign(new URL(fileDatabase), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
    await admin.end();
  });

  /** The organisation's people (mails to anyone else are not this test's). */
  async function people(): Promise<string[]> {
    const rows: { email: string }[] = await db.query(`SELECT email FROM users WHERE organisation_id = $1`, [
      world.organisationId,
    ]);
    return rows.map((r) => r.email);
  }

  it('ran every migration exactly once although four processes started at the same moment', async () => {
    const rows: { name: string; n: number }[] = await db.query(
      `SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY name`,
    );
    expect(rows).toHaveLength(migrations.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    for (const url of apis) expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it("fires a cycle's schedule once: one round, one invitation and one mail per person", async () => {
    // A daily cadence whose next firing is at least a minute away, so both workers are listening.
    const at = new Date(Math.ceil((Date.now() + 70_000) / 60_000) * 60_000);
    const hr = await new HttpClient(apis[1]).login(world.users.hr.email, TEST_PASSWORD);
    const cycle = await hr.post('/api/cycles', {
      name: 'Schaalmeting',
      valuesVersionId: values.versionId,
      teamIds: [world.teamId],
      cron: `${at.getUTCMinutes()} ${at.getUTCHours()} * * *`,
      timeZone: 'UTC',
    });
    expect(cycle.status).toBe(201);
    cycleId = cycle.body.id;

    const [{ audience }] = await db.query(
      `SELECT count(*)::int AS audience FROM users WHERE team_id = $1 AND status = 'active'`,
      [world.teamId],
    );
    const ours = new Set(await people());
    const received = () => smtp.messages.filter((m) => m.to.some((to) => ours.has(to)));
    await eventually(async () => received().length >= audience, 240_000);
    // Anything sent twice would arrive late: wait until the outbox has nothing left to send.
    await eventually(async () => {
      const [{ unsent }] = await db.query(
        `SELECT count(*)::int AS unsent FROM outbox_messages WHERE organisation_id = $1 AND status <> 'sent'`,
        [world.organisationId],
      );
      return unsent === 0;
    }, 60_000);

    const [counts] = await db.query(
      `SELECT count(*)::int AS invitations, count(DISTINCT i.user_id)::int AS people, count(DISTINCT r.id)::int AS rounds,
              (SELECT count(*)::int FROM outbox_messages o WHERE o.organisation_id = $2 AND o.kind = 'assessment-invite') AS mails,
              (SELECT count(DISTINCT o.to_address)::int FROM outbox_messages o WHERE o.organisation_id = $2 AND o.kind = 'assessment-invite') AS addressed
         FROM assessment_invitations i JOIN assessment_rounds r ON r.id = i.round_id WHERE r.cycle_id = $1`,
      [cycleId, world.organisationId],
    );
    expect(counts).toEqual({
      invitations: audience,
      people: audience,
      rounds: 1,
      mails: audience,
      addressed: audience,
    });
    const perAddress = new Map<string, number>();
    for (const mail of received())
      for (const to of mail.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(perAddress.size).toBe(audience);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);

    // The scheduler fired once: one open-round job for its one firing (the next waits, delayed).
    const fired = (await queue('assessments').getJobs(['completed', 'failed', 'active', 'wait'])).filter(
      (job) => job.name === 'open-round' && job.data.cycleId === cycleId,
    );
    expect(fired.map((job) => job.id)).toEqual([`repeat:cycle-${cycleId}:${at.getTime()}`]);
  }, 360_000);

  it('fires each interval scheduler once per interval although both workers registered it', async () => {
    // webhook-sweep runs every minute: by now it has fired at least twice since both workers started.
    const sweep = queue('webhooks');
    await eventually(async () => {
      const done = await sweep.getJobs(['completed']);
      return done.filter((job) => job.name === 'webhook-sweep').length >= 2;
    }, 180_000);
    for (const [name, key, every] of [
      ['webhooks', 'webhook-sweep', 60_000],
      ['insights', 'kpi-sweep', 600_000],
      ['surveys', 'survey-housekeeping', 600_000],
      ['actions', 'action-reminders', 3_600_000],
      ['imports', 'import-housekeeping', 6 * 3_600_000],
    ] as const) {
      const jobs = (await queue(name).getJobs(['completed', 'failed', 'active', 'wait'])).filter((job) =>
        job.id?.startsWith(`repeat:${key}:`),
      );
      const firings = jobs.map((job) => Number(job.id!.split(':').pop())).sort((a, b) => a - b);
      expect(`${key}: ${firings.length > 0}`).toBe(`${key}: true`);
      // Two firings closer than the interval would be the same firing twice (one per worker).
      const gaps = firings.slice(1).map((t, i) => t - firings[i]);
      expect(`${key}: ${gaps.filter((gap) => gap < every).join(', ')}`).toBe(`${key}: `);
      expect((await queue(name).getJobSchedulers()).filter((s) => s.key === key)).toHaveLength(1);
    }
  }, 240_000);

  it('keeps the rollups equal to a full rebuild after answers through both apis', async () => {
    // Every invited person answers the self-assessment, alternating between the two apis.
    const members = (await people()).filter((email) => smtp.to(email).length === 1);
    expect(members.length).toBeGreaterThan(0);
    let n = 0;
    for (const email of members) {
      const client = new HttpClient(apis[n++ % 2]);
      const token = tokenOf(linkIn(smtp.to(email)[0]));
      const form = await client.get(`/api/self-assessments/${token}`);
      expect(form.status).toBe(200);
      const behaviours = (form.body.values as { behaviours: { id: string }[] }[]).flatMap(
        (v) => v.behaviours,
      );
      const answers = behaviours.map((b, i) => ({ behaviourId: b.id, level: ((n + i) % 4) + 1 }));
      expect((await client.put(`/api/self-assessments/${token}/answers`, { answers })).status).toBe(200);
      expect((await client.post(`/api/self-assessments/${token}/submit`, {})).status).toBe(200);
    }
    // And customers answer a survey through both.
    const hr = await new HttpClient(apis[0]).login(world.users.hr.email, TEST_PASSWORD);
    const survey = await createSurvey(hr, values.versionId, { askNps: true, teamId: world.teamId });
    const tokens = await inviteCustomers(hr, survey.id, 'rollup', 30);
    const valueIds = await valueIdsOf(survey.id);
    for (const [i, token] of tokens.entries())
      expect((await submit(apis[i % 2], token, valueIds, i)).status).toBe(204);

    // Settled: nothing left to refresh (no refresh job waiting, no month marked dirty), twice in a row.
    const settled = async () => {
      const jobs = await queue('insights').getJobs(['wait', 'delayed', 'active', 'prioritized']);
      const [{ dirty }] = await db.query(`SELECT count(*)::int AS dirty FROM kpi_customer_dirty`);
      // The sweep's next firing always waits (delayed); refresh jobs are the ones that count.
      return dirty === 0 && jobs.every((job) => job.id?.startsWith('repeat:'));
    };
    await eventually(async () => {
      if (!(await settled())) return false;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return settled();
    }, 120_000);
    const incremental = await rollups();
    expect(incremental.filter((r) => r.t === 's').length).toBeGreaterThan(0);
    expect(incremental.filter((r) => r.t === 'o').length).toBeGreaterThan(0);
    await rebuildKpis(loadConfig({ ...process.env, ...env }));
    expect(await rollups()).toEqual(incremental);
  }, 300_000);

  it('counts failed sign-ins across both apis (Redis): the limit holds whichever api is asked', async () => {
    const email = world.users.employee.email;
    const statuses: number[] = [];
    // LOGIN_FAILURES_PER_ACCOUNT (10 an hour per account and IP), spread over both apis.
    for (let i = 0; i < 10; i++)
      statuses.push(
        (await new HttpClient(apis[i % 2]).post('/api/auth/login', { email, password: 'fout' })).status,
      );
    expect(statuses).toEqual(Array(10).fill(401));
    for (const url of apis)
      expect(
        (await new HttpClient(url).post('/api/auth/login', { email, password: TEST_PASSWORD })).status,
      ).toBe(429);
  });

  it('loses no answer when an api is restarted while customers answer through both', async () => {
    const hr = await new HttpClient(apis[1]).login(world.users.hr.email, TEST_PASSWORD);
    const survey = await createSurvey(hr, values.versionId, { askNps: true, teamId: world.teamId });
    const tokens = await inviteCustomers(hr, survey.id, 'rolling', 240);
    const crowd = customers(apis, await valueIdsOf(survey.id));

    // Phase one: while answers flow, the first api is stopped (SIGTERM) mid-stream.
    const flowing = crowd.answerAll(tokens.slice(0, 180), 4);
    await eventually(async () => crowd.outcomes.size >= 30, 120_000);
    const [old] = children.splice(0, 1);
    old.kill('SIGTERM');
    await exited(old);
    await flowing;
    // Its replacement starts and takes its share of the next answers.
    const replacement = await startProcess('api', env);
    children.push(replacement.child);
    apis[0] = replacement.url!;
    await crowd.answerAll(tokens.slice(180), 4);

    await expectEachTokenStoredOnce(crowd, survey.id, tokens);
  }, 360_000);

  it('loses no answer and stores none twice when an api is killed (SIGKILL) in the middle of batches', async () => {
    const hr = await new HttpClient(apis[1]).login(world.users.hr.email, TEST_PASSWORD);
    const survey = await createSurvey(hr, values.versionId, { askNps: true, teamId: world.teamId });
    const tokens = await inviteCustomers(hr, survey.id, 'killed', 300);
    // A third api of its own, so that the others stay for the tests after this one.
    const victim = await startProcess('api', env);
    children.push(victim.child);
    const crowd = customers([victim.url!, apis[1]], await valueIdsOf(survey.id));
    // Sixteen customers at once: the api groups their answers into batch statements.
    const flowing = crowd.answerAll(tokens, 16);
    await eventually(async () => crowd.outcomes.size >= 60, 120_000);
    victim.child.kill('SIGKILL');
    await exited(victim.child);
    await flowing;

    await expectEachTokenStoredOnce(crowd, survey.id, tokens);
  }, 360_000);

  /**
   * Customers answering through `targets` (read at each try, so a replaced api is used), as a load
   * balancer or a retrying browser would: on a lost connection or a 5xx, the next api, again.
   */
  function customers(targets: string[], valueIds: string[]) {
    const crowd = { outcomes: new Map<string, string>(), serverErrors: [] as string[], connectionErrors: 0 };
    async function answer(token: string, index: number): Promise<void> {
      for (let attempt = 0; attempt < 60; attempt++) {
        const url = targets[(index + attempt) % targets.length];
        try {
          const res = await submit(url, token, valueIds, index);
          if (res.status === 204)
            return void crowd.outcomes.set(token, attempt ? 'stored on retry' : 'stored');
          // A retry whose first try was stored before the connection broke: the token says so.
          if (res.status === 409 && attempt > 0)
            return void crowd.outcomes.set(token, 'stored before the retry');
          if (res.status < 500)
            return void crowd.outcomes.set(token, `refused ${res.status} ${JSON.stringify(res.body)}`);
          crowd.serverErrors.push(`${res.status} ${JSON.stringify(res.body)}`);
        } catch {
          crowd.connectionErrors++;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      crowd.outcomes.set(token, 'gave up');
    }
    /** `parallel` customers work through `tokens`, each taking the next one left. */
    const answerAll = async (tokens: string[], parallel: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          for (let i = next++; i < tokens.length; i = next++) await answer(tokens[i], i);
        }),
      );
    };
    return Object.assign(crowd, { answerAll });
  }

  /** Every token was answered and stored exactly once, and the stop or kill was felt by the customers. */
  async function expectEachTokenStoredOnce(
    crowd: ReturnType<typeof customers>,
    surveyId: string,
    tokens: string[],
  ): Promise<void> {
    expect(crowd.serverErrors).toEqual([]);
    expect([...new Set(crowd.outcomes.values())].filter((o) => !o.startsWith('stored'))).toEqual([]);
    expect(crowd.outcomes.size).toBe(tokens.length);
    // Responses are not linked to their invitation (docs/anonymity.md): as many responses as tokens
    // answered, and every token answered, means none lost and none twice.
    const [stored] = await db.query(
      `SELECT (SELECT count(*)::int FROM survey_responses WHERE survey_id = $1) AS responses,
              (SELECT count(*)::int FROM survey_invitations WHERE survey_id = $1 AND answered) AS invitations`,
      [surveyId],
    );
    expect(stored).toEqual({ responses: tokens.length, invitations: tokens.length });
    // The stop was felt: answers meant for the stopped api went to the other one.
    expect(crowd.connectionErrors).toBeGreaterThan(0);
  }

  /** Uploads `count` contacts with ?send=true and reads their single-use tokens from the mails. */
  async function inviteCustomers(hr: HttpClient, surveyId: string, tag: string, count: number) {
    const emails = Array.from({ length: count }, (_, i) => `${tag}${i}@klant.test`);
    const sent = await hr.upload(
      `/api/surveys/${surveyId}/contacts?send=true`,
      csv(...emails.map((e) => `${e};;;nl`)),
    );
    expect(sent.status).toBe(201);
    await eventually(async () => emails.every((email) => smtp.to(email).length > 0), 180_000);
    return emails.map((email) => tokenOf(linkIn(smtp.to(email)[0])));
  }

  async function valueIdsOf(surveyId: string): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `SELECT v.id FROM experience_values v JOIN surveys s ON s.values_version_id = v.version_id WHERE s.id = $1`,
      [surveyId],
    );
    return rows.map((r) => r.id);
  }

  function submit(url: string, token: string, valueIds: string[], i: number) {
    return new HttpClient(url).post(`/api/respond/${token}`, {
      grades: valueIds.map((valueId, v) => ({ valueId, grade: ((i + v) % 10) + 1 })),
      nps: i % 11,
    });
  }

  /** Every rollup row of the organisation, in a stable order. */
  async function rollups(): Promise<{ t: string }[]> {
    return db.query(
      `SELECT 'c' AS t, month::text, team_id::text AS g, touchpoint_id::text AS x, metric AS k, n, dont_know, sum, sumsq, ge8, ge9, le6
         FROM kpi_customer WHERE organisation_id = $1
       UNION ALL
       SELECT 't', month::text, team_id::text, NULL, metric, n, dont_know, sum, sumsq, ge8, ge9, le6
         FROM kpi_customer_team WHERE organisation_id = $1
       UNION ALL
       SELECT 'o', month::text, NULL, NULL, metric, n, dont_know, sum, sumsq, ge8, ge9, le6
         FROM kpi_customer_org WHERE organisation_id = $1
       UNION ALL
       SELECT 's', month::text, team_id::text, round_id::text, value_key, n, 0, sum, sumsq, good::int, role::int, 0
         FROM kpi_self WHERE organisation_id = $1
       UNION ALL
       SELECT 'b', month::text, team_id::text, behaviour_key, value_key, l1, l2, l3, l4, na, 0, 0
         FROM kpi_behaviours WHERE organisation_id = $1
       UNION ALL
       SELECT 'p', month::text, team_id::text, round_id::text, NULL, invited, completed, 0, 0, 0, 0, 0
         FROM kpi_participation WHERE organisation_id = $1
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`,
      [world.organisationId],
    );
  }
});
