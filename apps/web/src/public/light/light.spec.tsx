import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test-utils';
import i18n from '../../i18n';

// The light pages' build swaps these libraries for ./router and ./query (vite.config.mts): here the
// real answer page runs on them, as a phone gets it.
vi.mock('react-router', () => import('./router'));
vi.mock('@tanstack/react-query', () => import('./query'));

const { Route, Routes, useParams } = await import('react-router');
const { QueryClient, QueryClientProvider } = await import('@tanstack/react-query');
const { RecognitionPage } = await import('../../features/recognition/recognition-page');

const form = (lang: string) => ({
  organisationName: 'Gemeente Demo',
  title: lang === 'en' ? 'How was your visit?' : 'Hoe was uw bezoek?',
  intro: '',
  locale: lang,
  channel: 'open',
  values: [
    {
      id: 'v1',
      name: 'Betrouwbaar',
      description: '',
      question:
        lang === 'en' ? "How much do you recognise 'Reliable'?" : "In welke mate herkent u 'Betrouwbaar'?",
    },
  ],
  askOverallGrade: false,
  askNps: false,
  askComment: false,
  youSaid: null,
});

function Token() {
  return <p>token {useParams()['token']}</p>;
}

/** Opens `url` as the light answer page does: the browser's own location, one route per load. */
function open(url: string) {
  window.history.replaceState(null, '', url);
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <Routes>
          <Route path="/q/:code" element={<RecognitionPage kind="open" />} />
          <Route path="/t/:token" element={<Token />} />
          <Route path="*" element={<p>elders</p>} />
        </Routes>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('the light router and query under the answer page', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
    await i18n.changeLanguage('nl');
  });

  it('loads the form by the code in the path, sends the answers and thanks', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST' ? jsonResponse(204) : jsonResponse(200, form('nl')),
    );
    vi.stubGlobal('fetch', fetchMock);
    open('/q/abc-1?lang=nl');

    const group = await screen.findByRole('group', { name: "In welke mate herkent u 'Betrouwbaar'?" });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/respond/open/abc-1?lang=nl');
    fireEvent.click(within(group).getByRole('radio', { name: '8' }));
    fireEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(await screen.findByRole('heading', { name: 'Dank u wel!' })).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as [string, RequestInit];
    expect(post[0]).toBe('/api/respond/open/abc-1');
    expect(JSON.parse(String(post[1].body)).grades).toEqual([{ valueId: 'v1', grade: 8 }]);
  });

  it('switches language in the address (no reload) and keeps the questions until the English ones arrive', async () => {
    let releaseEnglish = () => {};
    const english = new Promise<void>((resolve) => (releaseEnglish = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.endsWith('lang=en')) await english;
        return jsonResponse(200, form(url.endsWith('lang=en') ? 'en' : 'nl'));
      }),
    );
    open('/q/abc?lang=nl');
    await screen.findByRole('group', { name: "In welke mate herkent u 'Betrouwbaar'?" });

    fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(window.location.pathname + window.location.search).toBe('/q/abc?lang=en');
    // While English loads, the Dutch questions stay (keepPreviousData) instead of a spinner.
    expect(screen.getByRole('group', { name: "In welke mate herkent u 'Betrouwbaar'?" })).toBeTruthy();
    releaseEnglish();
    expect(await screen.findByRole('group', { name: "How much do you recognise 'Reliable'?" })).toBeTruthy();
  });

  it('asks again after a failure when the visitor chooses to', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(503, { statusCode: 503, error: 'Unavailable', message: 'x' }))
      .mockResolvedValue(jsonResponse(200, form('nl')));
    vi.stubGlobal('fetch', fetchMock);
    open('/q/abc?lang=nl');

    fireEvent.click(await screen.findByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('group', { name: "In welke mate herkent u 'Betrouwbaar'?" })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('matches the first route of the path, with its parameters decoded, else the catch-all', () => {
    const { unmount } = open('/t/a%20b');
    expect(screen.getByText('token a b')).toBeTruthy();
    unmount();
    open('/t/a/b');
    expect(screen.getByText('elders')).toBeTruthy();
  });
});
