import { RoundsService } from '@wk/api-testing';
import type { Browser, Page } from 'playwright-core';
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

const PHONE = { width: 390, height: 844 };

/** Issue 17 item 7: the home page shows each role its next steps; an employee's waiting form is one tap away. */
describe('home page with next steps', () => {
  let api: RunningApi;
  let world: World;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: 'dist/apps/web', SMTP_URL: undefined });
    world = await createWorld(api.db, 'Startpagina');
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    await hr.post('/api/values/draft/import', (await hr.get('/api/values/templates/vidomes')).body);
    const version = await hr.post('/api/values/draft/publish', {});
    const cycle = await hr.post('/api/cycles', {
      name: 'Voorjaarsmeting',
      valuesVersionId: version.body.id,
      teamIds: [world.departmentId],
      cron: '0 9 1 1 *',
    });
    await hr.post(`/api/cycles/${cycle.body.id}/pause`, {});
    const round = await hr.post(`/api/cycles/${cycle.body.id}/rounds`, {});
    expect(round.status).toBe(201);
    // The invitations, as the worker would make them.
    await api.app.get(RoundsService).fanOut(round.body.id);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await api.db.query(`UPDATE assessment_cycles SET status = 'archived' WHERE organisation_id = $1`, [
      world.organisationId,
    ]);
    await browser?.close();
    await api?.close();
  });
  afterEach(() => closePage(page));

  it("shows the employee the waiting form's button on a phone, accessible, and the button opens the form", async () => {
    page = await newPage(browser, { viewport: PHONE });
    await signIn(page, api.url, world.users.employee.email, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    const button = page.getByRole('link', { name: 'Zelfbeoordeling invullen' });
    await button.waitFor();
    expect(await button.isVisible()).toBe(true);
    await page.getByText(/Voorjaarsmeting staat voor je klaar/).waitFor();
    await page.getByRole('region', { name: 'Mijn laatste resultaat' }).waitFor();
    expect(await page.getByText(/Hier vind je straks/).count()).toBe(0);
    // Nothing runs off the side of a phone.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'home-employee-phone');

    await button.click();
    await page.getByRole('heading', { level: 1, name: 'Voorjaarsmeting' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/self-assessment\/[\w-]+$/);
  });

  it("shows the manager its teams' participation without counts for a team below the minimum", async () => {
    page = await newPage(browser);
    await signIn(page, api.url, world.users.manager.email, TEST_PASSWORD);
    const participation = page.getByRole('region', { name: 'Deelname van mijn teams' });
    await participation.waitFor();
    // The team has two people invited, the department one (the manager): no counts, no names.
    await participation
      .getByRole('row', { name: /Startpagina team/ })
      .getByText('minder dan 5 uitgenodigd')
      .waitFor();
    expect(await participation.getByText('Team Member').count()).toBe(0);
    expect(await participation.getByText('Outsider').count()).toBe(0);
    // The manager was invited too: its own form waits on its home.
    await page.getByRole('link', { name: 'Zelfbeoordeling invullen' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'home-manager');
  });

  it('shows HR the running round with its participation and the setup checklist', async () => {
    page = await newPage(browser);
    await signIn(page, api.url, world.users.hr.email, TEST_PASSWORD);
    const rounds = page.getByRole('region', { name: 'Lopende rondes zelfbeoordeling' });
    await rounds.getByRole('cell', { name: 'Voorjaarsmeting' }).waitFor();
    // The department and its team: the manager, the employee and the team member.
    await rounds.getByText('0 van 3').waitFor();
    // No survey yet: the checklist still asks for one.
    await page
      .getByRole('region', { name: 'Aan de slag' })
      .getByRole('link', { name: /klantonderzoek/ })
      .waitFor();
    await page
      .getByRole('region', { name: 'Waarden onder doel' })
      .getByText(/Nog geen betrouwbaar klantcijfer/)
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'home-hr');
  });
});
