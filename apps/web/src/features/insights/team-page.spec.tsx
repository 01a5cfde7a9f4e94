import { screen, waitFor } from '@testing-library/react';
import type { PeriodInfo, TeamSiblings } from '@wk/contracts';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, meAs, renderAt } from '../../test-utils';
import { TeamPage } from './team-page';
import { orgReport, team } from './test-fixtures';

const me = meAs('manager', { name: 'Mila', email: 'm@example.nl', managedTeamIds: ['t1'] });

const quarter = (key: string): PeriodInfo => ({
  key,
  kind: 'quarter',
  seriesId: null,
  seriesName: null,
  start: '',
  end: '',
});

const siblings: TeamSiblings = {
  team: team('t1', 'Wijkteam'),
  siblingCount: 0,
  minimum: 5,
  reliabilityMinimum: 30,
  periods: ['2026-Q1'],
  rows: [],
};

function stub(periods: PeriodInfo[]) {
  const fetchMock = vi.fn(async (url: string) => {
    if (url.startsWith('/api/me')) return jsonResponse(200, me);
    if (url.startsWith('/api/teams'))
      return jsonResponse(200, [{ id: 't1', name: 'Wijkteam', parentId: null }]);
    if (url.includes('/periods')) return jsonResponse(200, periods);
    if (url.includes('/siblings')) return jsonResponse(200, siblings);
    if (url.includes('/comments'))
      return jsonResponse(200, { minimum: 5, comments: [], withheldResponses: 0 });
    if (url.startsWith('/api/insights/participation') || url.startsWith('/api/actions'))
      return jsonResponse(200, []);
    if (url.startsWith('/api/insights/behaviours')) return jsonResponse(200, { minimum: 5, behaviours: [] });
    return jsonResponse(200, orgReport);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderTeam = (path: string) =>
  renderAt(
    path,
    <Routes>
      <Route path="/insights/teams/:id" element={<TeamPage />} />
    </Routes>,
  );

describe('TeamPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says so when the team took part in no measurement, instead of an empty frame', async () => {
    const fetchMock = stub([]);
    renderTeam('/insights/teams/t1?period=quarter');
    await screen.findByText(/Dit team deed nog niet mee aan een meting van deze soort/, undefined, {
      timeout: 8000,
    });
    const urls = fetchMock.mock.calls.map(([u]) => String(u));
    expect(urls).toContain('/api/insights/teams/t1/periods?period=quarter');
    expect(urls.some((u) => u.startsWith('/api/insights/kpis'))).toBe(false);
  });

  it('moves a quarter the team was not in to one it took part in, and asks for that one', async () => {
    const fetchMock = stub([quarter('2026-Q1')]);
    renderTeam('/insights/teams/t1?period=quarter&at=2026-Q2');
    await screen.findByRole('heading', { name: 'Het team per waarde' }, { timeout: 8000 });
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain(
        '/api/insights/teams/t1/siblings?period=quarter&from=2026-Q1&to=2026-Q1',
      ),
    );
    const kpis = fetchMock.mock.calls
      .map(([u]) => String(u))
      .filter((u) => u.startsWith('/api/insights/kpis'));
    // Never a request for the quarter the team was not in.
    expect(kpis.some((u) => u.includes('2026-Q2'))).toBe(false);
    expect(screen.getByRole('textbox', { name: 'Periode' })).toHaveProperty('value', 'Q1 2026');
    expect(await screen.findByText('Dit team heeft geen zusterteams.')).toBeTruthy();
  }, 15_000);
});
