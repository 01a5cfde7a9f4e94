import { OperatorAuthService, SetupService } from '@wk/api-testing';
import { screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/** A fresh installation in Chromium: setup page, first admin, checklist; then the operator's organisations. */
describe('first-run setup and the operator in Chromium', () => {
  const e2e = browserSuite();

  it('leads the first visitor from sign-in to setup, signs the new admin in and shows the checklist', async () => {
    const token = await e2e.api.app.get(SetupService).announceIfNeeded();
    await e2e.page.goto(`${e2e.api.url}/login`);
    await e2e.page.getByRole('heading', { level: 1, name: 'Waardenkompas inrichten' }).waitFor();
    expect(new URL(e2e.page.url()).pathname).toBe('/setup');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);

    await e2e.page.getByLabel(/^inrichtingstoken/i).fill('verkeerd-token');
    await e2e.page.getByLabel(/^naam van de organisatie/i).fill('Woonstede Ede');
    await e2e.page.getByLabel(/^je naam/i).fill('Eerste Beheerder');
    await e2e.page.getByLabel(/^je e-mailadres/i).fill('beheer@woonstede.test');
    await e2e.page.getByLabel(/^wachtwoord/i).fill('Een-goed-wachtwoord-1');
    await e2e.page.getByRole('button', { name: /organisatie aanmaken/i }).click();
    await e2e.page.getByText(/invalid or already used/i).waitFor();

    await e2e.page.getByLabel(/^inrichtingstoken/i).fill(token!);
    await e2e.page.getByRole('button', { name: /organisatie aanmaken/i }).click();
    await e2e.page.getByRole('heading', { level: 1, name: /welkom, eerste beheerder/i }).waitFor();
    await e2e.page.getByRole('heading', { name: 'Aan de slag' }).waitFor();
    expect(await e2e.page.getByRole('progressbar').getAttribute('aria-label')).toBe('0 van 4 gedaan');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'setup-checklist');
    await e2e.page
      .getByRole('region', { name: 'Aan de slag' })
      .getByRole('link', { name: /medewerkers en teams importeren/i })
      .click();
    await e2e.page.getByRole('heading', { level: 1, name: /importeren/i }).waitFor();

    // Done is done: the setup page says so and sign-in no longer leads there.
    await e2e.page.goto(`${e2e.api.url}/setup`);
    await e2e.page.getByText('Deze installatie is al ingericht.').waitFor();
  });

  it('lets the operator add an organisation with its first admin, suspend and delete it', async () => {
    const { password } = await e2e.api.app.get(OperatorAuthService).create('ops@host.test', 'Host Ops');
    await e2e.page.goto(`${e2e.api.url}/operator`);
    await e2e.page.getByLabel(/e-mail/i).fill('ops@host.test');
    await e2e.page.getByLabel(/^wachtwoord/i).fill(password);
    await e2e.page.getByRole('button', { name: /inloggen/i }).click();
    await e2e.page.getByRole('heading', { name: 'Organisaties' }).waitFor();

    const form = e2e.page.locator('form', {
      has: e2e.page.getByRole('heading', { name: 'Organisatie toevoegen' }),
    });
    await form.getByRole('textbox', { name: 'Naam', exact: true }).fill('Zorggroep Oost');
    await form.getByLabel(/naam eerste beheerder/i).fill('Anna Admin');
    await form.getByLabel(/e-mail eerste beheerder/i).fill('anna@zorggroep.test');
    await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await e2e.page.getByRole('status').filter({ hasText: 'Zorggroep Oost is aangemaakt.' }).waitFor();
    const row = e2e.page.getByRole('row').filter({ hasText: 'zorggroep-oost' });
    await row.getByText('0 actief, 1 uitgenodigd').waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'operator-organisations');

    await row.getByRole('button', { name: 'Schorsen' }).click();
    await e2e.page.getByRole('dialog').getByRole('button', { name: 'Schorsen' }).click();
    await row.getByText('Geschorst').waitFor();

    await row.getByRole('button', { name: 'Verwijderen' }).click();
    const dialog = e2e.page.getByRole('dialog');
    await dialog.getByLabel('Adresnaam').fill('zorggroep-oost');
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await e2e.page.getByRole('status').filter({ hasText: 'Zorggroep Oost is verwijderd.' }).waitFor();
    const [{ n }] = await e2e.api.db.query(
      `SELECT count(*)::int AS n FROM organisations WHERE slug = 'zorggroep-oost'`,
    );
    expect(n).toBe(0);
  });
});
