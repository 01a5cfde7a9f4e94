import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderAt } from '../../test-utils';
import { AnonymityHelpPage } from './anonymity-page';

const me = (role: string) => ({
  userId: 'u',
  name: 'Iemand',
  email: 'iemand@example.test',
  role,
  locale: 'nl',
  organisation: { id: 'o', name: 'Org', slug: 'org', locale: 'nl' },
  managedTeamIds: [],
});

describe('AnonymityHelpPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("names the organisation's own minimum for HR", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/api/me' ? jsonResponse(200, me('hr')) : jsonResponse(200, { anonymityMinimum: 7 }),
      ),
    );
    renderAt('/help/anonymity', <AnonymityHelpPage />);
    expect(await screen.findByText(/nu 7, nooit lager dan 3/)).toBeTruthy();
    expect(screen.getByText(/pas bij minstens 7 mensen/)).toBeTruthy();
  });

  it('explains the rules to an employee without reading the settings', async () => {
    const fetchMock = vi.fn(async (_url: string) => jsonResponse(200, me('employee')));
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/help/anonymity', <AnonymityHelpPage />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hoe we anonimiteit beschermen' }),
    ).toBeTruthy();
    expect(screen.getByText(/niet terug te voeren op het e-mailadres/)).toBeTruthy();
    expect(fetchMock.mock.calls.map(([url]) => url)).not.toContain('/api/organisation');
  });
});
