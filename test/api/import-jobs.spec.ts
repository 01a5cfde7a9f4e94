import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { ImportJob } from '@wk/contracts';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { SmtpSink } from '../support/smtp-sink';

const people = (from: number, count: number, name = (i: number) => `Persoon ${i}`) =>
  Array.from({ length: count }, (_, k) => `p${from + k}.job@example.test;${name(from + k)};J-${from + k}`);
const csvOf = (rows: string[]) => `email;naam;personeelsnummer\r\n${rows.join('\r\n')}\r\n`;
const finished = (job: ImportJob) => job.status === 'done' || job.status === 'failed';

/** Imports run as worker jobs: stored upload, id-only payload, one transaction, progress on the row. */
describe('import jobs', () => {
  const smtp = new SmtpSink();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let world: World;
  let hr: HttpClient;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    api = await startApi({ SMTP_URL: smtpUrl });
    worker = await startWorker({ SMTP_URL: smtpUrl });
    world = await createWorld(api.db, 'Jobs');
    hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
  });

  /** Every row the import may write, so "nothing written" can be proven. */
  const snapshot = async () => {
    const state: Record<string, unknown[]> = {};
    for (const table of ['users', 'teams', 'user_tokens', 'outbox_messages'])
      state[table] = await api.db.query(
        `SELECT * FROM ${table} t WHERE organisation_id = $1 ORDER BY t::text`,
        [world.organisationId],
      );
    return state;
  };

  /** Polls like the page does, keeping every answer. */
  async function follow(client: HttpClient, id: string): Promise<ImportJob[]> {
    const seen: ImportJob[] = [];
    await eventually(async () => {
      const res = await client.get<ImportJob>(`/api/import/jobs/${id}`);
      expect(res.status).toBe(200);
      seen.push(res.body);
      return finished(res.body);
    }, 120_000);
    return seen;
  }

  it('answers 202 with a queued job whose payload is its id, reports progress up to the total, mails each new person once', async () => {
    const rows = people(1, 300);
    const started = await hr.upload<ImportJob>('/api/import/employees?invite=true', csvOf(rows));
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      kind: 'employees',
      status: 'queued',
      progress: { done: 0, total: 300 },
      result: null,
      error: null,
    });
    const queue = api.app.get<Queue>(getQueueToken('imports'));
    const queued = await queue.getJob(`import-${started.body.id}`);
    expect(queued?.data).toEqual({ importJobId: started.body.id });

    const seen = await follow(hr, started.body.id);
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({
      status: 'done',
      progress: { done: 300, total: 300 },
      error: null,
      result: { summary: { create: 300, update: 0, unchanged: 0, error: 0 } },
    });
    expect(last.result?.rows).toHaveLength(300);
    // Progress only goes forward and never passes the total.
    const done = seen.map((j) => j.progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(Math.max(...done)).toBe(300);
    // The upload (personal data) is dropped once applied.
    const [row] = await api.db.query(`SELECT file, status FROM import_jobs WHERE id = $1`, [started.body.id]);
    expect(row).toEqual({ file: null, status: 'done' });

    const addresses = new Set(rows.map((r) => r.split(';')[0]));
    const received = () => smtp.messages.filter((m) => m.to.some((to) => addresses.has(to)));
    await eventually(async () => received().length >= 300, 60_000);
    const unsent = async () =>
      (
        await api.db.query(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1 AND status <> 'sent'`,
          [world.organisationId],
        )
      )[0].n;
    await eventually(async () => (await unsent()) === 0, 60_000);

    // The same job once more (a retry, a duplicate): it finished, so nothing happens again.
    const before = await snapshot();
    const again = await queue.add('run-import', { importJobId: started.body.id }, { jobId: 'run-again' });
    await eventually(async () => (await again.getState()) === 'completed');
    expect(await snapshot()).toEqual(before);
    const mailQueue = api.app.get<Queue>(getQueueToken('mail'));
    await eventually(async () => {
      const counts = await mailQueue.getJobCounts('active', 'wait', 'delayed');
      return counts.active + counts.wait + counts.delayed === 0;
    });
    const perAddress = new Map<string, number>();
    for (const mail of received())
      for (const to of mail.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(perAddress.size).toBe(300);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  });

  it('writes nothing when a row fails at apply time, and the job says which line and why', async () => {
    // A rule the preview does not know: the database refuses the row while the job writes it.
    await api.db.query(
      `ALTER TABLE users ADD CONSTRAINT test_refused_name CHECK (name <> 'Geweigerd bij opslaan')`,
    );
    try {
      const rows = people(1001, 200, (i) => (i === 1151 ? 'Geweigerd bij opslaan' : `Persoon ${i}`));
      const before = await snapshot();
      const started = await hr.upload<ImportJob>('/api/import/employees?invite=true', csvOf(rows));
      expect(started.status).toBe(202);
      const seen = await follow(hr, started.body.id);
      const last = seen[seen.length - 1];
      expect(last.status).toBe('failed');
      // Line 152 of the file (header on line 1) holds person 1151.
      expect(last.error).toMatch(/^line 152: .*test_refused_name.*nothing was imported$/);
      expect(last.progress.done).toBeLessThan(200);
      expect(await snapshot()).toEqual(before);
      const [row] = await api.db.query(`SELECT file FROM import_jobs WHERE id = $1`, [started.body.id]);
      expect(row.file).toBeNull();
    } finally {
      await api.db.query(`ALTER TABLE users DROP CONSTRAINT test_refused_name`);
    }
  });

  it('fails a job whose rows went wrong between the start and the run, writing nothing', async () => {
    const team = await api.db.query(
      `INSERT INTO teams (organisation_id, name) VALUES ($1, 'Verdwijnt') RETURNING id`,
      [world.organisationId],
    );
    const queue = api.app.get<Queue>(getQueueToken('imports'));
    await queue.pause();
    try {
      const started = await hr.upload<ImportJob>(
        '/api/import/employees',
        'email;naam;team\r\nblijft@example.test;Blijft;Jobs team\r\nweg@example.test;Weg;Verdwijnt\r\n',
      );
      expect(started.status).toBe(202);
      await api.db.query(`DELETE FROM teams WHERE id = $1`, [team[0].id]);
      const before = await snapshot();
      await queue.resume();
      const seen = await follow(hr, started.body.id);
      const last = seen[seen.length - 1];
      expect(last).toMatchObject({ status: 'failed', error: '1 row(s) have errors; nothing was imported' });
      expect(last.result?.rows.map((r) => [r.line, r.action])).toEqual([
        [2, 'create'],
        [3, 'error'],
      ]);
      expect(await snapshot()).toEqual(before);
    } finally {
      await queue.resume();
    }
  });

  it('forgets finished imports after 30 days (their results name people), never a running one', async () => {
    const started = await hr.upload<ImportJob>('/api/import/employees', csvOf(people(900, 2)));
    expect(started.status).toBe(202);
    await follow(hr, started.body.id);
    const recent = await hr.upload<ImportJob>('/api/import/employees', csvOf(people(910, 1)));
    await follow(hr, recent.body.id);
    await api.db.query(`UPDATE import_jobs SET finished_at = now() - interval '31 days' WHERE id = $1`, [
      started.body.id,
    ]);
    const [running] = await api.db.query(
      `INSERT INTO import_jobs (organisation_id, kind, status, progress_total, created_at)
       VALUES ($1, 'teams', 'running', 1, now() - interval '90 days') RETURNING id`,
      [world.organisationId],
    );
    const queue = worker.get<Queue>(getQueueToken('imports'));
    const housekeeping = await queue.add('import-housekeeping', {});
    await eventually(async () => (await housekeeping.getState()) === 'completed');
    const left = await api.db.query(`SELECT id FROM import_jobs WHERE id = ANY($1::uuid[])`, [
      [started.body.id, recent.body.id, running.id],
    ]);
    expect(left.map((r: { id: string }) => r.id).sort()).toEqual([recent.body.id, running.id].sort());
    expect((await hr.get(`/api/import/jobs/${started.body.id}`)).status).toBe(404);
    await api.db.query(`DELETE FROM import_jobs WHERE id = $1`, [running.id]);
  });

  it('shows a job only inside its organisation (404) and only to import roles (403)', async () => {
    const started = await hr.upload<ImportJob>('/api/import/teams', 'naam\r\nZichtbaar\r\n');
    expect(started.status).toBe(202);
    await follow(hr, started.body.id);
    const foreign = await createWorld(api.db, 'Jobs elders');
    const intruder = await new HttpClient(api.url).login(foreign.users.admin.email, TEST_PASSWORD);
    for (const id of [started.body.id, '00000000-0000-4000-8000-000000000000', 'not-an-id'])
      expect((await intruder.get(`/api/import/jobs/${id}`)).status).toBe(404);
    const admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    expect((await admin.get(`/api/import/jobs/${started.body.id}`)).status).toBe(200);
    for (const role of ['manager', 'employee'] as const) {
      const client = await new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD);
      expect((await client.get(`/api/import/jobs/${started.body.id}`)).status).toBe(403);
      expect((await client.upload('/api/import/teams', 'naam\r\nStiekem\r\n')).status).toBe(403);
    }
    expect(
      await api.db.query(`SELECT id FROM teams WHERE organisation_id = $1 AND name = 'Stiekem'`, [
        world.organisationId,
      ]),
    ).toEqual([]);
  });
});
