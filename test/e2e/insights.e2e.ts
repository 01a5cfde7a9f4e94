import { readFileSync } from 'node:fs';
import { KpiRollupsService } from '@wk/api-testing';
import type { BehaviourReport, KpiReport } from '@wk/contracts';
import { screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { createUser, createWorld, TEST_PASSWORD } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { createInsightsData, InsightsData } from '../support/insights-data';

/** "2026-Q3" as the dashboard names it: "Q3 2026". */
const quarterLabel = (key: string) => `${key.slice(5)} ${key.slice(0, 4)}`;

/** The outside-in dashboard in Chromium against the real api and rollups. */
describe('outside-in dashboard', () => {
  const e2e = browserSuite({ organisation: 'Dashboard' });
  let data: InsightsData;
  let overview: KpiReport;
  let rounds: KpiReport;

  beforeAll(async () => {
    data = await createInsightsData(e2e.api.db, e2e.world.organisationId, 3);
    await e2e.api.app.get(KpiRollupsService).rebuild(e2e.world.organisationId);
    const hr = await new HttpClient(e2e.api.url).login(e2e.world.users.hr.email, TEST_PASSWORD);
    overview = (await hr.get('/api/insights/kpis?period=quarter')).body;
    rounds = (await hr.get('/api/insights/kpis?period=round')).body;
  });

  it('shows the overview with the numbers the api gives', async () => {
    await e2e.signIn(e2e.world.users.hr.email, { acceptDownloads: true });
    await e2e.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await e2e.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const latest = overview.periods[overview.periods.length - 1];
    // The default is the last complete quarter, not the unfinished current one (the data's).
    const previous = overview.periods[overview.periods.length - 2];
    await e2e.page.getByRole('heading', { name: `Waarden in ${quarterLabel(previous)}` }).waitFor();
    await e2e.page.goto(`${e2e.api.url}/insights?period=quarter&at=${latest}`);
    for (const key of ['betrouwbaar', 'persoonlijk']) {
      const row = overview.rows.find((r) => r.period === latest && r.valueKey === key)!;
      const tile = e2e.page.getByRole('article', { name: key.charAt(0).toUpperCase() + key.slice(1) });
      await tile.waitFor();
      const text = await tile.innerText();
      const grade = row.customer!.grade.mean!.toLocaleString('nl-NL', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      expect(text).toContain(grade);
      expect(text).toContain(`${row.customer!.n} klanten`);
      expect(text).toContain(`${(row.self as { n: number }).n} medewerkers`);
    }
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'insights-overview');
  });

  it('shows a round on its own (employees only) and says when there are no waves yet', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.goto(`${e2e.api.url}/insights`);
    const picker = e2e.page.locator('.period-picker');
    await picker.getByText('Ronde', { exact: true }).click();
    await e2e.page.getByRole('note').filter({ hasText: 'alleen antwoorden van medewerkers' }).waitFor();
    expect(rounds.periods).toEqual([data.roundId]);
    for (const key of ['betrouwbaar', 'persoonlijk']) {
      const row = rounds.rows.find((r) => r.period === data.roundId && r.valueKey === key)!;
      const self = row.self as { n: number; index: number };
      const tile = e2e.page.getByRole('article', { name: key.charAt(0).toUpperCase() + key.slice(1) });
      await tile.getByText(`${self.n} medewerkers`).waitFor();
      const text = await tile.innerText();
      expect(text).toContain(
        self.index.toLocaleString('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
      );
      expect(text).toContain('0 klanten');
    }
    // The round is named by its cycle in the picker's list.
    expect(await picker.getByRole('textbox', { name: 'Ronde (cyclus en startdatum)' }).inputValue()).toMatch(
      /\d{4}/,
    );
    expect(new URL(e2e.page.url()).searchParams.get('period')).toBe('round');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'insights-round');

    await picker.getByText('Golf', { exact: true }).click();
    await e2e.page.getByText('Er is nog geen golf van een klantonderzoek verstuurd.').first().waitFor();
    // The gap needs both sides: that page stays on calendar periods.
    await e2e.page.goto(`${e2e.api.url}/insights/gap?period=round`);
    await e2e.page.getByRole('table', { name: 'Outside-in-kloof per team en waarde' }).waitFor();
    expect(await picker.getByText('Ronde', { exact: true }).count()).toBe(0);
  });

  it('marks a small team as "too few responses" in the gap heatmap', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    const latest = overview.periods[overview.periods.length - 1];
    await e2e.page.goto(
      `${e2e.api.url}/insights/gap?period=quarter&at=${latest}&teamId=${data.departmentId}`,
    );
    const heatmap = e2e.page.getByRole('table', { name: 'Outside-in-kloof per team en waarde' });
    await heatmap.waitFor();
    const small = heatmap.getByRole('row').filter({ hasText: 'Klein 3' });
    await small.waitFor();
    expect(await small.getByText('te weinig antwoorden').count()).toBeGreaterThan(0);
    const large = heatmap.getByRole('row').filter({ hasText: 'Groot 3' });
    expect(await large.getByText('te weinig antwoorden').count()).toBe(0);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'insights-gap');
  });

  it('downloads the board report as a PDF', async () => {
    await e2e.signIn(e2e.world.users.hr.email, { acceptDownloads: true });
    await e2e.page.goto(`${e2e.api.url}/insights/report`);
    await e2e.page.getByRole('heading', { level: 1, name: 'Bestuursrapport' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    const [download] = await Promise.all([
      e2e.page.waitForEvent('download'),
      e2e.page.getByRole('link', { name: 'PDF downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bestuursrapport-\d{4}-(Q\d|\d{2})\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the heart monitor of a journey with its dip', async () => {
    // About 18 answers per value and touchpoint: reliable from a minimum of 10, so dips are called.
    const admin = await new HttpClient(e2e.api.url).login(e2e.world.users.admin.email, TEST_PASSWORD);
    expect((await admin.patch('/api/organisation', { reliabilityMinimum: 10 })).status).toBe(200);
    await e2e.signIn(e2e.world.users.hr.email);
    const latest = overview.periods[overview.periods.length - 1];
    await e2e.page.goto(`${e2e.api.url}/insights/journeys/${data.journeyId}?period=quarter&at=${latest}`);
    await e2e.page.getByRole('heading', { name: /^Hartmonitor Reis 3/ }).waitFor();
    // The grade label of the dip says so in words (the legend says "dal" too: the label has the grade).
    await e2e.page
      .getByText(/^\d,\d\s?dal$/)
      .first()
      .waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    expect((await admin.patch('/api/organisation', { reliabilityMinimum: 30 })).status).toBe(200);
  });

  it('shows the heart monitor per value on a phone: journey preselected, readable, the table per value', async () => {
    const admin = await new HttpClient(e2e.api.url).login(e2e.world.users.admin.email, TEST_PASSWORD);
    expect((await admin.patch('/api/organisation', { reliabilityMinimum: 10 })).status).toBe(200);
    await e2e.signIn(e2e.world.users.hr.email, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    // Without a journey in the address the (only) journey is preselected. The data is this quarter's.
    const latest = overview.periods[overview.periods.length - 1];
    await e2e.page.goto(`${e2e.api.url}/insights/journeys?period=quarter&at=${latest}`);
    await e2e.page.getByRole('heading', { name: /^Hartmonitor Reis 3/ }).waitFor();
    expect(e2e.page.url()).toContain(`/insights/journeys/${data.journeyId}`);
    // The average: grade labels with their word on a line of its own never overlap a neighbour's.
    const labels = e2e.page.locator('text.heart-point-label');
    await labels.nth(2).waitFor();
    const boxes = await labels.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    await screenshot(e2e.page, 'heart-monitor-average-390');
    await e2e.page.getByText('Per waarde').click();
    await e2e.page.getByText(/Een lijn per waarde/).waitFor();
    expect(new URL(e2e.page.url()).searchParams.get('view')).toBe('values');
    const chart = e2e.page.getByRole('img', { name: /Lijngrafiek met een lijn per waarde/ });
    await chart.waitFor();
    // A line per value, named in the legend beside the chart.
    await chart.locator('.recharts-line-curve').nth(1).waitFor();
    expect(await chart.locator('.recharts-line-curve').count()).toBe(2);
    for (const name of ['Betrouwbaar', 'Persoonlijk'])
      await e2e.page.locator('.heart-legend').getByText(name).waitFor();
    // Each value's dip at Telefoon is drawn as ▼ (a marked path, not a plain dot).
    expect(await chart.locator('.recharts-line-dots path').count()).toBeGreaterThanOrEqual(2);
    // The page does not scroll sideways; the touchpoint names under the axis do not overlap.
    expect(await e2e.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await chart.locator('text.heart-step').nth(2).waitFor();
    const ticks = await chart.locator('text.heart-step').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    );
    expect(ticks).toHaveLength(3);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].left).toBeGreaterThanOrEqual(ticks[i - 1].right);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'heart-monitor-values-390');

    // The table follows the view: a row per touchpoint and value, the dip in words.
    await e2e.page.getByRole('button', { name: 'Als tabel' }).click();
    const table = e2e.page.getByRole('table', { name: /^Hartmonitor Reis 3/ });
    await table.waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(1 + 3 * 2);
    const telefoon = rows.filter({ hasText: 'Telefoon' });
    expect(await telefoon.count()).toBe(2);
    for (const text of await telefoon.allInnerTexts()) expect(text).toContain('dal');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    expect((await admin.patch('/api/organisation', { reliabilityMinimum: 30 })).status).toBe(200);
  });

  it('reads a value in words on its page: kind, both indices, lowest touchpoint, weakest behaviour', async () => {
    // A threshold of 10 lets the touchpoints (about 18 grades each) take part in the reading.
    const admin = await new HttpClient(e2e.api.url).login(e2e.world.users.admin.email, TEST_PASSWORD);
    expect((await admin.patch('/api/organisation', { reliabilityMinimum: 10 })).status).toBe(200);
    const hr = await new HttpClient(e2e.api.url).login(e2e.world.users.hr.email, TEST_PASSWORD);
    const latest = overview.periods[overview.periods.length - 1];
    const row = overview.rows.find((r) => r.period === latest && r.valueKey === 'betrouwbaar')!;
    const behaviours: BehaviourReport = (
      await hr.get(`/api/insights/behaviours?period=quarter&from=${latest}&to=${latest}&valueKey=betrouwbaar`)
    ).body;
    const weakest = behaviours.behaviours
      .filter((b) => b.mean !== null)
      .reduce((a, b) => ((b.mean as number) < (a.mean as number) ? b : a));
    const index = (v: number) => v.toLocaleString('nl-NL', { maximumFractionDigits: 0 });
    const self = row.self as { index: number };

    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.goto(`${e2e.api.url}/insights/values/betrouwbaar?period=quarter&at=${latest}`);
    const reading = e2e.page.getByRole('region', { name: 'Lezing' });
    await reading.getByText(/Laagst bij contactmoment/).waitFor();
    const text = await reading.innerText();
    expect(text).toMatch(
      /^Betrouwbaar( is een blinde vlek| is een verborgen kracht| staat onder doel|: medewerkers en klanten zien hetzelfde)/m,
    );
    if (!text.includes('onder doel')) {
      expect(text).toContain(`medewerkers ${index(self.index)}`);
      expect(text).toContain(`klanten ${index(row.customer!.index!)}`);
    }
    // The generated data puts the dip at the middle touchpoint.
    expect(text).toContain('Laagst bij contactmoment Telefoon');
    expect(text).toContain(`Zwakste gedrag: ‘${weakest.text}’`);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    expect((await admin.patch('/api/organisation', { reliabilityMinimum: 30 })).status).toBe(200);
  });

  it('marks a month with 3 customer answers as provisional, not as a verdict; axe clean', async () => {
    const small = await createWorld(e2e.api.db, 'Klein dashboard');
    const smallData = await createInsightsData(e2e.api.db, small.organisationId, 5);
    await e2e.api.db.query(
      `DELETE FROM survey_responses WHERE organisation_id = $1 AND id NOT IN
         (SELECT id FROM survey_responses WHERE organisation_id = $1 ORDER BY id LIMIT 3)`,
      [small.organisationId],
    );
    await e2e.api.app.get(KpiRollupsService).rebuild(small.organisationId);
    const hr = await new HttpClient(e2e.api.url).login(small.users.hr.email, TEST_PASSWORD);
    const month: KpiReport = (await hr.get('/api/insights/kpis?period=month')).body;
    const at = month.periods[month.periods.length - 1];
    const nps = month.nps.find((r) => r.period === at)!;
    expect(nps.n).toBe(3);
    expect(smallData.values).toHaveLength(2);

    await e2e.signIn(small.users.hr.email);
    await e2e.page.goto(`${e2e.api.url}/insights?period=month&at=${at}`);
    const npsCard = e2e.page.getByRole('region', { name: 'Net Promoter Score' });
    await npsCard.getByText('voorlopig (n = 3)').waitFor();
    for (const key of ['betrouwbaar', 'persoonlijk']) {
      const row = month.rows.find((r) => r.period === at && r.valueKey === key)!;
      const tile = e2e.page.getByRole('article', { name: key.charAt(0).toUpperCase() + key.slice(1) });
      await tile.getByText(`voorlopig (n = ${row.customer!.n})`).waitFor();
      // A neutral tile: no verdict word, no verdict colour.
      for (const verdict of ['op koers', 'bijna', 'onder doel'])
        expect(await tile.getByText(verdict).count()).toBe(0);
      expect(await tile.getAttribute('class')).toContain('status-provisional');
    }
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'insights-provisional');
  });

  it('shows a team leader its team view on a phone: tiles, a chart, siblings, the periods it took part in', async () => {
    // A manager of the large team: its siblings are not its teams, so they stay unnamed.
    const leader = await createUser(e2e.api.db, e2e.world.organisationId, {
      role: 'manager',
      teamId: data.teams.large,
      name: 'Teamleider',
    });
    await e2e.api.db.query(
      `INSERT INTO team_managers (organisation_id, team_id, user_id) VALUES ($1, $2, $3)`,
      [e2e.world.organisationId, data.teams.large, leader.id],
    );
    const latest = overview.periods[overview.periods.length - 1];
    // HR makes an action on the team's cell: the team view lists it with its status and effect.
    const hr = await new HttpClient(e2e.api.url).login(e2e.world.users.hr.email, TEST_PASSWORD);
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const focus = await hr.post('/api/actions/focuses', {
      cell: {
        valueKey: 'betrouwbaar',
        teamId: data.teams.large,
        periodKind: 'quarter',
        period: latest,
        metric: 'customer',
      },
      title: 'Afspraken nakomen',
      actions: [{ what: 'Terugbellen binnen een dag', ownerId: leader.id, dueDate: due }],
    });
    expect(focus.status).toBe(201);

    await e2e.signIn(leader.email, { viewport: { width: 390, height: 844 } });
    // A quarter the team was not in (no answers then): the view moves to the one it took part in.
    await e2e.page.goto(`${e2e.api.url}/insights/my-team?period=quarter&at=2020-Q1`);
    await e2e.page.getByRole('heading', { level: 1, name: /^Dashboard/ }).waitFor();
    await e2e.page.waitForURL((url) => url.searchParams.get('at') === latest);
    await e2e.page.getByRole('heading', { name: 'Het team per waarde' }).waitFor();
    await e2e.page.getByRole('article', { name: 'Betrouwbaar' }).waitFor();
    await e2e.page
      .getByRole('region', { name: 'Wat valt op in dit team' })
      .getByText(/^Betrouwbaar/)
      .waitFor();
    // The picker offers only quarters the team took part in.
    await e2e.page.getByRole('textbox', { name: 'Periode' }).click();
    const options = await e2e.page.getByRole('option').allInnerTexts();
    expect(options).toEqual([quarterLabel(latest)]);
    await e2e.page.keyboard.press('Escape');

    // The sibling chart draws bars within the phone's width.
    const siblings = e2e.page.getByRole('region', { name: 'Team naast organisatie en zusterteams' });
    await siblings.locator('.recharts-bar-rectangle').first().waitFor();
    const box = (await siblings.locator('.recharts-wrapper').first().boundingBox())!;
    expect(box.width).toBeGreaterThan(250);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const text = await siblings.innerText();
    for (const name of ['Middel 3', 'Klein 3']) expect(text).not.toContain(name);
    // The team trend chart renders too, and the page does not scroll sideways.
    await e2e.page
      .getByRole('region', { name: 'Verloop herkenning en zelfbeeld' })
      .locator('svg.recharts-surface')
      .first()
      .waitFor();
    expect(await e2e.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await e2e.page
      .getByRole('region', { name: 'Deelname per meting' })
      .getByText('Meting', { exact: true })
      .waitFor();
    const actions = e2e.page.getByRole('region', { name: 'Acties van het team' });
    await actions.getByRole('link', { name: 'Terugbellen binnen een dag' }).waitFor();
    await actions.getByText('Effect: nog niet gemeten', { exact: false }).waitFor();
    expect(await actions.getByText('open', { exact: true }).count()).toBe(1);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'insights-team-phone');
  });
});
