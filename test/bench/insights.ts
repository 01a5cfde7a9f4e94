/**
 * Benchmark: the outside-in KPI endpoints on two years of data of a large organisation.
 * Generates, in a throw-away database with set-based SQL, EMPLOYEES people in TEAMS teams (a tree of
 * DEPARTMENTS departments), ROUNDS quarterly self-assessment rounds with every behaviour answered
 * (5 values x 3 behaviours) and RESPONSES customer responses over 10 journeys x 5 touchpoints
 * (5 grades each), rebuilds the KPI rollups (KpiRollupsService.rebuild), then times over HTTP, as HR:
 *   overview      GET /api/insights/kpis?period=quarter
 *   value detail  GET /api/insights/kpis?period=quarter&from&to (8 quarters)&breakdown=team&valueKey
 *   behaviours    GET /api/insights/behaviours?period=quarter&valueKey
 * and, as the baseline, the overview's numbers computed by a naive GROUP BY over the raw answers.
 * Prints figures and targets; it never fails on a missed target. The database and the Redis keys
 * of the run are removed at the end, also after an error or Ctrl-C.
 * Run: npm run bench:insights
 *   EMPLOYEES (20000)  TEAMS (1000)  DEPARTMENTS (10)  ROUNDS (8)  RESPONSES (2000000)
 *   REQUESTS (200)  WARMUP (10)  REQUEST_SECONDS (180 per endpoint)  NAIVE_RUNS (20)  NAIVE_SECONDS (60)
 *   RESPONSE_TEAMS (touchpoint: a response's team serves its touchpoint | any: any team)
 *   EXPLAIN=1 prints the plans of the kpi queries (they are summarised anyway when a target is missed)
 *   EXPLAIN_SQL=<file> also runs / explains the statements of a file on the data (to try an index or query)
 *   FAST_LOAD=0 keeps the FK triggers on during the bulk loads (slower; otherwise every FK is checked after)
 *   quick try: RESPONSES=200000 EMPLOYEES=2000 TEAMS=100 npm run bench:insights
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { defaultPeriods, periodMonths, periodOfMonth, periodRange, previousPeriod } from '@wk/domain';
import type { BehaviourReport, KpiReport } from '@wk/contracts';
import {
  createApi,
  KpiRollupsService,
  loadConfig,
  readClosedRounds,
  readCustomer,
  readParticipation,
  readTeamCells,
  type TeamGrouping,
} from '@wk/api-testing';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories';
import { HttpClient } from '../support/http-client';
import {
  benchApiEnv,
  cleanUpOnSignals,
  deleteRedisKeys,
  dropDatabase,
  envNumber,
  runBench,
  throwaway,
} from './throwaway';

const EMPLOYEES = envNumber('EMPLOYEES', 20_000, 1);
const TEAMS = envNumber('TEAMS', 1_000, 2);
const DEPARTMENTS = Math.min(envNumber('DEPARTMENTS', 10, 1), Math.floor(TEAMS / 2));
const LEAVES = TEAMS - DEPARTMENTS;
const ROUNDS = envNumber('ROUNDS', 8, 1);
const RESPONSES = envNumber('RESPONSES', 2_000_000, 1);
const JOURNEYS = 10;
const TOUCHPOINTS_PER_JOURNEY = 5;
const TOUCHPOINTS = JOURNEYS * TOUCHPOINTS_PER_JOURNEY;
const SEGMENTS = 4;
const CHUNKS = 24; // the customer responses are written in this many slices of the 8 quarters up to now
const REQUESTS = envNumber('REQUESTS', 200, 1);
const WARMUP = envNumber('WARMUP', 10);
const REQUEST_SECONDS = envNumber('REQUEST_SECONDS', 180, 1);
const NAIVE_RUNS = envNumber('NAIVE_RUNS', 20, 1);
const NAIVE_SECONDS = envNumber('NAIVE_SECONDS', 60, 1);
const RESPONSE_TEAMS = process.env.RESPONSE_TEAMS === 'any' ? 'any' : 'touchpoint';
const EXPLAIN = process.env.EXPLAIN === '1';
/** Bulk tables are loaded without the per-row FK triggers (session_replication_role), then every FK is checked. */
const FAST_LOAD = process.env.FAST_LOAD !== '0';
const BULK_TABLES = [
  'assessment_invitations',
  'assessment_answers',
  'survey_responses',
  'survey_response_grades',
];
const TIME_ZONE = 'Europe/Amsterdam'; // the organisation's (the column default)
/** The id of a survey's wave of a month (a local month start), the same in the wave and in its responses. */
const WAVE_ID = (survey: string, month: string) => `md5(${survey}::text || ${month}::text)::uuid`;
const TARGETS = { p95Ms: 150, speedup: 20 };

const VALUES: [key: string, level: string, tier: string, charge: string, target: number][] = [
  ['betrouwbaar', 'basis', 'base', 'rational', 7.5],
  ['deskundig', 'basis', 'base', 'rational', 7.5],
  ['gemakkelijk', 'gemak', 'distinguishing', 'rational', 7.0],
  ['persoonlijk', 'persoonlijk', 'distinguishing', 'emotional', 8.0],
  ['verrassend', 'verrassend', 'unique', 'emotional', 7.0],
];
const VALUE_KEY = process.env.VALUE_KEY ?? 'betrouwbaar';
const CHANNELS = ['website', 'phone', 'desk', 'email', 'visit'];

const target = throwaway();
const { databaseUrl } = target;

const fixed = (n: number, digits = 0) => n.toFixed(digits);
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const count = (n: number) => n.toLocaleString('en-US');

function percentiles(values: number[]) {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
  return { n: sorted.length, p50: at(50), p95: at(95), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

// ---------------------------------------------------------------- generation (set-based SQL)

interface Generated {
  organisationId: string;
  versionId: string;
  /** First moment of the 8 quarters of data (organisation time) and the moment generation began. */
  start: Date;
  now: Date;
}

const steps: { phase: string; label: string; seconds: number; rows?: number }[] = [];
let phase = 'generate';

async function step<T>(label: string, work: () => Promise<T>, rows?: (result: T) => number): Promise<T> {
  const t = performance.now();
  process.stdout.write(`  ${label.padEnd(46)} `);
  const result = await work();
  const seconds = (performance.now() - t) / 1000;
  const n = rows?.(result);
  steps.push({ phase, label, seconds, rows: n });
  console.log(`${fixed(seconds, 1).padStart(7)} s${n === undefined ? '' : `   ${count(n)} rows`}`);
  return result;
}

/** The column of one uuid per row, in a fixed order. */
async function ids(gen: Client, sql: string, params: unknown[]): Promise<string[]> {
  return (await gen.query(sql, params)).rows.map((r: { id: string }) => r.id);
}

/**
 * Runs a bulk load with the FK triggers off for this session only (session_replication_role =
 * replica skips triggers, of which these tables have no other than the FK checks: checked first),
 * or with them on when FAST_LOAD=0 or the role may not do that. checkForeignKeys() follows the loads.
 */
async function bulk<T>(gen: Client, fast: boolean, work: () => Promise<T>): Promise<T> {
  if (!fast) return work();
  await gen.query(`SET session_replication_role = replica`);
  try {
    return await work();
  } finally {
    await gen.query(`SET session_replication_role = DEFAULT`);
  }
}

async function fastLoadPossible(gen: Client): Promise<boolean> {
  if (!FAST_LOAD) return false;
  const { rows } = await gen.query(
    `SELECT tgrelid::regclass::text AS relation, tgname FROM pg_trigger
      WHERE tgrelid = ANY($1::regclass[]) AND NOT tgisinternal`,
    [BULK_TABLES],
  );
  if (rows.length) {
    console.log(`  (FK triggers stay on: the bulk tables have other triggers: ${JSON.stringify(rows)})`);
    return false;
  }
  try {
    await gen.query(`SET session_replication_role = replica`);
    await gen.query(`SET session_replication_role = DEFAULT`);
    return true;
  } catch (error) {
    console.log(`  (FK triggers stay on: ${(error as Error).message})`);
    return false;
  }
}

/** Every foreign key of the bulk tables (from the catalog), checked set-based: throws on a dangling reference. */
async function checkForeignKeys(gen: Client): Promise<number> {
  const { rows: keys } = await gen.query(
    `SELECT c.conname, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            array_agg(ca.attname::text ORDER BY k.i) AS cols, array_agg(pa.attname::text ORDER BY k.i) AS refcols
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(ck, pk, i)
       JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.ck
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.pk
      WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
      GROUP BY c.oid, c.conname, c.conrelid, c.confrelid`,
    [BULK_TABLES],
  );
  const q = (name: string) => gen.escapeIdentifier(name);
  const bad: string[] = [];
  for (const k of keys as {
    conname: string;
    child: string;
    parent: string;
    cols: string[];
    refcols: string[];
  }[]) {
    // MATCH SIMPLE: a row with a null in the key is not checked.
    const { rows } = await gen.query(
      `SELECT count(*)::int AS n FROM ${k.child} c
        WHERE ${k.cols.map((c) => `c.${q(c)} IS NOT NULL`).join(' AND ')}
          AND NOT EXISTS (SELECT 1 FROM ${k.parent} p WHERE ${k.cols.map((c, i) => `p.${q(k.refcols[i])} = c.${q(c)}`).join(' AND ')})`,
    );
    if (rows[0].n) bad.push(`${k.conname}: ${rows[0].n} rows`);
  }
  if (bad.length) throw new Error(`dangling references after the bulk load: ${bad.join(', ')}`);
  return keys.length;
}

async function generate(db: DataSource, gen: Client): Promise<Generated> {
  const fast = await fastLoadPossible(gen);
  await gen.query(`SET work_mem = '256MB'`); // this loading session's sorts and hashes
  const org = await createOrganisation(db, 'Benchmark');
  const o = org.id;
  const [{ start, now }] = (
    await gen.query(
      `SELECT (date_trunc('quarter', now() AT TIME ZONE $1::text) - interval '21 months') AT TIME ZONE $1::text AS start,
              now() AS now`,
      [TIME_ZONE],
    )
  ).rows;

  const versionId = await step('value set (5 values x 3 behaviours), published', async () => {
    const [{ id }] = (
      await gen.query(
        `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, 1, 'draft') RETURNING id`,
        [o],
      )
    ).rows;
    await gen.query(
      `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, name_en, level, tier, charge, target_grade)
         SELECT $1, $2, v.key, v.position - 1, initcap(v.key), initcap(v.key), v.level, v.tier, v.charge, v.target
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[]) WITH ORDINALITY
                AS v(key, level, tier, charge, target, position)`,
      [o, id, ...[0, 1, 2, 3, 4].map((c) => VALUES.map((v) => v[c]))],
    );
    await gen.query(
      `INSERT INTO value_behaviours (organisation_id, version_id, value_id, key, position, text_nl, text_en)
         SELECT $1, $2, e.id, e.key || '-' || g, g - 1, 'Gedrag ' || g || ' bij ' || e.name_nl, 'Behaviour ' || g
           FROM experience_values e, generate_series(1, 3) g WHERE e.version_id = $2`,
      [o, id],
    );
    await gen.query(
      `UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`,
      [id],
    );
    return id as string;
  });

  const leaves = await step(
    `teams (${DEPARTMENTS} departments, ${LEAVES} teams below)`,
    async () => {
      await gen.query(
        `INSERT INTO teams (organisation_id, name) SELECT $1, 'Afdeling ' || d FROM generate_series(1, $2::int) d`,
        [o, DEPARTMENTS],
      );
      const departments = await ids(gen, `SELECT id FROM teams WHERE organisation_id = $1 ORDER BY id`, [o]);
      await gen.query(
        `INSERT INTO teams (organisation_id, name, parent_id)
         SELECT $1, 'Team ' || g, ($2::uuid[])[1 + (g - 1) % $3] FROM generate_series(1, $4::int) g`,
        [o, departments, DEPARTMENTS, LEAVES],
      );
      return ids(
        gen,
        `SELECT id FROM teams WHERE organisation_id = $1 AND parent_id IS NOT NULL ORDER BY id`,
        [o],
      );
    },
    (l) => l.length + DEPARTMENTS,
  );

  await step(
    'users (employees in the teams)',
    async () =>
      (
        await gen.query(
          `INSERT INTO users (organisation_id, email, name, status, team_id)
           SELECT $1, 'medewerker' || g || '@bench.test', 'Medewerker ' || g, 'active', ($2::uuid[])[1 + (g - 1) % $3]
             FROM generate_series(1, $4::int) g`,
          [o, leaves, LEAVES, EMPLOYEES],
        )
      ).rowCount ?? 0,
    (n) => n,
  );

  const rounds = await step(
    `cycle, ${ROUNDS} quarterly rounds, invitations`,
    async () => {
      const [{ id: cycleId }] = (
        await gen.query(
          `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone)
           VALUES ($1, 'Kwartaalmeting', $2, '0 9 5 1,4,7,10 *', $3) RETURNING id`,
          [o, versionId, TIME_ZONE],
        )
      ).rows;
      // Opens on the 5th of a quarter's first month (the current round: at the latest an hour ago).
      await gen.query(
        `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at, closed_at)
         SELECT $1, $2, $3, at, at, at + interval '14 days',
                CASE WHEN at + interval '14 days' <= now() THEN at + interval '14 days' END
           FROM (SELECT least((date_trunc('quarter', now() AT TIME ZONE $4::text) - make_interval(months => 3 * k)
                               + interval '4 days 9 hours') AT TIME ZONE $4::text, now() - interval '1 hour') AS at
                   FROM generate_series(0, $5::int - 1) k) r`,
        [o, cycleId, versionId, TIME_ZONE, ROUNDS],
      );
      // Everyone is invited to every round; about 85% complete it within the window.
      const { rowCount } = await bulk(gen, fast, () =>
        gen.query(
          `INSERT INTO assessment_invitations (organisation_id, round_id, user_id, token_hash, team_id, completed_at, created_at)
         SELECT $1, r.id, u.id, encode(sha256(convert_to(r.id::text || u.id::text, 'UTF8')), 'hex'), u.team_id,
                CASE WHEN random() < 0.85 THEN r.opens_at + random() * least(interval '13 days', now() - r.opens_at) END,
                r.opens_at
           FROM assessment_rounds r CROSS JOIN users u
          WHERE r.organisation_id = $1 AND u.organisation_id = $1 AND u.team_id IS NOT NULL
          ORDER BY r.opens_at, u.id`,
          [o],
        ),
      );
      const roundIds = await ids(
        gen,
        `SELECT id FROM assessment_rounds WHERE organisation_id = $1 ORDER BY opens_at`,
        [o],
      );
      return { roundIds, invitations: rowCount ?? 0 };
    },
    (r) => r.invitations,
  );

  // Every behaviour answered (a level 1-4, ~5% n.v.t.), also by those who never submitted (a draft).
  await step(
    'assessment answers (per round)',
    () =>
      bulk(gen, fast, async () => {
        let total = 0;
        for (const roundId of rounds.roundIds) {
          const { rowCount } = await gen.query(
            `INSERT INTO assessment_answers (organisation_id, invitation_id, behaviour_id, level, updated_at)
           SELECT i.organisation_id, i.id, b.id,
                  CASE WHEN random() >= 0.05 THEN least(4, greatest(1, round(
                    2.75 + (2 - e.position) * 0.12 + (get_byte(uuid_send(i.team_id), 0) - 127.5) / 255 * 0.6
                    + (random() + random() - 1) * 1.7)))::smallint END,
                  coalesce(i.completed_at, i.created_at + interval '1 day')
             FROM assessment_invitations i
             CROSS JOIN value_behaviours b JOIN experience_values e ON e.id = b.value_id
            WHERE i.round_id = $1 AND b.version_id = $2
            ORDER BY i.id, b.id`,
            [roundId, versionId],
          );
          total += rowCount ?? 0;
        }
        return total;
      }),
    (n) => n,
  );

  const context = await step(
    `segments, ${JOURNEYS} journeys x ${TOUCHPOINTS_PER_JOURNEY} touchpoints, surveys`,
    async () => {
      await gen.query(
        `INSERT INTO customer_segments (organisation_id, name) SELECT $1, 'Segment ' || s FROM generate_series(1, $2::int) s`,
        [o, SEGMENTS],
      );
      await gen.query(
        `INSERT INTO customer_journeys (organisation_id, name) SELECT $1, 'Reis ' || j FROM generate_series(1, $2::int) j`,
        [o, JOURNEYS],
      );
      const journeys = await ids(
        gen,
        `SELECT id FROM customer_journeys WHERE organisation_id = $1 ORDER BY id`,
        [o],
      );
      await gen.query(
        `INSERT INTO journey_touchpoints (organisation_id, journey_id, position, name, channel, moment_of_truth)
         SELECT $1, j.id, p, 'Contactmoment ' || (p + 1), ($3::text[])[1 + p % cardinality($3::text[])], p = 2
           FROM unnest($2::uuid[]) j(id), generate_series(0, $4::int - 1) p`,
        [o, journeys, CHANNELS, TOUCHPOINTS_PER_JOURNEY],
      );
      const touchpoints = await ids(
        gen,
        `SELECT t.id FROM journey_touchpoints t JOIN unnest($2::uuid[]) WITH ORDINALITY j(id, n) ON j.id = t.journey_id
          WHERE t.organisation_id = $1 ORDER BY j.n, t.position`,
        [o, journeys],
      );
      // Each team serves one touchpoint (team k: touchpoint k mod 50).
      await gen.query(
        `INSERT INTO touchpoint_teams (organisation_id, touchpoint_id, team_id)
         SELECT $1, ($3::uuid[])[1 + (k - 1) % $4], t.id FROM unnest($2::uuid[]) WITH ORDINALITY t(id, k)`,
        [o, leaves, touchpoints, TOUCHPOINTS],
      );
      const segments = await ids(
        gen,
        `SELECT id FROM customer_segments WHERE organisation_id = $1 ORDER BY id`,
        [o],
      );
      await gen.query(
        `INSERT INTO surveys (organisation_id, name, values_version_id, journey_id, open_code, ask_nps, opens_at)
         SELECT $1, 'Klanten reis ' || n, $2, j.id, md5(j.id::text), true, $4
           FROM unnest($3::uuid[]) WITH ORDINALITY j(id, n)`,
        [o, versionId, journeys, start],
      );
      const surveys = await ids(
        gen,
        `SELECT s.id FROM surveys s JOIN unnest($2::uuid[]) WITH ORDINALITY j(id, n) ON j.id = s.journey_id
          WHERE s.organisation_id = $1 ORDER BY j.n`,
        [o, journeys],
      );
      // A wave per survey and calendar month (as a monthly schedule would send), with ids the
      // response generator derives from survey and month, so responses can name their wave.
      await gen.query(
        `INSERT INTO survey_waves (id, organisation_id, survey_id, kind, scheduled_for, opens_at, closes_at, closed_at)
         SELECT ${WAVE_ID('s.id', 'm')}, $1, s.id, 'scheduled', m AT TIME ZONE '${TIME_ZONE}', m AT TIME ZONE '${TIME_ZONE}',
                (m + interval '1 month') AT TIME ZONE '${TIME_ZONE}', (m + interval '1 month') AT TIME ZONE '${TIME_ZONE}'
           FROM unnest($2::uuid[]) s(id),
                generate_series(date_trunc('month', $3::timestamptz AT TIME ZONE '${TIME_ZONE}'),
                                date_trunc('month', now() AT TIME ZONE '${TIME_ZONE}'), interval '1 month') m`,
        [o, surveys, start],
      );
      return { journeys, touchpoints, segments, surveys };
    },
  );

  // Time windows of equal length over the 24 months; the last one ends now.
  const span = now.getTime() - start.getTime();
  const windows = Array.from({ length: CHUNKS }, (_, i) => ({
    from: new Date(start.getTime() + (span * i) / CHUNKS),
    until: new Date(start.getTime() + (span * (i + 1)) / CHUNKS),
    rows: Math.floor((RESPONSES * (i + 1)) / CHUNKS) - Math.floor((RESPONSES * i) / CHUNKS),
  }));
  const teamOf =
    RESPONSE_TEAMS === 'any'
      ? `1 + floor(random() * $10::int)::int`
      : `1 + ((x.tp - 1) + $11::int * floor(random() * ceil($10::int::float8 / $11::int))::int) % $10::int`;

  await step(
    `survey responses (${CHUNKS} chunks)`,
    () =>
      bulk(gen, fast, async () => {
        let total = 0;
        for (const w of windows) {
          if (!w.rows) continue;
          const { rowCount } = await gen.query(
            `INSERT INTO survey_responses (id, organisation_id, survey_id, values_version_id, channel, journey_id,
                                         touchpoint_id, segment_id, team_id, locale, nps, submitted_at, wave_id)
           SELECT gen_random_uuid() AS id, $1, ($3::uuid[])[x.j], $2, 'email', ($4::uuid[])[x.j], ($5::uuid[])[x.tp],
                  ($6::uuid[])[1 + floor(random() * cardinality($6::uuid[]))::int], ($7::uuid[])[${teamOf}],
                  CASE WHEN random() < 0.1 THEN 'en' ELSE 'nl' END,
                  least(10, greatest(0, round(7.3 - 1.5 * ((x.tp - 1) % $12::int = 2)::int + (random() + random() + random() - 1.5) * 3.2)))::smallint,
                  x.at, ${WAVE_ID('($3::uuid[])[x.j]', `date_trunc('month', x.at AT TIME ZONE '${TIME_ZONE}')`)}
             FROM (SELECT tp, 1 + (tp - 1) / $12::int AS j, $8::timestamptz + random() * ($9::timestamptz - $8::timestamptz) AS at
                     FROM (SELECT 1 + floor(random() * $11::int)::int AS tp FROM generate_series(1, $13::int)) t) x
            ORDER BY 1`,
            [
              o,
              versionId,
              context.surveys,
              context.journeys,
              context.touchpoints,
              context.segments,
              leaves,
              w.from,
              w.until,
              LEAVES,
              TOUCHPOINTS,
              TOUCHPOINTS_PER_JOURNEY,
              w.rows,
            ],
          );
          total += rowCount ?? 0;
        }
        return total;
      }),
    (n) => n,
  );

  await step(
    `survey response grades (${CHUNKS} chunks)`,
    () =>
      bulk(gen, fast, async () => {
        let total = 0;
        for (const [i, w] of windows.entries()) {
          const { rowCount } = await gen.query(
            `INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
           SELECT r.organisation_id, r.id, e.id,
                  CASE WHEN random() >= 0.05 THEN least(10, greatest(1, round(
                    7.0 + (2 - e.position) * 0.25 - 1.3 * (t.position = 2)::int
                    + (get_byte(uuid_send(r.team_id), 0) - 127.5) / 255 * 0.8
                    + 0.4 * extract(epoch FROM r.submitted_at - $4::timestamptz)::float8 / $5::float8
                    + (random() + random() + random() - 1.5) * 2.6)))::smallint END
             FROM survey_responses r JOIN journey_touchpoints t ON t.id = r.touchpoint_id
             CROSS JOIN experience_values e
            WHERE r.organisation_id = $1 AND e.version_id = $2
              AND r.submitted_at >= $3::timestamptz AND r.submitted_at < $6::timestamptz
            ORDER BY r.id, e.id`,
            [o, versionId, w.from, start, span / 1000, i === CHUNKS - 1 ? 'infinity' : w.until],
          );
          total += rowCount ?? 0;
        }
        return total;
      }),
    (n) => n,
  );

  if (fast) await step('foreign keys of the bulk tables checked', () => checkForeignKeys(gen));
  await gen.query(`RESET work_mem`);
  await step('VACUUM (ANALYZE) of the loaded tables', async () => {
    for (const table of [
      'teams',
      'users',
      'assessment_rounds',
      'assessment_invitations',
      'assessment_answers',
      'experience_values',
      'value_behaviours',
      'journey_touchpoints',
      'touchpoint_teams',
      'surveys',
      'survey_responses',
      'survey_response_grades',
    ])
      await gen.query(`VACUUM (ANALYZE) ${table}`);
  });
  return { organisationId: o, versionId, start, now };
}

// ---------------------------------------------------------------- naive baseline (raw rows, plain pg)

interface NaiveCell {
  n: number;
  mean: number | null;
}

/** The overview's numbers straight from the raw answers: self, customer grades, NPS, participation. */
function naiveQueries(organisationId: string, first: string, afterLast: string) {
  const quarter = (ts: string) =>
    `to_char(date_trunc('quarter', ${ts} AT TIME ZONE o.time_zone), 'YYYY-"Q"Q')`;
  const bounds = `(SELECT ($2::date)::timestamp AT TIME ZONE time_zone FROM organisations WHERE id = $1)`;
  const boundsEnd = `(SELECT ($3::date)::timestamp AT TIME ZONE time_zone FROM organisations WHERE id = $1)`;
  const params = [organisationId, first, afterLast];
  return {
    self: {
      params,
      sql: `WITH respondent AS (
              SELECT ${quarter('r.opens_at')} AS period, e.key AS value_key, i.id,
                     avg(a.level)::float8 AS score, avg((a.level >= 3)::int)::float8 AS good,
                     avg((a.level = 4)::int)::float8 AS role
                FROM assessment_answers a
                JOIN assessment_invitations i ON i.id = a.invitation_id
                JOIN assessment_rounds r ON r.id = i.round_id
                JOIN organisations o ON o.id = r.organisation_id
                JOIN value_behaviours b ON b.id = a.behaviour_id
                JOIN experience_values e ON e.id = b.value_id
               WHERE r.organisation_id = $1 AND i.completed_at IS NOT NULL AND a.level IS NOT NULL
                 AND r.opens_at >= ${bounds} AND r.opens_at < ${boundsEnd}
               GROUP BY 1, 2, 3)
            SELECT period, value_key AS key, count(*)::int AS n, avg(score) AS mean, stddev_samp(score) AS sd,
                   avg(good) AS good, avg(role) AS role
              FROM respondent GROUP BY 1, 2`,
    },
    customer: {
      params,
      sql: `SELECT ${quarter('r.submitted_at')} AS period, e.key, count(g.grade)::int AS n,
                   count(*) - count(g.grade) AS dont_know, avg(g.grade)::float8 AS mean, stddev_samp(g.grade)::float8 AS sd,
                   count(*) FILTER (WHERE g.grade >= 8) AS ge8, count(*) FILTER (WHERE g.grade >= 9) AS ge9
              FROM survey_response_grades g
              JOIN survey_responses r ON r.id = g.response_id
              JOIN organisations o ON o.id = r.organisation_id
              JOIN experience_values e ON e.id = g.value_id
             WHERE r.organisation_id = $1 AND r.submitted_at >= ${bounds} AND r.submitted_at < ${boundsEnd}
             GROUP BY 1, 2`,
    },
    nps: {
      params,
      sql: `SELECT ${quarter('r.submitted_at')} AS period, count(r.nps)::int AS n,
                   count(*) FILTER (WHERE r.nps >= 9) AS promoters, count(*) FILTER (WHERE r.nps <= 6) AS detractors
              FROM survey_responses r JOIN organisations o ON o.id = r.organisation_id
             WHERE r.organisation_id = $1 AND r.submitted_at >= ${bounds} AND r.submitted_at < ${boundsEnd}
             GROUP BY 1`,
    },
    participation: {
      params,
      sql: `SELECT ${quarter('r.opens_at')} AS period, count(*)::int AS invited, count(i.completed_at)::int AS completed
              FROM assessment_invitations i
              JOIN assessment_rounds r ON r.id = i.round_id
              JOIN organisations o ON o.id = r.organisation_id
             WHERE r.organisation_id = $1 AND r.opens_at >= ${bounds} AND r.opens_at < ${boundsEnd}
             GROUP BY 1`,
    },
  };
}

async function naiveBaseline(client: Client, queries: ReturnType<typeof naiveQueries>) {
  const run = async () => {
    const parts: Record<string, number> = {};
    const results: Record<string, Record<string, unknown>[]> = {};
    const t = performance.now();
    for (const [name, q] of Object.entries(queries)) {
      const s = performance.now();
      results[name] = (await client.query(q.sql, q.params)).rows;
      parts[name] = performance.now() - s;
    }
    return { total: performance.now() - t, parts, results };
  };
  const warm = await run(); // not counted: the first pass reads the tables into the cache
  const totals: number[] = [];
  const parts: Record<string, number[]> = {};
  let last = warm;
  const deadline = performance.now() + NAIVE_SECONDS * 1000;
  while (totals.length < NAIVE_RUNS && (totals.length === 0 || performance.now() < deadline)) {
    last = await run();
    totals.push(last.total);
    for (const [name, v] of Object.entries(last.parts)) (parts[name] ??= []).push(v);
  }
  return { warmMs: warm.total, totals, parts, results: last.results };
}

// ---------------------------------------------------------------- HTTP

async function timeEndpoint(client: HttpClient, path: string) {
  let bytes = 0;
  for (let i = 0; i < WARMUP; i++) {
    const res = await client.get(path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const latencies: number[] = [];
  let body: unknown;
  const deadline = performance.now() + REQUEST_SECONDS * 1000;
  while (latencies.length < REQUESTS && performance.now() < deadline) {
    const t = performance.now();
    const res = await client.get(path);
    latencies.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    body = res.body;
    bytes = Number(res.headers.get('content-length') ?? 0);
  }
  return { ...percentiles(latencies), bytes, body };
}

/** The SQL the kpi queries send (captured through a stand-in EntityManager), explained on the data. */
async function explainKpiQueries(
  client: Client,
  rollups: KpiRollupsService,
  organisationId: string,
  ranges: Record<string, { first: string; afterLast: string }>,
  full: boolean,
) {
  const departments = (
    await client.query(`SELECT id FROM teams WHERE organisation_id = $1 AND parent_id IS NULL`, [
      organisationId,
    ])
  ).rows.map((r: { id: string }) => r.id);
  // The latest closed round, and the last full month of responses.
  const [{ round_id: roundId, month }] = (
    await client.query(
      `SELECT (SELECT id FROM assessment_rounds WHERE organisation_id = $1 AND closed_at IS NOT NULL
                ORDER BY opens_at DESC LIMIT 1) AS round_id,
              (max(month) - interval '1 month')::date::text AS month
         FROM kpi_customer WHERE organisation_id = $1`,
      [organisationId],
    )
  ).rows;
  const captured: { label: string; sql: string; params: unknown[] }[] = [];
  const capture = (label: string) =>
    ({
      query: async (sql: string, params: unknown[]) => {
        captured.push({ label, sql, params });
        return [];
      },
    }) as unknown as EntityManager;
  const org: TeamGrouping = { roots: [], restrict: false, byRoot: false };
  const teams: TeamGrouping = { roots: departments, restrict: true, byRoot: true };
  const overview = { organisationId, ...ranges.overview, ids: null };
  const detail = { organisationId, ...ranges.detail, ids: null };
  await readCustomer(capture('overview  readCustomer'), overview, org, {}, 'organisation');
  await readClosedRounds(capture('overview  readClosedRounds'), overview);
  await readTeamCells(capture('overview  readTeamCells'), organisationId, [roundId], 'value');
  await readParticipation(capture('overview  readParticipation'), overview, org);
  await readCustomer(capture('detail    readCustomer (team)'), detail, teams, {}, 'team');
  await readTeamCells(capture('behaviours readTeamCells'), organisationId, [roundId], 'behaviour', VALUE_KEY);
  // One round and one month of the rebuild, in a transaction that is rolled back.
  const writers = rollups as unknown as {
    writeRound(m: EntityManager, roundId: string): Promise<void>;
    writeCustomerMonth(m: EntityManager, organisationId: string, month: string): Promise<void>;
  };
  await writers.writeRound(capture('rebuild   a round:'), roundId);
  await writers.writeCustomerMonth(capture('rebuild   a month:'), organisationId, month);
  const out: { label: string; ms: number; plan: string[] }[] = [];
  let inTransaction = false;
  for (const q of captured) {
    const write = q.label.startsWith('rebuild');
    if (write && !inTransaction) await client.query('BEGIN');
    if (!write && inTransaction) await client.query('ROLLBACK');
    inTransaction = write;
    if (write && /^\s*DELETE/.test(q.sql)) {
      await client.query(q.sql, q.params); // as the rebuild does; rolled back below
      continue;
    }
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
    const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']);
    const line = plan.find((l) => l.startsWith('Execution Time'));
    const target = write ? /INSERT INTO (\w+)/.exec(q.sql)?.[1] : undefined;
    out.push({
      label: target ? `${q.label} ${target}` : q.label,
      ms: Number(line?.replace(/[^\d.]/g, '') ?? NaN),
      plan,
    });
  }
  if (inTransaction) await client.query('ROLLBACK');
  console.log(
    `\nkpi queries (kpi-queries.ts) and rebuild statements (kpi-rollups.service.ts) on this data: EXPLAIN ANALYZE`,
  );
  for (const q of out) {
    const scans = scanSummary(q.plan);
    console.log(`  ${q.label.padEnd(36)} ${ms(q.ms).padStart(6)} ms   ${scans.join('; ')}`);
    if (full) for (const l of q.plan) console.log(`      ${l}`);
  }
}

/** The scans of a plan on the big tables: kind, relation, index and rows read. */
function scanSummary(plan: string[]): string[] {
  return plan
    .filter((l) => /(?<!Bitmap Index) Scan (using \w+ )?on (kpi_|x_|survey_|assessment_answers)/.test(l))
    .map((l) => {
      const m =
        /((?:Parallel )?(?:Seq|Index Only|Index|Bitmap Heap) Scan)(?: using (\w+))? on (\w+).*actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)/.exec(
          l,
        );
      return m
        ? `${m[1]} ${m[3]}${m[2] ? ` (${m[2]})` : ''} ${count(Number(m[4]) * Number(m[5]))} rows`
        : l.trim();
    });
}

/**
 * EXPLAIN_SQL=<file>: statements (ending in `;` at a line end, each optionally after a `-- label` line)
 * run on the generated data before it is dropped, to try an index or a query change. A SELECT/WITH
 * is explained (EXPLAIN ANALYZE), anything else executed and timed; a label `value: ...` prints the rows instead. Parameters: $1 organisation id,
 * $2 and $3 the overview's first and after-last month, $4 the value detail's first month, $5 the value key.
 */
async function explainFile(client: Client, file: string, params: unknown[]) {
  const statements = readFileSync(file, 'utf8')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--.*$/gm, '').trim());
  console.log(`\nstatements of ${file}`);
  for (const statement of statements.slice(0, 100)) {
    const label = /^--\s*(.*)$/m.exec(statement)?.[1] ?? statement.replace(/\s+/g, ' ').slice(0, 60);
    const text = statement.replace(/^--.*$/gm, '').trim();
    // Parameters are written in as literals (as a custom plan of the bound query would see them).
    const sql = text.replace(/\$(\d+)\b/g, (_, n) => client.escapeLiteral(String(params[Number(n) - 1])));
    const t = performance.now();
    if (label.startsWith('value:')) {
      const { rows } = await client.query(sql);
      console.log(
        `  ${label.padEnd(60)} ${ms(performance.now() - t).padStart(7)} ms   ${JSON.stringify(rows.slice(0, 5))}`,
      );
    } else if (/^(SELECT|WITH)\b/i.test(sql)) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
      const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      const time = Number(plan.find((l) => l.startsWith('Execution Time'))?.replace(/[^\d.]/g, '') ?? NaN);
      console.log(`  ${label.padEnd(60)} ${ms(time).padStart(7)} ms   ${scanSummary(plan).join('; ')}`);
      if (EXPLAIN) for (const l of plan) console.log(`      ${l}`);
    } else {
      const result = await client.query(sql);
      console.log(
        `  ${label.padEnd(60)} ${ms(performance.now() - t).padStart(7)} ms   ${result.rowCount ?? ''} rows`,
      );
    }
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const loadBefore = loadavg();
  let api: INestApplication | undefined;
  let gen: Client | undefined;
  let naive: Client | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await gen?.end().catch(() => undefined);
      await naive?.end().catch(() => undefined);
      await api?.close().catch((e: Error) => console.error(`closing the api: ${e.message}`));
      await dropDatabase(target);
      await deleteRedisKeys(target);
    })());
  const stopListening = cleanUpOnSignals(cleanup);

  try {
    api = await createApi(loadConfig(benchApiEnv(target)));
    await api.listen(0, '127.0.0.1');
    const { port } = api.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const db = api.get(DataSource);
    gen = new Client({ connectionString: databaseUrl });
    await gen.connect();

    console.log(
      `insights benchmark: EMPLOYEES=${EMPLOYEES} TEAMS=${TEAMS} (${DEPARTMENTS} departments) ROUNDS=${ROUNDS} ` +
        `RESPONSES=${RESPONSES} RESPONSE_TEAMS=${RESPONSE_TEAMS}; database ${target.database}`,
    );
    console.log('generation');
    const genStart = performance.now();
    const data = await generate(db, gen);
    const genSeconds = (performance.now() - genStart) / 1000;
    const o = data.organisationId;

    phase = 'rollups';
    console.log('rollups');
    const rollups = api.get(KpiRollupsService);
    const rebuilt = await step('KpiRollupsService.rebuild(orgId)', () => rollups.rebuild(o));
    const rebuildSeconds = steps[steps.length - 1].seconds;
    await step('VACUUM (ANALYZE) of the rollups', async () => {
      for (const table of ['kpi_self', 'kpi_behaviours', 'kpi_participation', 'kpi_customer', 'kpi_state'])
        await gen!.query(`VACUUM (ANALYZE) ${table}`);
    });
    const sizes: Record<string, { rows: number; size: string }> = {};
    for (const table of [
      'assessment_answers',
      'survey_responses',
      'survey_response_grades',
      'kpi_self',
      'kpi_behaviours',
      'kpi_participation',
      'kpi_customer',
    ]) {
      const [row] = (
        await gen.query(
          `SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size($1::regclass)) AS size FROM ${table}`,
          [table],
        )
      ).rows;
      sizes[table] = { rows: row.n, size: row.size };
    }

    // -- periods, as the api computes them (organisation time)
    const [{ today }] = (
      await gen.query(
        `SELECT to_char(now() AT TIME ZONE time_zone, 'YYYY-MM') AS today FROM organisations WHERE id = $1`,
        [o],
      )
    ).rows;
    const thisQuarter = periodOfMonth('quarter', today);
    const overviewPeriods = (() => {
      const d = defaultPeriods('quarter', today);
      return periodRange('quarter', d.from, d.to);
    })();
    let detailFrom = thisQuarter;
    for (let i = 1; i < 8; i++) detailFrom = previousPeriod('quarter', detailFrom);
    const rangeOf = (periods: string[], withPrevious: boolean) => ({
      first: periodMonths('quarter', withPrevious ? previousPeriod('quarter', periods[0]) : periods[0]).first,
      afterLast: periodMonths('quarter', periods[periods.length - 1]).afterLast,
    });
    const ranges = {
      overview: rangeOf(overviewPeriods, true),
      detail: rangeOf(periodRange('quarter', detailFrom, thisQuarter), true),
      behaviours: rangeOf(overviewPeriods, false),
    };

    // -- HTTP as HR
    phase = 'endpoints';
    console.log('endpoints');
    const hrUser = await createUser(db, o, { role: 'hr' });
    const hr = await new HttpClient(baseUrl).login(hrUser.email, TEST_PASSWORD);
    const [{ id: firstSurvey }] = (
      await gen.query(`SELECT id FROM surveys WHERE organisation_id = $1 ORDER BY name LIMIT 1`, [o])
    ).rows;
    const endpoints = [
      { label: 'overview', path: `/api/insights/kpis?period=quarter` },
      {
        label: 'value detail (kpis by team)',
        path: `/api/insights/kpis?period=quarter&from=${detailFrom}&to=${thisQuarter}&breakdown=team&valueKey=${VALUE_KEY}`,
      },
      {
        label: 'value detail (behaviours)',
        path: `/api/insights/behaviours?period=quarter&valueKey=${VALUE_KEY}`,
      },
      { label: 'per round (last 4)', path: `/api/insights/kpis?period=round` },
      {
        label: 'per wave (last 4 of a survey, by team)',
        path: `/api/insights/kpis?period=wave&surveyId=${firstSurvey}&breakdown=team`,
      },
    ];
    const timed: Record<string, Awaited<ReturnType<typeof timeEndpoint>>> = {};
    for (const e of endpoints) {
      timed[e.label] = await step(`GET ${e.label}`, () => timeEndpoint(hr, e.path));
    }
    const overview = timed.overview.body as KpiReport;
    const detail = timed['value detail (kpis by team)'].body as KpiReport;
    const behaviours = timed['value detail (behaviours)'].body as BehaviourReport;

    // -- naive baseline
    console.log('naive baseline');
    naive = new Client({ connectionString: databaseUrl });
    await naive.connect();
    const queries = naiveQueries(o, ranges.overview.first, ranges.overview.afterLast);
    const baseline = await step(
      `naive GROUP BY (1 warm-up, <= ${NAIVE_RUNS} runs / ${NAIVE_SECONDS} s)`,
      () => naiveBaseline(naive!, queries),
    );
    const naiveStats = percentiles(baseline.totals);

    // -- the naive means against the endpoint's
    const compare = (kind: 'customer' | 'self') => {
      const naiveCells = new Map<string, NaiveCell>(
        baseline.results[kind].map((r) => [
          `${r.period}|${r.key}`,
          { n: Number(r.n), mean: r.mean === null ? null : Number(r.mean) },
        ]),
      );
      let maxDiff = 0;
      let cells = 0;
      let countMismatch = 0;
      for (const row of overview.rows) {
        if (row.group.kind !== 'organisation') continue;
        const self = row.self && !row.self.suppressed ? row.self : null;
        const stat =
          kind === 'customer'
            ? row.customer && { n: row.customer.n, mean: row.customer.grade.mean }
            : self && { n: self.n, mean: self.score.mean };
        if (!stat) continue;
        const mean = stat.mean;
        const cell = naiveCells.get(`${row.period}|${row.valueKey}`) ?? { n: 0, mean: null };
        cells++;
        if (cell.n !== stat.n) countMismatch++;
        if ((mean === null) !== (cell.mean === null)) maxDiff = Infinity;
        else if (mean !== null && cell.mean !== null) maxDiff = Math.max(maxDiff, Math.abs(mean - cell.mean));
      }
      const ok = cells > 0 && maxDiff < 1e-9 && countMismatch === 0;
      return `${ok ? 'OK' : 'MISMATCH'} (${cells} period x value cells, max |difference| ${maxDiff.toExponential(1)}, n differs in ${countMismatch})`;
    };

    // -- figures
    const row = (label: string, value: string, target = '', met?: boolean) =>
      console.log(
        `  ${label.padEnd(58)} ${value.padEnd(50)} ${target.padEnd(16)} ${met === undefined ? '' : met ? 'yes' : 'NO'}`,
      );
    console.log(`\ninsights benchmark: figures`);
    row('figure', 'value', 'target', undefined);
    row(
      'data',
      `${count(EMPLOYEES)} employees, ${count(TEAMS)} teams, ${ROUNDS} rounds, ${count(RESPONSES)} responses`,
    );
    for (const s of steps.filter((s) => s.phase === 'generate'))
      row(
        `  generate: ${s.label}`,
        `${fixed(s.seconds, 1)} s${s.rows === undefined ? '' : `  (${count(s.rows)} rows)`}`,
      );
    row('generation in all', `${fixed(genSeconds, 1)} s`);
    row(
      'rebuild(orgId)',
      `${fixed(rebuildSeconds, 1)} s  (${rebuilt.rounds} rounds, ${rebuilt.months} months)`,
    );
    for (const [table, s] of Object.entries(sizes)) row(`  rows ${table}`, `${count(s.rows)}  (${s.size})`);
    const endpointP95 = Math.max(...Object.values(timed).map((t) => t.p95));
    for (const [label, t] of Object.entries(timed))
      row(
        `${label} (${t.n} req)`,
        `p50 ${ms(t.p50)} ms  p95 ${ms(t.p95)} ms  max ${ms(t.max)} ms`,
        `p95 <= ${TARGETS.p95Ms} ms`,
        t.p95 <= TARGETS.p95Ms,
      );
    row(
      '  response sizes',
      `${overview.rows.length} / ${detail.rows.length} rows, ${behaviours.behaviours.length} behaviours; ${[...Object.values(timed)].map((t) => `${fixed(t.bytes / 1024)} kB`).join(' / ')}`,
    );
    row(
      `naive overview (${naiveStats.n} runs after 1 warm-up)`,
      `p50 ${ms(naiveStats.p50)} ms  p95 ${ms(naiveStats.p95)} ms  max ${ms(naiveStats.max)} ms  (warm-up ${ms(baseline.warmMs)} ms)`,
    );
    row(
      '  naive parts (mean)',
      Object.entries(baseline.parts)
        .map(([name, v]) => `${name} ${ms(v.reduce((a, b) => a + b, 0) / v.length)}`)
        .join(', ') + ' ms',
    );
    const ratio = naiveStats.p95 / timed.overview.p95;
    row(
      'naive p95 / overview p95',
      `${fixed(ratio, 1)}x`,
      `>= ${TARGETS.speedup}x`,
      ratio >= TARGETS.speedup,
    );
    row('customer means: naive = endpoint', compare('customer'));
    row('self means: naive = endpoint', compare('self'));
    row(
      'machine',
      `${cpus().length} cores, load ${loadBefore.map((l) => fixed(l, 1)).join(' ')} before / ${loadavg()
        .map((l) => fixed(l, 1))
        .join(' ')} after`,
    );

    if (EXPLAIN || endpointP95 > TARGETS.p95Ms) await explainKpiQueries(gen, rollups, o, ranges, EXPLAIN);
    if (process.env.EXPLAIN_SQL)
      await explainFile(gen, process.env.EXPLAIN_SQL, [
        o,
        ranges.overview.first,
        ranges.overview.afterLast,
        ranges.detail.first,
        VALUE_KEY,
      ]);
  } finally {
    stopListening();
    await cleanup();
  }
}

runBench(main);
