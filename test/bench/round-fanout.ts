/**
 * Benchmark: one self-assessment round for 20,000 employees in 1,000 teams.
 * Reports the time until every invitation exists and every mail is queued, the peak memory of the
 * api and the worker, and the mails per second the worker delivers to a local SMTP sink.
 * Run: npm run bench:round   (EMPLOYEES / TEAMS / DELIVERY_SECONDS change the size)
 */
import { ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createApi, loadConfig } from '@wk/api-testing';
import { createOrganisation, createPublishedValueSet } from '../support/factories';
import { SmtpSink } from '../support/smtp-sink';
import { runBench } from './throwaway';

const EMPLOYEES = Number(process.env.EMPLOYEES ?? 20_000);
const TEAMS = Number(process.env.TEAMS ?? 1_000);
const DELIVERY_SECONDS = Number(process.env.DELIVERY_SECONDS ?? 60);
const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const database = `wk_bench_${Date.now()}`;
const databaseUrl = `${server.protocol}//${server.username}@${server.host}/${database}`;
const prefix = `wk-bench-${Date.now()}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** Peak resident memory of another process (Linux: VmHWM). */
function peakKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(line?.replace(/\D+/g, '') ?? 0);
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(join(__dirname, '..', 'support', 'worker-process.js'), [], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function main() {
  const smtp = new SmtpSink();
  const smtpUrl = await smtp.start();
  const env = { DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, SMTP_URL: smtpUrl, DEMO: '0' };
  const api = await createApi(loadConfig({ ...process.env, ...env, PORT: '0', WEB_DIST: '' }));
  await api.init();
  const { DataSource } = await import('typeorm');
  const db = api.get(DataSource);
  let worker: ChildProcess | undefined;
  try {
    const seedStart = Date.now();
    const org = await createOrganisation(db, 'Benchmark');
    const { versionId } = await createPublishedValueSet(db, org.id);
    await db.query(
      `INSERT INTO teams (organisation_id, name) SELECT $1, 'Team ' || g FROM generate_series(1, $2::int) g`,
      [org.id, TEAMS],
    );
    await db.query(
      `INSERT INTO users (organisation_id, email, name, status, team_id)
       SELECT $1, 'medewerker' || g || '@bench.test', 'Medewerker ' || g, 'active', t.id
         FROM generate_series(1, $2::int) g
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM teams WHERE organisation_id = $1) t
           ON t.n = g % $3`,
      [org.id, EMPLOYEES, TEAMS],
    );
    const [{ id: cycleId }] = await db.query(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone)
       VALUES ($1, 'Benchmark', $2, '0 9 1 1 *', 'Europe/Amsterdam') RETURNING id`,
      [org.id, versionId],
    );
    const seedSeconds = (Date.now() - seedStart) / 1000;

    worker = await startWorker(env);
    const assessments = api.get<Queue>(getQueueToken('assessments'));
    const mail = api.get<Queue>(getQueueToken('mail'));

    const start = Date.now();
    await assessments.add('open-round', { cycleId, scheduledFor: Date.parse('2027-01-04T08:00:00Z') });
    let invitationsAt = 0;
    let queuedAt = 0;
    while (!queuedAt) {
      await sleep(100);
      if (!invitationsAt) {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM assessment_invitations WHERE organisation_id = $1`,
          [org.id],
        );
        if (n >= EMPLOYEES) invitationsAt = Date.now();
      }
      const counts = await mail.getJobCounts(
        'waiting',
        'active',
        'completed',
        'failed',
        'delayed',
        'prioritized',
      );
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (invitationsAt && total >= EMPLOYEES) queuedAt = Date.now();
      if (Date.now() - start > 300_000) throw new Error('round not opened within 5 minutes');
    }

    const deliveryStart = Date.now();
    const deliveredBefore = smtp.messages.length;
    while (smtp.messages.length < EMPLOYEES && Date.now() - deliveryStart < DELIVERY_SECONDS * 1000)
      await sleep(250);
    const deliverySeconds = (Date.now() - deliveryStart) / 1000;
    const delivered = smtp.messages.length;
    const workerPeak = worker.pid ? peakKb(worker.pid) : 0;
    const apiPeak = process.resourceUsage().maxRSS;

    const rows = [
      ['employees / teams', `${EMPLOYEES} / ${TEAMS}`],
      ['seed (not measured below)', `${seedSeconds.toFixed(1)} s`],
      ['every invitation exists', `${((invitationsAt - start) / 1000).toFixed(1)} s`],
      ['every mail queued', `${((queuedAt - start) / 1000).toFixed(1)} s   (target < 60 s)`],
      ['peak memory worker', mb(workerPeak)],
      ['peak memory api (+ bench driver and SMTP sink)', mb(apiPeak)],
      [
        'mails delivered to the SMTP sink',
        `${delivered} in ${deliverySeconds.toFixed(1)} s after queueing = ${((delivered - deliveredBefore) / deliverySeconds).toFixed(0)} mails/s (+${deliveredBefore} during the fan-out)`,
      ],
    ];
    console.log('\nround-fanout benchmark');
    for (const [label, value] of rows) console.log(`  ${label.padEnd(48)} ${value}`);
  } finally {
    worker?.kill('SIGKILL');
    await api.close();
    await smtp.stop();
    const admin = new Client({
      connectionString: `${server.protocol}//${server.username}@${server.host}/postgres`,
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
}

runBench(main);
