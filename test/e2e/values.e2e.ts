import { screenshot, seriousA11yViolations } from '../support/browser';
import { TEST_PASSWORD } from '../support/factories';
import { browserSuite } from '../support/browser-suite';
import { HttpClient } from '../support/http-client';

/**
 * The values house in Debian's Chromium: HR rewords a behaviour and publishes, the house and the
 * booklet show the new version, the booklet prints to A4. The tests run in order on one organisation.
 */
describe('values house, editor and booklet', () => {
  const e2e = browserSuite({ organisation: 'Woonstad' });

  beforeAll(async () => {
    // Version 1: the Vidomes template, imported and published through the api.
    const hr = await new HttpClient(e2e.api.url).login(e2e.world.users.hr.email, TEST_PASSWORD);
    const template = await hr.get('/api/values/templates/vidomes');
    expect((await hr.post('/api/values/draft/import', template.body)).status).toBe(200);
    expect((await hr.post('/api/values/draft/publish', {})).status).toBe(200);
  });

  it('lets HR reword a behaviour, see inline errors, publish with a diff, and the house shows version 2', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Waardenhuis' }).click();
    await e2e.page.getByTestId('version-line').filter({ hasText: 'Versie 1' }).waitFor();
    await e2e.page.getByRole('link', { name: 'Bewerken' }).click();

    await e2e.page.getByRole('button', { name: 'Nieuw concept' }).click();
    await e2e.page.getByRole('heading', { name: 'Concept voor versie 2' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);

    // An emptied behaviour is marked at the field before anything is sent.
    const first = e2e.page.getByRole('textbox', { name: /^Gedrag 1 \(NL\)/ });
    await first.fill('');
    await e2e.page.getByText('Vul dit in.').waitFor();
    await e2e.page.getByRole('button', { name: 'Opslaan' }).click();
    await e2e.page.getByRole('alert').filter({ hasText: 'Los eerst de gemarkeerde velden op.' }).waitFor();
    await first.fill('ben helder en eerlijk in wat de klant kan verwachten');
    expect(await e2e.page.getByText('Vul dit in.').count()).toBe(0);

    await e2e.page
      .getByRole('textbox', { name: /^Gedrag 2 \(NL\)/ })
      .fill('kom gemaakte afspraken altijd na');
    await e2e.page.getByText('Niet opgeslagen wijzigingen').waitFor();
    await e2e.page.getByRole('button', { name: 'Opslaan' }).click();
    await e2e.page.getByText('Alles is opgeslagen').waitFor();
    await screenshot(e2e.page, 'values-editor');

    await e2e.page.getByRole('button', { name: 'Publiceren' }).click();
    const dialog = e2e.page.getByRole('dialog', { name: 'Versie 2 publiceren' });
    await dialog.getByText('Gewijzigd: Betrouwbaar').waitFor();
    await dialog.getByText('Anders verwoord').waitFor();
    expect(await dialog.locator('del').innerText()).toBe('kom gemaakte afspraken na');
    expect(await dialog.locator('ins').innerText()).toBe('kom gemaakte afspraken altijd na');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'values-publish');
    await dialog.getByRole('button', { name: 'Publiceren' }).click();

    await e2e.page.getByRole('status').filter({ hasText: 'Versie 2 is gepubliceerd.' }).waitFor();
    expect(new URL(e2e.page.url()).pathname).toBe('/values');
    await e2e.page
      .getByTestId('version-line')
      .filter({ hasText: /Versie 2, gepubliceerd op .* door Test hr/ })
      .waitFor();
    await e2e.page.getByRole('button', { name: /^Betrouwbaar/ }).click();
    await e2e.page
      .getByRole('dialog', { name: 'Betrouwbaar' })
      .getByText('kom gemaakte afspraken altijd na')
      .waitFor();
    // HR changes the target without a new version; the earlier one stays in the history.
    const house = e2e.page.getByRole('dialog', { name: 'Betrouwbaar' });
    await house.getByRole('textbox', { name: 'Doel (rapportcijfer 1-10)' }).fill('8,2');
    await house.getByRole('button', { name: 'Doel opslaan' }).click();
    await house.getByRole('status').filter({ hasText: 'Het doel is nu 8,2.' }).waitFor();
    await house.getByText(/^8,2 vanaf .* door Test hr$/).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'values-house');

    const [row] = await e2e.api.db.query(
      `SELECT b.text_nl FROM value_behaviours b JOIN value_set_versions v ON v.id = b.version_id
        WHERE v.organisation_id = $1 AND v.number = 2 AND b.key = 'betrouwbaar-2'`,
      [e2e.world.organisationId],
    );
    expect(row.text_nl).toBe('kom gemaakte afspraken altijd na');
  });

  it('shows the new wording in the booklet and prints it to A4 without the menu', async () => {
    await e2e.signIn(e2e.world.users.employee.email);
    await e2e.page.goto(`${e2e.api.url}/values/booklet`);
    await e2e.page.getByRole('heading', { level: 2, name: 'Samen' }).waitFor();
    await e2e.page.getByText('kom gemaakte afspraken altijd na').waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);

    await e2e.page.emulateMedia({ media: 'print' });
    expect(await e2e.page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await e2e.page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    await e2e.page.getByText('De belevingswaarden van').waitFor();
    const pdf = await e2e.page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await screenshot(e2e.page, 'values-booklet-print');
  });

  it('lets an employee read the house and previews but not edit', async () => {
    await e2e.signIn(e2e.world.users.employee.email);
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Waardenhuis' }).click();
    await e2e.page.getByRole('button', { name: /^Dichtbij/ }).waitFor();
    expect(await e2e.page.getByRole('link', { name: 'Bewerken' }).count()).toBe(0);

    await e2e.page.getByRole('link', { name: 'Voorbeeld' }).click();
    await e2e.page.getByText('Stap 1 van 4: Betrouwbaar').waitFor();
    await e2e.page.getByRole('radiogroup', { name: /IK kom gemaakte afspraken altijd na/ }).waitFor();
    await e2e.page
      .getByRole('radiogroup', { name: "In welke mate herkent u 'dichtbij' in onze dienstverlening?" })
      .waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'values-preview');

    await e2e.page.goto(`${e2e.api.url}/values/edit`);
    await e2e.page.getByRole('heading', { level: 1, name: /geen toegang/i }).waitFor();
  });

  it('fits the house on a phone without sideways scrolling', async () => {
    await e2e.signIn(e2e.world.users.employee.email, { viewport: { width: 390, height: 844 } });
    await e2e.page.goto(`${e2e.api.url}/values`);
    await e2e.page.getByRole('button', { name: /^Samen/ }).waitFor();
    const overflow = await e2e.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'values-house-phone');
  });
});
