import type { Browser, Page } from 'playwright-core';
import { OperatorAuthService, SetupService } from '@wk/api-testing';
import { closePage, launchChromium, newPage, screenshot, seriousA11yViolations } from '../support/browser';
import { RunningApi, startApi } from '../support/harness';

/** A fresh installation in Chromium: setup page, first admin, checklist; then the operator's organisations. */
describe('first-run setup and the operator in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: 'dist/apps/web', SMTP_URL: undefined });
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

  it('leads the first visitor from sign-in to setup, signs the new admin in and shows the checklist', async () => {
    const token = await api.app.get(SetupService).announceIfNeeded();
    await page.goto(`${api.url}/login`);
    await page.getByRole('heading', { level: 1, name: 'Waardenkompas inrichten' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel(/^inrichtingstoken/i).fill('verkeerd-token');
    await page.getByLabel(/^naam van de organisatie/i).fill('Woonstede Ede');
    await page.getByLabel(/^je naam/i).fill('Eerste Beheerder');
    await page.getByLabel(/^je e-mailadres/i).fill('beheer@woonstede.test');
    await page.getByLabel(/^wachtwoord/i).fill('Een-goed-wachtwoord-1');
    await page.getByRole('button', { name: /organisatie aanmaken/i }).click();
    await page.getByText(/invalid or already used/i).waitFor();

    await page.getByLabel(/^inrichtingstoken/i).fill(token!);
    await page.getByRole('button', { name: /organisatie aanmaken/i }).click();
    await page.getByRole('heading', { level: 1, name: /welkom, eerste beheerder/i }).waitFor();
    await page.getByRole('heading', { name: 'Aan de slag' }).waitFor();
    expect(await page.getByRole('progressbar').getAttribute('aria-label')).toBe('0 van 4 gedaan');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'setup-checklist');
    await page
      .getByRole('region', { name: 'Aan de slag' })
      .getByRole('link', { name: /medewerkers en teams importeren/i })
      .click();
    await page.getByRole('heading', { level: 1, name: /importeren/i }).waitFor();

    // Done is done: the setup page says so and sign-in no longer leads there.
    await page.goto(`${api.url}/setup`);
    await page.getByText('Deze installatie is al ingericht.').waitFor();
  });

  it('lets the operator add an organisation with its first admin, suspend and delete it', async () => {
    const { password } = await api.app.get(OperatorAuthService).create('ops@host.test', 'Host Ops');
    await page.goto(`${api.url}/operator`);
    await page.getByLabel(/e-mail/i).fill('ops@host.test');
    await page.getByLabel(/^wachtwoord/i).fill(password);
    await page.getByRole('button', { name: /inloggen/i }).click();
    await page.getByRole('heading', { name: 'Organisaties' }).waitFor();

    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Organisatie toevoegen' }) });
    await form.getByRole('textbox', { name: 'Naam', exact: true }).fill('Zorggroep Oost');
    await form.getByLabel(/naam eerste beheerder/i).fill('Anna Admin');
    await form.getByLabel(/e-mail eerste beheerder/i).fill('anna@zorggroep.test');
    await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'Zorggroep Oost is aangemaakt.' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'zorggroep-oost' });
    await row.getByText('0 actief, 1 uitgenodigd').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'operator-organisations');

    await row.getByRole('button', { name: 'Schorsen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Schorsen' }).click();
    await row.getByText('Geschorst').waitFor();

    await row.getByRole('button', { name: 'Verwijderen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Adresnaam').fill('zorggroep-oost');
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: 'Zorggroep Oost is verwijderd.' }).waitFor();
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM organisations WHERE slug = 'zorggroep-oost'`,
    );
    expect(n).toBe(0);
  });
});
