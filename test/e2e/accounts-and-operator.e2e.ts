import type { Browser, Page } from 'playwright-core';
import { OperatorAuthService } from '@wk/api-testing';
import {
  closePage,
  launchChromium,
  newPage,
  screenshot,
  seriousA11yViolations,
  signIn as signInAs,
} from '../support/browser';
import { createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';

/** E-mail changes confirmed from the new address, the operator's door to the queues, and an admin's own jobs. */
describe('accounts, operator and background jobs in Chromium', () => {
  let api: RunningApi;
  let world: World;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: 'dist/apps/web', SMTP_URL: undefined });
    world = await createWorld(api.db, 'Woonstede');
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

  it('shows HR in Dutch why it may not change an admin, and a pending address after a change', async () => {
    const colleague = await createUser(api.db, world.organisationId, {
      role: 'employee',
      name: 'Collega Wissel',
      email: 'collega@example.test',
    });
    await signIn(world.users.hr.email);
    await page.goto(`${api.url}/people`);
    await page
      .getByRole('group', { name: /acties voor test admin/i })
      .getByRole('button', { name: /bewerken/i })
      .click();
    await page.getByLabel(/^e-mailadres/i).fill('aanvaller@example.test');
    await page.getByRole('button', { name: /opslaan/i }).click();
    await page.getByText(/iemand met meer rechten dan jij/i).waitFor();
    await page.keyboard.press('Escape');

    await page
      .getByRole('group', { name: /acties voor collega wissel/i })
      .getByRole('button', { name: /bewerken/i })
      .click();
    await page.getByLabel(/^e-mailadres/i).fill('nieuw-adres@example.test');
    await page.getByRole('button', { name: /opslaan/i }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /opgeslagen/i })
      .waitFor();

    const [row] = await api.db.query(`SELECT email FROM users WHERE id = $1`, [colleague.id]);
    expect(row.email).toBe('collega@example.test');
    const [{ text_body }] = await api.db.query(
      `SELECT text_body FROM outbox_messages WHERE organisation_id = $1 AND kind = 'email_change'`,
      [world.organisationId],
    );
    const link = new URL(/https?:\/\/\S+/.exec(text_body)![0]);
    await closePage(page);

    // The link from the mail, opened by the new address's owner: confirming takes a click.
    page = await newPage(browser);
    await page.goto(`${api.url}${link.pathname}${link.search}`);
    await page.getByRole('heading', { level: 1, name: /nieuw e-mailadres bevestigen/i }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /e-mailadres bevestigen/i }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /je e-mailadres is gewijzigd/i })
      .waitFor();
    const [after] = await api.db.query(`SELECT email FROM users WHERE id = $1`, [colleague.id]);
    expect(after.email).toBe('nieuw-adres@example.test');
    await page.reload();
    await page.getByRole('button', { name: /e-mailadres bevestigen/i }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /ongeldig, verlopen of al gebruikt/i })
      .waitFor();
  });

  it('lets an admin read its own background jobs, and an operator open the queues', async () => {
    await signIn(world.users.admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Achtergrondtaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Achtergrondtaken' }).waitFor();
    await page.getByRole('heading', { name: 'Planning' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'jobs');
    // An admin's session opens no queue dashboard.
    const board = await page.request.get(`${api.url}/api/operator/queues`);
    expect(board.status()).toBe(401);
    await closePage(page);

    const { password } = await api.app.get(OperatorAuthService).create('ops@host.test', 'Host Ops');
    page = await newPage(browser);
    await page.goto(`${api.url}/operator`);
    await page.getByRole('heading', { level: 1, name: 'Platformbeheer' }).waitFor();
    await page.getByLabel(/e-mail/i).fill('ops@host.test');
    await page.getByLabel(/^wachtwoord/i).fill(password);
    await page.getByRole('button', { name: /inloggen/i }).click();
    await page.getByText(/ingelogd als host ops/i).waitFor();
    await page.getByRole('link', { name: /wachtrijen openen/i }).click();
    await page.waitForURL(/\/api\/operator\/queues/);
    await page.getByText('mail', { exact: true }).first().waitFor();
    await screenshot(page, 'operator-queues');
  });
});
