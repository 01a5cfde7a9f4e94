import { readFileSync } from 'node:fs';
import { KpiRollupsService } from '@wk/api-testing';
import type { ActionSummary } from '@wk/contracts';
import { screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { TEST_PASSWORD } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { createInsightsData, InsightsData } from '../support/insights-data';
import { pdfToText } from '../support/pdf-text';

const WHAT = 'Elke klant binnen een dag terugbellen';

/**
 * Action plans in Chromium: HR makes an action from a blind-spot cell, the owner updates it, the
 * trend marks it, the team view and the board report PDF list it; the value charts fit a phone.
 * (The "voorlopig" state of a month with 3 answers is checked in insights.e2e.ts.)
 */
describe('action plans in the dashboard', () => {
  const e2e = browserSuite({ organisation: 'Acties' });
  let today: string;
  let quarter: string;
  let data: InsightsData;

  beforeAll(async () => {
    data = await createInsightsData(e2e.api.db, e2e.world.organisationId, 4);
    // A solid blind spot of the department on Betrouwbaar (the dashboard's team rows are the top
    // teams, sub-teams rolled up): its large team scores itself 4 of 4, that team's customers
    // grade 2 or 3. The threshold of 10 lets the department's customers take part.
    const betrouwbaar = data.values.find((v) => v.key === 'betrouwbaar')!;
    await e2e.api.db.query(
      `UPDATE assessment_answers SET level = 4 WHERE behaviour_id = ANY($1)
          AND invitation_id IN (SELECT id FROM assessment_invitations WHERE team_id = $2)`,
      [betrouwbaar.behaviourIds, data.teams.large],
    );
    await e2e.api.db.query(
      `UPDATE survey_response_grades SET grade = 2 + get_byte(decode(md5(response_id::text), 'hex'), 0) % 2
        WHERE value_id = $1 AND response_id IN (SELECT id FROM survey_responses WHERE team_id = $2)`,
      [betrouwbaar.id, data.teams.large],
    );
    await e2e.api.db.query(`UPDATE organisations SET reliability_minimum = 10 WHERE id = $1`, [
      e2e.world.organisationId,
    ]);
    await e2e.api.app.get(KpiRollupsService).rebuild(e2e.world.organisationId);
    [{ today }] = await e2e.api.db.query(
      `SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM organisations WHERE id = $1`,
      [e2e.world.organisationId],
    );
    // The data is this quarter's; the dashboard's default is the last complete one.
    quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
  });

  it('HR creates an action from a blind-spot cell, the owner updates it, the trend marks it; axe clean', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.goto(`${e2e.api.url}/insights?period=quarter&at=${quarter}`);
    const focus = e2e.page.getByRole('region', { name: 'Waar nu op letten' });
    const cell = focus.getByRole('listitem').filter({ hasText: 'Betrouwbaar · Afdeling 4' });
    await cell.getByText(/^blinde vlek: medewerkers \d+, klanten \d+$/).waitFor();
    await cell.getByRole('button', { name: /^Actie maken voor Betrouwbaar · Afdeling 4 · / }).click();
    const dialog = e2e.page.getByRole('dialog', { name: 'Actie maken' });
    await dialog.getByLabel('Focus', { exact: false }).first().fill('Afspraken nakomen');
    await dialog.getByLabel(/Wat gaan we doen/).fill(WHAT);
    await dialog.getByRole('textbox', { name: /Eigenaar/ }).fill(e2e.world.teamMember.email);
    await e2e.page.getByRole('option', { name: new RegExp(e2e.world.teamMember.email) }).click();
    await dialog.getByLabel(/Klaar op/).fill(today);
    expect(await seriousA11yViolations(e2e.page, '[role="dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Actie opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await e2e.page.goto(`${e2e.api.url}/insights/values/betrouwbaar?period=quarter&at=${quarter}`);
    await e2e.page.getByRole('heading', { level: 1, name: 'Betrouwbaar' }).waitFor();

    const hr = await new HttpClient(e2e.api.url).login(e2e.world.users.hr.email, TEST_PASSWORD);
    const [made] = (await hr.get<ActionSummary[]>('/api/actions')).body;
    expect(made).toMatchObject({
      what: WHAT,
      owner: { id: e2e.world.teamMember.id },
      dueDate: today,
      cell: { valueKey: 'betrouwbaar', teamId: data.departmentId, periodKind: 'quarter', metric: 'customer' },
    });
    // The trend marks the action at its due date's quarter, and lists it beside the chart.
    // A vertical line has no width, so Playwright calls it hidden: check it is drawn instead.
    const marker = e2e.page.locator('.action-marker line').first();
    await marker.waitFor({ state: 'attached' });
    const [y1, y2] = await Promise.all([marker.getAttribute('y1'), marker.getAttribute('y2')]);
    expect(Math.abs(Number(y1) - Number(y2))).toBeGreaterThan(100);
    await e2e.page.getByRole('link', { name: WHAT }).waitFor();

    // The owner finds it under Acties, sets it in progress and notes progress.
    await e2e.signIn(e2e.world.teamMember.email, {});
    await e2e.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Acties' })
      .click();
    await e2e.page.getByRole('heading', { level: 1, name: 'Acties' }).waitFor();
    const list = e2e.page.getByRole('table', { name: 'Acties' });
    expect(await list.innerText()).toContain('Betrouwbaar · Afdeling 4');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await list.getByRole('link', { name: WHAT }).click();
    await e2e.page.getByRole('heading', { level: 1, name: WHAT }).waitFor();
    await e2e.page.getByRole('textbox', { name: 'Status' }).click();
    await e2e.page.getByRole('option', { name: 'bezig' }).click();
    await e2e.page.getByLabel(/Voortgang noteren/).fill('Week 1: 9 van 10 klanten teruggebeld');
    await e2e.page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await e2e.page.getByText('Week 1: 9 van 10 klanten teruggebeld').waitFor();
    await e2e.page.getByText(/Dit meten we na de datum/).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'action-detail');
    const detail = (await hr.get(`/api/actions/${made.id}`)).body;
    expect(detail).toMatchObject({
      status: 'in_progress',
      notes: [{ body: 'Week 1: 9 van 10 klanten teruggebeld', author: { id: e2e.world.teamMember.id } }],
    });
  });

  it('the team view lists the action with its status', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.goto(`${e2e.api.url}/insights/teams/${data.departmentId}?period=quarter&at=${quarter}`);
    const actions = e2e.page.getByRole('region', { name: 'Acties van het team' });
    const item = actions.getByRole('listitem').filter({ hasText: WHAT });
    await item.getByRole('link', { name: WHAT }).waitFor();
    await item.getByText('bezig').waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
  });

  it('the board report PDF, downloaded in the browser, lists the action with its status and effect', async () => {
    await e2e.signIn(e2e.world.users.hr.email, { acceptDownloads: true });
    await e2e.page.goto(`${e2e.api.url}/insights/report?period=quarter&at=${quarter}`);
    await e2e.page.getByRole('heading', { level: 1, name: 'Bestuursrapport' }).waitFor();
    const [download] = await Promise.all([
      e2e.page.waitForEvent('download'),
      e2e.page.getByRole('link', { name: 'PDF downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bestuursrapport-${quarter}.pdf`);
    const { pages, text } = pdfToText(readFileSync((await download.path())!));
    expect(pages).toBe(1);
    expect(text).toContain('Acties en hun effect');
    expect(text).toContain(WHAT);
    expect(text).toContain('Afspraken nakomen · Betrouwbaar · Afdeling 4');
    expect(text).toContain('bezig');
    // Due today: measured once the quarter after it is complete.
    expect(text).toMatch(/gemeten na Q\d \d{4}/);
    expect(text).toContain('Grootste blinde vlek');
  });

  it('the value charts fit a 390 px phone without sideways scrolling; axe clean', async () => {
    await e2e.signIn(e2e.world.users.hr.email, { viewport: { width: 390, height: 844 } });
    await e2e.page.goto(`${e2e.api.url}/insights/values/betrouwbaar?period=quarter&at=${quarter}`);
    await e2e.page.getByRole('heading', { level: 1, name: 'Betrouwbaar' }).waitFor();
    const charts = e2e.page.locator('.chart-card .recharts-wrapper > svg.recharts-surface');
    await charts.first().waitFor();
    // The bar charts are drawn once they come near the screen: scroll them in, then check them too.
    for (let y = 0; y <= (await e2e.page.evaluate(() => document.body.scrollHeight)); y += 400) {
      await e2e.page.evaluate((top) => window.scrollTo(0, top), y);
      await e2e.page.waitForTimeout(50);
    }
    await e2e.page
      .locator('.chart-card', { hasText: 'Herkenning per klantreis' })
      .locator('.recharts-wrapper > svg.recharts-surface')
      .waitFor();
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    await e2e.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(e2e.page, 'value-charts-390');
    const boxes = await charts.evaluateAll((svgs) =>
      svgs.map((svg) => {
        const r = svg.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width };
      }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
      // Readable: the chart takes most of the width, not a squeezed thumbnail.
      expect(box.width).toBeGreaterThan(250);
    }
    const overflow = await e2e.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
  });
});
