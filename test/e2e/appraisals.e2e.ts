import { readFileSync } from 'node:fs';
import { createAnsweredRound, createAppraisalValues } from '../support/appraisals';
import { screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { TEST_PASSWORD } from '../support/factories';
import { HttpClient } from '../support/http-client';

const PHONE = { width: 390, height: 844 };

/** The whole appraisal in Chromium: self review and consent on a phone, the manager's review, both sign, the PDF, HR's progress. */
describe('appraisal conversation', () => {
  const e2e = browserSuite({ organisation: 'Gesprek' });

  beforeAll(async () => {
    const version = await createAppraisalValues(e2e.api.db, e2e.world.organisationId);
    await createAnsweredRound(
      e2e.api.db,
      e2e.world.organisationId,
      version.versionId,
      e2e.world.users.employee.id,
      version.behaviours,
      2,
    );
    const hr = await new HttpClient(e2e.api.url).login(e2e.world.users.hr.email, TEST_PASSWORD);
    const cycle = await hr.post('/api/appraisal-cycles', {
      name: 'Jaargesprek 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      teamIds: [e2e.world.teamId],
      valuesVersionId: version.versionId,
      selfReviewDue: '2099-01-15',
      managerReviewDue: '2099-01-31',
      conversationDue: '2099-02-15',
      signOffDue: '2099-02-28',
    });
    expect((await hr.post(`/api/appraisal-cycles/${cycle.body.id}/open`)).status).toBe(200);
  });

  const rate = (behaviour: string, level: string) =>
    e2e.page
      .getByRole('radiogroup', { name: behaviour })
      .getByRole('radio', { name: level, exact: true })
      .check();
  const noSideways = async () =>
    expect(
      await e2e.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

  it('runs from the self review on a phone to two signatures and the PDF', async () => {
    // The employee, on a phone: the self review and sharing a round.
    await e2e.signIn(e2e.world.users.employee.email, { viewport: PHONE });
    await e2e.page.goto(`${e2e.api.url}/appraisals`);
    await e2e.page.getByRole('heading', { level: 1, name: 'Beoordelings- en ontwikkelgesprekken' }).waitFor();
    await e2e.page.getByRole('link', { name: 'Jaargesprek 2026' }).click();
    await e2e.page.getByRole('heading', { name: 'Jouw beoordeling' }).waitFor();
    await noSideways();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await rate('Gedrag betrouwbaar 0', 'Goed');
    await rate('Gedrag betrouwbaar 1', 'Voorbeeldfunctie');
    await rate('Gedrag persoonlijk 0', 'Verbeterbaar');
    await rate('Gedrag persoonlijk 1', 'n.v.t.');
    await e2e.page
      .getByRole('textbox', { name: 'Toelichting bij Betrouwbaar (optioneel)' })
      .fill('Ik bel altijd terug.');
    await e2e.page.getByText('4 van 4 gedragingen beoordeeld').waitFor();
    await e2e.page.getByRole('button', { name: 'Indienen' }).click();
    await e2e.page.getByRole('heading', { name: 'Zelfbeoordeling', exact: true }).waitFor();
    await e2e.page.getByText('De beoordeling van je leidinggevende zie je zodra').waitFor();
    await e2e.page.getByRole('checkbox', { name: /^Kwartaal/ }).check();
    await e2e.page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await e2e.page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await noSideways();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'appraisal-employee-phone');

    // The manager: the report in the list, the shared round, the review, the conversation and a signature.
    await e2e.signIn(e2e.world.users.manager.email, {});
    await e2e.page.goto(`${e2e.api.url}/appraisals`);
    await e2e.page.getByRole('heading', { name: 'Mijn medewerkers' }).waitFor();
    await e2e.page.getByRole('link', { name: /Test employee · Jaargesprek 2026/ }).click();
    await e2e.page.getByRole('heading', { name: 'Gedeelde zelfbeoordelingen' }).waitFor();
    await e2e.page.getByText('De zelfbeoordeling zie je zodra jullie allebei ingediend hebben.').waitFor();
    for (const b of [
      'Gedrag betrouwbaar 0',
      'Gedrag betrouwbaar 1',
      'Gedrag persoonlijk 0',
      'Gedrag persoonlijk 1',
    ])
      await rate(b, 'Goed');
    await e2e.page.getByRole('button', { name: 'Indienen' }).click();
    // Both are in: the self review shows, with its comment.
    await e2e.page.getByText('Ik bel altijd terug.').waitFor();
    // Beside the conversation: both reviews' mean per value (self 3 and 4 → 3,5; manager all 3).
    const context = e2e.page.getByRole('row', { name: /^Betrouwbaar/ });
    expect((await context.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['3,5', '3']);
    await e2e.page.getByLabel('Datum van het gesprek').fill('2099-02-10');
    await e2e.page
      .getByRole('textbox', { name: 'Gespreksverslag (gedeeld)' })
      .fill('Goed gesprek over klantcontact.');
    await e2e.page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await e2e.page.getByRole('textbox', { name: 'Wat' }).fill('Terugbelbelofte nakomen');
    await e2e.page.getByRole('textbox', { name: 'Ondersteuning' }).fill('Coaching');
    await e2e.page.getByRole('button', { name: 'Opslaan' }).click();
    await e2e.page.getByRole('button', { name: 'Ondertekenen' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await e2e.page.getByRole('button', { name: 'Ondertekenen' }).click();
    await e2e.page.getByText(/door de beoordelaar: \d/).waitFor();

    // The employee signs with a remark and downloads the PDF.
    await e2e.signIn(e2e.world.users.employee.email, { viewport: PHONE, acceptDownloads: true });
    await e2e.page.goto(`${e2e.api.url}/appraisals`);
    await e2e.page.getByRole('link', { name: 'Jaargesprek 2026' }).click();
    await e2e.page.getByText('Terugbelbelofte nakomen').waitFor();
    await e2e.page.getByRole('textbox', { name: 'Opmerking (optioneel)' }).fill('Eens.');
    await e2e.page.getByRole('button', { name: 'Ondertekenen' }).click();
    await e2e.page.getByText('Ondertekend', { exact: true }).waitFor();
    const [download] = await Promise.all([
      e2e.page.waitForEvent('download'),
      e2e.page.getByRole('link', { name: 'PDF downloaden' }).click(),
    ]);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await noSideways();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);

    // HR: the cycle's progress per team and stage, calibration and the CSV.
    await e2e.signIn(e2e.world.users.hr.email, { acceptDownloads: true });
    await e2e.page.goto(`${e2e.api.url}/appraisal-cycles`);
    const table = e2e.page.getByRole('table', { name: 'Voortgang per team en fase' });
    await table.waitFor();
    const row = table.getByRole('row', { name: /Gesprek team/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['1', '0', '0', '0', '1', '0']);
    // Calibration: one review is below the anonymity minimum, so only its size shows.
    await e2e.page.getByRole('button', { name: 'Kalibratie tonen' }).click();
    const teamRow = e2e.page
      .getByRole('table', { name: 'Per team', exact: true })
      .getByRole('row', { name: /Gesprek team/ });
    await teamRow.waitFor();
    expect(await teamRow.getByRole('cell').allTextContents()).toEqual([
      '1',
      'te weinig (1)',
      'te weinig (1)',
    ]);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    // The progress CSV: names and stages, never answers.
    const [csv] = await Promise.all([
      e2e.page.waitForEvent('download'),
      e2e.page.getByRole('button', { name: 'Voortgang als CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('Test employee;Gesprek team;Test manager;Ondertekend;');
    expect(text).not.toContain('Ik bel altijd terug');
    // The managers' perspective in the value detail: one review is below the minimum.
    await e2e.page.goto(`${e2e.api.url}/insights/values/betrouwbaar`);
    const perspective = e2e.page.getByRole('row', { name: /^Jaargesprek 2026/ });
    await perspective.waitFor();
    expect(await perspective.getByRole('cell').allTextContents()).toEqual(['1', 'te weinig (1)', '–']);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
  });

  it('lets HR give an appraisal without a reviewer the suggested one, and reopen a signed one with a reason', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    // The reviewer's account was removed: the team member's appraisal needs a reviewer; HR picks the suggested one.
    await e2e.api.db.query(`UPDATE appraisals SET reviewer_id = NULL WHERE employee_id = $1`, [
      e2e.world.teamMember.id,
    ]);
    await e2e.page.goto(`${e2e.api.url}/appraisal-cycles`);
    const attention = e2e.page.getByRole('region', { name: /^Aandacht nodig: 1 gesprek/ });
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
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await attention.getByRole('button', { name: 'Beoordelaar wijzigen' }).click();
    await e2e.page.getByText('Elk open gesprek heeft een beoordelaar die kan beoordelen.').waitFor();

    // HR reopens the signed appraisal of the first test with a reason; it stays in the history.
    const [signed] = await e2e.api.db.query(`SELECT id FROM appraisals WHERE employee_id = $1`, [
      e2e.world.users.employee.id,
    ]);
    await e2e.page.goto(`${e2e.api.url}/appraisals/${signed.id}`);
    const hrActions = e2e.page.getByRole('region', { name: 'Als HR' });
    await hrActions.getByRole('textbox', { name: /Reden om te heropenen/ }).fill('Verkeerde datum');
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await hrActions.getByRole('button', { name: 'Heropenen' }).click();
    await e2e.page.getByText(/Heropend · Test hr: Verkeerde datum/).waitFor();
  });
});
