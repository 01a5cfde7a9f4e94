import { closePage, newPage, screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { OidcTestProvider } from '../support/oidc';

const SECRET = 'e2e-client-secret';

/**
 * Single sign-on in Chromium against a real OpenID provider (oidc-provider's own login and consent
 * pages): the admin sets it up, people sign in from the login page, a refusal is explained.
 */
describe('single sign-on in Chromium', () => {
  const provider = new OidcTestProvider();
  const e2e = browserSuite({ organisation: 'Zorggroep' });
  let issuer: string;

  beforeAll(async () => {
    issuer = await provider.start(
      [
        {
          client_id: 'waardenkompas',
          client_secret: SECRET,
          redirect_uris: [`${e2e.api.url}/api/auth/sso/callback`],
        },
      ],
      { devInteractions: true },
    );
  });
  afterAll(() => provider.stop());

  const section = () => e2e.page.getByRole('group', { name: 'Inloggen met organisatieaccount (SSO)' });

  /** The admin's organisation page, at the SSO section. */
  async function openSsoSettings(): Promise<void> {
    await e2e.signIn(e2e.world.users.admin.email);
    await e2e.page.goto(`${e2e.api.url}/organisation`);
    await section()
      .getByLabel(/^issuer-url/i)
      .waitFor();
  }

  /** From the login page through the provider's login and consent, as `account` at the provider. */
  async function signInWithSso(workEmail: string, account = workEmail): Promise<void> {
    await e2e.page.goto(`${e2e.api.url}/login`);
    await e2e.page.getByLabel('Je werkmail of organisatiecode').fill(workEmail);
    await e2e.page.getByRole('button', { name: 'Ga verder' }).click();
    // oidc-provider's development login page, the work e-mail already filled in as login hint.
    const login = e2e.page.locator('input[name="login"]');
    await login.waitFor();
    expect(await login.inputValue()).toBe(workEmail);
    await login.fill(account);
    await e2e.page.locator('input[name="password"]').fill('any password');
    await e2e.page.getByRole('button', { name: 'Sign-in' }).click();
    await e2e.page.getByRole('button', { name: 'Continue' }).click();
  }

  it('lets the admin set up SSO in the organisation settings', async () => {
    await openSsoSettings();
    await section().getByText('Nog niet ingesteld.').waitFor();
    expect(await seriousA11yViolations(e2e.page, '#sso')).toEqual([]);

    await section()
      .getByLabel(/^issuer-url/i)
      .fill(issuer);
    await section()
      .getByLabel(/^client-id/i)
      .fill('waardenkompas');
    await section()
      .getByLabel(/^clientgeheim/i)
      .fill(SECRET);
    await section()
      .getByLabel(/^toegestane e-maildomeinen/i)
      .fill('example.test');
    // The Entra option is off by default and warns when switched on.
    const accept = section().getByRole('checkbox', { name: /e-mailadres accepteren zonder bevestiging/i });
    expect(await accept.isChecked()).toBe(false);
    await accept.check();
    await section()
      .getByText(/^Let op: zet dit alleen aan/)
      .waitFor();
    expect(await seriousA11yViolations(e2e.page, '#sso')).toEqual([]);
    await accept.uncheck();
    await section()
      .getByText(/^Let op: zet dit alleen aan/)
      .waitFor({ state: 'detached' });

    await section().getByRole('button', { name: 'Opslaan' }).click();
    await section().getByText('Opgeslagen').waitFor();
    await section().getByText(`${e2e.api.url}/api/auth/sso/callback`).waitFor();
    expect(
      await section()
        .getByLabel(/^clientgeheim/i)
        .inputValue(),
    ).toBe('');
    await section()
      .getByText(/er is een geheim opgeslagen/i)
      .waitFor();
    expect(await seriousA11yViolations(e2e.page, '#sso')).toEqual([]);
    await screenshot(e2e.page, 'sso-settings');
    const [row] = await e2e.api.db.query(
      `SELECT client_id, allowed_domains, accept_unverified_email FROM sso_settings WHERE organisation_id = $1`,
      [e2e.world.organisationId],
    );
    expect(row).toEqual({
      client_id: 'waardenkompas',
      allowed_domains: ['example.test'],
      accept_unverified_email: false,
    });
  });

  it('signs an employee in with "Inloggen met je organisatieaccount" and lands on the dashboard', async () => {
    await e2e.page.goto(`${e2e.api.url}/login`);
    await e2e.page.getByRole('heading', { level: 1, name: /inloggen/i }).waitFor();
    await e2e.page.getByText('Inloggen met je organisatieaccount').waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);

    await signInWithSso(e2e.world.users.employee.email);
    await e2e.page.getByRole('heading', { level: 1, name: 'Welkom, Test employee' }).waitFor();
    expect(new URL(e2e.page.url()).pathname).toBe('/');
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Mijn zelfbeoordelingen' }).waitFor();
  });

  it('explains a refused sign-in in Dutch on the login page, and the admin can accept Entra-style e-mail', async () => {
    // A provider that does not say whether the e-mail is verified (as Microsoft Entra ID).
    await signInWithSso(e2e.world.users.hr.email, `noverify.${e2e.world.users.hr.email}`);
    await e2e.page
      .getByRole('alert')
      .filter({
        hasText:
          'Je organisatieaccount heeft geen bevestigd e-mailadres doorgegeven. Neem contact op met je beheerder.',
      })
      .waitFor();
    const url = new URL(e2e.page.url());
    expect(url.pathname + url.search).toBe('/login?sso_error=email_unverified');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'sso-refused');
    await closePage(e2e.page);

    e2e.page = await newPage(e2e.browser);
    await openSsoSettings();
    await section()
      .getByRole('checkbox', { name: /e-mailadres accepteren zonder bevestiging/i })
      .check();
    await section().getByRole('button', { name: 'Opslaan' }).click();
    await section().getByText('Opgeslagen').waitFor();
    await closePage(e2e.page);

    e2e.page = await newPage(e2e.browser);
    await signInWithSso(e2e.world.users.hr.email, `noverify.${e2e.world.users.hr.email}`);
    await e2e.page.getByRole('heading', { level: 1, name: 'Welkom, Test hr' }).waitFor();
  });
});
