import { closePage, newPage, screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { TEST_PASSWORD } from '../support/factories';

/** Navigation by role, the team tree, organisation settings and the outbox, in Debian's Chromium. */
describe('app shell, teams, settings and outbox', () => {
  const e2e = browserSuite({ organisation: 'Zorggroep' });

  const menu = async () =>
    (await e2e.page.getByRole('navigation').getByRole('link').allInnerTexts()).map((s) => s.trim());

  it('shows each role only its own menu, and an employee is refused the people page', async () => {
    await e2e.signIn(e2e.world.users.manager.email);
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
    await closePage(e2e.page);

    e2e.page = await newPage(e2e.browser);
    await e2e.signIn(e2e.world.users.employee.email);
    expect(await menu()).toEqual([
      'Start',
      'Dashboard',
      'Acties',
      'Waardenhuis',
      'Mijn zelfbeoordelingen',
      'Gesprekken',
    ]);
    await e2e.page.goto(`${e2e.api.url}/people`);
    await e2e.page.getByRole('heading', { level: 1, name: /geen toegang/i }).waitFor();
  });

  it('sends a visitor without a session to sign-in and back to where they were going', async () => {
    await e2e.page.goto(`${e2e.api.url}/teams`);
    await e2e.page.getByRole('heading', { level: 1, name: /inloggen/i }).waitFor();
    await e2e.page.getByLabel(/e-mail/i).fill(e2e.world.users.hr.email);
    await e2e.page.getByLabel(/^wachtwoord/i).fill(TEST_PASSWORD);
    await e2e.page.getByRole('button', { name: /inloggen/i }).click();
    await e2e.page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    expect(new URL(e2e.page.url()).pathname).toBe('/teams');
  });

  it('lets HR add a sub-team that appears in the tree under its parent', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Teams' }).click();
    await e2e.page.getByLabel(/^naam/i).fill('Wijkteam Noord');
    await e2e.page.getByRole('textbox', { name: /valt onder/i }).click();
    await e2e.page.getByRole('option', { name: 'Zorggroep afdeling' }).click();
    await e2e.page.getByRole('button', { name: /team toevoegen/i }).click();
    await e2e.page
      .getByRole('status')
      .filter({ hasText: /Wijkteam Noord/ })
      .waitFor();

    const branch = e2e.page
      .getByRole('listitem')
      .filter({ has: e2e.page.getByText('Zorggroep afdeling', { exact: true }) });
    await branch.getByText('Wijkteam Noord', { exact: true }).waitFor();
    const [row] = await e2e.api.db.query(
      `SELECT p.name AS parent FROM teams t JOIN teams p ON p.id = t.parent_id WHERE t.organisation_id = $1 AND t.name = 'Wijkteam Noord'`,
      [e2e.world.organisationId],
    );
    expect(row.parent).toBe('Zorggroep afdeling');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'teams');
  });

  it('shows HR the settings read-only and lets an admin change the anonymity minimum, refusing 2, and pick the time zone from a list', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Organisatie' }).click();
    await e2e.page.getByText(/alleen een beheerder/i).waitFor();
    expect(await e2e.page.getByRole('button', { name: /opslaan/i }).count()).toBe(0);
    await closePage(e2e.page);

    e2e.page = await newPage(e2e.browser);
    await e2e.signIn(e2e.world.users.admin.email);
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Organisatie' }).click();
    const minimum = e2e.page.getByLabel(/minimum aantal respondenten voor een groep/i);
    await minimum.fill('2');
    // The general settings' button: the sign-in methods have their own form below.
    const save = e2e.page.locator('form', { has: minimum }).getByRole('button', { name: /opslaan/i });
    await save.click();
    await e2e.page.locator('input[aria-invalid="true"]').waitFor();
    expect(await minimum.getAttribute('aria-invalid')).toBe('true');
    await minimum.fill('7');
    // The time zone is picked from a searchable list with the keyboard, not typed as free text.
    const zone = e2e.page.getByRole('textbox', { name: 'Tijdzone' });
    expect(await zone.inputValue()).toBe('Europe/Amsterdam');
    await zone.focus();
    await e2e.page.keyboard.press('Control+A');
    await e2e.page.keyboard.type('London');
    await e2e.page.getByRole('option', { name: 'Europe/London' }).waitFor();
    await e2e.page.keyboard.press('ArrowDown');
    await e2e.page.keyboard.press('Enter');
    expect(await zone.inputValue()).toBe('Europe/London');
    await save.click();
    await e2e.page
      .getByRole('status')
      .filter({ hasText: /opgeslagen/i })
      .waitFor();
    const [org] = await e2e.api.db.query(
      `SELECT anonymity_minimum AS n, time_zone AS zone FROM organisations WHERE id = $1`,
      [e2e.world.organisationId],
    );
    expect(org).toEqual({ n: 7, zone: 'Europe/London' });
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'organisation');
  });

  it('lets an admin add a person and read the invitation in the outbox', async () => {
    await e2e.signIn(e2e.world.users.admin.email);
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Mensen' }).click();
    await e2e.page.getByRole('button', { name: /persoon toevoegen/i }).click();
    const dialog = e2e.page.getByRole('dialog');
    await dialog.getByLabel(/^naam/i).fill('Noor Jansen');
    await dialog.getByLabel(/e-mailadres/i).fill('noor.e2e@example.test');
    await dialog.getByRole('button', { name: /opslaan/i }).click();
    await e2e.page
      .getByRole('status')
      .filter({ hasText: /Noor Jansen/ })
      .waitFor();

    await e2e.page
      .getByRole('navigation')
      .getByRole('link', { name: /verzonden e-mail/i })
      .click();
    // Wait for the outbox itself: the people list also has a row for this address.
    await e2e.page.getByRole('heading', { level: 1, name: 'Verzonden e-mail' }).waitFor();
    await e2e.page.getByRole('row').filter({ hasText: 'noor.e2e@example.test' }).getByRole('button').click();
    await e2e.page
      .getByRole('dialog')
      .getByText(/set-password\?token=/)
      .waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'outbox');

    // The organisation's own background jobs are linked from here (Bull Board is the operator's).
    await e2e.page.keyboard.press('Escape');
    await e2e.page.getByRole('main').getByRole('link', { name: 'Achtergrondtaken' }).click();
    await e2e.page.getByRole('heading', { level: 1, name: 'Achtergrondtaken' }).waitFor();
    // Without SMTP the invitation is held in the outbox, so no job is waiting: the empty state says so.
    await e2e.page.getByText('Er is niets ingepland.').waitFor();
    await screenshot(e2e.page, 'jobs-from-outbox');
  });
});
