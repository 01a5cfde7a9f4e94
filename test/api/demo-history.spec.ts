import { DEMO_ORGANISATION, DEMO_PASSWORD, DemoSeedService, KpiRollupsService } from '@wk/api-testing';
import type { KpiReport, PeriodInfo } from '@wk/contracts';
import { eventually, RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

const selfIndex = (mean: number) => ((mean - 1) / 3) * 100;
const recognitionIndex = (mean: number) => ((mean - 1) / 9) * 100;
const KPI_TABLES = {
  kpi_self: 'round_id, team_id, value_key',
  kpi_behaviours: 'round_id, team_id, behaviour_key',
  kpi_participation: 'round_id, team_id',
  kpi_customer: 'month, survey_id, wave_id, team_id, segment_id, journey_id, touchpoint_id, metric',
};

/** The demo organisation's past year: every dashboard chart has something true to show on first start. */
describe('demo history', () => {
  let api: RunningApi;
  let organisationId: string;
  let latestRound: { id: string; quarter: string };
  const query = (sql: string, params: unknown[] = []) => api.db.query(sql, [organisationId, ...params]);

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined, DEMO: '1' });
    // Another file may have seeded the shared database already (idempotent); wait for its rollups.
    await api.app.get(DemoSeedService).seedIfEmpty();
    [{ id: organisationId }] = await api.db.query(`SELECT id FROM organisations WHERE slug = $1`, [
      DEMO_ORGANISATION.slug,
    ]);
    await eventually(async () => (await query(`SELECT 1 FROM kpi_state WHERE organisation_id = $1`)).length);
    [latestRound] = await query(
      `SELECT id, date_trunc('quarter', opens_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS quarter
         FROM assessment_rounds WHERE organisation_id = $1 ORDER BY opens_at DESC LIMIT 1`,
    );
  });
  afterAll(() => api.close());

  /** Means per value key of the latest quarter: self from kpi_self, customers from kpi_customer. */
  async function latestMeans() {
    const self: { value_key: string; mean: number }[] = await query(
      `SELECT value_key, sum(sum) / sum(n) AS mean FROM kpi_self
        WHERE organisation_id = $1 AND round_id = $2 GROUP BY value_key`,
      [latestRound.id],
    );
    const customer: { metric: string; mean: number }[] = await query(
      `SELECT metric, sum(sum) / sum(n) AS mean FROM kpi_customer
        WHERE organisation_id = $1 AND month >= $2::date AND month < $2::date + interval '3 months'
        GROUP BY metric`,
      [latestRound.quarter],
    );
    const get = (key: string) => ({
      self: self.find((r) => r.value_key === key)!.mean,
      customer: customer.find((r) => r.metric === key)!.mean,
    });
    return { get };
  }

  it('has four closed quarterly rounds, first Monday 09:00 Amsterdam, of a paused cycle', async () => {
    const rounds = await query(
      `SELECT r.id, c.status, c.name, r.closed_at IS NOT NULL AS closed, r.closes_at <= now() AS past,
              r.closes_at - r.opens_at = interval '14 days' AS fortnight,
              to_char(r.opens_at AT TIME ZONE 'Europe/Amsterdam', 'ID HH24:MI') AS local,
              extract(day FROM r.opens_at AT TIME ZONE 'Europe/Amsterdam') <= 7 AS first_week,
              extract(month FROM r.opens_at AT TIME ZONE 'Europe/Amsterdam')::int % 3 = 1 AS quarter_start,
              (SELECT count(*)::int FROM assessment_invitations i WHERE i.round_id = r.id) AS invited,
              (SELECT count(completed_at)::int FROM assessment_invitations i WHERE i.round_id = r.id) AS completed
         FROM assessment_rounds r JOIN assessment_cycles c ON c.id = r.cycle_id
        WHERE r.organisation_id = $1 ORDER BY r.opens_at`,
    );
    expect(rounds).toHaveLength(4);
    for (const round of rounds) {
      expect(round).toMatchObject({
        status: 'paused',
        name: 'Kwartaalmeting',
        closed: true,
        past: true,
        fortnight: true,
        local: '1 09:00',
        first_week: true,
        quarter_start: true,
        invited: 42,
      });
      expect(round.completed / round.invited).toBeGreaterThanOrEqual(0.78);
      expect(round.completed / round.invited).toBeLessThanOrEqual(0.92);
    }
    // Every completed invitation answered every behaviour of the version; nobody else answered.
    const [answers] = await query(
      `SELECT count(*) FILTER (WHERE i.completed_at IS NULL)::int AS by_open,
              count(*)::int AS total, count(DISTINCT i.id)::int AS respondents, count(a.level)::int AS scored
         FROM assessment_answers a JOIN assessment_invitations i ON i.id = a.invitation_id
        WHERE a.organisation_id = $1`,
    );
    expect(answers.by_open).toBe(0);
    expect(answers.total).toBe(answers.respondents * 12);
    expect(answers.scored / answers.total).toBeGreaterThan(0.9);
    // The rollups have every round.
    const [rollups] = await query(
      `SELECT count(DISTINCT s.round_id)::int AS self, count(DISTINCT p.round_id)::int AS participation
         FROM kpi_self s, kpi_participation p WHERE s.organisation_id = $1 AND p.organisation_id = $1`,
    );
    expect(rollups).toEqual({ self: 4, participation: 4 });
  });

  it('shows Betrouwbaar as a blind spot and Samen as a hidden strength in the latest quarter', async () => {
    const { get } = await latestMeans();
    const betrouwbaar = get('betrouwbaar');
    expect(selfIndex(betrouwbaar.self)).toBeGreaterThan(72);
    expect(recognitionIndex(betrouwbaar.customer) - selfIndex(betrouwbaar.self)).toBeLessThan(-10);
    const samen = get('samen');
    expect(recognitionIndex(samen.customer) - selfIndex(samen.self)).toBeGreaterThan(10);
    // Persoonlijk and Dichtbij: on or near their target of 8.5 (near: within 0.5 below).
    for (const key of ['persoonlijk', 'dichtbij']) expect(get(key).customer).toBeGreaterThanOrEqual(8);
  });

  it('has ~150-250 customer responses a quarter and a dip at the appointment confirmation', async () => {
    const perQuarter: { n: number }[] = await query(
      `SELECT date_trunc('quarter', submitted_at AT TIME ZONE 'Europe/Amsterdam') AS quarter, count(*)::int AS n
         FROM survey_responses WHERE organisation_id = $1 GROUP BY 1 ORDER BY 1`,
    );
    expect(perQuarter).toHaveLength(4);
    for (const { n } of perQuarter) expect(n).toBeGreaterThanOrEqual(150);
    for (const { n } of perQuarter) expect(n).toBeLessThanOrEqual(250);
    const touchpoints: { name: string; mean: number }[] = await query(
      `SELECT t.name, sum(k.sum) / sum(k.n) AS mean
         FROM kpi_customer k JOIN journey_touchpoints t ON t.id = k.touchpoint_id
        WHERE k.organisation_id = $1 AND k.metric NOT LIKE '\\_%' AND k.month >= $2::date
          AND k.month < $2::date + interval '3 months'
        GROUP BY t.name, t.position ORDER BY t.position`,
      [latestRound.quarter],
    );
    expect(touchpoints.map((t) => t.name)[2]).toBe('Bevestiging van de afspraak');
    const [before, dip, after] = touchpoints.slice(1, 4).map((t) => t.mean);
    expect(dip).toBeLessThan(before - 0.5);
    expect(dip).toBeLessThan(after - 0.5);
    expect(Math.max(...touchpoints.map((t) => t.mean))).toBe(after); // Monteur aan huis: the peak
  });

  it('shows each quarterly round and each customer wave as a period of its own', async () => {
    const hr = await new HttpClient(api.url).login('hr@demo.test', DEMO_PASSWORD);
    const rounds: KpiReport = (await hr.get('/api/insights/kpis?period=round')).body;
    expect(rounds.periods).toHaveLength(4);
    expect(rounds.periods[3]).toBe(latestRound.id);
    expect(rounds.periodInfo.every((p) => p.seriesName === 'Kwartaalmeting')).toBe(true);
    const latestSelf = rounds.rows.filter((r) => r.period === latestRound.id);
    expect(latestSelf.every((r) => r.self && !r.self.suppressed && r.self.n > 20)).toBe(true);

    const waves: PeriodInfo[] = (await hr.get('/api/insights/periods?period=wave')).body;
    expect(waves.length).toBeGreaterThanOrEqual(4);
    const report: KpiReport = (await hr.get(`/api/insights/kpis?period=wave&surveyId=${waves[0].seriesId}`))
      .body;
    const [{ n }] = await query(
      `SELECT count(*)::int AS n FROM survey_responses WHERE organisation_id = $1 AND wave_id = $2`,
      [report.periods[report.periods.length - 1]],
    );
    const npsRow = report.nps.find((r) => r.period === report.periods[report.periods.length - 1]);
    expect(n).toBeGreaterThan(0);
    expect(npsRow?.n ?? 0).toBeLessThanOrEqual(n);
    const graded = report.rows.filter((r) => r.period === report.periods[report.periods.length - 1]);
    expect(graded.every((r) => r.customer!.n + r.customer!.dontKnow === n)).toBe(true);
  });

  it('keeps Projecten below the anonymity minimum in the latest round', async () => {
    const [projecten] = await query(
      `SELECT p.invited, p.completed FROM kpi_participation p JOIN teams t ON t.id = p.team_id
        WHERE p.organisation_id = $1 AND p.round_id = $2 AND t.name = 'Projecten'`,
      [latestRound.id],
    );
    expect(projecten.invited).toBe(8);
    expect(projecten.completed).toBeLessThan(5);
  });

  it('has rollups equal to a rebuild from the raw rows', async () => {
    const snapshot = async () => {
      const tables: Record<string, unknown[]> = {};
      for (const [table, key] of Object.entries(KPI_TABLES)) {
        const rows: Record<string, unknown>[] = await query(
          `SELECT * FROM ${table} WHERE organisation_id = $1 ORDER BY ${key}`,
        );
        tables[table] = rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(9)) : v]),
          ),
        );
      }
      return tables;
    };
    const before = await snapshot();
    expect(before['kpi_customer'].length).toBeGreaterThan(0);
    await api.app.get(KpiRollupsService).rebuild(organisationId);
    expect(await snapshot()).toEqual(before);
  });
});
