import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createCycle } from '../support/cycles';
import { createPublishedValueSet, createWorld, TEST_PASSWORD } from '../support/factories';
import { eventually, RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { SmtpSink } from '../support/smtp-sink';

/** The worker in its own process, so it can be killed like a crashed machine would kill it. */
function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(join(__dirname, '..', 'support', 'worker-process.js'), [], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      message === 'ready' ? resolve(child) : reject(new Error(String(message))),
    );
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
  });
}

describe('a worker killed during the fan-out of a round', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-crash`;
  const smtp = new SmtpSink();
  let api: RunningApi;
  const workers: ChildProcess[] = [];
  let smtpUrl: string;

  beforeAll(async () => {
    smtpUrl = await smtp.start();
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await api?.db.query(`UPDATE assessment_cycles SET status = 'archived' WHERE name = 'Crashtest'`);
    await api?.close();
    await smtp.stop();
  });

  it('leaves every employee exactly one invitation and one mail after a restart', async () => {
    api = await startApi({ SMTP_URL: smtpUrl, QUEUE_PREFIX: prefix });
    const world = await createWorld(api.db, 'Crash');
    const values = await createPublishedValueSet(api.db, world.organisationId);
    await api.db.query(
      `INSERT INTO users (organisation_id, email, name, status, team_id)
       SELECT $1, 'crash' || g || '@example.test', 'Medewerker ' || g, 'active', $2 FROM generate_series(1, 498) g`,
      [world.organisationId, world.teamId],
    );
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const cycle = await createCycle(hr, {
      name: 'Crashtest',
      valuesVersionId: values.versionId,
      teamIds: [world.teamId],
    });

    const env = { SMTP_URL: smtpUrl, QUEUE_PREFIX: prefix, DATABASE_URL: process.env.DATABASE_URL as string };
    workers.push(await startWorkerProcess(env));
    const queue = api.app.get<Queue>(getQueueToken('assessments'));
    const job = await queue.add(
      'open-round',
      { cycleId: cycle.id, scheduledFor: Date.parse('2026-07-06T07:00:00Z') },
      { jobId: 'crash-fan-out', attempts: 6, backoff: { type: 'fixed', delay: 500 } },
    );
    await eventually(() => job.isActive(), 20_000);
    // Into the fan-out (500 invitations and mails in one transaction), then the machine "dies".
    await new Promise((resolve) => setTimeout(resolve, 150));
    workers[0].kill('SIGKILL');
    const [{ n: atCrash }] = await api.db.query(
      `SELECT count(*)::int AS n FROM assessment_invitations i JOIN assessment_rounds r ON r.id = i.round_id WHERE r.cycle_id = $1`,
      [cycle.id],
    );
    expect([0, 500]).toContain(atCrash); // all or nothing: the fan-out is one transaction

    // Other test files share this database; count only mails to this organisation's people.
    const ours = new Set(
      (await api.db.query(`SELECT email FROM users WHERE organisation_id = $1`, [world.organisationId])).map(
        (u: { email: string }) => u.email,
      ),
    );
    const received = () => smtp.messages.filter((m) => m.to.some((to) => ours.has(to)));

    // A new worker picks the stalled jobs up again once their locks (30 s) run out and finishes them;
    // on a busy machine that can take two stall rounds (the fan-out, then mails being sent at the kill).
    workers.push(await startWorkerProcess(env));
    await eventually(async () => received().length >= 500, 200_000).catch(async (error) => {
      const mailQueue = api.app.get<Queue>(getQueueToken('mail'));
      console.error(
        'state when the mails did not all arrive (received, outbox, mail jobs, round jobs, fan-out job):',
        received().length,
        await api.db.query(
          `SELECT status, count(*) FROM outbox_messages WHERE organisation_id = $1 GROUP BY status`,
          [world.organisationId],
        ),
        await mailQueue.getJobCounts(),
        await queue.getJobCounts(),
        await queue.getJobState('crash-fan-out'),
      );
      throw error;
    });
    // If the killed worker had committed the fan-out, the mails went out before BullMQ noticed the
    // stalled job: its lock (30 s) and the stall check (every 30 s) pass before it runs again (a no-op).
    await eventually(async () => (await queue.getJobState('crash-fan-out')) === 'completed', 90_000);

    const [counts] = await api.db.query(
      `SELECT count(*)::int AS invitations, count(DISTINCT i.user_id)::int AS people, count(DISTINCT r.id)::int AS rounds,
              (SELECT count(*)::int FROM outbox_messages o WHERE o.organisation_id = $2 AND o.kind = 'assessment-invite') AS mails
         FROM assessment_invitations i JOIN assessment_rounds r ON r.id = i.round_id WHERE r.cycle_id = $1`,
      [cycle.id, world.organisationId],
    );
    expect(counts).toEqual({ invitations: 500, people: 500, rounds: 1, mails: 500 });
    const perAddress = new Map<string, number>();
    for (const mail of received())
      for (const to of mail.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(perAddress.size).toBe(500);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  }, 360_000);
});
