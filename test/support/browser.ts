import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContextOptions, chromium, Page } from 'playwright-core';

/** Debian's Chromium (Playwright cannot download its own browser on these machines). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in a fresh context (own cookies); axe needs pages made this way. Close with closePage. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  return context.newPage();
}

export async function closePage(page: Page | undefined): Promise<void> {
  await page?.context().close();
}

/** Axe violations that matter: serious and critical ones, as "rule: target" lines; `include`: only that part. */
export async function seriousA11yViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Saves a screenshot under test/e2e/screenshots for a person to look at (ignored by git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(__dirname, '..', 'e2e', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Fills the Dutch sign-in form and waits for the app shell. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/^wachtwoord/i).fill(password);
  await page.getByRole('button', { name: /inloggen/i }).click();
  await page.getByRole('navigation').first().waitFor();
}
