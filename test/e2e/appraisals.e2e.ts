import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createAnsweredRound, createAppraisalValues } from '../support/appraisals';
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
import { HttpClient } from '../support/http-client';

const PHONE = { width: 390, height: 844 };

/** The whole appraisal in Chromium: self review and consent on a phone, the manager's review, both sign, the PDF, HR's progress. */
describe('appraisal conversation', () => {
  let api: RunningApi;
  let world: World;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: 'dist/apps/web', SMTP_URL: undefined });
    world = await createWorld(api.db, 'Gesprek');
    const version = await createAppraisalValues(api.db, world.organisationId);
    await createAnsweredRound(
      api.db,
      world.organisationId,
      version.versionId,
      world.users.employee.id,
      version.behaviours,
      2,
    );
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const cycle = await hr.post('/api/appraisal-cycles', {
      name: 'Jaargesprek 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      teamIds: [world.teamId],
      valuesVersionId: version.versionId,
      selfReviewDue: '2099-01-15',
      managerReviewDue: '2099-01-31',
      conversationDue: '2099-02-15',
      signOffDue: '2099-02-28',
    });
    expect((await hr.post(`/api/appraisal-cycles/${cycle.body.id}/open`)).status).toBe(200);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(() => closePage(page));

  const rate = (behaviour: string, level: string) =>
    page
      .getByRole('radiogroup', { name: behaviour })
      .getByRole('radio', { name: level, exact: true })
      .check();
  const noSideways = async () =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

  it('runs from the self review on a phone to two signatures and the PDF', async () => {
    // The employee, on a phone: the self review and sharing a round.
    page = await newPage(browser, { viewport: PHONE });
    await signIn(page, api.url, world.users.employee.email, TEST_PASSWORD);
    await page.goto(`${api.url}/appraisals`);
    await page.getByRole('heading', { level: 1, name: 'Beoordelings- en ontwikkelgesprekken' }).waitFor();
    await page.getByRole('link', { name: 'Jaargesprek 2026' }).click();
    await page.getByRole('heading', { name: 'Jouw beoordeling' }).waitFor();
    await noSideways();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await rate('Gedrag betrouwbaar 0', 'Goed');
    await rate('Gedrag betrouwbaar 1', 'Voorbeeldfunctie');
    await rate('Gedrag persoonlijk 0', 'Verbeterbaar');
    await rate('Gedrag persoonlijk 1', 'n.v.t.');
    await page
      .getByRole('textbox', { name: 'Toelichting bij Betrouwbaar (optioneel)' })
      .fill('Ik bel altijd terug.');
    await page.getByText('4 van 4 gedragingen beoordeeld').waitFor();
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.getByRole('heading', { name: 'Zelfbeoordeling', exact: true }).waitFor();
    await page.getByText('De beoordeling van je leidinggevende zie je zodra').waitFor();
    await page.getByRole('checkbox', { name: /^Kwartaal/ }).check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await noSideways();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'appraisal-employee-phone');
    await closePage(page);

    // The manager: the report in the list, the shared round, the review, the conversation and a signature.
    page = await newPage(browser);
    await signIn(page, api.url, world.users.manager.email, TEST_PASSWORD);
    await page.goto(`${api.url}/appraisals`);
    await page.getByRole('heading', { name: 'Mijn medewerkers' }).waitFor();
    await page.getByRole('link', { name: /Test employee · Jaargesprek 2026/ }).click();
    await page.getByRole('heading', { name: 'Gedeelde zelfbeoordelingen' }).waitFor();
    await page.getByText('De zelfbeoordeling zie je zodra jullie allebei ingediend hebben.').waitFor();
    for (const b of [
      'Gedrag betrouwbaar 0',
      'Gedrag betrouwbaar 1',
      'Gedrag persoonlijk 0',
      'Gedrag persoonlijk 1',
    ])
      await rate(b, 'Goed');
    await page.getByRole('button', { name: 'Indienen' }).click();
    // Both are in: the self review shows, with its comment.
    await page.getByText('Ik bel altijd terug.').waitFor();
    // Beside the conversation: both reviews' mean per value (self 3 and 4 → 3,5; manager all 3).
    const context = page.getByRole('row', { name: /^Betrouwbaar/ });
    expect((await context.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['3,5', '3']);
    await page.getByLabel('Datum van het gesprek').fill('2099-02-10');
    await page
      .getByRole('textbox', { name: 'Gespreksverslag (gedeeld)' })
      .fill('Goed gesprek over klantcontact.');
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await page.getByRole('textbox', { name: 'Wat' }).fill('Terugbelbelofte nakomen');
    await page.getByRole('textbox', { name: 'Ondersteuning' }).fill('Coaching');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('button', { name: 'Ondertekenen' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ondertekenen' }).click();
    await page.getByText(/door de beoordelaar: \d/).waitFor();
    await closePage(page);

    // The employee signs with a remark and downloads the PDF.
    page = await newPage(browser, { viewport: PHONE, acceptDownloads: true });
    await signIn(page, api.url, world.users.employee.email, TEST_PASSWORD);
    await page.goto(`${api.url}/appraisals`);
    await page.getByRole('link', { name: 'Jaargesprek 2026' }).click();
    await page.getByText('Terugbelbelofte nakomen').waitFor();
    await page.getByRole('textbox', { name: 'Opmerking (optioneel)' }).fill('Eens.');
    await page.getByRole('button', { name: 'Ondertekenen' }).click();
    await page.getByText('Ondertekend', { exact: true }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF downloaden' }).click(),
    ]);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await noSideways();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await closePage(page);

    // HR: the cycle's progress per team and stage, calibration and the CSV.
    page = await newPage(browser, { acceptDownloads: true });
    await signIn(page, api.url, world.users.hr.email, TEST_PASSWORD);
    await page.goto(`${api.url}/appraisal-cycles`);
    const table = page.getByRole('table', { name: 'Voortgang per team en fase' });
    await table.waitFor();
    const row = table.getByRole('row', { name: /Gesprek team/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['1', '0', '0', '0', '1', '0']);
    // Calibration: one review is below the anonymity minimum, so only its size shows.
    await page.getByRole('button', { name: 'Kalibratie tonen' }).click();
    const teamRow = page
      .getByRole('table', { name: 'Per team', exact: true })
      .getByRole('row', { name: /Gesprek team/ });
    await teamRow.waitFor();
    expect(await teamRow.getByRole('cell').allTextContents()).toEqual([
      '1',
      'te weinig (1)',
      'te weinig (1)',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The progress CSV: names and stages, never answers.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Voortgang als CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('Test employee;Gesprek team;Test manager;Ondertekend;');
    expect(text).not.toContain('Ik bel altijd terug');
    // The managers' perspective in the value detail: one review is below the minimum.
    await page.goto(`${api.url}/insights/values/betrouwbaar`);
    const perspective = page.getByRole('row', { name: /^Jaargesprek 2026/ });
    await perspective.waitFor();
    expect(await perspective.getByRole('cell').allTextContents()).toEqual(['1', 'te weinig (1)', '–']);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lets HR give an appraisal without a reviewer the suggested one, and reopen a signed one with a reason', async () => {
    page = await newPage(browser);
    await signIn(page, api.url, world.users.hr.email, TEST_PASSWORD);
    // The reviewer's account was removed: the team member's appraisal needs a reviewer; HR picks the suggested one.
    await api.db.query(`UPDATE appraisals SET reviewer_id = NULL WHERE employee_id = $1`, [
      world.teamMember.id,
    ]);
    await page.goto(`${api.url}/appraisal-cycles`);
    const attention = page.getByRole('region', { name: /^Aandacht nodig: 1 gesprek/ });
    await attention.getByText('Geen beoordelaar', { exact: true }).waitFor();
    // The filter (a segmented control: its labels are what one clicks).
    await attention
      .locator('label')
      .filter({ hasText: /^Van team gewisseld$/ })
      .click();
    await attention.getByText('Geen gesprekken in deze selectie.').waitFor();
    await attention
      .locator('label')
      .filter({ hasText: /^Beoordelaar$/ })
      .click();
    expect(
      await attention.getByLabel('Nieuwe beoordelaar voor Team Member', { exact: true }).inputValue(),
    ).toBe('Test manager (leidinggevende volgens het huidige team)');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await attention.getByRole('button', { name: 'Beoordelaar wijzigen' }).click();
    await page.getByText('Elk open gesprek heeft een beoordelaar die kan beoordelen.').waitFor();

    // HR reopens the signed appraisal of the first test with a reason; it stays in the history.
    const [signed] = await api.db.query(`SELECT id FROM appraisals WHERE employee_id = $1`, [
      world.users.employee.id,
    ]);
    await page.goto(`${api.url}/appraisals/${signed.id}`);
    const hrActions = page.getByRole('region', { name: 'Als HR' });
    await hrActions.getByRole('textbox', { name: /Reden om te heropenen/ }).fill('Verkeerde datum');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await hrActions.getByRole('button', { name: 'Heropenen' }).click();
    await page.getByText(/Heropend · Test hr: Verkeerde datum/).waitFor();
  });
});
