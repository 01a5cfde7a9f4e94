import { screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { eventually } from '../support/harness';
import { archiveCycles, createOpenRound } from '../support/rounds';

const PHONE = { width: 390, height: 844 };

/** The employee's form on a phone, opened from the invitation link; no sign-in needed. */
describe('self-assessment form on a phone', () => {
  const e2e = browserSuite({
    organisation: 'Formulier',
    // The worker sends a round's invitations, as in production.
    worker: true,
    env: { QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-e2e-self` },
    beforeClose: ({ api, world }) => archiveCycles(api.db, [world.organisationId]),
  });
  let link: string;

  beforeAll(async () => {
    await createOpenRound(e2e, e2e.world.teamId);
    // Without SMTP the invitation waits in the outbox; its text holds the personal link.
    const mail = await eventually(async () => {
      const [row]: { text_body: string }[] = await e2e.api.db.query(
        `SELECT text_body FROM outbox_messages WHERE organisation_id = $1 AND kind = 'assessment-invite' AND to_address = $2`,
        [e2e.world.organisationId, e2e.world.users.employee.email],
      );
      return row;
    });
    link = /https?:\/\/\S+\/self-assessment\/\S+/
      .exec(mail.text_body)![0]
      .replace(/^https?:\/\/[^/]+/, e2e.api.url);
  });

  const answer = (behaviour: RegExp, level: string) =>
    e2e.page
      .getByRole('radiogroup', { name: behaviour })
      .getByRole('radio', { name: level, exact: true })
      .check();

  it('answers, leaves, comes back to the saved draft and submits', async () => {
    await e2e.open({ viewport: PHONE });
    await e2e.page.goto(link);
    await e2e.page.getByRole('heading', { level: 1, name: 'Voorjaarsmeting' }).waitFor();
    await e2e.page.getByRole('heading', { name: 'Waarde 1 van 4: Betrouwbaar' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    expect(
      await e2e.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    await answer(/IK ben helder en eerlijk/, 'Goed');
    await answer(/IK kom gemaakte afspraken na/, 'Voorbeeldfunctie');
    await answer(/IK ben Vidomes/, 'n.v.t.');
    await e2e.page.getByText('3 van 12 beantwoord').waitFor();
    await e2e.page
      .getByRole('textbox', { name: 'Een voorbeeld (optioneel)' })
      .fill('Ik belde mevrouw De Vries terug, zoals beloofd.');
    await e2e.page.getByRole('button', { name: 'Volgende' }).focus();
    await e2e.page.getByRole('status').filter({ hasText: 'Bewaard' }).waitFor();
    await e2e.page.getByRole('button', { name: 'Volgende' }).click();
    await e2e.page.getByRole('heading', { name: 'Waarde 2 van 4: Persoonlijk' }).waitFor();
    await answer(/IK heb alle aandacht voor de klant/, 'Verbeterbaar');
    await e2e.page.getByText('4 van 12 beantwoord').waitFor();
    await e2e.page.getByRole('status').filter({ hasText: 'Bewaard' }).waitFor();
    await screenshot(e2e.page, 'self-assessment-phone');

    // Coming back (a new context: the previous page closes): the saved answers are there and the form opens at the first unfinished value.
    await e2e.open({ viewport: PHONE });
    await e2e.page.goto(link);
    await e2e.page.getByRole('heading', { name: 'Waarde 2 van 4: Persoonlijk' }).waitFor();
    await e2e.page.getByText('4 van 12 beantwoord').waitFor();
    expect(
      await e2e.page
        .getByRole('radiogroup', { name: /IK heb alle aandacht/ })
        .getByRole('radio', { name: 'Verbeterbaar', exact: true })
        .isChecked(),
    ).toBe(true);
    await e2e.page.getByRole('button', { name: 'Vorige' }).click();
    expect(await e2e.page.getByRole('textbox', { name: 'Een voorbeeld (optioneel)' }).inputValue()).toBe(
      'Ik belde mevrouw De Vries terug, zoals beloofd.',
    );
    expect(
      await e2e.page
        .getByRole('radiogroup', { name: /IK ben Vidomes/ })
        .getByRole('radio', { name: 'n.v.t.' })
        .isChecked(),
    ).toBe(true);
    await e2e.page.getByRole('button', { name: 'Volgende' }).click();

    // Submitting too early says what is missing; then the rest by keyboard-free clicks and submit.
    await answer(/IK verdiep me in/, 'Goed');
    await answer(/IK hanteer/, 'Goed');
    for (const [step, behaviours] of [
      ['Waarde 3 van 4: Dichtbij', [/IK ben bereikbaar/, /IK ga langs/, /IK ben zichtbaar/]],
      ['Waarde 4 van 4: Samen', [/IK betrek klanten/, /IK werk goed samen/, /IK help klanten/]],
    ] as const) {
      await e2e.page.getByRole('button', { name: 'Volgende' }).click();
      await e2e.page.getByRole('heading', { name: step }).waitFor();
      if (step.endsWith('Samen')) {
        await e2e.page.getByRole('button', { name: 'Versturen' }).click();
        await e2e.page
          .getByRole('alert')
          .filter({ hasText: 'Niet alle gedragingen zijn beantwoord' })
          .waitFor();
      }
      for (const behaviour of behaviours) await answer(behaviour, 'Sterk verbeterbaar');
    }
    await e2e.page.getByText('12 van 12 beantwoord').waitFor();
    await e2e.page.getByRole('button', { name: 'Versturen' }).click();
    await e2e.page.getByRole('status').filter({ hasText: 'Dank je wel!' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);

    const [row] = await e2e.api.db.query(
      `SELECT i.completed_at, count(a.*)::int AS answers, count(a.*) FILTER (WHERE a.level IS NULL)::int AS na
         FROM assessment_invitations i JOIN assessment_answers a ON a.invitation_id = i.id
        WHERE i.user_id = $1 GROUP BY i.id`,
      [e2e.world.users.employee.id],
    );
    expect(row.completed_at).not.toBeNull();
    expect(row).toMatchObject({ answers: 12, na: 1 });
  });

  it('shows HR the participation per team and who is not done, and sends a reminder', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Zelfbeoordelingsrondes' }).click();
    const card = e2e.page.getByRole('region', { name: 'Voorjaarsmeting' });
    await card.getByText('1 / 2 (50%)').waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await card.getByRole('button', { name: 'Details' }).click();
    const dialog = e2e.page.getByRole('dialog', { name: 'Ronde' });
    await dialog.getByText('1 persoon nog niet klaar').waitFor();
    await dialog.getByText('Team Member').waitFor();
    expect(await dialog.getByText(e2e.world.users.employee.email).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Herinnering sturen' }).click();
    await dialog.getByRole('status').filter({ hasText: '1 herinnering verstuurd.' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'cycles-round');
    await e2e.page.keyboard.press('Escape');

    // "Open a round now" asks first, saying how many people get mail; a round still open is refused.
    await card
      .getByText(/Om 09:00, op dag 1 van de maand, alleen in januari \(Europe\/Amsterdam\)/)
      .waitFor();
    await card.getByRole('button', { name: 'Nu een ronde openen' }).click();
    const confirm = e2e.page.getByRole('dialog', { name: 'Nu een ronde openen?' });
    await confirm.getByText(/^2 mensen krijgen nu een uitnodiging per e-mail/).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'cycles-open-now');
    await confirm.getByRole('button', { name: 'Ronde openen' }).click();
    await confirm
      .getByRole('alert')
      .filter({ hasText: 'Er is nog een ronde van deze cyclus open' })
      .waitFor();
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    const [{ rounds }] = await e2e.api.db.query(
      `SELECT count(*)::int AS rounds FROM assessment_rounds WHERE organisation_id = $1`,
      [e2e.world.organisationId],
    );
    expect(rounds).toBe(1);

    // A new cycle from the form, with the quarterly preset and the current values version.
    await e2e.page.getByRole('button', { name: 'Nieuwe cyclus' }).click();
    const form = e2e.page.getByRole('dialog', { name: 'Nieuwe cyclus' });
    await form.getByLabel(/^Naam/).fill('Najaarsmeting');
    await form.getByRole('button', { name: 'Cyclus aanmaken' }).click();
    const created = e2e.page.getByRole('region', { name: 'Najaarsmeting' });
    await created.getByText(/Elk kwartaal, eerste maandag om 09:00 \(Europe\/Amsterdam\)/).waitFor();
    expect(await created.getByText('0 9 * 1,4,7,10 1#1').count()).toBe(0);
    await created.getByText('Actief').waitFor();
    const [row] = await e2e.api.db.query(
      `SELECT cron, team_ids, window_days FROM assessment_cycles WHERE organisation_id = $1 AND name = 'Najaarsmeting'`,
      [e2e.world.organisationId],
    );
    expect(row).toEqual({ cron: '0 9 * 1,4,7,10 1#1', team_ids: [], window_days: 14 });
  });

  it('shows the employee their scores as a chart and a table, without a team average below the minimum', async () => {
    await e2e.signIn(e2e.world.users.employee.email);
    await e2e.page.getByRole('navigation').getByRole('link', { name: 'Mijn zelfbeoordelingen' }).click();
    await e2e.page
      .getByRole('img', { name: /Lijngrafiek van je score/ })
      .locator('svg')
      .first()
      .waitFor();
    const round = e2e.page.getByRole('region', { name: /^Voorjaarsmeting/ });
    await round.getByText('Verstuurd').waitFor();
    // Betrouwbaar: Goed (3) and Voorbeeldfunctie (4), n.v.t. left out: 3.5. The team has 1 respondent.
    const betrouwbaar = round.getByRole('row', { name: /Betrouwbaar/ });
    expect(await betrouwbaar.innerText()).toMatch(/3,5\s+te weinig antwoorden \(minder dan 5\)/);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await e2e.page.getByRole('button', { name: 'Als tabel' }).click();
    expect(await e2e.page.getByRole('table').first().innerText()).toMatch(/Betrouwbaar[\s\S]*3,5/);
    await round.getByRole('button', { name: 'Mijn antwoorden' }).click();
    await round
      .getByRole('row', { name: /IK ben Vidomes/ })
      .getByText('n.v.t.')
      .waitFor();
    await screenshot(e2e.page, 'my-assessments');
  });

  it('shows a friendly page for an unknown link', async () => {
    await e2e.open({ viewport: PHONE });
    await e2e.page.goto(`${e2e.api.url}/self-assessment/${'x'.repeat(43)}`);
    await e2e.page.getByRole('alert').filter({ hasText: 'Deze link is niet (meer) geldig' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
  });
});
