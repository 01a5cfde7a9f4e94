import type { Browser, Page } from 'playwright-core';
import {
  closePage,
  launchChromium,
  newPage,
  screenshot,
  seriousA11yViolations,
  signIn,
} from '../support/browser';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { OidcTestProvider } from '../support/oidc';

const SECRET = 'e2e-client-secret';

/**
 * Single sign-on in Chromium against a real OpenID provider (oidc-provider's own login and consent
 * pages): the admin sets it up, people sign in from the login page, a refusal is explained.
 */
describe('single sign-on in Chromium', () => {
  const provider = new OidcTestProvider();
  let api: RunningApi;
  let world: World;
  let issuer: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: 'dist/apps/web', SMTP_URL: undefined });
    world = await createWorld(api.db, 'Zorggroep');
    issuer = await provider.start(
      [
        {
          client_id: 'waardenkompas',
          client_secret: SECRET,
          redirect_uris: [`${api.url}/api/auth/sso/callback`],
        },
      ],
      { devInteractions: true },
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await provider.stop();
    await api?.close();
  });
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => closePage(page));

  const section = () => page.getByRole('group', { name: 'Inloggen met organisatieaccount (SSO)' });

  /** The admin's organisation page, at the SSO section. */
  async function openSsoSettings(): Promise<void> {
    await signIn(page, api.url, world.users.admin.email, TEST_PASSWORD);
    await page.goto(`${api.url}/organisation`);
    await section().getByLabel(/^issuer-url/i).waitFor();
  }

  /** From the login page through the provider's login and consent, as `account` at the provider. */
  async function signInWithSso(workEmail: string, account = workEmail): Promise<void> {
    await page.goto(`${api.url}/login`);
    await page.getByLabel('Je werkmail of organisatiecode').fill(workEmail);
    await page.getByRole('button', { name: 'Ga verder' }).click();
    // oidc-provider's development login page, the work e-mail already filled in as login hint.
    const login = page.locator('input[name="login"]');
    await login.waitFor();
    expect(await login.inputValue()).toBe(workEmail);
    await login.fill(account);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('lets the admin set up SSO in the organisation settings', async () => {
    await openSsoSettings();
    await section().getByText('Nog niet ingesteld.').waitFor();
    expect(await seriousA11yViolations(page, '#sso')).toEqual([]);

    await section().getByLabel(/^issuer-url/i).fill(issuer);
    await section().getByLabel(/^client-id/i).fill('waardenkompas');
    await section().getByLabel(/^clientgeheim/i).fill(SECRET);
    await section().getByLabel(/^toegestane e-maildomeinen/i).fill('example.test');
    // The Entra option is off by default and warns when switched on.
    const accept = section().getByRole('checkbox', { name: /e-mailadres accepteren zonder bevestiging/i });
    expect(await accept.isChecked()).toBe(false);
    await accept.check();
    await section().getByText(/^Let op: zet dit alleen aan/).waitFor();
    expect(await seriousA11yViolations(page, '#sso')).toEqual([]);
    await accept.uncheck();
    await section().getByText(/^Let op: zet dit alleen aan/).waitFor({ state: 'detached' });

    await section().getByRole('button', { name: 'Opslaan' }).click();
    await section().getByText('Opgeslagen').waitFor();
    await section().getByText(`${api.url}/api/auth/sso/callback`).waitFor();
    expect(await section().getByLabel(/^clientgeheim/i).inputValue()).toBe('');
    await section().getByText(/er is een geheim opgeslagen/i).waitFor();
    expect(await seriousA11yViolations(page, '#sso')).toEqual([]);
    await screenshot(page, 'sso-settings');
    const [row] = await api.db.query(
      `SELECT client_id, allowed_domains, accept_unverified_email FROM sso_settings WHERE organisation_id = $1`,
      [world.organisationId],
    );
    expect(row).toEqual({
      client_id: 'waardenkompas',
      allowed_domains: ['example.test'],
      accept_unverified_email: false,
    });
  });

  it('signs an employee in with "Inloggen met je organisatieaccount" and lands on the dashboard', async () => {
    await page.goto(`${api.url}/login`);
    await page.getByRole('heading', { level: 1, name: /inloggen/i }).waitFor();
    await page.getByText('Inloggen met je organisatieaccount').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await signInWithSso(world.users.employee.email);
    await page.getByRole('heading', { level: 1, name: 'Welkom, Test employee' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Mijn zelfbeoordelingen' }).waitFor();
  });

  it('explains a refused sign-in in Dutch on the login page, and the admin can accept Entra-style e-mail', async () => {
    // A provider that does not say whether the e-mail is verified (as Microsoft Entra ID).
    await signInWithSso(world.users.hr.email, `noverify.${world.users.hr.email}`);
    await page
      .getByRole('alert')
      .filter({
        hasText:
          'Je organisatieaccount heeft geen bevestigd e-mailadres doorgegeven. Neem contact op met je beheerder.',
      })
      .waitFor();
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe('/login?sso_error=email_unverified');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'sso-refused');
    await closePage(page);

    page = await newPage(browser);
    await openSsoSettings();
    await section()
      .getByRole('checkbox', { name: /e-mailadres accepteren zonder bevestiging/i })
      .check();
    await section().getByRole('button', { name: 'Opslaan' }).click();
    await section().getByText('Opgeslagen').waitFor();
    await closePage(page);

    page = await newPage(browser);
    await signInWithSso(world.users.hr.email, `noverify.${world.users.hr.email}`);
    await page.getByRole('heading', { level: 1, name: 'Welkom, Test hr' }).waitFor();
  });
});
