import type { INestApplicationContext } from '@nestjs/common';
import { KpiRollupsService, scriptText } from '@wk/api-testing';
import type { FocusCreated, KpiReport } from '@wk/contracts';
import { formatNumber } from '@wk/domain';
import fc from 'fast-check';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createInsightsData, InsightsData } from '../support/insights-data';
import { pdfToText } from '../support/pdf-text';

const LEVELS = ['Verrassend', 'Persoonlijk', 'Gemak', 'Basis'];

/** A gap as the PDF prints it: signed, with the real minus (U+2212) as the dashboard. */
const signed = (gap: number, locale: 'nl' | 'en') => formatNumber(gap, 'gap', locale);

/**
 * The board report (one A4 PDF, read back with pdftotext): NL/EN by the reader's language, signed
 * gaps, actions with their effect, provisional figures; the team and value filters with the
 * scope and anonymity of the other insights.
 */
describe('board report', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-board`;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let world: World;
  let data: InsightsData;
  let hr: HttpClient;
  let kpis: KpiReport;
  let quarter: string;
  let today: string;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined, QUEUE_PREFIX: prefix });
    worker = await startWorker({ SMTP_URL: undefined, QUEUE_PREFIX: prefix });
    world = await createWorld(api.db, 'Bestuur');
    data = await createInsightsData(api.db, world.organisationId, 5);
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    kpis = (await hr.get<KpiReport>('/api/insights/kpis?period=quarter')).body;
    // The generated answers are this quarter's.
    quarter = kpis.periods[kpis.periods.length - 1];
    [{ today }] = await api.db.query(
      `SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM organisations WHERE id = $1`,
      [world.organisationId],
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** `raw`: pdftotext in drawing order, which keeps every space (see pdf-text.ts). */
  async function report(
    client: HttpClient,
    query: string,
    raw = false,
  ): Promise<{ status: number; text: string; pages: number; body: unknown; filename: string }> {
    const res = await client.request('GET', `/api/insights/report.pdf?period=quarter${query}`);
    if (res.status !== 200) return { status: res.status, text: '', pages: 0, body: res.body, filename: '' };
    const bytes = await fetch(`${api.url}/api/insights/report.pdf?period=quarter${query}`, {
      headers: { cookie: (client as unknown as { cookie: string }).cookie },
    });
    const filename = /filename="([^"]+)"/.exec(bytes.headers.get('content-disposition') ?? '')?.[1] ?? '';
    return {
      status: 200,
      ...pdfToText(Buffer.from(await bytes.arrayBuffer()), { raw }),
      body: undefined,
      filename,
    };
  }

  it('is one Dutch A4 page with every value, its signed gap and the readings', async () => {
    const { status, text, pages, filename } = await report(hr, `&at=${quarter}`);
    expect(status).toBe(200);
    expect(pages).toBe(1);
    expect(filename).toBe(`bestuursrapport-${quarter}.pdf`);
    expect(text).toContain(`Bestuursrapport Q${quarter.slice(-1)} ${quarter.slice(0, 4)}`);
    for (const words of ['Belevingspiramide', 'Wat opvalt', 'Grootste blinde vlek', 'Hartmonitor Reis 5'])
      expect(text).toContain(words);
    const rows = kpis.rows.filter((r) => r.period === quarter);
    expect(rows.filter((r) => r.gap !== null).length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(text).toContain(kpis.values.find((v) => v.key === row.valueKey)!.name);
      if (row.gap !== null) expect(text).toContain(`kloof ${signed(row.gap, 'nl')}`);
      // Dutch decimal comma: the grade as the dashboard prints it.
      expect(text).toContain(formatNumber(row.customer!.grade.mean!, 'grade', 'nl'));
    }
    expect(text).not.toMatch(/Team: |Waarde: |Board report/);
  });

  it('is English when the reader has chosen English', async () => {
    const reader = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    expect((await reader.patch('/api/me', { locale: 'en' })).status).toBe(200);
    const { text, pages, filename } = await report(reader, `&at=${quarter}`);
    expect(pages).toBe(1);
    expect(filename).toBe(`board-report-${quarter}.pdf`);
    for (const words of ['Board report', 'Experience pyramid', 'What stands out', 'Heart monitor Reis 5'])
      expect(text).toContain(words);
    for (const row of kpis.rows.filter((r) => r.period === quarter && r.gap !== null))
      expect(text).toContain(`gap ${signed(row.gap!, 'en')}`);
    expect(text).not.toMatch(/Bestuursrapport|kloof/);
  });

  it('lists the actions of the period with their effect words', async () => {
    const owner = world.teamMember.id;
    const made = await hr.post<FocusCreated>('/api/actions/focuses', {
      cell: {
        valueKey: 'betrouwbaar',
        teamId: data.departmentId,
        periodKind: 'quarter',
        period: quarter,
        metric: 'customer',
      },
      title: 'Afspraken nakomen',
      actions: [
        { what: 'Elke klant binnen een dag terugbellen', ownerId: owner, dueDate: today },
        { what: 'Bevestigingsmail herschrijven', ownerId: owner, dueDate: '2020-01-15' },
        { what: 'Vervallen idee', ownerId: owner, dueDate: today },
      ],
    });
    expect(made.status).toBe(201);
    await hr.patch(`/api/actions/${made.body.actions[2].id}`, { status: 'dropped' });
    await hr.patch(`/api/actions/${made.body.actions[0].id}`, { status: 'in_progress' });
    const { text, pages } = await report(hr, `&at=${quarter}`);
    expect(pages).toBe(1);
    expect(text).toContain('Acties en hun effect');
    expect(text).toContain('Elke klant binnen een dag terugbellen');
    expect(text).toContain('Bevestigingsmail herschrijven');
    expect(text).not.toContain('Vervallen idee');
    expect(text).toContain('bezig');
    // Still running: measured after the period after its date. Long past: measured, no answers then.
    expect(text).toMatch(/gemeten na Q\d \d{4}/);
    expect(text).toContain('te weinig antwoorden');
    // A report of an earlier period does not list actions made on this period's figures.
    const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))];
    const earlier = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    expect((await report(hr, `&at=${earlier}`)).text).not.toContain('Elke klant binnen een dag terugbellen');
  });

  it('shows a month with 3 customer answers as provisional, with n, never as a verdict', async () => {
    const small = await createWorld(api.db, 'Bestuur klein');
    await createInsightsData(api.db, small.organisationId, 6);
    await api.db.query(
      `DELETE FROM survey_responses WHERE organisation_id = $1 AND id NOT IN
         (SELECT id FROM survey_responses WHERE organisation_id = $1 ORDER BY id LIMIT 3)`,
      [small.organisationId],
    );
    await api.app.get(KpiRollupsService).rebuild(small.organisationId);
    const client = await new HttpClient(api.url).login(small.users.hr.email, TEST_PASSWORD);
    const month: KpiReport = (await client.get('/api/insights/kpis?period=month')).body;
    const at = month.periods[month.periods.length - 1];
    const res = await client.request('GET', `/api/insights/report.pdf?period=month&at=${at}`);
    expect(res.status).toBe(200);
    const bytes = await fetch(`${api.url}/api/insights/report.pdf?period=month&at=${at}`, {
      headers: { cookie: (client as unknown as { cookie: string }).cookie },
    });
    const { text, pages } = pdfToText(Buffer.from(await bytes.arrayBuffer()));
    expect(pages).toBe(1);
    for (const row of month.rows.filter((r) => r.period === at))
      expect(text).toContain(`voorlopig (n = ${row.customer!.n})`);
    expect(text).toContain('NPS voorlopig: 3 antwoorden, minder dan 30');
    // The verdict words appear once: in the colour legend, on no value.
    for (const verdict of ['op koers', 'bijna', 'onder doel']) expect(text.split(verdict).length - 1).toBe(1);
    expect(text).toContain('Geen waarde is in');
  });

  it('draws any Latin, Greek or Cyrillic organisation, team, action and owner exactly as written', async () => {
    const other = await createWorld(api.db, 'Bestuur schrift');
    const otherData = await createInsightsData(api.db, other.organisationId, 7);
    await api.app.get(KpiRollupsService).rebuild(other.organisationId);
    const client = await new HttpClient(api.url).login(other.users.hr.email, TEST_PASSWORD);
    const at = (await client.get<KpiReport>('/api/insights/kpis?period=quarter')).body.periods.at(-1)!;
    const made = await client.post<FocusCreated>('/api/actions/focuses', {
      cell: {
        valueKey: 'betrouwbaar',
        teamId: otherData.departmentId,
        periodKind: 'quarter',
        period: at,
        metric: 'customer',
      },
      title: 'Schrift',
      actions: [{ what: 'Nog te noemen', ownerId: other.teamMember.id, dueDate: today }],
    });
    expect(made.status).toBe(201);
    // Names as the organisation's people type them, written straight to the rows the report reads (the
    // value names are in a published, unchangeable version here: the unit spec draws those).
    await fc.assert(
      fc.asyncProperty(
        scriptText(3),
        scriptText(2, 8),
        scriptText(4),
        scriptText(2, 8),
        async (organisation, team, what, owner) => {
          await api.db.query(`UPDATE organisations SET name = $2 WHERE id = $1`, [
            other.organisationId,
            organisation,
          ]);
          await api.db.query(`UPDATE teams SET name = $2 WHERE id = $1`, [otherData.departmentId, team]);
          await api.db.query(`UPDATE actions SET what = $2 WHERE id = $1`, [made.body.actions[0].id, what]);
          await api.db.query(`UPDATE users SET name = $2 WHERE id = $1`, [other.teamMember.id, owner]);
          const { status, pages, text } = await report(client, `&at=${at}`, true);
          expect(status).toBe(200);
          expect(pages).toBe(1);
          for (const written of [organisation, `Schrift · Betrouwbaar · ${team}`, what, owner])
            expect(text).toContain(written);
          expect(text).not.toContain('?');
        },
      ),
      { numRuns: 8 },
    );
  });

  it('with valueKey shows that value only, and names it', async () => {
    for (const value of kpis.values) {
      const { status, text } = await report(hr, `&at=${quarter}&valueKey=${value.key}`);
      expect(status).toBe(200);
      expect(text).toContain(`Waarde: ${value.name}`);
      // Another value's name may only be there as a pyramid level of the same name (test data: "Persoonlijk").
      for (const other of kpis.values.filter((v) => v.key !== value.key))
        expect(text.split(other.name).length - 1).toBe(LEVELS.includes(other.name) ? 1 : 0);
    }
  });

  it('with teamId reports that team, under the anonymity minimum like the other insights', async () => {
    const [small] = await api.db.query(`SELECT name FROM teams WHERE id = $1`, [data.teams.small]);
    const whole = await report(hr, `&at=${quarter}`);
    const team = await report(hr, `&at=${quarter}&teamId=${data.teams.small}`);
    expect(team.status).toBe(200);
    expect(team.text).toContain(`Team: ${small.name}`);
    // Two people: below the minimum, so the team's self-image is withheld where the organisation's is shown.
    const teamKpis = await hr.get<KpiReport>(`/api/insights/kpis?period=quarter&teamId=${data.teams.small}`);
    expect(teamKpis.body.rows.some((r) => r.self && 'suppressed' in r.self && r.self.suppressed)).toBe(true);
    expect(team.text).toContain('zelfbeeld: te weinig antwoorden');
    expect(whole.text).not.toContain('zelfbeeld: te weinig antwoorden');
  });

  it('reports the last complete quarter when none is chosen, as the dashboard opens', async () => {
    const { status, filename } = await report(hr, '');
    expect(status).toBe(200);
    const [{ month }] = await api.db.query(
      `SELECT to_char(now() AT TIME ZONE time_zone, 'YYYY-MM') AS month FROM organisations WHERE id = $1`,
      [world.organisationId],
    );
    const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    const q = Math.ceil(m / 3);
    const lastComplete = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    expect(filename).toBe(`bestuursrapport-${lastComplete}.pdf`);
  });

  it('refuses bad filters with the field named, and unknown or foreign ones with 404', async () => {
    for (const [query, field] of [
      ['&teamId=not-a-uuid', 'teamId'],
      ['&valueKey=Not%20A%20Key', 'valueKey'],
    ]) {
      const res = await report(hr, query);
      expect(res.status).toBe(400);
      expect((res.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([field]);
    }
    const foreign = await createWorld(api.db, 'Bestuur elders');
    expect((await report(hr, `&teamId=${foreign.teamId}`)).status).toBe(404);
    expect((await report(hr, '&teamId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await report(hr, '&valueKey=bestaat-niet')).status).toBe(404);
  });

  it('is for HR and admins only', async () => {
    for (const email of [world.users.manager.email, world.users.employee.email]) {
      const other = await new HttpClient(api.url).login(email, TEST_PASSWORD);
      expect((await report(other, '')).status).toBe(403);
    }
  });
});
