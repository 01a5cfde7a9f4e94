import { OperatorAuthService } from '@wk/api-testing';
import { closePage, newPage, screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { createUser } from '../support/factories';

/** E-mail changes confirmed from the new address, the operator's door to the queues, and an admin's own jobs. */
describe('accounts, operator and background jobs in Chromium', () => {
  const e2e = browserSuite({ organisation: 'Woonstede' });

  it('shows HR in Dutch why it may not change an admin, and a pending address after a change', async () => {
    const colleague = await createUser(e2e.api.db, e2e.world.organisationId, {
      role: 'employee',
      name: 'Collega Wissel',
      email: 'collega@example.test',
    });
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.goto(`${e2e.api.url}/people`);
    await e2e.page
      .getByRole('group', { name: /acties voor test admin/i })
      .getByRole('button', { name: /bewerken/i })
      .click();
    await e2e.page.getByLabel(/^e-mailadres/i).fill('aanvaller@example.test');
    await e2e.page.getByRole('button', { name: /opslaan/i }).click();
    await e2e.page.getByText(/iemand met meer rechten dan jij/i).waitFor();
    await e2e.page.keyboard.press('Escape');

    await e2e.page
      .getByRole('group', { name: /acties voor collega wissel/i })
      .getByRole('button', { name: /bewerken/i })
      .click();
    await e2e.page.getByLabel(/^e-mailadres/i).fill('nieuw-adres@example.test');
    await e2e.page.getByRole('button', { name: /opslaan/i }).click();
    await e2e.page
      .getByRole('status')
      .filter({ hasText: /opgeslagen/i })
      .waitFor();

    const [row] = await e2e.api.db.query(`SELECT email FROM users WHERE id = $1`, [colleague.id]);
    expect(row.email).toBe('collega@example.test');
    const [{ text_body }] = await e2e.api.db.query(
      `SELECT text_body FROM outbox_messages WHERE organisation_id = $1 AND kind = 'email_change'`,
      [e2e.world.organisationId],
    );
    const link = new URL(/https?:\/\/\S+/.exec(text_body)![0]);
    await closePage(e2e.page);

    // The link from the mail, opened by the new address's owner: confirming takes a click.
    e2e.page = await newPage(e2e.browser);
    await e2e.page.goto(`${e2e.api.url}${link.pathname}${link.search}`);
    await e2e.page.getByRole('heading', { level: 1, name: /nieuw e-mailadres bevestigen/i }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await e2e.page.getByRole('button', { name: /e-mailadres bevestigen/i }).click();
    await e2e.page
      .getByRole('status')
      .filter({ hasText: /je e-mailadres is gewijzigd/i })
      .waitFor();
    const [after] = await e2e.api.db.query(`SELECT email FROM users WHERE id = $1`, [colleague.id]);
    expect(after.email).toBe('nieuw-adres@example.test');
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: /e-mailadres bevestigen/i }).click();
    await e2e.page
      .getByRole('alert')
      .filter({ hasText: /ongeldig, verlopen of al gebruikt/i })
      .waitFor();
  });

  it('lets an admin read its own background jobs, and an operator open the queues', async () => {
    await e2e.signIn(e2e.world.users.admin.email);
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Achtergrondtaken' }).click();
    await e2e.page.getByRole('heading', { level: 1, name: 'Achtergrondtaken' }).waitFor();
    await e2e.page.getByRole('heading', { name: 'Planning' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'jobs');
    // An admin's session opens no queue dashboard.
    const board = await e2e.page.request.get(`${e2e.api.url}/api/operator/queues`);
    expect(board.status()).toBe(401);
    await closePage(e2e.page);

    const { password } = await e2e.api.app.get(OperatorAuthService).create('ops@host.test', 'Host Ops');
    e2e.page = await newPage(e2e.browser);
    await e2e.page.goto(`${e2e.api.url}/operator`);
    await e2e.page.getByRole('heading', { level: 1, name: 'Platformbeheer' }).waitFor();
    await e2e.page.getByLabel(/e-mail/i).fill('ops@host.test');
    await e2e.page.getByLabel(/^wachtwoord/i).fill(password);
    await e2e.page.getByRole('button', { name: /inloggen/i }).click();
    await e2e.page.getByText(/ingelogd als host ops/i).waitFor();
    await e2e.page.getByRole('link', { name: /wachtrijen openen/i }).click();
    await e2e.page.waitForURL(/\/api\/operator\/queues/);
    await e2e.page.getByText('mail', { exact: true }).first().waitFor();
    await screenshot(e2e.page, 'operator-queues');
  });
});
