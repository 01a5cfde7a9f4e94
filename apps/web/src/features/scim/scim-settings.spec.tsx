import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CreatedScimToken, ScimSettings, ScimToken } from '@wk/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scimNl } from '../../i18n/nl-scim';
import { secretsNl } from '../../i18n/nl-secrets';
import { jsonResponse, renderAt } from '../../test-utils';
import { ScimSettingsSection } from './scim-settings';

const token: ScimToken = {
  id: 't1',
  name: 'Entra ID',
  prefix: 'wkscim_abcde',
  createdAt: '2026-12-01T10:00:00.000Z',
  createdByName: 'Beheerder',
  lastUsedAt: null,
  revokedAt: null,
};

/** A tiny in-memory api: the list, creating a token (shown once) and revoking it. */
function stubApi() {
  const state: ScimSettings = { baseUrl: 'https://wk.example/scim/v2', tokens: [] };
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      if (url === '/api/scim-tokens' && init?.method === 'POST') {
        const created: CreatedScimToken = { ...token, token: 'wkscim_secret-value' };
        state.tokens = [token];
        return jsonResponse(201, created);
      }
      if (url === '/api/scim-tokens/t1/revoke') {
        state.tokens = [{ ...token, revokedAt: '2026-12-02T10:00:00.000Z' }];
        return jsonResponse(200, state.tokens[0]);
      }
      return jsonResponse(200, state);
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('ScimSettingsSection', () => {
  it('shows the base URL to paste, creates a token shown once and revokes it after asking', async () => {
    const calls = stubApi();
    renderAt('/organisation', <ScimSettingsSection />);
    expect(((await screen.findByLabelText(scimNl.baseUrl)) as HTMLInputElement).value).toBe(
      'https://wk.example/scim/v2',
    );
    expect(screen.getByText(scimNl.empty)).toBeTruthy();

    fireEvent.change(screen.getByLabelText(new RegExp(scimNl.name)), { target: { value: 'Entra ID' } });
    fireEvent.click(screen.getByRole('button', { name: scimNl.create }));
    expect(((await screen.findByLabelText(scimNl.token)) as HTMLInputElement).value).toBe(
      'wkscim_secret-value',
    );
    expect(await screen.findByText('wkscim_abcde…')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Token Entra ID intrekken' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: secretsNl.revoke }));
    await waitFor(() => expect(calls).toContain('POST /api/scim-tokens/t1/revoke'));
    // The token disappears with the revocation and the table says so.
    await waitFor(() => expect(screen.queryByLabelText(scimNl.token)).toBeNull());
    expect(await screen.findByText(new RegExp(secretsNl.revoked))).toBeTruthy();
  });
});
