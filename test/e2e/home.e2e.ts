import { RoundsService } from '@wk/api-testing';
import { screenshot, seriousA11yViolations } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { archiveCycles, createOpenRound } from '../support/rounds';

const PHONE = { width: 390, height: 844 };

/** Issue 17 item 7: the home page shows each role its next steps; an employee's waiting form is one tap away. */
describe('home page with next steps', () => {
  const e2e = browserSuite({
    organisation: 'Startpagina',
    beforeClose: ({ api, world }) => archiveCycles(api.db, [world.organisationId]),
  });

  beforeAll(async () => {
    const { roundId } = await createOpenRound(e2e, e2e.world.departmentId);
    // The invitations, as the worker would make them.
    await e2e.api.app.get(RoundsService).fanOut(roundId);
  });

  it("shows the employee the waiting form's button on a phone, accessible, and the button opens the form", async () => {
    await e2e.signIn(e2e.world.users.employee.email, { viewport: PHONE });
    await e2e.page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    const button = e2e.page.getByRole('link', { name: 'Zelfbeoordeling invullen' });
    await button.waitFor();
    expect(await button.isVisible()).toBe(true);
    await e2e.page.getByText(/Voorjaarsmeting staat voor je klaar/).waitFor();
    await e2e.page.getByRole('region', { name: 'Mijn laatste resultaat' }).waitFor();
    expect(await e2e.page.getByText(/Hier vind je straks/).count()).toBe(0);
    // Nothing runs off the side of a phone.
    expect(
      await e2e.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'home-employee-phone');

    await button.click();
    await e2e.page.getByRole('heading', { level: 1, name: 'Voorjaarsmeting' }).waitFor();
    expect(new URL(e2e.page.url()).pathname).toMatch(/^\/self-assessment\/[\w-]+$/);
  });

  it("shows the manager its teams' participation without counts for a team below the minimum", async () => {
    await e2e.signIn(e2e.world.users.manager.email);
    const participation = e2e.page.getByRole('region', { name: 'Deelname van mijn teams' });
    await participation.waitFor();
    // The team has two people invited, the department one (the manager): no counts, no names.
    await participation
      .getByRole('row', { name: /Startpagina team/ })
      .getByText('minder dan 5 uitgenodigd')
      .waitFor();
    expect(await participation.getByText('Team Member').count()).toBe(0);
    expect(await participation.getByText('Outsider').count()).toBe(0);
    // The manager was invited too: its own form waits on its home.
    await e2e.page.getByRole('link', { name: 'Zelfbeoordeling invullen' }).waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'home-manager');
  });

  it('shows HR the running round with its participation and the setup checklist', async () => {
    await e2e.signIn(e2e.world.users.hr.email);
    const rounds = e2e.page.getByRole('region', { name: 'Lopende rondes zelfbeoordeling' });
    await rounds.getByRole('cell', { name: 'Voorjaarsmeting' }).waitFor();
    // The department and its team: the manager, the employee and the team member.
    await rounds.getByText('0 van 3').waitFor();
    // No survey yet: the checklist still asks for one.
    await e2e.page
      .getByRole('region', { name: 'Aan de slag' })
      .getByRole('link', { name: /klantonderzoek/ })
      .waitFor();
    await e2e.page
      .getByRole('region', { name: 'Waarden onder doel' })
      .getByText(/Nog geen betrouwbaar klantcijfer/)
      .waitFor();
    expect(await seriousA11yViolations(e2e.page)).toEqual([]);
    await screenshot(e2e.page, 'home-hr');
  });
});
