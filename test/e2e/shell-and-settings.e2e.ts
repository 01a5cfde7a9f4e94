import type { Browser, Page } from 'playwright-core';
import {
  closePage,
  launchChromium,
  newPage,
  screenshot,
  seriousA11yViolations,
  signIn as signInAs,
} from '../support/browser';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';

/** Navigation by role, the team tree, organisation settings and the outbox, in Debian's Chromium. */
describe('app shell, teams, settings and outbox', () => {
  let api: RunningApi;
  let world: World;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: 'dist/apps/web', SMTP_URL: undefined });
    world = await createWorld(api.db, 'Zorggroep');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => closePage(page));

  const signIn = (email: string) => signInAs(page, api.url, email, TEST_PASSWORD);
  const menu = async () =>
    (await page.getByRole('navigation').getByRole('link').allInnerTexts()).map((s) => s.trim());

  it('shows each role only its own menu, and an employee is refused the people page', async () => {
    await signIn(world.users.manager.email);
    expect(await menu()).toEqual([
      'Start',
      'Dashboard',
      'Acties',
      'Waardenhuis',
      'Klantcontext',
      'Mijn zelfbeoordelingen',
      'Gesprekken',
      'Mensen',
      'Teams',
    ]);
    await closePage(page);

    page = await newPage(browser);
    await signIn(world.users.employee.email);
    expect(await menu()).toEqual([
      'Start',
      'Dashboard',
      'Acties',
      'Waardenhuis',
      'Mijn zelfbeoordelingen',
      'Gesprekken',
    ]);
    await page.goto(`${api.url}/people`);
    await page.getByRole('heading', { level: 1, name: /geen toegang/i }).waitFor();
  });

  it('sends a visitor without a session to sign-in and back to where they were going', async () => {
    await page.goto(`${api.url}/teams`);
    await page.getByRole('heading', { level: 1, name: /inloggen/i }).waitFor();
    await page.getByLabel(/e-mail/i).fill(world.users.hr.email);
    await page.getByLabel(/^wachtwoord/i).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /inloggen/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/teams');
  });

  it('lets HR add a sub-team that appears in the tree under its parent', async () => {
    await signIn(world.users.hr.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Teams' }).click();
    await page.getByLabel(/^naam/i).fill('Wijkteam Noord');
    await page.getByRole('textbox', { name: /valt onder/i }).click();
    await page.getByRole('option', { name: 'Zorggroep afdeling' }).click();
    await page.getByRole('button', { name: /team toevoegen/i }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Wijkteam Noord/ })
      .waitFor();

    const branch = page
      .getByRole('listitem')
      .filter({ has: page.getByText('Zorggroep afdeling', { exact: true }) });
    await branch.getByText('Wijkteam Noord', { exact: true }).waitFor();
    const [row] = await api.db.query(
      `SELECT p.name AS parent FROM teams t JOIN teams p ON p.id = t.parent_id WHERE t.organisation_id = $1 AND t.name = 'Wijkteam Noord'`,
      [world.organisationId],
    );
    expect(row.parent).toBe('Zorggroep afdeling');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'teams');
  });

  it('shows HR the settings read-only and lets an admin change the anonymity minimum, refusing 2, and pick the time zone from a list', async () => {
    await signIn(world.users.hr.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Organisatie' }).click();
    await page.getByText(/alleen een beheerder/i).waitFor();
    expect(await page.getByRole('button', { name: /opslaan/i }).count()).toBe(0);
    await closePage(page);

    page = await newPage(browser);
    await signIn(world.users.admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Organisatie' }).click();
    const minimum = page.getByLabel(/minimum aantal respondenten voor een groep/i);
    await minimum.fill('2');
    // The general settings' button: the sign-in methods have their own form below.
    const save = page.locator('form', { has: minimum }).getByRole('button', { name: /opslaan/i });
    await save.click();
    await page.locator('input[aria-invalid="true"]').waitFor();
    expect(await minimum.getAttribute('aria-invalid')).toBe('true');
    await minimum.fill('7');
    // The time zone is picked from a searchable list with the keyboard, not typed as free text.
    const zone = page.getByRole('textbox', { name: 'Tijdzone' });
    expect(await zone.inputValue()).toBe('Europe/Amsterdam');
    await zone.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('London');
    await page.getByRole('option', { name: 'Europe/London' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await zone.inputValue()).toBe('Europe/London');
    await save.click();
    await page
      .getByRole('status')
      .filter({ hasText: /opgeslagen/i })
      .waitFor();
    const [org] = await api.db.query(
      `SELECT anonymity_minimum AS n, time_zone AS zone FROM organisations WHERE id = $1`,
      [world.organisationId],
    );
    expect(org).toEqual({ n: 7, zone: 'Europe/London' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisation');
  });

  it('lets an admin add a person and read the invitation in the outbox', async () => {
    await signIn(world.users.admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Mensen' }).click();
    await page.getByRole('button', { name: /persoon toevoegen/i }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^naam/i).fill('Noor Jansen');
    await dialog.getByLabel(/e-mailadres/i).fill('noor.e2e@example.test');
    await dialog.getByRole('button', { name: /opslaan/i }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Noor Jansen/ })
      .waitFor();

    await page
      .getByRole('navigation')
      .getByRole('link', { name: /verzonden e-mail/i })
      .click();
    // Wait for the outbox itself: the people list also has a row for this address.
    await page.getByRole('heading', { level: 1, name: 'Verzonden e-mail' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'noor.e2e@example.test' }).getByRole('button').click();
    await page
      .getByRole('dialog')
      .getByText(/set-password\?token=/)
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'outbox');

    // The organisation's own background jobs are linked from here (Bull Board is the operator's).
    await page.keyboard.press('Escape');
    await page.getByRole('main').getByRole('link', { name: 'Achtergrondtaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Achtergrondtaken' }).waitFor();
    // Without SMTP the invitation is held in the outbox, so no job is waiting: the empty state says so.
    await page.getByText('Er is niets ingepland.').waitFor();
    await screenshot(page, 'jobs-from-outbox');
  });
});
