import { KpiRollupsService } from '@wk/api-testing';
import { RunningApi, startApi } from '../support/harness';
import { random } from '../support/random';
import { createSurvey, surveyWorld } from '../support/surveys';

/**
 * Fresh KPIs (issue 13 item 3): a refresh adds the responses stored since the last one to the
 * rollups instead of recomputing their month, and recomputes a month only after any other change.
 * A property over generated sequences of submits, late grades, deletions, updates (a response moved
 * to another month or team, a grade changed), month boundaries and refreshes running concurrently
 * with each other and with writes: after the last refresh the rollups equal a full rebuild, and
 * nothing is left queued. A failure names the seed and the operations that led to it.
 */
const SEQUENCES = 10;
const STEPS = 30;

/** Draws from a seeded generator, so a failing sequence can be replayed from its seed. */
function draws(seed: number) {
  const next = random(seed);
  return {
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

/** Local days around month boundaries (organisation time): each becomes a response's day. */
const DAYS = [
  `date_trunc('day', now() AT TIME ZONE o.time_zone)`,
  `date_trunc('month', now() AT TIME ZONE o.time_zone)`,
  `date_trunc('month', now() AT TIME ZONE o.time_zone) - interval '1 day'`,
  `date_trunc('month', now() AT TIME ZONE o.time_zone) - interval '2 months'`,
];

describe('incremental customer rollups', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('equal a rebuild after any sequence of inserts, deletions, updates and concurrent refreshes', async () => {
    const rollups = api.app.get(KpiRollupsService, { strict: false });
    const { world, versionId, hr } = await surveyWorld(api, 'Incrementeel');
    const org = world.organisationId;
    const surveys = [
      (await createSurvey(hr, versionId, { askNps: true })).id,
      (await createSurvey(hr, versionId, { teamId: world.teamId })).id,
    ];
    const teams = [world.teamId, world.otherTeamId, null];

    /** `count` responses with their grades in one statement, as a customer's submit stores them. */
    const submit = async (rng: ReturnType<typeof draws>, count: number) => {
      const rows = Array.from({ length: count }, () => ({
        survey: rng.pick(surveys),
        team: rng.pick(teams),
        day: rng.int(DAYS.length),
        nps: rng.int(3) ? rng.int(11) : null,
        grades: [rng.int(11), rng.int(11)].map((g) => (g === 0 ? null : g)),
      }));
      await api.db.query(
        `WITH input AS (
           SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(survey uuid, team uuid, day int, nps int, grades int[])
         ),
         stored AS (
           INSERT INTO survey_responses (id, organisation_id, survey_id, values_version_id, channel, team_id, locale, nps, submitted_at)
           SELECT gen_random_uuid(), $1, i.survey, $3, 'open', i.team, 'nl', i.nps,
                  (CASE i.day ${DAYS.map((d, n) => `WHEN ${n} THEN ${d}`).join(' ')} END) AT TIME ZONE o.time_zone
             FROM input i, organisations o WHERE o.id = $1
           RETURNING id, survey_id
         )
         INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
         SELECT $1, s.id, e.id, (i.grades)[e.position + 1]
           FROM (SELECT id, row_number() OVER () AS n FROM stored) s
           JOIN (SELECT *, row_number() OVER () AS n FROM input) i ON i.n = s.n
           JOIN experience_values e ON e.version_id = $3 AND e.position < 2`,
        [org, JSON.stringify(rows), versionId],
      );
    };
    const someResponses = async (count: number): Promise<string[]> =>
      (
        await api.db.query(
          `SELECT id FROM survey_responses WHERE organisation_id = $1 ORDER BY random() LIMIT $2`,
          [org, count],
        )
      ).map((r: { id: string }) => r.id);

    const operations: Record<string, (rng: ReturnType<typeof draws>) => Promise<unknown>> = {
      submit: (rng) => submit(rng, 1 + rng.int(4)),
      submitMany: (rng) => submit(rng, 20 + rng.int(40)),
      lateGrades: async (rng) => {
        // A response first, its grades in a later transaction (as a hand-written correction would).
        const [{ id }] = await api.db.query(
          `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, locale)
           VALUES ($1, $2, $3, 'open', 'nl') RETURNING id`,
          [org, rng.pick(surveys), versionId],
        );
        await api.db.query(
          `INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
           SELECT $1, $2, id, $4 FROM experience_values WHERE version_id = $3`,
          [org, id, versionId, 1 + rng.int(10)],
        );
      },
      delete: async (rng) =>
        api.db.query(`DELETE FROM survey_responses WHERE id = ANY ($1::uuid[])`, [
          await someResponses(1 + rng.int(3)),
        ]),
      move: async (rng) =>
        api.db.query(
          `UPDATE survey_responses r SET submitted_at = (${rng.pick(DAYS)}) AT TIME ZONE o.time_zone
             FROM organisations o WHERE o.id = r.organisation_id AND r.id = ANY ($1::uuid[])`,
          [await someResponses(1 + rng.int(2))],
        ),
      retag: async (rng) =>
        api.db.query(`UPDATE survey_responses SET team_id = $2 WHERE id = ANY ($1::uuid[])`, [
          await someResponses(1 + rng.int(3)),
          rng.pick(teams),
        ]),
      regrade: async (rng) =>
        api.db.query(`UPDATE survey_response_grades SET grade = $2 WHERE response_id = ANY ($1::uuid[])`, [
          await someResponses(1),
          rng.int(2) ? 1 + rng.int(10) : null,
        ]),
      refresh: () => rollups.refreshCustomer(org),
      // Two workers at once (a job taken over after its lock lapsed), while customers keep answering.
      refreshTwiceWhileSubmitting: (rng) =>
        Promise.all([
          rollups.refreshCustomer(org),
          rollups.refreshCustomer(org),
          submit(rng, 1 + rng.int(10)),
        ]),
      refreshWhileDeleting: (rng) => Promise.all([rollups.refreshCustomer(org), operations.delete(rng)]),
    };

    const snapshot = async () => {
      const rows: { t: string; row: string }[] = await api.db.query(
        `SELECT 'fine' AS t, (to_jsonb(k) - 'organisation_id')::text AS row FROM kpi_customer k WHERE organisation_id = $1
         UNION ALL SELECT 'team', (to_jsonb(k) - 'organisation_id')::text FROM kpi_customer_team k WHERE organisation_id = $1
         UNION ALL SELECT 'org', (to_jsonb(k) - 'organisation_id')::text FROM kpi_customer_org k WHERE organisation_id = $1`,
        [org],
      );
      return rows.map((r) => `${r.t} ${r.row}`).sort();
    };
    const queued = async () =>
      (
        await api.db.query(
          `SELECT (SELECT count(*) FROM kpi_customer_pending WHERE organisation_id = $1)::int AS pending,
                  (SELECT count(*) FROM kpi_customer_dirty WHERE organisation_id = $1)::int AS dirty`,
          [org],
        )
      )[0];

    let incrementalRows = 0;
    for (let seed = 1; seed <= SEQUENCES; seed++) {
      const rng = draws(seed * 7919);
      const names = Object.keys(operations);
      const done: string[] = [];
      for (let step = 0; step < STEPS; step++) {
        const name = rng.pick(names);
        done.push(name);
        await operations[name](rng);
      }
      await rollups.refreshCustomer(org);
      const incremental = await snapshot();
      const left = await queued();
      await rollups.rebuild(org);
      const rebuilt = await snapshot();
      const context = `seed ${seed * 7919}: ${done.join(', ')}`;
      expect({ context, left, rows: incremental }).toEqual({
        context,
        left: { pending: 0, dirty: 0 },
        rows: rebuilt,
      });
      incrementalRows += incremental.length;
    }
    // The sequences did build rollups (the property is not vacuous).
    expect(incrementalRows).toBeGreaterThan(SEQUENCES * 10);
  });
});
