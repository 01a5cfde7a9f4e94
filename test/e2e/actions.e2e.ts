import type { Browser, Page } from 'playwright-core';
import { KpiRollupsService } from '@wk/api-testing';
import type { ActionSummary } from '@wk/contracts';
import {
  closePage,
  launchChromium,
  newPage,
  screenshot,
  seriousA11yViolations,
  signIn,
} from '../support/browser';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createInsightsData } from '../support/insights-data';

/** Action plans in Chromium: HR makes an action from a heatmap cell, the owner updates it, the trend marks it. */
describe('action plans in the dashboard', () => {
  let api: RunningApi;
  let world: World;
  let browser: Browser;
  let page: Page;
  let today: string;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: 'dist/apps/web', SMTP_URL: undefined });
    world = await createWorld(api.db, 'Acties');
    await createInsightsData(api.db, world.organisationId, 4);
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    [{ today }] = await api.db.query(
      `SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM organisations WHERE id = $1`,
      [world.organisationId],
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(() => closePage(page));

  it('HR creates an action from a heatmap cell, the owner updates it, the trend marks it; axe clean', async () => {
    page = await newPage(browser);
    await signIn(page, api.url, world.users.hr.email, TEST_PASSWORD);
    // The data is this quarter's; the dashboard's default is the last complete one.
    const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    await page.goto(`${api.url}/insights/values/betrouwbaar?period=quarter&at=${quarter}`);
    await page.getByRole('heading', { level: 1, name: 'Betrouwbaar' }).waitFor();
    await page.getByRole('button', { name: /^Actie maken voor Betrouwbaar · Acties afdeling · / }).click();
    const dialog = page.getByRole('dialog', { name: 'Actie maken' });
    await dialog.getByLabel('Focus', { exact: false }).first().fill('Afspraken nakomen');
    await dialog.getByLabel(/Wat gaan we doen/).fill('Elke klant binnen een dag terugbellen');
    await dialog.getByRole('textbox', { name: /Eigenaar/ }).fill(world.teamMember.email);
    await page.getByRole('option', { name: new RegExp(world.teamMember.email) }).click();
    await dialog.getByLabel(/Klaar op/).fill(today);
    expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Actie opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const [made] = (await hr.get<ActionSummary[]>('/api/actions')).body;
    expect(made).toMatchObject({
      what: 'Elke klant binnen een dag terugbellen',
      owner: { id: world.teamMember.id },
      dueDate: today,
      cell: { valueKey: 'betrouwbaar', teamId: world.departmentId, periodKind: 'quarter' },
    });
    // The trend marks the action at its due date's quarter, and lists it beside the chart.
    // A vertical line has no width, so Playwright calls it hidden: check it is drawn instead.
    const marker = page.locator('.action-marker line').first();
    await marker.waitFor({ state: 'attached' });
    const [y1, y2] = await Promise.all([marker.getAttribute('y1'), marker.getAttribute('y2')]);
    expect(Math.abs(Number(y1) - Number(y2))).toBeGreaterThan(100);
    await page.getByRole('link', { name: 'Elke klant binnen een dag terugbellen' }).waitFor();
    await closePage(page);

    // The owner finds it under Acties, sets it in progress and notes progress.
    page = await newPage(browser);
    await signIn(page, api.url, world.teamMember.email, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Acties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acties' }).waitFor();
    const list = page.getByRole('table', { name: 'Acties' });
    expect(await list.innerText()).toContain('Betrouwbaar · Acties afdeling');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await list.getByRole('link', { name: 'Elke klant binnen een dag terugbellen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Elke klant binnen een dag terugbellen' }).waitFor();
    await page.getByRole('textbox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'bezig' }).click();
    await page.getByLabel(/Voortgang noteren/).fill('Week 1: 9 van 10 klanten teruggebeld');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await page.getByText('Week 1: 9 van 10 klanten teruggebeld').waitFor();
    await page.getByText(/Dit meten we na de datum/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'action-detail');
    const detail = (await hr.get(`/api/actions/${made.id}`)).body;
    expect(detail).toMatchObject({
      status: 'in_progress',
      notes: [{ body: 'Week 1: 9 van 10 klanten teruggebeld', author: { id: world.teamMember.id } }],
    });
  });
});
