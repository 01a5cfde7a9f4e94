import { DEMO_PASSWORD, DemoSeedService } from '@wk/api-testing';
import type { Appraisal, AppraisalContext, AppraisalCycle, AppraisalSummary } from '@wk/contracts';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

/** The demo on first start: last year's signed appraisals and this year's cycle at every stage. */
describe('demo appraisals', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined, DEMO: '1' });
    await api.app.get(DemoSeedService).seedIfEmpty();
  });
  afterAll(() => api.close());

  const login = (email: string) => new HttpClient(api.url).login(email, DEMO_PASSWORD);

  it('gives each page something true to show', async () => {
    const hr = await login('hr@demo.test');
    const cycles = (await hr.get('/api/appraisal-cycles')).body as AppraisalCycle[];
    const year = new Date().getUTCFullYear();
    expect(cycles.map((c) => [c.name, c.status])).toEqual([
      [`Jaargesprekken ${year}`, 'open'],
      [`Jaargesprekken ${year - 1}`, 'closed'],
    ]);
    const [current, last] = cycles;
    const progress = (await hr.get(`/api/appraisal-cycles/${current.id}`)).body.progress as {
      stage: string;
    }[];
    expect(new Set(progress.map((p) => p.stage))).toEqual(
      new Set(['not_started', 'self_review', 'manager_review', 'conversation', 'signed']),
    );
    const lastYear = (await hr.get(`/api/appraisal-cycles/${last.id}/appraisals`)).body as AppraisalSummary[];
    expect(lastYear.length).toBeGreaterThan(20);
    expect(new Set(lastYear.map((a) => a.stage))).toEqual(new Set(['closed']));
    // Calibration of last year: each team has enough reviews to show.
    const calibration = (await hr.get(`/api/appraisal-cycles/${last.id}/calibration`)).body;
    expect(calibration.teams.map((t: { suppressed: boolean }) => t.suppressed)).toEqual([
      false,
      false,
      false,
    ]);

    // The demo employee: last year's signed appraisal (with its PDF) and this year's self review in progress.
    const employee = await login('employee@demo.test');
    const mine = (await employee.get('/api/appraisals/mine')).body as AppraisalSummary[];
    expect(mine.map((a) => a.stage)).toEqual(['self_review', 'closed']);
    const open = (await employee.get(`/api/appraisals/${mine[0].id}`)).body as Appraisal;
    expect(open.reviewerName).toBe('Mark Jansen');
    expect(open.selfReview?.ratings.length).toBeGreaterThan(0);
    expect(open.managerReview).toBeNull();
    // Last year's agreements, to follow up on, beside this year's conversation.
    expect(open.previousAgreements).toEqual([
      expect.objectContaining({
        cycleName: `Jaargesprekken ${year - 1}`,
        what: expect.stringContaining('Terugbelafspraken'),
      }),
    ]);
    expect(open.teamName).toBe('Wijkteam Noord');
    expect(open.values.map((v) => v.key)).toContain('betrouwbaar');
    // Beside the conversation: the team's customer recognition (a neighbourhood team serves no touchpoint).
    const context = (await employee.get(`/api/appraisals/${mine[0].id}/context`)).body as AppraisalContext;
    expect(context.teamName).toBe('Wijkteam Noord');
    // English value names of last year's agreements for an English reader.
    const en = (await employee.get(`/api/appraisals/${mine[0].id}?locale=en`)).body as Appraisal;
    expect([open.previousAgreements[0].valueName, en.previousAgreements[0].valueName]).toEqual([
      'Betrouwbaar',
      'Reliable',
    ]);
    const pdf = await fetch(`${api.url}/api/appraisals/${mine[1].id}/pdf`, {
      headers: { cookie: (employee as unknown as { cookie: string }).cookie },
    });
    expect(pdf.status).toBe(200);

    // The demo manager reviews all of them, at every stage.
    const manager = await login('manager@demo.test');
    const reports = (await manager.get('/api/appraisals/reports')).body as AppraisalSummary[];
    expect(new Set(reports.filter((r) => r.cycleId === current.id).map((r) => r.stage)).size).toBe(5);
    // Someone of the contact centre: customers' recognition of the touchpoints it serves, this year.
    // Conversations under way or signed this year: last year's agreements are followed up.
    for (const r of reports.filter(
      (x) => x.cycleId === current.id && (x.stage === 'conversation' || x.stage === 'signed'),
    )) {
      const later = (await manager.get(`/api/appraisals/${r.id}`)).body as Appraisal;
      expect(later.previousAgreements.length).toBeGreaterThan(0);
      for (const g of later.previousAgreements)
        expect(g.followUp).toEqual(expect.objectContaining({ status: expect.any(String) }));
    }
    // Not yet for the demo employee, still in its self review.
    expect(open.previousAgreements[0].followUp).toBeNull();
    const kcc = reports.find((r) => r.cycleId === current.id && r.teamName === 'Klantcontactcentrum')!;
    const served = (await manager.get(`/api/appraisals/${kcc.id}/context`)).body as AppraisalContext;
    expect(served.values.some((v) => v.journeys.length > 0 && v.touchpoints.length > 0)).toBe(true);
    for (const v of served.values)
      for (const r of [...v.journeys, ...v.touchpoints]) expect(r.n).toBeGreaterThanOrEqual(served.minimum);
  });
});
