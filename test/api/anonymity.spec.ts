import fc from 'fast-check';
import { DEMO_ORGANISATION, DEMO_PASSWORD, DemoSeedService, KpiRollupsService } from '@wk/api-testing';
import { periodOfMonth } from '@wk/domain';
import type { BehaviourReport, KpiReport, MyAssessments } from '@wk/contracts';
import { createOrganisation, createTeam, createUser, TEST_PASSWORD } from '../support/factories';
import { eventually, RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { random } from '../support/random';

/** One employee aggregate someone obtained through the api: which cell, and what it showed. */
interface Seen {
  via: string;
  period: string;
  node: string | null;
  key: string;
  n: number | null;
  mean: number | null;
}

/** The raw data of an organisation, to know who is behind every cell (the test's own model). */
interface Truth {
  minimum: number;
  teams: { id: string; parentId: string | null }[];
  /** Closed rounds with the month they count in (organisation time zone). */
  rounds: { id: string; month: string; opensAt: number }[];
  /** Scored answers (n.v.t. left out) of completed invitations of closed rounds. */
  answers: {
    round: string;
    person: string;
    team: string | null;
    value: string;
    behaviour: string;
    level: number;
  }[];
}

async function truthOf(api: RunningApi, organisationId: string): Promise<Truth> {
  const [org] = await api.db.query(`SELECT anonymity_minimum FROM organisations WHERE id = $1`, [
    organisationId,
  ]);
  const teams = await api.db.query(
    `SELECT id, parent_id AS "parentId" FROM teams WHERE organisation_id = $1`,
    [organisationId],
  );
  const rounds = await api.db.query(
    `SELECT r.id, to_char(r.opens_at AT TIME ZONE o.time_zone, 'YYYY-MM') AS month, extract(epoch FROM r.opens_at)::float AS "opensAt"
       FROM assessment_rounds r JOIN organisations o ON o.id = r.organisation_id
      WHERE r.organisation_id = $1 AND (r.closed_at IS NOT NULL OR r.closes_at <= now()) ORDER BY r.opens_at, r.id`,
    [organisationId],
  );
  const answers = await api.db.query(
    `SELECT i.round_id AS round, i.user_id::text AS person, i.team_id AS team, e.key AS value, b.key AS behaviour, a.level
       FROM assessment_invitations i JOIN assessment_answers a ON a.invitation_id = i.id
       JOIN value_behaviours b ON b.id = a.behaviour_id JOIN experience_values e ON e.id = b.value_id
       JOIN assessment_rounds r ON r.id = i.round_id
      WHERE i.organisation_id = $1 AND i.completed_at IS NOT NULL AND a.level IS NOT NULL
        AND (r.closed_at IS NOT NULL OR r.closes_at <= now())`,
    [organisationId],
  );
  return { minimum: Math.max(3, org.anonymity_minimum ?? 5), teams, rounds, answers };
}

/** The rounds of a period: a round id, a month (YYYY-MM) or a quarter (YYYY-Qn). */
const roundsOf = (truth: Truth, period: string) =>
  truth.rounds.filter(
    (r) => r.id === period || r.month === period || periodOfMonth('quarter', r.month) === period,
  );
/** Whether every round of `inner` lies in `outer` (a round in its month and quarter, a month in its quarter). */
const within = (truth: Truth, inner: string, outer: string) => {
  const a = roundsOf(truth, inner);
  const b = new Set(roundsOf(truth, outer).map((r) => r.id));
  return a.length > 0 && a.every((r) => b.has(r.id));
};

/** The people behind a cell, each once, with their mean (answers of the period averaged first). */
function peopleOf(truth: Truth, seen: Pick<Seen, 'period' | 'node' | 'key'>): Map<string, number> {
  const rounds = roundsOf(truth, seen.period);
  const order = new Map(rounds.map((r, i) => [r.id, i]));
  const per = new Map<string, { team: string | null; at: number; levels: number[] }>();
  for (const a of truth.answers) {
    if (!order.has(a.round) || (a.value !== seen.key && a.behaviour !== seen.key)) continue;
    const p = per.get(a.person) ?? { team: a.team, at: -1, levels: [] };
    if (order.get(a.round)! >= p.at) Object.assign(p, { team: a.team, at: order.get(a.round)! });
    p.levels.push(a.level);
    per.set(a.person, p);
  }
  const parent = new Map(truth.teams.map((t) => [t.id, t.parentId]));
  const under = (team: string | null, node: string | null) => {
    if (node === null) return true;
    for (let t = team; t; t = parent.get(t) ?? null) if (t === node) return true;
    return false;
  };
  return new Map(
    [...per]
      .filter(([, p]) => under(p.team, seen.node))
      .map(([person, p]) => [person, p.levels.reduce((s, l) => s + l, 0) / p.levels.length]),
  );
}

interface Viewer {
  role: string;
  client: HttpClient;
  /** For an employee: their team (the node of "my team's average"). */
  teamId?: string | null;
}

/** Every employee aggregate the viewers can obtain: kpis (every breakdown and team filter), behaviours, my team average. */
async function enumerate(truth: Truth, viewers: Viewer[]): Promise<Seen[]> {
  const months = [...new Set(truth.rounds.map((r) => r.month))].sort();
  const ranges: string[] = months.length
    ? [
        'period=round',
        `period=month&from=${months[0]}&to=${months[months.length - 1]}`,
        `period=quarter&from=${periodOfMonth('quarter', months[0])}&to=${periodOfMonth('quarter', months[months.length - 1])}`,
      ]
    : ['period=round'];
  const filters = [undefined, ...truth.teams.map((t) => t.id)];
  const seen: Seen[] = [];
  for (const { role, client, teamId } of viewers) {
    for (const range of ranges)
      for (const teamFilter of filters) {
        const team = teamFilter ? `&teamId=${teamFilter}` : '';
        for (const breakdown of ['organisation', 'team']) {
          const res = await client.get(`/api/insights/kpis?${range}&breakdown=${breakdown}${team}`);
          if (res.status !== 200) continue;
          for (const row of (res.body as KpiReport).rows)
            if (row.self && !row.self.suppressed)
              seen.push({
                via: `${role} kpis ${range} ${breakdown}${team}`,
                period: row.period,
                node: row.group.id ?? teamFilter ?? null,
                key: row.valueKey,
                n: row.self.n,
                mean: row.self.score.mean,
              });
        }
        const res = await client.get(`/api/insights/behaviours?${range}${team}`);
        if (res.status !== 200) continue;
        for (const b of (res.body as BehaviourReport).behaviours)
          if (!b.suppressed)
            seen.push({
              via: `${role} behaviours ${range}${team}`,
              period: b.period,
              node: teamFilter ?? null,
              key: b.behaviourKey,
              n: b.respondents,
              mean: b.mean,
            });
      }
    if (role !== 'employee') continue;
    const mine = await client.get('/api/me/self-assessments');
    for (const round of (mine.body as MyAssessments).rounds)
      for (const v of round.values)
        if (v.teamAverage !== null)
          seen.push({
            via: `${role} my self-assessments`,
            period: round.roundId,
            node: teamId ?? null,
            key: v.key,
            n: v.teamRespondents,
            mean: v.teamAverage,
          });
  }
  return seen;
}

/**
 * The rules of docs/anonymity.md over everything seen: each aggregate has at least the minimum of
 * people and shows their true n and mean; for two aggregates of the same value (or behaviour) and
 * the same or nested periods with one group inside the other, the difference is 0 or at least the
 * minimum; and a cell minus the visible cells inside it of the same period never leaves
 * 1..minimum-1 people.
 * Returns the first violation, or null.
 */
function violation(truth: Truth, seen: Seen[]): string | null {
  const min = truth.minimum;
  // An empty aggregate (n 0, nobody answered) reveals nobody.
  const cells = seen
    .map((s) => ({ ...s, people: peopleOf(truth, s) }))
    .filter((c) => c.people.size > 0 || c.n !== 0);
  const small = (k: number) => k > 0 && k < min;
  const show = (c: (typeof cells)[number]) =>
    `${c.via}: ${c.period} ${c.node ?? 'organisation'} ${c.key} (${c.people.size})`;
  for (const c of cells) {
    if (c.people.size < min) return `below the minimum: ${show(c)}`;
    if (c.n !== null && c.n !== c.people.size)
      return `n ${c.n} is not the ${c.people.size} people: ${show(c)}`;
    const mean = [...c.people.values()].reduce((s, m) => s + m, 0) / c.people.size;
    if (c.mean !== null && Math.abs(c.mean - mean) > 1e-9) return `mean ${c.mean} is not ${mean}: ${show(c)}`;
  }
  const distinct = [...new Map(cells.map((c) => [`${c.period}|${c.node}|${c.key}`, c])).values()];
  for (const b of distinct) {
    const inside: typeof distinct = [];
    for (const a of distinct) {
      // Two different rounds hold different answers: only the same or nested periods can be subtracted.
      const nested =
        a.period === b.period || within(truth, a.period, b.period) || within(truth, b.period, a.period);
      if (a === b || a.key !== b.key || !nested) continue;
      const shared = [...a.people.keys()].filter((p) => b.people.has(p)).length;
      if (shared === a.people.size && small(b.people.size - shared))
        return `${show(b)} minus ${show(a)} leaves ${b.people.size - shared}`;
      // "A cell minus its visible sub-cells" within one measurement (a period of the same rounds).
      const same =
        a.period === b.period || (within(truth, a.period, b.period) && within(truth, b.period, a.period));
      if (shared === a.people.size && shared < b.people.size && same) inside.push(a);
    }
    const rest = [...b.people.keys()].filter((p) => !inside.some((a) => a.people.has(p))).length;
    if (inside.length && small(rest)) return `${show(b)} minus ${inside.map(show).join(', ')} leaves ${rest}`;
  }
  return null;
}

interface OrgSpec {
  minimum: number;
  /** Parent of each team: an index of an earlier team, or -1 for a top team. */
  parents: number[];
  /** People per team; the last entry: people in no team. */
  sizes: number[];
  /** Per round: index of its opening date, and the chance that someone takes part. */
  rounds: { date: number; turnout: number }[];
  /** Also a round that is still open, with answers. */
  open: boolean;
  /** The chance of n.v.t. per answer, and whether some people answered for another team (moved). */
  nvt: number;
  moves: boolean;
  seed: number;
}

/** Opening dates: two rounds may share a month or a quarter. */
const DATES = ['2026-01-12', '2026-04-06', '2026-04-20', '2026-05-11'];

const orgSpec: fc.Arbitrary<OrgSpec> = fc.record({
  minimum: fc.integer({ min: 3, max: 5 }),
  parents: fc
    .array(fc.nat(5), { minLength: 1, maxLength: 5 })
    .map((raw) => raw.map((r, i) => (r % (i + 1)) - 1)),
  sizes: fc.array(fc.nat(8), { minLength: 6, maxLength: 6 }),
  rounds: fc.array(
    fc.record({ date: fc.nat(DATES.length - 1), turnout: fc.double({ min: 0.4, max: 1, noNaN: true }) }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  open: fc.boolean(),
  nvt: fc.constantFrom(0, 0.3),
  moves: fc.boolean(),
  seed: fc.nat(),
});

describe('anonymity across every query', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined, DEMO: '1' });
  });
  afterAll(() => api.close());

  /** Builds an organisation from a spec: teams, people (HR, a manager, employees), rounds and answers. */
  async function build(spec: OrgSpec) {
    const db = api.db;
    const rnd = random(spec.seed);
    const org = await createOrganisation(db, 'Anoniem');
    await db.query(`UPDATE organisations SET anonymity_minimum = $2 WHERE id = $1`, [org.id, spec.minimum]);
    const teams: string[] = [];
    for (const [i, parent] of spec.parents.entries())
      teams.push(await createTeam(db, org.id, `Team ${i}`, parent < 0 ? null : teams[parent]));
    const people: { id: string; team: string | null }[] = [];
    for (const [i, size] of spec.sizes.entries()) {
      const team = i < teams.length ? teams[i] : i === spec.sizes.length - 1 ? null : undefined;
      if (team === undefined) continue;
      for (let k = 0; k < size; k++)
        people.push({ id: (await createUser(db, org.id, { teamId: team })).id, team });
    }
    const hr = await createUser(db, org.id, { role: 'hr' });
    const manager = await createUser(db, org.id, { role: 'manager', teamId: teams[0] });
    await db.query(`INSERT INTO team_managers (organisation_id, team_id, user_id) VALUES ($1, $2, $3)`, [
      org.id,
      teams[0],
      manager.id,
    ]);
    const [version] = await db.query(
      `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, 1, 'draft') RETURNING id`,
      [org.id],
    );
    const behaviours: string[] = [];
    for (const [position, key] of ['betrouwbaar', 'persoonlijk'].entries()) {
      const [value] = await db.query(
        `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, level, tier, charge, target_grade)
         VALUES ($1, $2, $3::text, $4, initcap($3::text), 'basis', 'base', 'rational', 7.5) RETURNING id`,
        [org.id, version.id, key, position],
      );
      for (const b of [1, 2]) {
        const [row] = await db.query(
          `INSERT INTO value_behaviours (organisation_id, version_id, value_id, key, position, text_nl)
           VALUES ($1, $2, $3, $4, $5, 'gedrag') RETURNING id`,
          [org.id, version.id, value.id, `${key}-${b}`, position * 2 + b],
        );
        behaviours.push(row.id);
      }
    }
    await db.query(`UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`, [
      version.id,
    ]);
    const [cycle] = await db.query(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
       VALUES ($1, 'Meting', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'paused') RETURNING id`,
      [org.id, version.id],
    );
    const rounds = [
      ...spec.rounds.map((r, i) => ({ ...r, opens: `'${DATES[r.date]} 09:0${i}+02'::timestamptz` })),
      ...(spec.open ? [{ date: -1, turnout: 1, opens: `now() - interval '1 day'` }] : []),
    ];
    for (const round of rounds) {
      const [row] = await db.query(
        `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at, closed_at)
         VALUES ($1, $2, $3, ${round.opens}, ${round.opens}, ${round.opens} + interval '14 days',
                 ${round.date < 0 ? 'NULL' : `${round.opens} + interval '14 days'`}) RETURNING id`,
        [org.id, cycle.id, version.id],
      );
      for (const person of people) {
        if (rnd() > round.turnout) continue;
        // Now and then someone answered for another team than their current one (they moved since).
        const team =
          spec.moves && rnd() < 0.1 && teams.length > 1
            ? teams[Math.floor(rnd() * teams.length)]
            : person.team;
        const [invitation] = await db.query(
          `INSERT INTO assessment_invitations (organisation_id, round_id, user_id, token_hash, team_id, completed_at)
           VALUES ($1, $2, $3, md5(random()::text) || md5(random()::text), $4, now()) RETURNING id`,
          [org.id, row.id, person.id, team],
        );
        // n.v.t. often, so that some people have no scored answer for a value.
        const levels = behaviours.map(() => (rnd() < spec.nvt ? null : 1 + Math.floor(rnd() * 4)));
        await db.query(
          `INSERT INTO assessment_answers (organisation_id, invitation_id, behaviour_id, level)
           SELECT $1, $2, unnest($3::uuid[]), unnest($4::int[])`,
          [org.id, invitation.id, behaviours, levels],
        );
      }
    }
    await api.app.get(KpiRollupsService).rebuild(org.id);
    const login = (email: string) => new HttpClient(api.url).login(email, TEST_PASSWORD);
    const employee = people.find((p) => p.team);
    const viewers: Viewer[] = [
      { role: 'hr', client: await login(hr.email) },
      { role: 'manager', client: await login(manager.email) },
    ];
    if (employee) {
      const [{ email }] = await db.query(`SELECT email FROM users WHERE id = $1`, [employee.id]);
      viewers.push({ role: 'employee', client: await login(email), teamId: employee.team });
    }
    return { organisationId: org.id, viewers, teams, people, hr: viewers[0].client };
  }

  it('never lets two visible employee aggregates differ by fewer people than the minimum, for random organisations', async () => {
    await fc.assert(
      fc.asyncProperty(orgSpec, async (spec) => {
        const { organisationId, viewers } = await build(spec);
        const truth = await truthOf(api, organisationId);
        const problem = violation(truth, await enumerate(truth, viewers));
        if (problem) throw new Error(problem);
      }),
      {
        numRuns: Number(process.env.ANON_RUNS ?? 25),
        // Counter-examples found before, kept: two rounds in one month next to people in no team.
        examples: [
          [
            {
              minimum: 3,
              parents: [-1],
              sizes: [8, 3, 4, 1, 2, 4],
              rounds: [
                { date: 1, turnout: 0.47 },
                { date: 2, turnout: 1 },
              ],
              open: false,
              nvt: 0.3,
              moves: true,
              seed: 1346286771,
            },
          ],
        ],
      },
    );
  }, 600_000);

  const base = { minimum: 5, open: false, nvt: 0, moves: false, seed: 1 };
  type Report = { body: KpiReport };
  const self = (res: Report, period: string, group: string | null, key = 'betrouwbaar') =>
    res.body.rows.find((r) => r.period === period && r.group.id === group && r.valueKey === key)?.self;

  it('hides Onderhoud in every request, so that Vastgoed minus Onderhoud cannot reveal Projecten', async () => {
    // Vastgoed (11) = Onderhoud (7) + Projecten (4); Klantenservice (9) beside it.
    const { teams, hr } = await build({
      ...base,
      parents: [-1, 0, 0, -1],
      sizes: [0, 7, 4, 9, 0, 0],
      rounds: [{ date: 1, turnout: 1 }],
    });
    const [vastgoed, onderhoud, projecten] = teams;
    const q = 'period=quarter&from=2026-Q2&to=2026-Q2';
    const split = await hr.get(`/api/insights/kpis?${q}&breakdown=team&teamId=${vastgoed}`);
    expect(self(split, '2026-Q2', projecten)).toEqual({ suppressed: true, reason: 'too_few' });
    expect(self(split, '2026-Q2', onderhoud)).toEqual({ suppressed: true, reason: 'complementary' });
    const whole = await hr.get(`/api/insights/kpis?${q}&teamId=${vastgoed}`);
    expect(self(whole, '2026-Q2', vastgoed)).toMatchObject({ suppressed: false, n: 11 });
    // Before, a filter on Onderhoud alone showed its 7 (and so Projecten's 4 by subtraction).
    for (const period of [
      'period=quarter&from=2026-Q2&to=2026-Q2',
      'period=month&from=2026-04&to=2026-04',
      'period=round',
    ])
      for (const breakdown of ['organisation', 'team']) {
        const alone = await hr.get(`/api/insights/kpis?${period}&breakdown=${breakdown}&teamId=${onderhoud}`);
        expect(alone.status).toBe(200);
        const rows = (alone.body as KpiReport).rows.filter((r) => r.group.id === onderhoud);
        expect(rows.length).toBe(breakdown === 'organisation' ? 2 : 0); // two values; Onderhoud has no sub-teams
        for (const row of rows) expect(row.self).toMatchObject({ suppressed: true });
      }
    const behaviours = await hr.get(`/api/insights/behaviours?${q}&teamId=${onderhoud}`);
    expect(behaviours.body.behaviours.length).toBeGreaterThan(0);
    expect(behaviours.body.behaviours.every((b: { levels: unknown }) => b.levels === null)).toBe(true);
  });

  it('shows nothing of a round while it is open, also not as my team average, and all of it once it closes', async () => {
    const { teams, people, hr, viewers } = await build({
      ...base,
      parents: [-1],
      sizes: [6, 0, 0, 0, 0, 0],
      rounds: [{ date: 1, turnout: 1 }],
      open: true,
    });
    const [open] = await api.db.query(
      `SELECT r.id FROM assessment_rounds r JOIN teams t ON t.organisation_id = r.organisation_id
        WHERE t.id = $1 AND r.closed_at IS NULL`,
      [teams[0]],
    );
    const during = await hr.get(`/api/insights/kpis?period=round&breakdown=team`);
    expect(self(during, open.id, teams[0])).toEqual({ suppressed: true, reason: 'too_few' });
    const organisation = await hr.get(`/api/insights/kpis?period=round`);
    expect(self(organisation, open.id, null)).toMatchObject({ suppressed: false, n: 0 });
    const behaviours = await hr.get(`/api/insights/behaviours?period=round&from=${open.id}&to=${open.id}`);
    expect(behaviours.body.behaviours).toEqual([]);
    const employee = viewers.find((v) => v.role === 'employee')!.client;
    const mine = async () =>
      ((await employee.get('/api/me/self-assessments')).body as MyAssessments).rounds.find(
        (r) => r.roundId === open.id,
      )!;
    expect((await mine()).values.every((v) => v.teamAverage === null && v.teamRespondents === 0)).toBe(true);

    await api.db.query(`UPDATE assessment_rounds SET closed_at = now() WHERE id = $1`, [open.id]);
    const after = await hr.get(`/api/insights/kpis?period=round&breakdown=team`);
    expect(self(after, open.id, teams[0])).toMatchObject({ suppressed: false, n: people.length });
    expect(
      (await mine()).values.every((v) => v.teamAverage !== null && v.teamRespondents === people.length),
    ).toBe(true);
  });

  it('counts only people with a scored answer toward the minimum (n.v.t. does not count)', async () => {
    const { teams, people, hr } = await build({
      ...base,
      parents: [-1, -1],
      sizes: [5, 9, 0, 0, 0, 0],
      rounds: [{ date: 1, turnout: 1 }],
    });
    // One of the five answers n.v.t. to both behaviours of betrouwbaar: four respondents there.
    const first = people.find((p) => p.team === teams[0])!;
    await api.db.query(
      `UPDATE assessment_answers a SET level = NULL FROM assessment_invitations i, value_behaviours b
        WHERE a.invitation_id = i.id AND b.id = a.behaviour_id AND i.user_id = $1 AND b.key LIKE 'betrouwbaar-%'`,
      [first.id],
    );
    await api.app
      .get(KpiRollupsService)
      .rebuild(
        (await api.db.query(`SELECT organisation_id FROM teams WHERE id = $1`, [teams[0]]))[0]
          .organisation_id,
      );
    const res = await hr.get(`/api/insights/kpis?period=round&breakdown=team`);
    const round = res.body.periods[0];
    expect(self(res, round, teams[0], 'betrouwbaar')).toEqual({ suppressed: true, reason: 'too_few' });
    // The organisation (14 - 1 n.v.t.) minus the large team would leave four: hidden as well.
    expect(self(res, round, teams[1], 'betrouwbaar')).toEqual({ suppressed: true, reason: 'complementary' });
    const organisation = await hr.get(`/api/insights/kpis?period=round`);
    expect(self(organisation, round, null, 'betrouwbaar')).toMatchObject({ suppressed: false, n: 13 });
    expect(self(res, round, teams[0], 'persoonlijk')).toMatchObject({ suppressed: false, n: 5 });
  });

  it('counts a person who answered several rounds of a period once, their answers averaged first', async () => {
    // Two rounds in April (one month, one quarter), a round in May; five people answer all.
    const { organisationId, hr } = await build({
      ...base,
      parents: [-1],
      sizes: [5, 0, 0, 0, 0, 0],
      rounds: [
        { date: 1, turnout: 1 },
        { date: 2, turnout: 1 },
        { date: 3, turnout: 1 },
      ],
    });
    const truth = await truthOf(api, organisationId);
    for (const [kind, period] of [
      ['month', '2026-04'],
      ['quarter', '2026-Q2'],
    ]) {
      const res = await hr.get(`/api/insights/kpis?period=${kind}&from=${period}&to=${period}`);
      const expected = peopleOf(truth, { period, node: null, key: 'betrouwbaar' });
      const answersPerPerson = kind === 'month' ? 4 : 6;
      expect(expected.size).toBe(5);
      expect(
        truth.answers.filter(
          (a) => a.value === 'betrouwbaar' && roundsOf(truth, period).some((r) => r.id === a.round),
        ),
      ).toHaveLength(5 * answersPerPerson);
      const shown = self(res, period, null) as { n: number; score: { mean: number } };
      expect(shown.n).toBe(5);
      const mean = [...expected.values()].reduce((s, m) => s + m, 0) / 5;
      expect(Math.abs(shown.score.mean - mean)).toBeLessThan(1e-9);
    }
    const behaviours = await hr.get(`/api/insights/behaviours?period=quarter&from=2026-Q2&to=2026-Q2`);
    for (const b of behaviours.body.behaviours as BehaviourReport['behaviours']) {
      expect(b.respondents).toBeNull(); // five people: below the safe size of ten, no count
      expect(b.levels!.reduce((s, l) => s + l, 0)).toBeCloseTo(1, 9);
    }
  });

  it('holds for the demo organisation', async () => {
    await api.app.get(DemoSeedService).seedIfEmpty();
    const [{ id }] = await api.db.query(`SELECT id FROM organisations WHERE slug = $1`, [
      DEMO_ORGANISATION.slug,
    ]);
    await eventually(
      async () => (await api.db.query(`SELECT 1 FROM kpi_state WHERE organisation_id = $1`, [id])).length,
    );
    const users: { email: string; role: string; team_id: string | null }[] = await api.db.query(
      `SELECT DISTINCT ON (role) email, role, team_id FROM users
        WHERE organisation_id = $1 AND role IN ('hr', 'manager', 'employee') AND status = 'active'
          AND (role <> 'manager' OR id IN (SELECT user_id FROM team_managers))
        ORDER BY role, email`,
      [id],
    );
    const viewers: Viewer[] = [];
    for (const u of users)
      viewers.push({
        role: u.role,
        client: await new HttpClient(api.url).login(u.email, DEMO_PASSWORD),
        teamId: u.team_id,
      });
    expect(viewers.map((v) => v.role).sort()).toEqual(['employee', 'hr', 'manager']);
    const truth = await truthOf(api, id);
    const seen = await enumerate(truth, viewers);
    expect(seen.length).toBeGreaterThan(0);
    expect(violation(truth, seen)).toBeNull();
  }, 300_000);
});
