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
import { HttpClient } from '../support/http-client';

/**
 * The values house in Debian's Chromium: HR rewords a behaviour and publishes, the house and the
 * booklet show the new version, the booklet prints to A4. The tests run in order on one organisation.
 */
describe('values house, editor and booklet', () => {
  let api: RunningApi;
  let world: World;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: 'dist/apps/web', SMTP_URL: undefined });
    world = await createWorld(api.db, 'Woonstad');
    // Version 1: the Vidomes template, imported and published through the api.
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const template = await hr.get('/api/values/templates/vidomes');
    expect((await hr.post('/api/values/draft/import', template.body)).status).toBe(200);
    expect((await hr.post('/api/values/draft/publish', {})).status).toBe(200);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(() => closePage(page));

  async function signIn(email: string, viewport?: { width: number; height: number }) {
    page = await newPage(browser, viewport ? { viewport } : {});
    await signInAs(page, api.url, email, TEST_PASSWORD);
  }

  it('lets HR reword a behaviour, see inline errors, publish with a diff, and the house shows version 2', async () => {
    await signIn(world.users.hr.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Waardenhuis' }).click();
    await page.getByTestId('version-line').filter({ hasText: 'Versie 1' }).waitFor();
    await page.getByRole('link', { name: 'Bewerken' }).click();

    await page.getByRole('button', { name: 'Nieuw concept' }).click();
    await page.getByRole('heading', { name: 'Concept voor versie 2' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // An emptied behaviour is marked at the field before anything is sent.
    const first = page.getByRole('textbox', { name: /^Gedrag 1 \(NL\)/ });
    await first.fill('');
    await page.getByText('Vul dit in.').waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Los eerst de gemarkeerde velden op.' }).waitFor();
    await first.fill('ben helder en eerlijk in wat de klant kan verwachten');
    expect(await page.getByText('Vul dit in.').count()).toBe(0);

    await page.getByRole('textbox', { name: /^Gedrag 2 \(NL\)/ }).fill('kom gemaakte afspraken altijd na');
    await page.getByText('Niet opgeslagen wijzigingen').waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Alles is opgeslagen').waitFor();
    await screenshot(page, 'values-editor');

    await page.getByRole('button', { name: 'Publiceren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Versie 2 publiceren' });
    await dialog.getByText('Gewijzigd: Betrouwbaar').waitFor();
    await dialog.getByText('Anders verwoord').waitFor();
    expect(await dialog.locator('del').innerText()).toBe('kom gemaakte afspraken na');
    expect(await dialog.locator('ins').innerText()).toBe('kom gemaakte afspraken altijd na');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'values-publish');
    await dialog.getByRole('button', { name: 'Publiceren' }).click();

    await page.getByRole('status').filter({ hasText: 'Versie 2 is gepubliceerd.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/values');
    await page
      .getByTestId('version-line')
      .filter({ hasText: /Versie 2, gepubliceerd op .* door Test hr/ })
      .waitFor();
    await page.getByRole('button', { name: /^Betrouwbaar/ }).click();
    await page
      .getByRole('dialog', { name: 'Betrouwbaar' })
      .getByText('kom gemaakte afspraken altijd na')
      .waitFor();
    // HR changes the target without a new version; the earlier one stays in the history.
    const house = page.getByRole('dialog', { name: 'Betrouwbaar' });
    await house.getByRole('textbox', { name: 'Doel (rapportcijfer 1-10)' }).fill('8,2');
    await house.getByRole('button', { name: 'Doel opslaan' }).click();
    await house.getByRole('status').filter({ hasText: 'Het doel is nu 8,2.' }).waitFor();
    await house.getByText(/^8,2 vanaf .* door Test hr$/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'values-house');

    const [row] = await api.db.query(
      `SELECT b.text_nl FROM value_behaviours b JOIN value_set_versions v ON v.id = b.version_id
        WHERE v.organisation_id = $1 AND v.number = 2 AND b.key = 'betrouwbaar-2'`,
      [world.organisationId],
    );
    expect(row.text_nl).toBe('kom gemaakte afspraken altijd na');
  });

  it('shows the new wording in the booklet and prints it to A4 without the menu', async () => {
    await signIn(world.users.employee.email);
    await page.goto(`${api.url}/values/booklet`);
    await page.getByRole('heading', { level: 2, name: 'Samen' }).waitFor();
    await page.getByText('kom gemaakte afspraken altijd na').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    await page.getByText('De belevingswaarden van').waitFor();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await screenshot(page, 'values-booklet-print');
  });

  it('lets an employee read the house and previews but not edit', async () => {
    await signIn(world.users.employee.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Waardenhuis' }).click();
    await page.getByRole('button', { name: /^Dichtbij/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Bewerken' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Voorbeeld' }).click();
    await page.getByText('Stap 1 van 4: Betrouwbaar').waitFor();
    await page.getByRole('radiogroup', { name: /IK kom gemaakte afspraken altijd na/ }).waitFor();
    await page
      .getByRole('radiogroup', { name: "In welke mate herkent u 'dichtbij' in onze dienstverlening?" })
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'values-preview');

    await page.goto(`${api.url}/values/edit`);
    await page.getByRole('heading', { level: 1, name: /geen toegang/i }).waitFor();
  });

  it('fits the house on a phone without sideways scrolling', async () => {
    await signIn(world.users.employee.email, { width: 390, height: 844 });
    await page.goto(`${api.url}/values`);
    await page.getByRole('button', { name: /^Samen/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'values-house-phone');
  });
});
