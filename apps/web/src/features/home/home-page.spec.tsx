import { screen, within } from '@testing-library/react';
import type { HomeActions, HomeOverview, Role } from '@wk/contracts';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { jsonResponse, meAs, renderAt } from '../../test-utils';
import { HomePage } from './home-page';
import { homeOverview } from './home-fixtures';

const noActions: HomeActions = { open: 0, overdue: 0, items: [] };
const actions: HomeActions = {
  open: 2,
  overdue: 1,
  items: [
    {
      id: 'a1',
      what: 'Terugbellen binnen een dag',
      focusTitle: 'Afspraken',
      valueName: 'Betrouwbaar',
      valueNameEn: 'Reliable',
      teamName: 'Team Noord',
      ownerName: 'Piet',
      mine: false,
      dueDate: '2026-11-01',
      status: 'open',
      overdue: true,
    },
  ],
};

function stub(role: Role, home: HomeOverview | { status: number }) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/me')) return jsonResponse(200, meAs(role));
      if (url.startsWith('/api/home'))
        return 'status' in home
          ? jsonResponse(home.status, { statusCode: home.status, code: 'x', message: 'Kapot', error: 'x' })
          : jsonResponse(200, home);
      return jsonResponse(404, { statusCode: 404, code: 'not_found', message: 'Not found', error: 'x' });
    }),
  );
}

const renderHome = () =>
  renderAt(
    '/',
    <Routes>
      <Route path="/" element={<HomePage />} />
    </Routes>,
  );

describe('home page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives an employee the waiting form as a button, the last result and the team’s actions', async () => {
    stub(
      'employee',
      homeOverview({
        selfAssessments: {
          open: [
            {
              roundId: 'r1',
              cycleName: 'Voorjaarsmeting',
              closesAt: '2026-12-18T09:00:00Z',
              completedAt: null,
              formPath: '/self-assessment/abc',
            },
          ],
          last: {
            roundId: 'r0',
            cycleName: 'Najaarsmeting',
            opensAt: '2026-09-01T09:00:00Z',
            values: [
              {
                key: 'betrouwbaar',
                nameNl: 'Betrouwbaar',
                nameEn: 'Reliable',
                myScore: 3.25,
                teamAverage: null,
              },
            ],
          },
        },
        appraisals: [
          { id: 'ap1', cycleName: 'Jaargesprek', stage: 'self_review', dueDate: '2026-12-01', overdue: true },
        ],
        teamActions: actions,
      }),
    );
    renderHome();
    const button = await screen.findByRole('link', { name: 'Zelfbeoordeling invullen' });
    expect(button.getAttribute('href')).toBe('/self-assessment/abc');
    expect(screen.getByText(/Voorjaarsmeting staat voor je klaar/)).toBeTruthy();
    expect(screen.queryByText(/Hier vind je straks/)).toBeNull();

    const last = screen.getByRole('region', { name: 'Mijn laatste resultaat' });
    expect(within(last).getByRole('cell', { name: '3,3' })).toBeTruthy();
    expect(within(last).getByText('te weinig deelnemers')).toBeTruthy();

    const appraisal = screen.getByRole('region', { name: 'Mijn gesprek' });
    expect(within(appraisal).getByText('Fase: Zelfbeoordeling')).toBeTruthy();
    expect(within(appraisal).getByText('te laat')).toBeTruthy();
    expect(within(appraisal).getByRole('link', { name: 'Naar mijn gesprek' }).getAttribute('href')).toBe(
      '/appraisals/ap1',
    );

    const team = screen.getByRole('region', { name: 'Acties van mijn team' });
    expect(within(team).getByText('2 open, waarvan 1 over datum')).toBeTruthy();
    expect(within(team).getByRole('link', { name: 'Terugbellen binnen een dag' }).getAttribute('href')).toBe(
      '/actions/a1',
    );
    expect(screen.queryByRole('region', { name: 'Deelname van mijn teams' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Lopende rondes zelfbeoordeling' })).toBeNull();
  });

  it('tells an employee with nothing waiting so, without an empty frame', async () => {
    stub('employee', homeOverview({ teamActions: noActions }));
    renderHome();
    expect(await screen.findByText('Er staat nu geen zelfbeoordeling voor je open.')).toBeTruthy();
    expect(screen.getByText(/nog geen afgeronde zelfbeoordeling/)).toBeTruthy();
    expect(screen.getByText('Er staan geen open acties.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Mijn gesprek' })).toBeNull();
  });

  it("shows a manager its teams' participation with counts only where the team is large enough", async () => {
    stub(
      'manager',
      homeOverview({
        role: 'manager',
        manager: {
          rounds: [
            {
              roundId: 'r1',
              cycleName: 'Voorjaarsmeting',
              closesAt: '2026-12-18T09:00:00Z',
              teams: [
                {
                  teamId: 't1',
                  teamName: 'Team Noord',
                  suppressed: false,
                  invited: 7,
                  completed: 3,
                  rate: 3 / 7,
                },
                {
                  teamId: 't2',
                  teamName: 'Team Klein',
                  suppressed: true,
                  invited: null,
                  completed: null,
                  rate: null,
                },
              ],
            },
          ],
          actions,
        },
        reviews: [
          {
            id: 'ap2',
            cycleName: 'Jaargesprek',
            stage: 'manager_review',
            dueDate: '2026-12-20',
            overdue: false,
            employeeName: 'Piet Jansen',
            teamName: 'Team Noord',
          },
        ],
      }),
    );
    renderHome();
    const participation = await screen.findByRole('region', { name: 'Deelname van mijn teams' });
    const rows = within(participation).getAllByRole('row');
    expect(within(rows[1]).getByText('3 van 7')).toBeTruthy();
    expect(within(rows[1]).getByText('43%')).toBeTruthy();
    expect(within(rows[2]).getByText('minder dan 5 uitgenodigd')).toBeTruthy();
    expect(within(rows[2]).queryByText(/van/)).toBeNull();
    const teamActions = screen.getByRole('region', { name: 'Acties van mijn teams' });
    expect(within(teamActions).getByText('te laat')).toBeTruthy();
    const reviews = screen.getByRole('region', { name: 'Gesprekken als beoordelaar' });
    expect(within(reviews).getByRole('link', { name: 'Piet Jansen' }).getAttribute('href')).toBe(
      '/appraisals/ap2',
    );
    expect(within(reviews).getByText('1 gesprek wacht op jou.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Waarden onder doel' })).toBeNull();
  });

  it('shows HR open rounds and waves with rates, values below target, overdue actions and the checklist', async () => {
    stub(
      'hr',
      homeOverview({
        role: 'hr',
        reviews: [],
        organisation: {
          rounds: [
            {
              roundId: 'r1',
              cycleId: 'c1',
              cycleName: 'Voorjaarsmeting',
              opensAt: '2026-12-01T09:00:00Z',
              closesAt: '2026-12-18T09:00:00Z',
              invited: 12,
              completed: 3,
              rate: 0.25,
            },
          ],
          waves: [
            {
              waveId: 'w1',
              surveyId: 's1',
              surveyName: 'Klantonderzoek',
              kind: 'upload',
              opensAt: '2026-12-01T09:00:00Z',
              closesAt: '2026-12-08T09:00:00Z',
              invited: 4,
              answered: 1,
              responseRate: 0.25,
            },
          ],
          belowTarget: {
            period: '2026-Q3',
            reliabilityMinimum: 30,
            measured: 2,
            provisional: 1,
            values: [
              {
                key: 'betrouwbaar',
                name: 'Betrouwbaar',
                nameEn: 'Reliable',
                level: 'basis',
                grade: 6.1,
                target: 7.5,
                n: 40,
                status: 'below',
              },
            ],
          },
          actions,
          checklist: { values: true, people: true, cycle: false, survey: false },
        },
      }),
    );
    renderHome();
    const rounds = await screen.findByRole('region', { name: 'Lopende rondes zelfbeoordeling' });
    expect(within(rounds).getByText('3 van 12')).toBeTruthy();
    const waves = screen.getByRole('region', { name: 'Lopende golven klantonderzoek' });
    expect(within(waves).getByText('1 van 4')).toBeTruthy();
    expect(within(waves).getByRole('link', { name: 'Klantonderzoek' }).getAttribute('href')).toBe(
      '/surveys/s1',
    );
    const below = screen.getByRole('region', { name: 'Waarden onder doel' });
    expect(within(below).getByText(/Q3 2026/)).toBeTruthy();
    expect(within(below).getByText('6,1')).toBeTruthy();
    expect(within(below).getByText('7,5')).toBeTruthy();
    expect(within(below).getByText('onder doel')).toBeTruthy();
    expect(within(below).getByText(/1 waarde heeft minder dan 30 klantantwoorden/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Acties over datum' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Aan de slag' })).toBeTruthy();
    // HR has no form open and reviews nobody: no empty cards for those.
    expect(screen.queryByRole('region', { name: 'Zelfbeoordeling' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Gesprekken als beoordelaar' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Mensen en teams beheren' })).toBeTruthy();
  });

  it('speaks English when the reader chose it', async () => {
    await i18n.changeLanguage('en');
    try {
      stub(
        'employee',
        homeOverview({
          selfAssessments: {
            open: [
              {
                roundId: 'r1',
                cycleName: 'Spring round',
                closesAt: '2026-12-18T09:00:00Z',
                completedAt: '2026-12-02T09:00:00Z',
                formPath: '/self-assessment/abc',
              },
            ],
            last: null,
          },
          teamActions: actions,
        }),
      );
      renderHome();
      expect(await screen.findByRole('link', { name: 'Change my answers' })).toBeTruthy();
      expect(screen.getByText(/You have filled in Spring round/)).toBeTruthy();
      expect(screen.getByText('2 open, 1 of them overdue')).toBeTruthy();
      expect(screen.getByText(/Reliable · Team Noord · Owner: Piet/)).toBeTruthy();
    } finally {
      await i18n.changeLanguage('nl');
    }
  });

  it('shows an error with a retry when the home cannot load', async () => {
    stub('employee', { status: 500 });
    renderHome();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Kapot')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: /opnieuw/i })).toBeTruthy();
  });
});
