import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoginPage } from './login-page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderLogin() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={['/login']}>
          <LoginPage />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('LoginPage', () => {
  beforeAll(() => {
    // jsdom lacks matchMedia, which Mantine reads for the colour scheme.
    window.matchMedia ??= (query: string) =>
      ({
        matches: false,
        media: query,
        addEventListener() {},
        removeEventListener() {},
      }) as unknown as MediaQueryList;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('labels its fields in Dutch and says so when the password is wrong', async () => {
    const unauthorized = {
      statusCode: 401,
      error: 'Unauthorized',
      code: 'unauthorized',
      message: 'Invalid credentials',
    };
    const fetchMock = vi.fn(async (url: string) =>
      json(401, url === '/api/me' ? { ...unauthorized, code: 'no_session' } : unauthorized),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderLogin();

    fireEvent.change(await screen.findByLabelText(/e-mailadres/i), { target: { value: 'hr@demo.test' } });
    fireEvent.change(screen.getByLabelText(/^wachtwoord/i), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: /inloggen/i }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/onjuist/);
    const login = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login') as unknown as [
      string,
      RequestInit,
    ];
    expect(JSON.parse(String(login[1].body))).toEqual({ email: 'hr@demo.test', password: 'wrong-password' });
  });
});
