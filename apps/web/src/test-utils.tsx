import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { Me, Role } from '@wk/contracts';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';

/** A fetch answer as the api gives it; no body (e.g. 204) when `body` is left out. */
export const jsonResponse = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** Renders `routes` inside the app's providers at `path`; queries fail at once (no retries). */
export function renderAt(path: string, routes: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>{routes}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** The signed-in user as GET /api/me gives it: Hanna of Gemeente Demo in the given role. */
export const meAs = (role: Role, over: Partial<Me> = {}): Me => ({
  userId: 'u1',
  name: 'Hanna',
  email: 'h@example.nl',
  role,
  locale: 'nl',
  organisation: { id: 'o', name: 'Gemeente Demo', slug: 'demo', locale: 'nl' },
  managedTeamIds: [],
  ...over,
});
