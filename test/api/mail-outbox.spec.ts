import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { SmtpSink } from '../support/smtp-sink';

const countStatus = async (api: RunningApi, organisationId: string) =>
  Object.fromEntries(
    (
      await api.db.query(
        `SELECT status, count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1 GROUP BY status`,
        [organisationId],
      )
    ).map((r: { status: string; n: number }) => [r.status, r.n]),
  );

describe('mail outbox without SMTP', () => {
  let api: RunningApi;
  let world: World;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
    world = await createWorld(api.db, 'Zonder SMTP');
  });
  afterAll(() => api.close());

  it('keeps messages as "held" and lets admins read them', async () => {
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const created = await hr.post('/api/people', { email: 'held@example.test', name: 'Held Mail' });
    expect(created.status).toBe(201);
    expect(await countStatus(api, world.organisationId)).toEqual({ held: 1 });

    const admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    const list = await admin.get('/api/outbox?status=held');
    expect(list.body.total).toBe(1);
    const [message] = list.body.items;
    expect(message).toMatchObject({ to: 'held@example.test', kind: 'invite', status: 'held', attempts: 0 });
    expect(message.subject).toBe('Uitnodiging voor Waardenkompas van Zonder SMTP');
    expect((await admin.get(`/api/outbox/${message.id}`)).body.text).toContain('/set-password?token=');
    expect((await hr.get('/api/outbox')).status).toBe(403);
  });
});

describe('mail delivery by the worker', () => {
  const smtp = new SmtpSink();
  let smtpUrl: string;
  let api: RunningApi;
  let world: World;
  const prefix = `${process.env.QUEUE_PREFIX}-delivery`;

  beforeAll(async () => {
    smtpUrl = await smtp.start();
    api = await startApi({ SMTP_URL: smtpUrl, QUEUE_PREFIX: prefix });
    world = await createWorld(api.db, 'Bezorging');
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  it('re-queues unsent messages at worker start (Redis lost them) and sends each exactly once', async () => {
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    for (const n of [1, 2, 3])
      await hr.post('/api/people', { email: `wacht${n}@example.test`, name: `Wacht ${n}` });
    // Simulate Redis losing its queue: wipe this run's mail jobs before any worker saw them.
    const queue = api.app.get<Queue>(getQueueToken('mail'));
    await queue.obliterate({ force: true });
    expect(await countStatus(api, world.organisationId)).toEqual({ pending: 3 });

    const worker = await startWorker({ SMTP_URL: smtpUrl, QUEUE_PREFIX: prefix });
    try {
      await eventually(async () => (await countStatus(api, world.organisationId)).sent === 3);
      expect(
        smtp.messages
          .filter((m) => m.to[0].startsWith('wacht'))
          .map((m) => m.to[0])
          .sort(),
      ).toEqual(['wacht1@example.test', 'wacht2@example.test', 'wacht3@example.test']);
      // Dispatching the same messages again (a repeated job) sends nothing new.
      const ids: { id: string }[] = await api.db.query(
        `SELECT id FROM outbox_messages WHERE organisation_id = $1`,
        [world.organisationId],
      );
      for (const { id } of ids) await queue.add('send-mail', { outboxId: id }, { jobId: `again-${id}` });
      await eventually(async () => (await queue.getJobCounts('completed')).completed >= 6);
      expect(smtp.messages.filter((m) => m.to[0].startsWith('wacht'))).toHaveLength(3);
      expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(smtp.messages.length);
    } finally {
      await worker.close();
    }
  });

  it('stops while mails are being sent: those finish, the rest go out after a restart, each once', async () => {
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const addresses = Array.from({ length: 40 }, (_, i) => `stop${i}@example.test`);
    for (const [i, email] of addresses.entries()) await hr.post('/api/people', { email, name: `Stop ${i}` });
    const queue = api.app.get<Queue>(getQueueToken('mail'));

    const worker = await startWorker({ SMTP_URL: smtpUrl, QUEUE_PREFIX: prefix });
    // The moment the first sends are under way (they open the pool's connections).
    while ((await queue.getActiveCount()) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // Closing must wait for the sends in flight and return (it hung when the SMTP pool closed under them).
    await worker.close();
    const stopped = await api.db.query(
      `SELECT status, count(*)::int AS n FROM outbox_messages WHERE to_address LIKE 'stop%' GROUP BY status`,
    );
    expect(stopped.every((r: { status: string }) => r.status === 'sent' || r.status === 'pending')).toBe(
      true,
    );

    const restarted = await startWorker({ SMTP_URL: smtpUrl, QUEUE_PREFIX: prefix });
    try {
      await eventually(async () => {
        const [{ n }] = await api.db.query(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE to_address LIKE 'stop%' AND status = 'sent'`,
        );
        return n === addresses.length;
      }, 30_000);
      const received = smtp.messages.flatMap((m) => m.to).filter((to) => to.startsWith('stop'));
      expect(received.sort()).toEqual([...addresses].sort());
    } finally {
      await restarted.close();
    }
  });
});

describe('mail delivery when the SMTP server is down', () => {
  it('retries with backoff and delivers once the server is back, without duplicates', async () => {
    const smtp = new SmtpSink();
    const url = await smtp.start();
    await smtp.stop(); // the port is now closed: every attempt fails
    const prefix = `${process.env.QUEUE_PREFIX}-retry`;
    const api = await startApi({ SMTP_URL: url, QUEUE_PREFIX: prefix });
    let worker: INestApplicationContext | undefined;
    try {
      const world = await createWorld(api.db, 'Storing');
      worker = await startWorker({ SMTP_URL: url, QUEUE_PREFIX: prefix });
      const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
      await hr.post('/api/people', { email: 'later@example.test', name: 'Later' });
      const failed = await eventually(async () => {
        const [row] = await api.db.query(
          `SELECT attempts, last_error, status FROM outbox_messages WHERE to_address = 'later@example.test'`,
        );
        return row?.attempts >= 1 && row.last_error ? row : null;
      });
      expect(failed.status).toBe('pending');
      expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);

      // Bring a server up on the same port; the next retry (exponential backoff: 5, 10, 20 s) delivers.
      // On a busy machine a second attempt may fail before the server is back, so wait out one more step.
      const port = Number(new URL(url).port);
      const revived = new SmtpSink();
      await revived.startOn(port);
      try {
        await eventually(async () => revived.to('later@example.test').length === 1, 45_000);
        const [row] = await api.db.query(
          `SELECT status, attempts FROM outbox_messages WHERE to_address = 'later@example.test'`,
        );
        expect(row.status).toBe('sent');
        expect(row.attempts).toBeGreaterThanOrEqual(2);
        expect(revived.to('later@example.test')).toHaveLength(1);
      } finally {
        await revived.stop();
      }
    } finally {
      await worker?.close();
      await api.close();
    }
  }, 120_000);
});

describe('inviting everyone still pending', () => {
  it('mails each invited person without a live link once, and nothing on a second run', async () => {
    const api = await startApi({ SMTP_URL: undefined });
    try {
      const world = await createWorld(api.db, 'Bulk');
      await api.db.query(
        `INSERT INTO users (organisation_id, email, name, status) VALUES ($1, 'p1@example.test', 'P1', 'invited'), ($1, 'p2@example.test', 'P2', 'invited')`,
        [world.organisationId],
      );
      const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
      expect((await hr.post('/api/people/invitations')).body).toEqual({ invited: 2 });
      expect((await hr.post('/api/people/invitations')).body).toEqual({ invited: 0 });
      const rows = await api.db.query(
        `SELECT to_address FROM outbox_messages WHERE organisation_id = $1 ORDER BY to_address`,
        [world.organisationId],
      );
      expect(rows.map((r: { to_address: string }) => r.to_address)).toEqual([
        'p1@example.test',
        'p2@example.test',
      ]);
    } finally {
      await api.close();
    }
  });
});
