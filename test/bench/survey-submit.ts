/**
 * Benchmark: customers answering a survey through their mailed single-use link.
 * Boots the real api in-process on a throw-away database and Redis prefix, seeds a survey on a
 * published set of four values through the product (HR signs in, creates the survey, uploads
 * RESPONSES contacts with ?send=true), reads the links from the held outbox mails and posts one
 * answer per token (POST /api/respond/<token>) with autocannon from a separate process. Then it
 * checks the database (one response per 2xx, no invitation answered twice) and compares with a
 * bare pg baseline: the same insert statement without HTTP and Nest.
 * Prints figures and targets; it never fails on a missed target.
 * Run: npm run bench:survey
 *   RESPONSES (30000)  CONNECTIONS (50)  WARMUP (1000)  DURATION (180 s)
 *   API_PROCESSES (2: this process and one more api process from source, sharing the load)
 *   BASELINE_ROWS (5000)  BASELINE_CLIENTS (10)  PROFILE=1 (counts SQL/Redis calls, CPU profile of this process)
 *   ANALYZE=0 (no ANALYZE after the warm-up: cold statistics)
 */
import { ChildProcess, fork, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  createApi,
  createValidationPipe,
  loadConfig,
  STORE_RESPONSE_SQL,
  SubmitRecognitionDto,
} from '@wk/api-testing';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { createSurvey } from '../support/surveys';
import { random } from '../support/random';
import { answer, type LoadRequest, type LoadResult } from './survey-submit-driver';
import {
  benchApiEnv,
  cleanUpOnSignals,
  deleteRedisKeys,
  dropDatabase,
  envNumber,
  runBench,
  throwaway,
} from './throwaway';

const RESPONSES = envNumber('RESPONSES', 30_000, 1);
const WARMUP = envNumber('WARMUP', 1_000);
const CONNECTIONS = envNumber('CONNECTIONS', 50, 1);
const DURATION = envNumber('DURATION', 180, 1);
const BASELINE_ROWS = envNumber('BASELINE_ROWS', 5_000);
const BASELINE_CLIENTS = envNumber('BASELINE_CLIENTS', 10, 1);
const API_PROCESSES = envNumber('API_PROCESSES', 2, 1);
const PROFILE = process.env.PROFILE === '1';
const ANALYZE = process.env.ANALYZE !== '0';
const CSV_CHUNK = 20_000; // MAX_IMPORT_ROWS of a contact upload
const VALUES = 4;
/** Issue 13: on both cores of this machine; the ratio to a bare prepared insert, measured in the same run. */
const TARGETS = { perSecond: 1_800, p99Ms: 60, ratio: 0.45 };

const target = throwaway();
const { database, databaseUrl, adminUrl, prefix } = target;

/** RespondService's own statement: claim the invitation, insert the response and its grades. */
const STORE_SQL = STORE_RESPONSE_SQL;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fixed = (n: number, digits = 0) => n.toFixed(digits);
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

function percentiles(values: number[]) {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
  return { p50: at(50), p90: at(90), p99: at(99), max: sorted.length ? sorted[sorted.length - 1] : 0 };
}

// ---------------------------------------------------------------- CPU accounting (Linux /proc)

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Busy CPU seconds of the whole machine (every core), from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - ticks[3] - ticks[4]) / CLOCK_TICKS; // minus idle and iowait
}

function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc').slice(0, 100_000)) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

/** CPU seconds per process at one moment, by group (a process that starts later counts from 0). */
type CpuSnapshot = Record<string, Map<number, number>>;
const snapshot = (groups: Record<string, number[]>): CpuSnapshot =>
  Object.fromEntries(
    Object.entries(groups).map(([group, pids]) => [group, new Map(pids.map((p) => [p, cpuSeconds(p)]))]),
  );
const cpuUsed = (before: CpuSnapshot, after: CpuSnapshot): Record<string, number> =>
  Object.fromEntries(
    Object.entries(after).map(([group, pids]) => [
      group,
      [...pids].reduce((sum, [pid, s]) => sum + s - (before[group]?.get(pid) ?? 0), 0),
    ]),
  );

/** The server processes of this database's connections (optionally of one application_name). */
async function backendPids(query: (sql: string) => Promise<{ pid: number }[]>, application?: string) {
  const rows = await query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
        ${application ? `AND application_name = '${application}'` : ''}`,
  );
  return rows.map((r) => r.pid);
}

// ---------------------------------------------------------------- load driver (child process)

class Driver {
  private constructor(readonly child: ChildProcess) {}

  static start(): Promise<Driver> {
    const child = fork(join(__dirname, 'run.js'), ['survey-submit-driver'], {
      env: { ...process.env, SURVEY_SUBMIT_DRIVER: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('load driver not ready within 60 s')), 60_000);
      child.once('message', () => {
        clearTimeout(timer);
        resolve(new Driver(child));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`load driver exited with ${code}`));
      });
    });
  }

  run(request: Omit<LoadRequest, 'kind'>): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load driver exited with ${code}`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: { kind: string; result?: LoadResult; message?: string }) => {
        this.child.off('exit', onExit);
        if (message.kind === 'result' && message.result) resolve(message.result);
        else reject(new Error(`load driver failed: ${message.message}`));
      });
      this.child.send({ kind: 'run', ...request });
    });
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.connected) this.child.send({ kind: 'exit' });
    setTimeout(() => this.child.exitCode === null && this.child.kill('SIGKILL'), 2_000).unref();
  }
}

// ---------------------------------------------------------------- more api processes

/** One more api process from source (test/support/api-process.js) on its own port: its base URL. */
function startApiProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = fork(join(__dirname, '../support/api-process.js'), [], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('api process not listening within 120 s')), 120_000);
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      resolve({ child, baseUrl: `http://127.0.0.1:${message.port}` });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`api process exited with ${code}`));
    });
  });
}

// ---------------------------------------------------------------- seeding through the product

/** A draft version with four values, then published (the database freezes it from then on). */
async function publishedValues(db: DataSource, organisationId: string) {
  const [version] = await db.query(
    `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, 1, 'draft') RETURNING id`,
    [organisationId],
  );
  const keys = ['betrouwbaar', 'deskundig', 'behulpzaam', 'persoonlijk'].slice(0, VALUES);
  const rows: { id: string }[] = await db.query(
    `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, level, tier, charge, target_grade, question_nl)
     SELECT $1, $2, k, p - 1, initcap(k), 'basis', 'base', 'rational', 7.5, 'Hoe ' || k || ' waren wij?'
       FROM unnest($3::text[]) WITH ORDINALITY AS x(k, p)
     RETURNING id`,
    [organisationId, version.id, keys],
  );
  await db.query(
    `INSERT INTO value_behaviours (organisation_id, version_id, value_id, key, position, text_nl)
     SELECT $1, $2, id, key || '-1', 0, 'doet wat is afgesproken' FROM experience_values WHERE version_id = $2`,
    [organisationId, version.id],
  );
  await db.query(`UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`, [
    version.id,
  ]);
  return { versionId: version.id as string, valueIds: rows.map((r) => r.id) };
}

/** Uploads `count` distinct contacts in CSV chunks with ?send=true: one wave (and mail) per chunk. */
async function inviteContacts(hr: HttpClient, surveyId: string, count: number): Promise<number> {
  const chunks = Math.ceil(count / CSV_CHUNK);
  const size = Math.ceil(count / chunks);
  for (let chunk = 0; chunk < chunks; chunk++) {
    const lines = ['email;segment;team;taal'];
    for (let i = chunk * size; i < Math.min(count, (chunk + 1) * size); i++)
      lines.push(`klant${i}@bench.test;;;${i % 5 === 0 ? 'en' : 'nl'}`);
    const res = await hr.upload(
      `/api/surveys/${surveyId}/contacts?send=true`,
      lines.join('\n'),
      'klanten.csv',
    );
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`contact upload failed: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    if (res.body.added !== lines.length - 1 || !res.body.wave)
      throw new Error(`contact upload: ${JSON.stringify({ ...res.body, wave: Boolean(res.body.wave) })}`);
  }
  return chunks;
}

async function tokensFromOutbox(db: DataSource, organisationId: string): Promise<string[]> {
  const mails: { text_body: string }[] = await db.query(
    `SELECT text_body FROM outbox_messages WHERE organisation_id = $1 AND kind = 'survey-invite' AND status = 'held'`,
    [organisationId],
  );
  return mails.map((m) => {
    const match = /\/r\/([\w-]+)/.exec(m.text_body);
    if (!match) throw new Error('an invitation mail without a link');
    return match[1];
  });
}

// ---------------------------------------------------------------- optional profiling (PROFILE=1)

interface CallStats {
  calls: number;
  ms: number;
}

/**
 * Counts and times every SQL statement sent by a pg client of this process (whichever way the api
 * sends it: DataSource.query or a pooled client) and every Redis command (rate limit, queues).
 * The time runs from sending on a connection until the api's event loop reads the answer: waiting for a
 * pooled connection is not in it, a busy event loop is.
 */
function instrument() {
  const sql: CallStats = { calls: 0, ms: 0 };
  const red: CallStats = { calls: 0, ms: 0 };
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: Client, ...args: unknown[]) {
    const start = performance.now();
    const done = () => ((sql.calls += 1), (sql.ms += performance.now() - start));
    const callback = args[args.length - 1];
    if (typeof callback === 'function') {
      args[args.length - 1] = (...result: unknown[]) => (done(), callback(...result));
      return query.apply(this, args);
    }
    const result = query.apply(this, args) as Promise<unknown> | undefined;
    result?.then?.(done, done);
    return result;
  };
  const redisProto = Redis.prototype;
  const send = redisProto.sendCommand;
  redisProto.sendCommand = function (this: Redis, ...args: Parameters<Redis['sendCommand']>) {
    const start = performance.now();
    const done = () => ((red.calls += 1), (red.ms += performance.now() - start));
    const result = send.apply(this, args);
    (args[0] as unknown as { promise: Promise<unknown> }).promise.then(done, done);
    return result;
  } as Redis['sendCommand'];
  return {
    reset() {
      Object.assign(sql, { calls: 0, ms: 0 });
      Object.assign(red, { calls: 0, ms: 0 });
    },
    restore() {
      proto.query = query;
      redisProto.sendCommand = send;
    },
    sql,
    redis: red,
  };
}

/** Self time of the api's main thread grouped by package / area, from a V8 CPU profile. */
function summariseProfile(profile: {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    total += us;
    let group: string;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) group = pkg[1];
    else if (url.includes('/apps/api/src/')) group = 'apps/api (our code)';
    else if (url.includes('/libs/')) group = 'libs (our code)';
    else if (url.startsWith('node:')) group = `node ${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
    else if (functionName.startsWith('(')) group = functionName;
    else group = '(native / builtins)';
    groups.set(group, (groups.get(group) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `${fixed((100 * us) / Math.max(1, total), 1).padStart(5)} %  ${name}`);
  return { groups: top(groups, 14), functions: top(functions, 12) };
}

/** The global validation pipe on a submit body, on its own: microseconds per body. */
async function validationMicros(valueIds: string[]): Promise<number> {
  const pipe = createValidationPipe();
  const next = random(7);
  const bodies = Array.from({ length: 2_000 }, () => JSON.parse(JSON.stringify(answer(valueIds, next))));
  const meta = { type: 'body' as const, metatype: SubmitRecognitionDto };
  for (const body of bodies.slice(0, 200)) await pipe.transform(body, meta);
  const start = performance.now();
  for (const body of bodies) await pipe.transform(body, meta);
  return ((performance.now() - start) * 1000) / bodies.length;
}

// ---------------------------------------------------------------- baseline: bare pg, no HTTP, no Nest

/**
 * The same statement from a bare pg Pool: BASELINE_CLIENTS workers, one statement per answer, each
 * on a fresh invitation. `prepared`: as a named statement (parsed and planned once per connection),
 * which is how the api sends it.
 */
async function baseline(
  ctx: { organisationId: string; surveyId: string; versionId: string; waveId: string; valueIds: string[] },
  rows: number,
  prepared: boolean,
) {
  const application = `wk-bench-baseline-${prepared ? 'named' : 'unnamed'}`;
  const pool = new Pool({
    connectionString: databaseUrl,
    max: BASELINE_CLIENTS,
    application_name: application,
  });
  try {
    const invitations: { id: string }[] = await pool
      .query(
        `INSERT INTO survey_invitations (organisation_id, survey_id, wave_id, token_hash, locale)
       SELECT $1, $2, $3, encode(sha256(convert_to('baseline-' || g || '-' || gen_random_uuid(), 'UTF8')), 'hex'), 'nl'
         FROM generate_series(1, $4::int) g
       RETURNING id`,
        [ctx.organisationId, ctx.surveyId, ctx.waveId, rows],
      )
      .then((r) => r.rows);
    const next = random(11);
    const params = invitations.map(({ id }) => {
      const a = answer(ctx.valueIds, next);
      return [
        id,
        ctx.organisationId,
        ctx.surveyId,
        ctx.versionId,
        ctx.waveId,
        'email',
        null,
        null,
        null,
        null,
        'nl',
        null,
        a.nps,
        a.comment || null,
        a.grades.map((g) => g.valueId),
        a.grades.map((g) => g.grade),
      ];
    });
    // Open every connection first, so that connecting is not measured.
    const clients = await Promise.all(Array.from({ length: BASELINE_CLIENTS }, () => pool.connect()));
    clients.forEach((c) => c.release());
    const pids = async () => ({
      postgres: await backendPids(async (sql) => (await pool.query(sql)).rows, application),
      client: [process.pid],
    });
    const cpuBefore = snapshot(await pids());
    const latencies = new Array<number>(params.length);
    let cursor = 0;
    let stored = 0;
    const deadline = Date.now() + DURATION * 1000;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: BASELINE_CLIENTS }, async () => {
        while (cursor < params.length && Date.now() < deadline) {
          const i = cursor++;
          const t = performance.now();
          const result = await pool.query(
            prepared
              ? { name: 'store', text: STORE_SQL, values: params[i] }
              : { text: STORE_SQL, values: params[i] },
          );
          latencies[i] = performance.now() - t;
          if (result.rowCount) stored++;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const cpu = cpuUsed(cpuBefore, snapshot(await pids()));
    const done = latencies.filter((l) => l !== undefined);
    return {
      rows: done.length,
      stored,
      seconds,
      perSecond: done.length / seconds,
      ...percentiles(done),
      postgresCpuMs: (cpu.postgres * 1000) / Math.max(1, done.length),
      clientCpuMs: (cpu.client * 1000) / Math.max(1, done.length),
    };
  } finally {
    await pool.end();
  }
}

// ---------------------------------------------------------------- main

/**
 * Last resort when the process exits before `finally` ran (Nest exits by itself when the api cannot
 * boot): drops the database and the Redis keys from a synchronous child process.
 */
function cleanupSync(): void {
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const Redis = require(${JSON.stringify(require.resolve('ioredis'))});
    (async () => {
      const admin = new Client({ connectionString: ${JSON.stringify(adminUrl)} });
      await admin.connect();
      await admin.query('DROP DATABASE IF EXISTS ${database} WITH (FORCE)');
      await admin.end();
      const redis = new Redis(${JSON.stringify(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')});
      let cursor = '0', rounds = 0;
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', '${prefix}:*', 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0' && ++rounds < 100000);
      await redis.quit();
    })().catch((e) => { console.error('cleanup: ' + e.message); process.exit(1); });`;
  spawnSync(process.execPath, ['-e', script], { stdio: 'inherit', timeout: 30_000 });
}

interface Row {
  label: string;
  value: string;
  target?: string;
  met?: boolean;
}

async function main() {
  const loadBefore = loadavg();
  let api: INestApplication | undefined;
  const moreApis: ChildProcess[] = [];
  let driver: Driver | undefined;
  let cleaned: Promise<void> | undefined;
  let cleanedUp = false;
  const onExit = () => cleanedUp || cleanupSync();
  process.on('exit', onExit);
  let failedSteps = 0;
  const step = (what: string, run: () => Promise<unknown>) =>
    run().catch((e: Error) => {
      failedSteps++;
      console.error(`cleanup, ${what}: ${e.message}`);
    });
  /** Every step runs even when an earlier one fails; a second call waits for the first. */
  const cleanup = () =>
    (cleaned ??= (async () => {
      driver?.stop();
      for (const child of moreApis) if (child.exitCode === null) child.kill('SIGTERM');
      await step('closing the api', async () => api?.close());
      await step('dropping the database', () => dropDatabase(target));
      await step('deleting the Redis keys', () => deleteRedisKeys(target));
      cleanedUp = failedSteps === 0; // otherwise the exit handler tries once more
    })());
  const stopListening = cleanUpOnSignals(cleanup);

  try {
    // No SMTP_URL: invitation mails stay in the outbox ('held'), which is where the links are read.
    const env = benchApiEnv(target, { PUBLIC_LIMIT_PER_IP: '100000000' });
    api = await createApi(loadConfig(env));
    await api.listen(0, '127.0.0.1');
    const { port } = api.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const db = api.get(DataSource);
    const poolMax = (db.options.extra as { max?: number } | undefined)?.max ?? 10;

    // -- seed through the product
    const seedStart = performance.now();
    const org = await createOrganisation(db, 'Benchmark');
    const { versionId, valueIds } = await publishedValues(db, org.id);
    const hrUser = await createUser(db, org.id, { role: 'hr' });
    const hr = await new HttpClient(baseUrl).login(hrUser.email, TEST_PASSWORD);
    const survey = await createSurvey(hr, versionId, { askNps: true });
    const invited = WARMUP + RESPONSES;
    const waves = await inviteContacts(hr, survey.id, invited);
    const tokens = await tokensFromOutbox(db, org.id);
    if (tokens.length !== invited || new Set(tokens).size !== invited)
      throw new Error(`expected ${invited} distinct tokens in the outbox, found ${tokens.length}`);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    console.log(
      `seeded ${invited} invitations in ${waves} wave(s) through the api in ${fixed(seedSeconds, 1)} s; ` +
        `warming up with ${WARMUP}, then ${RESPONSES} answers over ${CONNECTIONS} connections`,
    );

    // Both cores: more api processes against the same database and Redis (the product's
    // API_PROCESSES runs them behind one port; here each has its own and the driver splits the load).
    const baseUrls = [baseUrl];
    for (let i = 1; i < API_PROCESSES; i++) {
      const more = await startApiProcess(env);
      moreApis.push(more.child);
      baseUrls.push(more.baseUrl);
    }

    driver = await Driver.start();
    const load = (label: string, part: string[], seed: number) =>
      driver!.run({
        label,
        baseUrls,
        tokens: part,
        valueIds,
        connections: CONNECTIONS,
        durationSeconds: DURATION,
        seed,
      });
    const warm = WARMUP ? await load('warm-up', tokens.slice(0, WARMUP), 1) : undefined;
    // Steady state: the tables have statistics (autovacuum gets there within a minute or so).
    // ANALYZE=0 keeps the cold state (before the submitted_at index was reordered, a planner
    // without statistics used it for the grades' foreign-key check and scanned every response).
    if (ANALYZE) await db.query('ANALYZE survey_invitations, survey_responses, survey_response_grades');

    const probe = PROFILE ? instrument() : undefined;
    const session = PROFILE ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const redisPids = pidsNamed('redis-server');
    const pids = async () => ({
      api: [process.pid, ...moreApis.map((c) => c.pid ?? 0)],
      'load driver': [driver!.child.pid ?? 0],
      'postgres (api connections)': await backendPids((sql) => db.query(sql)),
      redis: redisPids,
    });
    /**
     * A backend reports its counters to pg_stat_database at the end of a transaction at least 1 s
     * after its last report: one statement on every pooled connection a second later flushes them all.
     */
    const transactions = async () => {
      await sleep(1_100);
      await Promise.all(Array.from({ length: poolMax }, () => db.query('SELECT 1')));
      const [row] = await db.query(
        `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
      );
      return Number(row.n);
    };
    const xactBefore = await transactions();
    const cpuBefore = snapshot(await pids());
    const busyBefore = machineBusySeconds();
    const eluBefore = performance.eventLoopUtilization();
    probe?.reset();

    const run = await load('measured', tokens.slice(WARMUP), 2);

    const elu = performance.eventLoopUtilization(eluBefore);
    const busy = machineBusySeconds() - busyBefore;
    const cpu = cpuUsed(cpuBefore, snapshot(await pids()));
    const profile = session
      ? summariseProfile(
          (await session.post('Profiler.stop')).profile as Parameters<typeof summariseProfile>[0],
        )
      : undefined;
    session?.disconnect();
    const sqlStats = probe ? { ...probe.sql } : undefined;
    const redisStats = probe ? { ...probe.redis } : undefined;
    probe?.restore();
    const validationUs = PROFILE ? await validationMicros(valueIds) : undefined;

    // -- the database agrees: one response per 2xx, no invitation answered twice
    const xactAfter = await transactions(); // also gives requests cut off by DURATION time to finish
    const [check] = await db.query(
      `SELECT (SELECT count(*)::int FROM survey_responses WHERE survey_id = $1) AS responses,
              (SELECT count(*)::int FROM survey_response_grades g JOIN survey_responses r ON r.id = g.response_id
                WHERE r.survey_id = $1) AS grades,
              (SELECT count(*)::int FROM survey_invitations WHERE survey_id = $1 AND answered) AS answered,
              (SELECT count(*)::int FROM (
                 SELECT r.wave_id FROM survey_responses r WHERE r.survey_id = $1 GROUP BY r.wave_id
                 HAVING count(*) <> (SELECT count(*) FROM survey_invitations i
                                      WHERE i.wave_id = r.wave_id AND i.answered)) w) AS waves_off`,
      [survey.id],
    );
    const answeredOk = (warm?.ok ?? 0) + run.ok;

    // -- baseline
    const [{ id: waveId }] = await db.query(
      `SELECT id FROM survey_waves WHERE survey_id = $1 ORDER BY opens_at DESC LIMIT 1`,
      [survey.id],
    );
    const ctx = { organisationId: org.id, surveyId: survey.id, versionId, waveId, valueIds };
    const unnamed = BASELINE_ROWS ? await baseline(ctx, BASELINE_ROWS, false) : undefined;
    const base = BASELINE_ROWS ? await baseline(ctx, BASELINE_ROWS, true) : undefined;
    const [after] = await db.query(`SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1`, [
      survey.id,
    ]);

    // -- report
    const perSecond = run.ok / run.seconds;
    /** Requests sent without an answer (cut off by DURATION, or timed out): the server may still have stored them. */
    const unanswered = run.handedOut - run.responses + (warm ? warm.handedOut - warm.responses : 0);
    const errors = run.non2xx + run.errors;
    const codes = Object.entries(run.status)
      .map(([code, n]) => `${code}: ${n}`)
      .join(', ');
    const cpuLine = Object.entries(cpu)
      .map(([g, s]) => `${g} ${fixed(s, 1)}`)
      .join(', ');
    const perSubmit = (seconds: number) => ms((seconds * 1000) / Math.max(1, run.responses));
    const other = busy - Object.values(cpu).reduce((a, b) => a + b, 0);
    const rows: Row[] = [
      {
        label: 'answers posted (after warm-up)',
        value: `${run.responses} of ${run.tokens} tokens, ${CONNECTIONS} connections`,
      },
      {
        label: 'wall time',
        value: `${fixed(run.seconds, 1)} s (stopped: ${run.stoppedBy === 'tokens' ? 'tokens used up' : `DURATION ${DURATION} s`})`,
      },
      {
        label: 'responses/s (2xx per second)',
        value: fixed(perSecond),
        target: `>= ${TARGETS.perSecond}`,
        met: perSecond >= TARGETS.perSecond,
      },
      {
        label: 'latency p50 / p90 / p99 / max',
        value: `${ms(run.latencyMs.p50)} / ${ms(run.latencyMs.p90)} / ${ms(run.latencyMs.p99)} / ${ms(run.latencyMs.max)} ms`,
        target: `p99 <= ${TARGETS.p99Ms} ms`,
        met: run.latencyMs.p99 <= TARGETS.p99Ms,
      },
      {
        label: 'non-2xx / socket errors / timeouts',
        value: `${run.non2xx} / ${run.errors - run.timeouts} / ${run.timeouts}   (${codes})`,
        target: '0 errors',
        met: errors === 0,
      },
      {
        label: 'tokens handed out / distinct',
        value: `${run.handedOut} / ${run.distinctHandedOut}`,
        target: 'each once',
        met: run.handedOut === run.distinctHandedOut,
      },
      {
        label: 'db: responses == 2xx (incl. warm-up)',
        value: `${check.responses} responses, ${answeredOk} 2xx${unanswered ? `, ${unanswered} requests cut off or timed out` : ''}`,
        target: unanswered ? `2xx..+${unanswered}` : 'equal',
        met: check.responses >= answeredOk && check.responses <= answeredOk + unanswered,
      },
      {
        label: 'db: invitations answered twice',
        value: `${check.answered} answered invitations for ${check.responses} responses; ${check.waves_off} wave(s) off; ${check.grades} grades`,
        target: '0',
        met:
          check.answered === check.responses &&
          check.waves_off === 0 &&
          check.grades === check.responses * VALUES,
      },
      {
        label: 'SQL statements per submit',
        value: `${fixed((xactAfter - xactBefore - poolMax - 3) / Math.max(1, run.responses), 2)} (transactions in pg_stat_database)`,
      },
      {
        label: 'CPU s during the run',
        value: `${cpuLine}, everything else ${fixed(Math.max(0, other), 1)} (of ${fixed(cpus().length * run.seconds, 0)} available)`,
      },
      {
        label: 'CPU per submit: api / postgres',
        value: `${perSubmit(cpu.api)} ms / ${perSubmit(cpu['postgres (api connections)'])} ms; ${API_PROCESSES} api process(es); this one's event loop busy ${fixed(elu.utilization * 100)} %`,
      },
    ];
    const baselineRow = (label: string, b: Awaited<ReturnType<typeof baseline>>): Row => ({
      label,
      value: `${fixed(b.perSecond)} rows/s (${b.stored} of ${b.rows} in ${fixed(b.seconds, 1)} s), p50 ${ms(b.p50)} ms, p99 ${ms(b.p99)} ms, CPU/row client ${ms(b.clientCpuMs)} ms, pg ${ms(b.postgresCpuMs)} ms`,
    });
    if (base && unnamed)
      rows.push(
        baselineRow(`baseline, bare pg ${BASELINE_CLIENTS} clients, unnamed`, unnamed),
        baselineRow(`baseline, bare pg ${BASELINE_CLIENTS} clients, prepared`, base),
        {
          label: 'ratio api responses/s : baseline rows/s',
          value: `${fixed(perSecond / base.perSecond, 2)} (prepared), ${fixed(perSecond / unnamed.perSecond, 2)} (unnamed)`,
          target: `>= ${TARGETS.ratio} (prepared)`,
          met: perSecond / base.perSecond >= TARGETS.ratio,
        },
        {
          label: 'db: responses after the baselines',
          value: `${after.n}`,
          target: `${answeredOk + base.stored + unnamed.stored}`,
          met: after.n === answeredOk + base.stored + unnamed.stored,
        },
      );
    if (warm)
      rows.push({
        label: 'warm-up (not counted)',
        value: `${warm.ok} 2xx of ${warm.tokens} in ${fixed(warm.seconds, 1)} s = ${fixed(warm.ok / warm.seconds)}/s, p99 ${ms(warm.latencyMs.p99)} ms`,
      });
    rows.push({
      label: 'setup',
      value: `${cpus().length} cores, TypeORM pool max ${poolMax}, ${ANALYZE ? 'ANALYZE after warm-up' : 'no ANALYZE'}, seed ${fixed(seedSeconds, 1)} s, load avg ${loadBefore.map((l) => fixed(l, 1)).join(' ')} before / ${loadavg()
        .map((l) => fixed(l, 1))
        .join(' ')} after`,
    });

    console.log('\nsurvey-submit benchmark: POST /api/respond/<token>');
    console.log(`  ${'figure'.padEnd(40)} ${'value'.padEnd(56)} ${'target'.padEnd(14)} met`);
    for (const r of rows)
      console.log(
        `  ${r.label.padEnd(40)} ${r.value.padEnd(56)} ${(r.target ?? '').padEnd(14)} ${r.met === undefined ? '' : r.met ? 'yes' : 'NO'}`,
      );

    if (PROFILE && sqlStats && redisStats && profile) {
      const n = Math.max(1, run.responses);
      console.log('\nprofile (PROFILE=1: instrumented, so the figures above are a little lower)');
      console.log(
        `  SQL statements per submit ${fixed(sqlStats.calls / n, 2)}, ${ms(sqlStats.ms / n)} ms per submit from sending to the api reading the answer (no pool wait; event-loop delay included)`,
      );
      console.log(
        `  Redis commands per submit ${fixed(redisStats.calls / n, 2)}, ${ms(redisStats.ms / n)} ms per submit from sending to the api reading the answer (event-loop delay included)`,
      );
      console.log(`  validation pipe alone: ${fixed(validationUs ?? 0)} µs per body`);
      console.log('  api main thread, self time by area:');
      for (const line of profile.groups) console.log(`    ${line}`);
      console.log('  top functions:');
      for (const line of profile.functions) console.log(`    ${line}`);
    }
  } finally {
    stopListening();
    await cleanup();
  }
}

runBench(main);
