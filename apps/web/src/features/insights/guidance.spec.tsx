import { screen, within } from '@testing-library/react';
import type { KpiReport, Role } from '@wk/contracts';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, meAs, renderAt } from '../../test-utils';
import { provisionalN, valueTiles } from './kpi-model';
import { OverviewPage } from './overview-page';
import { customer, ORG, report, row, self, team } from './test-fixtures';

/** A month with 3 customer answers (the demo): on target by the numbers, but no verdict. */
const small = report(
  [
    row({
      period: '2026-Q2',
      valueKey: 'betrouwbaar',
      customer: customer(3, 3),
      self: self(3.5),
      gap: -61,
      gapLabel: 'blind_spot',
      status: 'below',
    }),
    row({ period: '2026-Q2', valueKey: 'persoonlijk', customer: customer(8.9, 30), status: 'on_target' }),
  ],
  {
    nps: [
      {
        period: '2026-Q2',
        group: ORG,
        n: 3,
        nps: -100,
        promoters: 0,
        passives: 0,
        detractors: 3,
        overallGrade: { n: 3, mean: 3, low: 1, high: 5 },
      },
    ],
  },
);

/** Teams: A a solid blind spot (82 vs 55), B the same gap on 12 customers (never a focus). */
const teams: KpiReport = report([
  row({
    period: '2026-Q2',
    valueKey: 'betrouwbaar',
    group: team('a', 'Team A'),
    customer: customer(5.95, 100, 5.75, 6.15),
    self: self(3.46),
  }),
  row({
    period: '2026-Q2',
    valueKey: 'betrouwbaar',
    group: team('b', 'Team B'),
    customer: customer(5.95, 12, 5.75, 6.15),
    self: self(3.46),
  }),
]);

const renderOverview = () =>
  renderAt(
    '/insights?period=quarter&at=2026-Q2',
    <Routes>
      <Route path="/insights" element={<OverviewPage />} />
    </Routes>,
  );

function stub(role: Role, byBreakdown: Record<string, KpiReport>) {
  const fetchMock = vi.fn(async (url: string) => {
    if (url.startsWith('/api/me')) return jsonResponse(200, meAs(role));
    if (url.startsWith('/api/insights/participation')) return jsonResponse(200, []);
    const breakdown = new URL(url, 'http://x').searchParams.get('breakdown') ?? 'organisation';
    return jsonResponse(200, byBreakdown[breakdown] ?? report([]));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('provisional figures', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    [0, false],
    [3, true],
    [29, true],
    [30, false],
  ])('n = %i of minimum 30 → provisional %s', (n, expected) => {
    expect(provisionalN(n, 30)).toBe(expected);
    const [tile] = valueTiles(
      report([row({ period: '2026-Q2', valueKey: 'betrouwbaar', customer: n ? customer(7, n) : null })]),
      '2026-Q2',
    );
    expect(tile.provisional).toBe(expected);
  });

  it('shows "voorlopig (n = 3)" in a neutral tile instead of "onder doel", and a provisional NPS', async () => {
    stub('hr', { organisation: small, team: report([]), journey: report([]) });
    renderOverview();
    const reliable = await screen.findByRole('article', { name: 'Betrouwbaar' });
    expect(within(reliable).getByText('voorlopig (n = 3)')).toBeTruthy();
    expect(within(reliable).queryByText('onder doel')).toBeNull();
    expect(reliable.className).toContain('status-provisional');
    expect(reliable.className).not.toContain('status-below');
    expect(within(reliable).queryByText('blinde vlek')).toBeNull();
    // 30 answers is enough for a verdict.
    const personal = screen.getByRole('article', { name: 'Persoonlijk' });
    expect(within(personal).getByText('op koers')).toBeTruthy();
    // NPS −100 on 3 answers is marked, not presented as a verdict.
    const nps = screen.getByRole('region', { name: 'Net Promoter Score' });
    expect(within(nps).getByText('voorlopig (n = 3)')).toBeTruthy();
    expect(within(nps).getByText('−100')).toBeTruthy();
    // The pyramid chip says the same, not "onder doel".
    const chip = screen.getByRole('link', { name: /Betrouwbaar.*voorlopig/ });
    expect(chip.className).toContain('tone-provisional');
  }, 15_000);

  it('shows each figure on its own scale with its index, and explains the gap', async () => {
    stub('employee', {
      organisation: report([
        row({
          period: '2026-Q2',
          valueKey: 'betrouwbaar',
          customer: customer(6.1, 80),
          self: self(3.2),
          gap: -17,
          gapLabel: 'blind_spot',
        }),
      ]),
    });
    renderOverview();
    const reliable = await screen.findByRole('article', { name: 'Betrouwbaar' });
    const text = reliable.textContent ?? '';
    expect(text).toContain('6,1 /10');
    expect(text).toContain('index 57'); // (6.1 − 1) / 9 × 100
    expect(text).toContain('3,20 /4');
    expect(text).toContain('index 73'); // (3.2 − 1) / 3 × 100
    expect(text).toContain('Kloof: −17');
    expect(
      within(reliable).getByRole('button', { name: /Wat is de kloof\?.*herkenningsindex.*zelfindex/ }),
    ).toBeTruthy();
    // Employees get no focus block (they may not split the organisation).
    expect(screen.queryByRole('region', { name: 'Waar nu op letten' })).toBeNull();
  }, 15_000);
});

describe('focus block', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the solid blind spot with a link and "Actie maken", never the 12-answer team', async () => {
    const fetchMock = stub('hr', { organisation: small, team: teams, journey: report([]) });
    renderOverview();
    const block = await screen.findByRole('region', { name: 'Waar nu op letten' });
    const link = await within(block).findByRole('link', { name: 'Betrouwbaar · Team A' });
    expect(link.getAttribute('href')).toBe('/insights/values/betrouwbaar?period=quarter&at=2026-Q2');
    expect(within(block).getByText(/blinde vlek: medewerkers 82, klanten 55/)).toBeTruthy();
    expect(within(block).queryByText(/Team B/)).toBeNull();
    expect(
      within(block).getByRole('button', { name: /^Actie maken voor Betrouwbaar · Team A · / }),
    ).toBeTruthy();
    const urls = fetchMock.mock.calls.map(([u]) => String(u));
    expect(urls).toContain('/api/insights/kpis?period=quarter&from=2026-Q2&to=2026-Q2&breakdown=team');
    expect(urls).toContain('/api/insights/kpis?period=quarter&from=2026-Q2&to=2026-Q2&breakdown=journey');
  }, 15_000);
});
