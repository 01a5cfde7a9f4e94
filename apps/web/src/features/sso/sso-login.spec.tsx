import { fireEvent, screen } from '@testing-library/react';
import { SSO_ERROR_CODES } from '@wk/contracts';
import { describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../test-utils';
import { ssoNl } from '../../i18n/nl-sso';
import { SsoLogin, ssoStartUrl } from './sso-login';

describe('SsoLogin', () => {
  it('starts from a work e-mail by its domain, or from an organisation code', () => {
    expect(ssoStartUrl(' jan+test@Bedrijf.nl ')).toBe('/api/auth/sso/start?email=jan%2Btest%40Bedrijf.nl');
    expect(ssoStartUrl('Acme-Zorg')).toBe('/api/auth/sso/acme-zorg/start');
    expect(ssoStartUrl('a/../b')).toBe('/api/auth/sso/a%2F..%2Fb/start');
  });

  it('asks for a value, then leaves for the provider by the labelled field', async () => {
    const go = vi.fn();
    renderAt('/login', <SsoLogin go={go} />);
    fireEvent.click(screen.getByRole('button', { name: /ga verder/i }));
    expect(await screen.findByText(ssoNl.login.required)).toBeTruthy();
    expect(go).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/werkmail of organisatiecode/i), {
      target: { value: 'jan@bedrijf.nl' },
    });
    fireEvent.click(screen.getByRole('button', { name: /ga verder/i }));
    expect(go).toHaveBeenCalledWith('/api/auth/sso/start?email=jan%40bedrijf.nl');
  });

  it.each(SSO_ERROR_CODES)('explains sso_error=%s in Dutch', async (code) => {
    renderAt(`/login?sso_error=${code}`, <SsoLogin go={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toBe(ssoNl.login.errors[code]);
  });

  it('shows nothing for an unknown code', () => {
    renderAt('/login?sso_error=<script>', <SsoLogin go={vi.fn()} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
