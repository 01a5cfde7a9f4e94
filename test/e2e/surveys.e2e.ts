import {
  closePage,
  newPage,
  screenshot,
  seriousA11yViolations,
  signIn as signInAs,
} from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { TEST_PASSWORD } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { csv, linkFromOutbox } from '../support/surveys';

const PHONE = { width: 360, height: 740 };
const VALUES = ['betrouwbaar', 'persoonlijk', 'dichtbij', 'samen'];

/** The customer's answer page on a phone, from a mailed link and from the QR code; HR's survey view. */
describe('customer survey answer page', () => {
  const e2e = browserSuite({
    organisation: 'Klantpagina',
    beforeClose: ({ api, world }) =>
      api.db.query(`UPDATE surveys SET status = 'closed' WHERE organisation_id = $1`, [world.organisationId]),
  });
  let hr: HttpClient;
  let survey: { id: string; openLink: string };
  let mailedLink: string;

  beforeAll(async () => {
    hr = await new HttpClient(e2e.api.url).login(e2e.world.users.hr.email, TEST_PASSWORD);
    await hr.post('/api/values/draft/import', (await hr.get('/api/values/templates/vidomes')).body);
    const version = await hr.post('/api/values/draft/publish', {});
    const created = await hr.post('/api/surveys', {
      name: 'Huurders na reparatie',
      valuesVersionId: version.body.id,
      titleNl: 'Uw reparatieverzoek',
      askNps: true,
      askComment: true,
    });
    expect(created.status).toBe(201);
    survey = created.body;
    await hr.upload(
      `/api/surveys/${survey.id}/contacts?send=true`,
      csv('huurder@klant.test', 'buur@klant.test'),
    );
    // Without SMTP the invitation waits in the outbox; its text holds the single-use link.
    const link = await linkFromOutbox(e2e.api.db, e2e.world.organisationId, 'huurder@klant.test');
    mailedLink = `${e2e.api.url}${link.pathname}${link.search}`;
  });

  const question = (value: string) =>
    e2e.page.getByRole('group', { name: `In welke mate herkent u '${value}' in onze dienstverlening?` });
  const noHorizontalScroll = () =>
    e2e.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  async function answerAll(grades: string[]) {
    for (const [i, value] of VALUES.entries())
      await question(value).getByRole('radio', { name: grades[i], exact: true }).check();
  }

  it('answers from the mailed link on a phone, once', async () => {
    await e2e.open({ viewport: PHONE, isMobile: true, hasTouch: true });
    await e2e.page.goto(mailedLink);
    await e2e.page.getByRole('heading', { level: 1, name: 'Uw reparatieverzoek' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    expect(await noHorizontalScroll()).toBeLessThanOrEqual(0);
    await answerAll(['8', '9', 'Weet ik niet', '7']);
    await e2e.page
      .getByRole('group', { name: /Hoe waarschijnlijk is het dat u ons aanbeveelt/ })
      .getByRole('radio', { name: '10', exact: true })
      .check();
    await e2e.page.getByRole('textbox', { name: /Wilt u nog iets kwijt/ }).fill('De monteur kwam op tijd.');
    await screenshot(e2e.page, 'survey-phone-mailed-link');
    await e2e.page.getByRole('button', { name: 'Versturen' }).click();
    await e2e.page.getByRole('heading', { name: 'Dank u wel!' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);

    const stored = await e2e.api.db.query(
      `SELECT r.channel, r.nps, r.comment, array_agg(g.grade ORDER BY e.position) AS grades
         FROM survey_responses r JOIN survey_response_grades g ON g.response_id = r.id
         JOIN experience_values e ON e.id = g.value_id
        WHERE r.survey_id = $1 GROUP BY r.id`,
      [survey.id],
    );
    expect(stored).toEqual([
      { channel: 'email', nps: 10, comment: 'De monteur kwam op tijd.', grades: [8, 9, null, 7] },
    ]);
    await e2e.page.goto(mailedLink);
    await e2e.page
      .getByRole('heading', { name: 'U heeft deze vragenlijst al ingevuld, dank u wel' })
      .waitFor();
  });

  it('answers from the QR code link on a phone, in English when the browser asks for it', async () => {
    await e2e.open({ viewport: PHONE, isMobile: true, hasTouch: true });
    const openPath = new URL(survey.openLink).pathname;
    await e2e.page.goto(`${e2e.api.url}${openPath}`);
    await e2e.page.getByRole('heading', { level: 1, name: 'Uw reparatieverzoek' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    // Submitting with a question left open says where.
    await question('betrouwbaar').getByRole('radio', { name: '6', exact: true }).check();
    await e2e.page.getByRole('button', { name: 'Versturen' }).click();
    await e2e.page.getByText('Nog niet alle vragen zijn goed beantwoord').waitFor();
    await answerAll(['6', '7', '8', '9']);
    await e2e.page.getByRole('button', { name: 'Versturen' }).click();
    await e2e.page.getByRole('heading', { name: 'Dank u wel!' }).waitFor();
    await e2e.page.goto(`${e2e.api.url}${openPath}`);
    await e2e.page
      .getByRole('heading', { name: 'U heeft deze vragenlijst al ingevuld, dank u wel' })
      .waitFor();
    const open = await e2e.api.db.query(
      `SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1 AND channel = 'open'`,
      [survey.id],
    );
    expect(open[0].n).toBe(1);

    const english = await newPage(e2e.browser, { viewport: PHONE, locale: 'en-GB' });
    try {
      await english.goto(`${e2e.api.url}${openPath}`);
      await english
        .getByRole('group', { name: "To what extent do you recognise 'reliable' in our service?" })
        .waitFor();
    } finally {
      await closePage(english);
    }
  });

  it('shows a friendly page for an unknown link', async () => {
    await e2e.open({ viewport: PHONE });
    await e2e.page.goto(`${e2e.api.url}/r/${'x'.repeat(43)}`);
    await e2e.page.getByRole('heading', { name: 'Deze link kennen we niet' }).waitFor();
    expect(await e2e.page.locator('body').innerText()).not.toMatch(
      /stack|exception|error|survey_invitations/i,
    );
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
  });

  it('shows HR the waves and funnel, uploads contacts with a preview, and lets an admin create an API key', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    // The menu's link: the home page's checklist also links 'Een klantonderzoek opzetten'.
    await e2e.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Klantonderzoek' })
      .click();
    await e2e.page.getByRole('heading', { level: 1, name: 'Klantonderzoek' }).waitFor();
    await e2e.page.getByRole('link', { name: 'Huurders na reparatie' }).click();
    const waves = e2e.page.getByRole('table', { name: 'Golven' });
    await waves.waitFor();
    // The table shows the funnel the api reports for the upload wave.
    const [wave] = (await hr.get(`/api/surveys/${survey.id}/waves`)).body;
    const row = waves.getByRole('row').nth(1);
    const rate = `${Math.round(wave.responseRate * 100)}%`;
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['Upload', String(wave.invited), String(wave.sent), String(wave.opened), rate]),
    );
    await e2e.page.getByText(`Respons: ${rate} (${wave.answered} van ${wave.invited})`).waitFor();
    // No mail server here: both mails are held in the outbox, and the funnel says so instead of
    // narrowing to 0 sent and widening again to the answer given through a held link.
    expect(wave).toMatchObject({ sent: 0, held: wave.invited });
    expect(wave.answered).toBeGreaterThan(0);
    const funnel = e2e.page.getByRole('region', { name: 'Van uitnodiging tot antwoord' });
    await funnel
      .getByText(
        `Geen mailserver ingesteld: ${wave.held} uitnodigingen staan vastgehouden in de outbox en zijn niet verstuurd.`,
      )
      .waitFor();
    await funnel
      .getByRole('img', {
        name: new RegExp(
          `^Trechter van de golf van .+: ${wave.invited} uitgenodigd, 0 verstuurd, ${wave.held} vastgehouden, ${wave.opened} geopend, ${wave.answered} beantwoord\\.$`,
        ),
      })
      .waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'survey-detail-hr');

    await e2e.page.getByLabel('CSV-bestand met contacten').setInputFiles({
      name: 'contacten.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv('nieuw@klant.test', 'huurder@klant.test')),
    });
    await e2e.page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const preview = e2e.page.getByRole('table', { name: 'Regels uit het bestand' });
    await preview.getByRole('cell', { name: 'Nieuw', exact: true }).waitFor();
    await preview.getByRole('cell', { name: 'Al recent gevraagd' }).waitFor();
    await e2e.page.getByRole('button', { name: 'Nu versturen' }).click();
    await e2e.page.getByText('Golf verstuurd: 1 uitnodigingen.').waitFor();
    // Where the wave's "U zei, wij deden" line is set, since this one click sent it without one.
    await e2e.page.getByText(/Een regel "U zei, wij deden" zet je bij deze golf onder Golven/).waitFor();
    expect((await hr.get(`/api/surveys/${survey.id}/waves`)).body).toHaveLength(2);

    const admin = await newPage(e2e.browser);
    try {
      await signInAs(admin, e2e.api.url, e2e.world.users.admin.email, TEST_PASSWORD);
      await admin.getByRole('link', { name: 'API-sleutels' }).click();
      await admin.getByRole('heading', { level: 1, name: 'API-sleutels' }).waitFor();
      await admin.getByLabel('Naam van de sleutel').fill('CRM');
      await admin.getByRole('button', { name: 'Sleutel aanmaken' }).click();
      await admin.getByText('Sleutel CRM is aangemaakt').waitFor();
      const key = await admin.getByLabel('API-sleutel', { exact: true }).inputValue();
      expect(key).toMatch(/^wk_/);
      expect(await seriousA11yViolations(admin)).toEqual([]);
      // The key works for the CRM call, once per Idempotency-Key.
      const call = await new HttpClient(e2e.api.url).request(
        'POST',
        '/api/v1/survey-invitations',
        { surveyId: survey.id, email: 'crm@klant.test' },
        { authorization: `Bearer ${key}`, 'idempotency-key': 'e2e-1' },
      );
      expect(call.status).toBe(201);
    } finally {
      await closePage(admin);
    }
  });

  it('sends a wave with a "you said, we did" line that customers read above the questions', async () => {
    await hr.upload(`/api/surveys/${survey.id}/contacts`, csv('wijdeden@klant.test'));
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.goto(`${e2e.api.url}/surveys/${survey.id}`);
    await e2e.page.getByRole('button', { name: 'Nu een golf versturen' }).click();
    const dialog = e2e.page.getByRole('dialog', { name: 'Golf versturen naar 1 contact' });
    const line = 'U vroeg om snellere reparaties: we plannen nu binnen 3 dagen.';
    await dialog.getByRole('textbox', { name: /U zei, wij deden" \(Nederlands\)/ }).fill(line);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Nu een golf versturen' }).click();
    await e2e.page.getByText('Golf verstuurd naar 1 contact.').waitFor();

    const link = await linkFromOutbox(e2e.api.db, e2e.world.organisationId, 'wijdeden@klant.test');
    const customer = await newPage(e2e.browser, { viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      await customer.goto(`${e2e.api.url}${link.pathname}${link.search}`);
      const said = customer.getByText(line);
      await said.waitFor();
      await customer.getByText('U zei, wij deden').waitFor();
      // Above the questions.
      const saidTop = (await said.boundingBox())!.y;
      const questionTop = (await customer
        .getByRole('group', { name: "In welke mate herkent u 'betrouwbaar' in onze dienstverlening?" })
        .boundingBox())!.y;
      expect(saidTop).toBeLessThan(questionTop);
      expect(await seriousA11yViolations(customer)).toEqual([]);
    } finally {
      await closePage(customer);
    }
  });

  it('previews a few comments on the survey page and pages and searches them all on the comments page', async () => {
    // 44 more answers through the open link (a group far above the comment minimum).
    const [{ values_version_id: versionId }] = await e2e.api.db.query(
      `SELECT values_version_id FROM surveys WHERE id = $1`,
      [survey.id],
    );
    await e2e.api.db.query(
      `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, locale, comment, submitted_at)
       SELECT $1, $2, $3, 'open', 'nl',
              CASE WHEN n = 7 THEN 'Lekkage in de badkamer bleef te lang liggen' ELSE 'Opmerking ' || n END,
              date_trunc('day', now()) - make_interval(days => n)
         FROM generate_series(1, 44) AS n`,
      [e2e.world.organisationId, survey.id, versionId],
    );
    const total = (await hr.get(`/api/comments?surveyId=${survey.id}`)).body.total as number;
    expect(total).toBeGreaterThanOrEqual(44);

    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.goto(`${e2e.api.url}/surveys/${survey.id}`);
    const preview = e2e.page.getByRole('region', { name: 'Laatste opmerkingen' });
    await preview.getByRole('listitem').first().waitFor();
    expect(await preview.getByRole('listitem').count()).toBe(3);
    await preview.getByRole('link', { name: `Alle ${total} opmerkingen lezen, zoeken en filteren` }).click();

    await e2e.page.getByRole('heading', { level: 1, name: 'Opmerkingen van klanten' }).waitFor();
    const list = e2e.page.getByRole('region', { name: `${total} opmerkingen` });
    await list.getByRole('listitem').nth(19).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(20);
    await e2e.page.getByRole('button', { name: 'Meer opmerkingen laden' }).click();
    await list.getByRole('listitem').nth(39).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'comments-page');

    await e2e.page.getByRole('searchbox', { name: 'Zoeken in opmerkingen' }).fill('lekkage');
    const found = e2e.page.getByRole('region', { name: '1 opmerking' });
    await found.getByText('Lekkage in de badkamer bleef te lang liggen').waitFor();
    expect(await found.getByRole('listitem').count()).toBe(1);
    expect(new URL(e2e.page.url()).searchParams.get('q')).toBe('lekkage');
    // The survey's results are one click away.
    await e2e.page.getByRole('link', { name: 'Resultaten van Huurders na reparatie' }).click();
    await e2e.page.getByRole('table', { name: 'Golven' }).waitFor();

    // On a phone the page fits.
    await e2e.page.setViewportSize(PHONE);
    await e2e.page.goto(`${e2e.api.url}/surveys/comments?survey=${survey.id}`);
    await e2e.page.getByRole('searchbox', { name: 'Zoeken in opmerkingen' }).waitFor();
    expect(await noHorizontalScroll()).toBeLessThanOrEqual(0);
  });
});
