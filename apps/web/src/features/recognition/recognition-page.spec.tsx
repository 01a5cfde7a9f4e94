import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderAt } from '../../test-utils';
import { RecognitionPage } from './recognition-page';

const form = {
  organisationName: 'Gemeente Demo',
  title: 'Hoe was uw bezoek?',
  intro: '',
  locale: 'nl',
  channel: 'email',
  values: [
    { id: 'v1', name: 'Betrouwbaar', description: '', question: "In welke mate herkent u 'Betrouwbaar'?" },
    { id: 'v2', name: 'Persoonlijk', description: '', question: "In welke mate herkent u 'Persoonlijk'?" },
  ],
  askOverallGrade: false,
  askNps: true,
  askComment: false,
  youSaid: null as string | null,
};

const renderRecognition = (path: string) =>
  renderAt(
    path,
    <Routes>
      <Route path="/r/:token" element={<RecognitionPage kind="token" />} />
      <Route path="/q/:code" element={<RecognitionPage kind="open" />} />
    </Routes>,
  );

describe('RecognitionPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks every value on one screen, insists on an answer per value and thanks after sending', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST' ? jsonResponse(204) : jsonResponse(200, form),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderRecognition('/r/tok-1?lang=nl');

    const first = await screen.findByRole('group', { name: "In welke mate herkent u 'Betrouwbaar'?" });
    expect(within(first).getAllByRole('radio')).toHaveLength(11);
    const nps = screen.getByRole('group', { name: /hoe waarschijnlijk is het dat u ons aanbeveelt/i });
    expect(within(nps).getAllByRole('radio')).toHaveLength(11);

    fireEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(await screen.findAllByText('Kies een cijfer of "weet ik niet".')).toHaveLength(2);
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    fireEvent.click(within(first).getByRole('radio', { name: '8' }));
    const second = screen.getByRole('group', { name: "In welke mate herkent u 'Persoonlijk'?" });
    fireEvent.click(within(second).getByRole('radio', { name: 'Weet ik niet' }));
    fireEvent.click(screen.getByRole('button', { name: 'Versturen' }));

    expect(await screen.findByRole('heading', { name: 'Dank u wel!' })).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as [string, RequestInit];
    expect(post[0]).toBe('/api/respond/tok-1');
    expect(JSON.parse(String(post[1].body))).toEqual({
      grades: [
        { valueId: 'v1', grade: 8 },
        { valueId: 'v2', grade: null },
      ],
      nps: null,
      locale: 'nl',
    });
  });

  it.each([
    ['nl', 'Vandaag al veel antwoorden vanaf dit netwerk', /probeer het morgen opnieuw/i],
    ['en', 'Many answers from this network today', /try again tomorrow/i],
  ])('explains the daily limit of an open link in %s', async (lang, title, body) => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) =>
        init?.method === 'POST'
          ? jsonResponse(429, {
              statusCode: 429,
              error: 'Too Many Requests',
              code: 'too_many_responses',
              message: 'Many answers already came through this link',
            })
          : jsonResponse(200, { ...form, channel: 'open', askNps: false, locale: lang }),
      ),
    );
    renderRecognition(`/q/abc?lang=${lang}`);
    for (const value of form.values) {
      const group = await screen.findByRole('group', { name: value.question });
      fireEvent.click(within(group).getByRole('radio', { name: '7' }));
    }
    fireEvent.click(screen.getByRole('button', { name: lang === 'nl' ? 'Versturen' : 'Send' }));
    expect(await screen.findByRole('heading', { name: title })).toBeTruthy();
    expect(screen.getByText(body)).toBeTruthy();
    expect(screen.queryByText(/Many answers already came/)).toBeNull();
  });

  it('says kindly that a closed questionnaire is closed, without technical details', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(410, {
          statusCode: 410,
          error: 'Gone',
          code: 'link_expired',
          message: 'wave w1 closed at …',
        }),
      ),
    );
    renderRecognition('/q/abc?lang=nl');
    expect(await screen.findByRole('heading', { name: 'Deze vragenlijst is gesloten' })).toBeTruthy();
    expect(screen.queryByText(/wave w1/)).toBeNull();
  });

  it('shows the wave\'s "you said, we did" line above the questions, and nothing without one', async () => {
    const line = 'U vroeg om snellere reparaties: we plannen nu binnen 3 dagen.';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, { ...form, youSaid: line })),
    );
    const { unmount } = renderRecognition('/r/tok-2?lang=nl');
    const text = await screen.findByText(line);
    expect(screen.getByText('U zei, wij deden')).toBeTruthy();
    const question = screen.getByRole('group', { name: "In welke mate herkent u 'Betrouwbaar'?" });
    // Above the questions: earlier in the document.
    expect(text.compareDocumentPosition(question) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    unmount();

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, form)),
    );
    renderRecognition('/r/tok-3?lang=nl');
    await screen.findByRole('group', { name: "In welke mate herkent u 'Betrouwbaar'?" });
    expect(screen.queryByText('U zei, wij deden')).toBeNull();
  });
});
