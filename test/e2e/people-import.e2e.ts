import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/** The built dashboard served by the real api, driven in Debian's Chromium. */
describe('HR signs in, imports a CSV and sees the people list', () => {
  const e2e = browserSuite({ organisation: 'Woonstad', worker: true });

  it('shows the sign-in page in Dutch without serious accessibility violations, and a wrong password', async () => {
    await e2e.page.goto(`${e2e.api.url}/login`);
    expect(await e2e.page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await e2e.page.getByLabel(/e-mail/i).fill(e2e.world.users.hr.email);
    await e2e.page.getByLabel(/^wachtwoord/i).fill('not-the-password');
    await e2e.page.getByRole('button', { name: /inloggen/i }).click();
    await e2e.page
      .getByRole('alert')
      .filter({ hasText: /onjuist|incorrect/i })
      .waitFor();
    await screenshot(e2e.page, 'login-error');
  });

  it('imports employees from a semicolon CSV and lists them', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page
      .getByRole('navigation')
      .getByRole('link', { name: /importeren/i })
      .click();
    await e2e.page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /import/i })
      .waitFor();

    const csv = join(tmpdir(), `medewerkers-${Date.now()}.csv`);
    writeFileSync(
      csv,
      `email;naam;personeelsnummer;team\r\nsterre.e2e@example.test;Sterre Visser;E-100;Woonstad team\r\nbram.e2e@example.test;Bram de Wit;E-101;Woonstad team\r\n`,
    );
    await e2e.page.locator('input[type=file]').setInputFiles(csv);
    await e2e.page.getByRole('button', { name: /voorbeeld/i }).click();
    await e2e.page.getByRole('cell', { name: 'E-100' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'import-preview');

    await e2e.page.getByRole('button', { name: /^importeren$/i }).click();
    // The worker applies the file while the page polls the job and shows its progress.
    await e2e.page
      .getByText(/alles is geïmporteerd/i)
      .first()
      .waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    const [{ n }] = await e2e.api.db.query(
      `SELECT count(*)::int AS n FROM users WHERE organisation_id = $1 AND email LIKE '%.e2e@example.test'`,
      [e2e.world.organisationId],
    );
    expect(n).toBe(2);

    await e2e.page
      .getByRole('navigation')
      .getByRole('link', { name: /mensen/i })
      .click();
    await e2e.page.getByRole('cell', { name: 'Sterre Visser', exact: true }).waitFor();
    await e2e.page.getByRole('cell', { name: 'Bram de Wit', exact: true }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'people');
  });

  it('switches to English', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page
      .getByRole('button', { name: /^EN$/ })
      .or(e2e.page.getByRole('radio', { name: /EN/ }))
      .first()
      .click();
    await e2e.page
      .getByRole('navigation')
      .getByRole('link', { name: /^people$/i })
      .waitFor();
    expect(await e2e.page.locator('html').getAttribute('lang')).toBe('en');
  });
});
