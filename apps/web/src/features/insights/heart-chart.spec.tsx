import { fireEvent, screen, within } from '@testing-library/react';
import type { HeartCell, HeartMonitor } from '@wk/contracts';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../../test-utils';
import { HeartChart } from './heart-chart';

const cell = (mean: number | null, over: Partial<HeartCell> = {}): HeartCell => ({
  grade: { n: 40, mean, low: mean === null ? null : mean - 0.4, high: mean === null ? null : mean + 0.4 },
  state: 'reliable',
  peak: false,
  dip: false,
  ...over,
});
const tooFew = cell(null, { state: 'too_few', grade: { n: 3, mean: null, low: null, high: null } });

const monitor: HeartMonitor = {
  journeyId: 'j1',
  name: 'Reparatie',
  period: '2026-Q2',
  minimum: 5,
  reliabilityMinimum: 30,
  values: [
    { key: 'betrouwbaar', name: 'Betrouwbaar', nameEn: 'Reliable', level: 'basis', target: 7.5 },
    { key: 'persoonlijk', name: 'Persoonlijk', nameEn: 'Personal', level: 'persoonlijk', target: 8.5 },
  ],
  points: [
    {
      touchpointId: 't1',
      name: 'Melden',
      channel: 'website',
      momentOfTruth: false,
      ...cell(8, { peak: true }),
      values: [
        { valueKey: 'betrouwbaar', ...cell(8.1, { peak: true }) },
        { valueKey: 'persoonlijk', ...cell(7.9) },
      ],
    },
    {
      touchpointId: 't2',
      name: 'Monteur aan huis',
      channel: 'visit',
      momentOfTruth: true,
      ...cell(6, { dip: true }),
      values: [
        { valueKey: 'betrouwbaar', ...cell(5.8, { dip: true }) },
        { valueKey: 'persoonlijk', ...tooFew },
      ],
    },
  ],
};

function Where() {
  return <output data-testid="search">{useLocation().search}</output>;
}

const renderChart = (path = '/insights/journeys/j1') =>
  renderAt(
    path,
    <Routes>
      <Route
        path="/insights/journeys/:id"
        element={
          <>
            <HeartChart
              monitor={monitor}
              valueNames={(key) => monitor.values.find((v) => v.key === key)?.name ?? key}
              csvName={['hartmonitor']}
            />
            <Where />
          </>
        }
      />
    </Routes>,
  );

describe('HeartChart', () => {
  it('shows the average with its legend, and its table per touchpoint with the marks in words', () => {
    renderChart();
    expect(screen.getByText(/Lijn: gemiddeld klantcijfer over alle waarden/)).toBeTruthy();
    expect(screen.getByRole('img', { name: /Lijngrafiek van het gemiddelde klantcijfer/ })).toBeTruthy();
    // The chart scrolls sideways in a region a keyboard can reach.
    expect(screen.getByRole('region', { name: 'Hartmonitor, opzij te scrollen' }).tabIndex).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Als tabel' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2].textContent).toContain('moment van de waarheid, dal');
  });

  it('switches to a line per value (kept in the address) with a table per touchpoint and value', () => {
    renderChart('/insights/journeys/j1?period=quarter');
    fireEvent.click(screen.getByText('Per waarde'));
    expect(screen.getByTestId('search').textContent).toBe('?period=quarter&view=values');
    expect(screen.getByRole('img', { name: /een lijn per waarde/ })).toBeTruthy();
    const legend = screen.getByRole('list');
    expect(within(legend).getByText('Betrouwbaar')).toBeTruthy();
    expect(within(legend).getByText('Persoonlijk')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Als tabel' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(1 + 2 * 2);
    expect(rows[3].textContent).toContain('dal');
    // Below the anonymity minimum: words, never a number.
    expect(rows[4].textContent).toContain('te weinig antwoorden (minder dan 5)');
  });
});
