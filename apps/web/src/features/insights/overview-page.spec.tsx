import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, meAs, renderAt } from '../../test-utils';
import { OverviewPage } from './overview-page';
import { orgReport } from './test-fixtures';

const me = meAs('hr');

const renderOverview = (path: string) =>
  renderAt(
    path,
    <Routes>
      <Route path="/insights" element={<OverviewPage />} />
    </Routes>,
  );

describe('OverviewPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the period from the URL and shows a tile per value with status, gap and too-few text', async () => {
    const cycles = [
      {
        period: '2026-Q2',
        cycleId: 'c1',
        cycleName: 'Kwartaalmeting',
        invited: 40,
        completed: 28,
        rate: 0.7,
      },
      { period: '2026-Q2', cycleId: 'c2', cycleName: 'Pulse', invited: 10, completed: 5, rate: 0.5 },
    ];
    const fetchMock = vi.fn(async (url: string) =>
      url.startsWith('/api/me')
        ? jsonResponse(200, me)
        : url.startsWith('/api/insights/participation')
          ? jsonResponse(200, cycles)
          : jsonResponse(200, orgReport),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderOverview('/insights?period=quarter&at=2026-Q2');

    const reliable = await screen.findByRole('article', { name: 'Betrouwbaar' });
    expect(within(reliable).getByText('op koers')).toBeTruthy();
    expect(within(reliable).getByText('in balans')).toBeTruthy();
    expect(within(reliable).getByText('7,8')).toBeTruthy();
    const personal = screen.getByRole('article', { name: 'Persoonlijk' });
    expect(within(personal).getByText('onder doel')).toBeTruthy();
    expect(within(personal).getByText('te weinig antwoorden')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Waarden in Q2 2026' })).toBeTruthy();
    expect(screen.getByText('+13')).toBeTruthy(); // NPS 12.5
    // Participation per cycle, never one mixed rate.
    expect(await screen.findByText('70%')).toBeTruthy();
    expect(screen.getByText('Kwartaalmeting')).toBeTruthy();
    expect(screen.getByText('50%')).toBeTruthy();
    expect(screen.getByText('5 van 10 ingevuld')).toBeTruthy();

    const kpiCall = fetchMock.mock.calls
      .map(([u]) => u)
      .find((u) => u.startsWith('/api/insights/kpis') && u.includes('breakdown=organisation'));
    expect(kpiCall).toBe('/api/insights/kpis?period=quarter&from=2025-Q3&to=2026-Q2&breakdown=organisation');
    expect(screen.getByRole('textbox', { name: 'Periode' })).toHaveProperty('value', 'Q2 2026');
    expect(screen.getByRole('link', { name: 'Bestuursrapport' }).getAttribute('href')).toBe(
      '/insights/report?period=quarter&at=2026-Q2',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Als tabel' }));
    const table = screen.getByRole('table', { name: 'Waarden in Q2 2026' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[2]).getAllByText('te weinig antwoorden')).toHaveLength(2);
  }, 15_000);

  it('shows the error with a retry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.startsWith('/api/me')
          ? jsonResponse(200, me)
          : jsonResponse(500, { statusCode: 500, error: 'x', code: 'x', message: 'Stuk' }),
      ),
    );
    renderOverview('/insights');
    // The overview and the focus block each say so.
    expect((await screen.findAllByRole('alert')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Stuk').length).toBeGreaterThan(0);
    expect(screen.getAllByRole('button', { name: 'Opnieuw proberen' }).length).toBeGreaterThan(0);
  });
});
