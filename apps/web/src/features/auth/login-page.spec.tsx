import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderAt } from '../../test-utils';
import { Route, Routes } from 'react-router';
import { LoginPage } from './login-page';

const renderLogin = () => renderAt('/login', <LoginPage />);

describe('LoginPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('labels its fields in Dutch and says so when the password is wrong', async () => {
    const unauthorized = {
      statusCode: 401,
      error: 'Unauthorized',
      code: 'unauthorized',
      message: 'Invalid credentials',
    };
    const fetchMock = vi.fn(async (url: string) =>
      jsonResponse(401, url === '/api/me' ? { ...unauthorized, code: 'no_session' } : unauthorized),
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

  it('sends a visitor of a fresh installation (no organisation yet) to first-run setup', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/api/setup'
          ? jsonResponse(200, { needed: true })
          : jsonResponse(401, {
              statusCode: 401,
              error: 'Unauthorized',
              code: 'unauthenticated',
              message: 'x',
            }),
      ),
    );
    renderAt(
      '/login',
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<p>inrichten</p>} />
      </Routes>,
    );
    expect(await screen.findByText('inrichten')).toBeTruthy();
  });
});
