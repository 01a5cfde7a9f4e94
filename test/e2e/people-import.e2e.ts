import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
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
import { RunningApi, startApi, startWorker } from '../support/harness';

/** The built dashboard served by the real api, driven in Debian's Chromium. */
describe('HR signs in, imports a CSV and sees the people list', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let world: World;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: 'dist/apps/web', SMTP_URL: undefined });
    // Imports are applied by the worker, as in production.
    worker = await startWorker({ SMTP_URL: undefined });
    world = await createWorld(api.db, 'Woonstad');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => closePage(page));

  const signIn = (email: string) => signInAs(page, api.url, email, TEST_PASSWORD);

  it('shows the sign-in page in Dutch without serious accessibility violations, and a wrong password', async () => {
    await page.goto(`${api.url}/login`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/e-mail/i).fill(world.users.hr.email);
    await page.getByLabel(/^wachtwoord/i).fill('not-the-password');
    await page.getByRole('button', { name: /inloggen/i }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /onjuist|incorrect/i })
      .waitFor();
    await screenshot(page, 'login-error');
  });

  it('imports employees from a semicolon CSV and lists them', async () => {
    await signIn(world.users.hr.email);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /importeren/i })
      .click();
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /import/i })
      .waitFor();

    const csv = join(tmpdir(), `medewerkers-${Date.now()}.csv`);
    writeFileSync(
      csv,
      `email;naam;personeelsnummer;team\r\nsterre.e2e@example.test;Sterre Visser;E-100;Woonstad team\r\nbram.e2e@example.test;Bram de Wit;E-101;Woonstad team\r\n`,
    );
    await page.locator('input[type=file]').setInputFiles(csv);
    await page.getByRole('button', { name: /voorbeeld/i }).click();
    await page.getByRole('cell', { name: 'E-100' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'import-preview');

    await page.getByRole('button', { name: /^importeren$/i }).click();
    // The worker applies the file while the page polls the job and shows its progress.
    await page
      .getByText(/alles is geïmporteerd/i)
      .first()
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM users WHERE organisation_id = $1 AND email LIKE '%.e2e@example.test'`,
      [world.organisationId],
    );
    expect(n).toBe(2);

    await page
      .getByRole('navigation')
      .getByRole('link', { name: /mensen/i })
      .click();
    await page.getByRole('cell', { name: 'Sterre Visser', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Bram de Wit', exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'people');
  });

  it('switches to English', async () => {
    await signIn(world.users.hr.email);
    await page
      .getByRole('button', { name: /^EN$/ })
      .or(page.getByRole('radio', { name: /EN/ }))
      .first()
      .click();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^people$/i })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
