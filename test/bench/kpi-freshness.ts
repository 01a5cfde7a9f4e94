/**
 * Benchmark: how soon the dashboard shows a customer's answer (issue 13 item 3), at RESPONSES
 * stored customer responses (5 values graded each, spread over MONTHS months up to now).
 * Boots the api in-process and the worker as its own process on a throw-away database; then
 *   1. the refresh cost of one month, old and new way: the month recomputed from its raw rows (a
 *      marked month, still what an update or a deletion costs) against adding 1 and 10 new answers;
 *   2. customers answer through the public open link at RATE answers/s for SECONDS s while HR polls
 *      GET /api/insights/kpis (this month) every POLL_MS: the time from sending an answer until the
 *      dashboard counts it (answers are sent one after the other, so the count says which arrived),
 *      and the cost of every refresh pass the worker ran (from the refresh jobs' results).
 * Prints figures and targets; never fails on a missed target.
 * Run: npm run bench:kpi-fresh
 *   RESPONSES (2000000)  MONTHS (24)  RATE (5)  SECONDS (60)  POLL_MS (100)
 *   KEEP=1 keeps the database and prints its name; DATABASE=<that name> runs again on it without generating
 */
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { KpiReport } from '@wk/contracts';
import { createApi, KpiRollupsService, loadConfig, prepareDatabase } from '@wk/api-testing';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { createSurvey } from '../support/surveys';
import {
  cleanUpOnSignals,
  deleteRedisKeys,
  dropDatabase,
  envNumber,
  loadTestEnv,
  runBench,
  throwaway,
} from './throwaway';
import { exited, startWorker } from './worker-child';

const RESPONSES = envNumber('RESPONSES', 2_000_000, 1);
const MONTHS = envNumber('MONTHS', 24, 1);
const RATE = envNumber('RATE', 5, 1, { fraction: true });
const SECONDS = envNumber('SECONDS', 60, 1, { fraction: true });
const POLL_MS = envNumber('POLL_MS', 100, 1, { fraction: true });
const TARGET_P95_MS = 5_000;
const ORGANISATION = 'Vers';
const VALUE_KEYS = ['betrouwbaar', 'deskundig', 'persoonlijk', 'oplossingsgericht', 'proactief'];

const reused = process.env.DATABASE;
const fresh = throwaway();
const target = reused
  ? { ...fresh, database: reused, databaseUrl: fresh.databaseUrl.replace(fresh.database, reused) }
  : fresh;
const env = loadTestEnv(target);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const secs = (ms: number) => (ms / 1000).toFixed(2);
const count = (n: number) => n.toLocaleString('en-US');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;
};

/** The organisation's customer data: 5 values, 20 teams, one survey with NPS, RESPONSES answers over MONTHS months. */
async function generate(db: DataSource, url: string): Promise<void> {
  const org = await createOrganisation(db, ORGANISATION);
  const [version] = await db.query(
    `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, 1, 'draft') RETURNING id`,
    [org.id],
  );
  await db.query(
    `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, level, tier, charge, target_grade)
     SELECT $1, $2, k, p - 1, initcap(k), 'basis', 'base', 'rational', 7.5 FROM unnest($3::text[]) WITH ORDINALITY v(k, p)`,
    [org.id, version.id, VALUE_KEYS],
  );
  await db.query(`UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`, [
    version.id,
  ]);
  await db.query(
    `INSERT INTO teams (organisation_id, name) SELECT $1, 'Team ' || g FROM generate_series(1, 20) g`,
    [org.id],
  );
  const hrUser = await createUser(db, org.id, { role: 'hr' });
  const hr = await new HttpClient(url).login(hrUser.email, TEST_PASSWORD);
  await createSurvey(hr, version.id, { askNps: true });
  // Bulk load without triggers and FK checks (generated consistent); the rebuild rolls it all up.
  const gen = new Client({ connectionString: target.databaseUrl });
  await gen.connect();
  try {
    await gen.query(`SET session_replication_role = replica`);
    for (let m = MONTHS - 1; m >= 0; m--) {
      const t = performance.now();
      const rows = Math.floor((RESPONSES * (m + 1)) / MONTHS) - Math.floor((RESPONSES * m) / MONTHS);
      await gen.query(
        `WITH month AS (
           SELECT date_trunc('month', now() AT TIME ZONE o.time_zone) - make_interval(months => $2) AS start,
                  o.time_zone AS tz, s.id AS survey, s.values_version_id AS version,
                  (SELECT array_agg(id) FROM teams WHERE organisation_id = $1) AS teams
             FROM organisations o JOIN surveys s ON s.organisation_id = o.id WHERE o.id = $1
         ),
         days AS (
           SELECT *, CASE WHEN $2 = 0 THEN extract(day FROM now() AT TIME ZONE tz)::int
                          ELSE extract(day FROM start + interval '1 month - 1 day')::int END AS n FROM month
         ),
         r AS (
           INSERT INTO survey_responses (id, organisation_id, survey_id, values_version_id, channel, team_id, locale, nps, submitted_at)
           SELECT gen_random_uuid(), $1, survey, version, 'open', teams[1 + g % 20], 'nl', g % 11,
                  (start + floor(random() * n) * interval '1 day') AT TIME ZONE tz
             FROM days, generate_series(1, $3::int) g
           RETURNING id
         )
         INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
         SELECT $1, r.id, e.id, CASE WHEN random() < 0.05 THEN NULL ELSE 1 + floor(random() * 10)::int END
           FROM r CROSS JOIN experience_values e WHERE e.organisation_id = $1`,
        [org.id, m, rows],
      );
      console.log(`  month -${m}: ${count(rows)} responses in ${secs(performance.now() - t)} s`);
    }
    await gen.query(`SET session_replication_role = DEFAULT`);
    await gen.query(`VACUUM (ANALYZE) survey_responses`);
    await gen.query(`VACUUM (ANALYZE) survey_response_grades`);
  } finally {
    await gen.end();
  }
}

async function main() {
  let api: INestApplication | undefined;
  let worker: ChildProcess | undefined;
  let events: QueueEvents | undefined;
  const loadBefore = load();
  const cleanup = async () => {
    worker?.kill('SIGKILL');
    if (worker) await exited(worker);
    await events?.close().catch(() => undefined);
    await api?.close().catch(() => undefined);
    if (process.env.KEEP === '1')
      console.log(`kept database ${target.database}: DATABASE=${target.database}`);
    else await dropDatabase(target).catch(() => undefined);
    await deleteRedisKeys(target).catch(() => undefined);
  };
  const stopListening = cleanUpOnSignals(cleanup);
  try {
    await prepareDatabase(target.databaseUrl);
    api = await createApi(loadConfig({ ...process.env, ...env }));
    await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    const db = api.get(DataSource);
    const rollups = api.get(KpiRollupsService);
    console.log(`KPI freshness benchmark on ${target.database} (load ${loadBefore})`);

    let rebuildMs: number | undefined;
    if (!reused) {
      console.log(`generating ${count(RESPONSES)} responses over ${MONTHS} months`);
      await generate(db, url);
      const t = performance.now();
      await rollups.rebuild();
      rebuildMs = performance.now() - t;
      console.log(`full rebuild ${secs(rebuildMs)} s`);
    }
    const [context] = await db.query(
      `SELECT o.id AS org, s.open_code AS code, to_char(now() AT TIME ZONE o.time_zone, 'YYYY-MM') AS month,
              (SELECT count(*)::int FROM survey_responses WHERE organisation_id = o.id) AS responses,
              (SELECT array_agg(id ORDER BY position) FROM experience_values WHERE organisation_id = o.id) AS values
         FROM organisations o JOIN surveys s ON s.organisation_id = o.id WHERE o.name = $1`,
      [ORGANISATION],
    );
    const { org, code, month, values } = context as {
      org: string;
      code: string;
      month: string;
      values: string[];
    };
    const [{ inMonth }] = await db.query(
      `SELECT count(*)::int AS "inMonth" FROM survey_responses r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.organisation_id = $1 AND r.submitted_at >= date_trunc('month', now() AT TIME ZONE o.time_zone) AT TIME ZONE o.time_zone`,
      [org],
    );
    let sent = 0;
    const answer = async () => {
      const i = sent++;
      const res = await new HttpClient(url).post(`/api/respond/open/${code}`, {
        grades: values.map((valueId, v) => ({ valueId, grade: ((i + v) % 10) + 1 })),
        nps: i % 11,
      });
      if (res.status !== 204) throw new Error(`answer refused: ${res.status} ${JSON.stringify(res.body)}`);
    };

    // -- 1. one month's refresh, old and new (in this process, before the worker runs)
    const timeRefresh = async (prepare: () => Promise<unknown>, runs = 3) => {
      const ms: number[] = [];
      for (let run = 0; run < runs; run++) {
        await prepare();
        ms.push((await rollups.refreshCustomer(org)).ms);
      }
      return quantile(ms, 0.5);
    };
    console.log('one month: recomputed against new answers added');
    await rollups.refreshCustomer(org);
    const oldMs = await timeRefresh(() =>
      db.query(
        `INSERT INTO kpi_customer_dirty (organisation_id, month)
         SELECT id, date_trunc('month', now() AT TIME ZONE time_zone)::date FROM organisations WHERE id = $1`,
        [org],
      ),
    );
    const oneMs = await timeRefresh(answer);
    const tenMs = await timeRefresh(async () => {
      for (let i = 0; i < 10; i++) await answer();
    });

    // -- 2. customers answer at a steady rate while HR watches the dashboard
    worker = await startWorker(env);
    events = new QueueEvents('insights', { connection: { url: target.redisUrl }, prefix: target.prefix });
    const passes: { passes: number; responses: number; ms: number }[] = [];
    events.on('completed', ({ returnvalue }) => {
      const result = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as {
        passes?: number;
      } | null;
      if (result && typeof result === 'object' && 'passes' in result && result.passes)
        passes.push(result as (typeof passes)[number]);
    });
    await events.waitUntilReady();
    await sleep(3_000); // what the sweep at the worker's start queued has run

    const hrUser = await createUser(db, org, { role: 'hr' });
    const hr = await new HttpClient(url).login(hrUser.email, TEST_PASSWORD);
    const counted = async () => {
      const report = (await hr.get<KpiReport>(`/api/insights/kpis?period=month&from=${month}&to=${month}`))
        .body;
      const row = report.rows.find(
        (r) => r.group.kind === 'organisation' && r.valueKey === VALUE_KEYS[0] && r.period === month,
      );
      return row?.customer?.n ?? 0;
    };
    const total = Math.round(RATE * SECONDS);
    const sentAt: number[] = [];
    const seenAt: number[] = [];
    const submitMs: number[] = [];
    const base = await counted();
    const first = sent;
    const start = performance.now();
    const submitting = (async () => {
      for (let i = 0; i < total; i++) {
        const due = start + (i * 1000) / RATE;
        if (due > performance.now()) await sleep(due - performance.now());
        sentAt[i] = performance.now();
        await answer();
        submitMs.push(performance.now() - sentAt[i]);
      }
    })();
    const polls: number[] = [];
    let seen = 0;
    while (seen < total) {
      const t = performance.now();
      const now = Math.min(total, (await counted()) - base);
      const at = performance.now();
      polls.push(at - t);
      for (; seen < now; seen++) seenAt[seen] = at;
      if (at - start > SECONDS * 1000 + 120_000) throw new Error(`only ${seen} of ${total} answers counted`);
      await sleep(POLL_MS);
    }
    await submitting;
    const latency = seenAt.map((at, i) => at - sentAt[i]);
    const p95 = quantile(latency, 0.95);
    const perPass = passes.map((p) => p.ms / p.passes);

    console.log(`\nKPI freshness (this machine, load ${loadBefore} before / ${load()} after)`);
    const row = (label: string, value: string, goal = '') =>
      console.log(`  ${label.padEnd(52)} ${value.padEnd(46)} ${goal}`);
    row('data', `${count(context.responses)} responses, ${count(inMonth)} this month (5 grades + NPS each)`);
    if (rebuildMs !== undefined) row('full rebuild', `${secs(rebuildMs)} s`);
    row('old: this month recomputed from raw rows', `${oldMs.toFixed(0)} ms (median of 3)`);
    row('new: 1 new answer added', `${oneMs.toFixed(0)} ms (median of 3)`);
    row('new: 10 new answers added', `${tenMs.toFixed(0)} ms (median of 3)`);
    row(
      `submit -> dashboard (${total} answers, ${RATE}/s, ${SECONDS} s)`,
      `p50 ${secs(quantile(latency, 0.5))} s  p95 ${secs(p95)} s  max ${secs(Math.max(...latency))} s`,
      `p95 <= ${secs(TARGET_P95_MS)} s ${p95 <= TARGET_P95_MS ? 'met' : 'NOT met'}`,
    );
    row(
      `refresh passes (${passes.length} jobs)`,
      `${passes.reduce((a, p) => a + p.passes, 0)} passes, p50 ${quantile(perPass, 0.5).toFixed(0)} ms  p95 ${quantile(perPass, 0.95).toFixed(0)} ms per pass`,
      `${(
        passes.reduce((a, p) => a + p.responses, 0) /
        Math.max(
          1,
          passes.reduce((a, p) => a + p.passes, 0),
        )
      ).toFixed(1)} answers per pass`,
    );
    row(
      'submit (open link)',
      `p50 ${quantile(submitMs, 0.5).toFixed(0)} ms  p95 ${quantile(submitMs, 0.95).toFixed(0)} ms`,
    );
    row(
      'dashboard poll (GET /api/insights/kpis)',
      `p50 ${quantile(polls, 0.5).toFixed(0)} ms  p95 ${quantile(polls, 0.95).toFixed(0)} ms`,
    );
    row('answers sent before the run (cost figures)', `${first}`);
  } finally {
    stopListening();
    await cleanup();
  }
}

runBench(main);
