import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, meAs, renderAt } from '../../test-utils';
import { ReportPage } from './report-page';
import { orgReport } from './test-fixtures';

const me = meAs('hr');
const teams = [
  { id: 'dep', name: 'Afdeling Wonen', parentId: null },
  { id: 't2', name: 'Wijkteam Noord', parentId: 'dep' },
];

describe('ReportPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('cuts the report and its PDF to the team and value in the URL, and names them', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (url.startsWith('/api/me')) return jsonResponse(200, me);
      if (url.startsWith('/api/teams')) return jsonResponse(200, teams);
      if (url.startsWith('/api/insights/participation')) return jsonResponse(200, []);
      return jsonResponse(200, orgReport);
    });
    vi.stubGlobal('fetch', fetchMock);
    renderAt(
      '/insights/report?period=quarter&at=2026-Q2&teamId=t2&valueKey=betrouwbaar',
      <Routes>
        <Route path="/insights/report" element={<ReportPage />} />
      </Routes>,
    );
    expect(
      await screen.findByText('Wijkteam Noord · Betrouwbaar', undefined, { timeout: 8000 }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'PDF downloaden' }).getAttribute('href')).toBe(
      '/api/insights/report.pdf?period=quarter&at=2026-Q2&teamId=t2&valueKey=betrouwbaar',
    );
    expect(screen.getByRole('textbox', { name: 'Team of afdeling' })).toHaveProperty(
      'value',
      '— Wijkteam Noord',
    );
    expect(screen.getByRole('textbox', { name: 'Waarde' })).toHaveProperty('value', 'Betrouwbaar');
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain(
        '/api/insights/kpis?period=quarter&from=2025-Q3&to=2026-Q2&breakdown=organisation&teamId=t2&valueKey=betrouwbaar',
      ),
    );
  }, 15_000);

  it('covers the whole organisation and every value without filters', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.startsWith('/api/me')
          ? jsonResponse(200, me)
          : url.startsWith('/api/teams')
            ? jsonResponse(200, teams)
            : url.startsWith('/api/insights/participation')
              ? jsonResponse(200, [])
              : jsonResponse(200, orgReport),
      ),
    );
    renderAt(
      '/insights/report?period=quarter&at=2026-Q2',
      <Routes>
        <Route path="/insights/report" element={<ReportPage />} />
      </Routes>,
    );
    await screen.findByRole('textbox', { name: 'Waarde' }, { timeout: 8000 });
    expect(screen.getByRole('link', { name: 'PDF downloaden' }).getAttribute('href')).toBe(
      '/api/insights/report.pdf?period=quarter&at=2026-Q2',
    );
    expect(screen.getByRole('textbox', { name: 'Waarde' })).toHaveProperty('value', '');
  }, 15_000);
});
