/**
 * Benchmark: how soon the KPI rollups are current again after the worker restarts.
 * Boots the api in-process on a throw-away database and Redis prefix, loads RESPONSES customer
 * answers of this month with set-based SQL (a grade per value of the survey) and rebuilds the
 * rollups; starts the worker as its own process; customers answer through the open link, and the
 * worker is killed (SIGKILL, as a crash or an OOM kill would) while it recomputes this month (marked
 * as a deletion marks it; adding new answers alone takes milliseconds), or
 * stopped (SIGTERM, a deploy). More answers arrive while it is down. Then a new worker starts and
 * the bench polls until the month's rollup counts every stored grade, printing the seconds from
 * the moment the new worker is up (target ≤ 10 s) and its boot time apart (ts-node compiles the
 * worker from source here: seconds on an idle machine, a minute under load; the built worker
 * boots in a few seconds). Prints figures; never fails on a missed target.
 * Run: npm run bench:kpi-restart      RESPONSES (300000)  ANSWERS (40)  ROUNDS (2 per way of stopping)
 */
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createApi, KpiRollupsService, loadConfig, prepareDatabase } from '@wk/api-testing';
import {
  createOrganisation,
  createPublishedValueSet,
  createTeam,
  createUser,
  TEST_PASSWORD,
} from '../support/factories';
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

const RESPONSES = envNumber('RESPONSES', 300_000);
const ANSWERS = envNumber('ANSWERS', 40, 1);
const ROUNDS = envNumber('ROUNDS', 2, 1);
const TARGET_SECONDS = 10;

const target = throwaway();
const { databaseUrl, prefix } = target;
const env = loadTestEnv(target);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main() {
  let api: INestApplication | undefined;
  let worker: ChildProcess | undefined;
  const insights = new Queue('insights', { connection: { url: target.redisUrl }, prefix });
  const cleanup = async () => {
    worker?.kill('SIGKILL');
    await insights.close().catch(() => undefined);
    await api?.close().catch(() => undefined);
    await dropDatabase(target).catch(() => undefined);
    await deleteRedisKeys(target).catch(() => undefined);
  };
  const stopListening = cleanUpOnSignals(cleanup);
  try {
    await prepareDatabase(databaseUrl);
    api = await createApi(loadConfig({ ...process.env, ...env }));
    await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    const db = api.get(DataSource);

    // -- data: one organisation, a survey on its published values, RESPONSES answers this month
    const org = await createOrganisation(db, 'Herstart');
    const teamId = await createTeam(db, org.id, 'Klantcontact');
    const values = await createPublishedValueSet(db, org.id);
    const hrUser = await createUser(db, org.id, { role: 'hr', teamId });
    const hr = await new HttpClient(url).login(hrUser.email, TEST_PASSWORD);
    const survey = await createSurvey(hr, values.versionId, { teamId });
    const [{ open_code: code }] = await db.query(`SELECT open_code FROM surveys WHERE id = $1`, [survey.id]);
    const valueIds: string[] = (
      await db.query(`SELECT id FROM experience_values WHERE version_id = $1 ORDER BY key`, [
        values.versionId,
      ])
    ).map((r: { id: string }) => r.id);
    let t = performance.now();
    await db.query(
      `WITH r AS (
         INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, team_id, locale, nps, submitted_at)
         SELECT $1, $2, $3, 'open', $4, 'nl', g % 11, date_trunc('day', now())
           FROM generate_series(1, $5::int) g RETURNING id)
       INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
       SELECT $1, r.id, v.id, CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 10)::int END
         FROM r CROSS JOIN unnest($6::uuid[]) AS v(id)`,
      [org.id, survey.id, values.versionId, teamId, RESPONSES, valueIds],
    );
    await db.query(`DELETE FROM kpi_customer_dirty`);
    await db.query(`ANALYZE survey_responses; ANALYZE survey_response_grades`);
    console.log(
      `loaded ${RESPONSES.toLocaleString('en-US')} responses (${(RESPONSES * valueIds.length).toLocaleString('en-US')} grades) in ${seconds(performance.now() - t)} s`,
    );
    t = performance.now();
    await api.get(KpiRollupsService).rebuild(org.id);
    console.log(`full rollup rebuild ${seconds(performance.now() - t)} s`);

    /** Grades stored, against grades the month's rollup counts (answered plus "weet ik niet"). */
    const counts = async () => {
      const [row] = await db.query(
        `SELECT (SELECT count(*)::int FROM survey_response_grades WHERE organisation_id = $1) AS stored,
                (SELECT coalesce(sum(n + dont_know), 0)::int FROM kpi_customer_org k
                   JOIN experience_values e ON e.key = k.metric AND e.version_id = $2
                  WHERE k.organisation_id = $1) AS rolled`,
        [org.id, values.versionId],
      );
      return row as { stored: number; rolled: number };
    };
    let n = 0;
    const answer = async () => {
      const i = n++;
      const res = await new HttpClient(url).post(`/api/respond/open/${code}`, {
        grades: valueIds.map((valueId, v) => ({ valueId, grade: ((i + v) % 10) + 1 })),
      });
      if (res.status !== 204) throw new Error(`answer refused: ${res.status} ${JSON.stringify(res.body)}`);
    };

    const results: { how: string; sinceStart: number; sinceReady: number; sinceLastAnswer: number }[] = [];
    worker = await startWorker(env);
    for (const how of ['SIGKILL', 'SIGTERM'] as const)
      for (let round = 0; round < ROUNDS; round++) {
        // Answers reach the running worker; it is stopped while it refreshes the month. New answers
        // alone take a pass of milliseconds, so the month is marked as a deletion would mark it:
        // the refresh recomputes it from the raw rows, long enough to be caught in the middle.
        await db.query(
          `INSERT INTO kpi_customer_dirty (organisation_id, month)
           SELECT id, date_trunc('month', now() AT TIME ZONE time_zone)::date FROM organisations WHERE id = $1`,
          [org.id],
        );
        for (let i = 0; i < ANSWERS; i++) await answer();
        const deadline = Date.now() + 60_000;
        while (!(await insights.getJobs(['active'])).some((j) => j.name === 'refresh-customer')) {
          if (Date.now() > deadline) throw new Error('no refresh started within 60 s');
          await sleep(20);
        }
        worker.kill(how);
        await exited(worker);
        // Customers keep answering while no worker runs.
        for (let i = 0; i < ANSWERS; i++) await answer();
        const lastAnswer = performance.now();
        const { stored } = await counts();
        const started = performance.now();
        worker = await startWorker(env);
        const ready = performance.now();
        for (;;) {
          const now = await counts();
          if (now.rolled === stored) break;
          if (performance.now() - started > 300_000)
            throw new Error(`not converged in 300 s: ${JSON.stringify(now)}`);
          await sleep(50);
        }
        const done = performance.now();
        results.push({
          how,
          sinceStart: done - started,
          sinceReady: done - ready,
          sinceLastAnswer: done - lastAnswer,
        });
        console.log(
          `${how} during a refresh: rollups current ${seconds(done - started)} s after the new worker started ` +
            `(${seconds(done - ready)} s after it was ready, ${seconds(done - lastAnswer)} s after the last answer)`,
        );
      }

    console.log('\nKPI rollups after a worker restart (this machine)');
    for (const how of ['SIGKILL', 'SIGTERM']) {
      const mine = results.filter((r) => r.how === how);
      const worst = Math.max(...mine.map((r) => r.sinceReady));
      console.log(
        `  ${how === 'SIGKILL' ? 'killed mid-refresh' : 'stopped (SIGTERM)'}: current ${mine.map((r) => seconds(r.sinceReady)).join(' / ')} s ` +
          `after the new worker was up (its boot from source: ${mine.map((r) => seconds(r.sinceStart - r.sinceReady)).join(' / ')} s); ` +
          `worst ${seconds(worst)} s, target ≤ ${TARGET_SECONDS} s ${worst <= TARGET_SECONDS * 1000 ? 'met' : 'NOT met'}`,
      );
    }
    console.log(
      `  data: ${RESPONSES.toLocaleString('en-US')} responses this month, ${ANSWERS} answers before and ${ANSWERS} while down`,
    );
  } finally {
    stopListening();
    await cleanup();
  }
}

runBench(main);
