import { screen } from '@testing-library/react';
import type { ActionDetail, ActionSummary } from '@wk/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderAt } from '../../test-utils';
import { TeamActionsCard } from './team-feedback';

const action = (id: string, teamId: string, teamName: string, what: string): ActionSummary => ({
  id,
  focusId: `f-${id}`,
  focusTitle: 'Afspraken nakomen',
  cell: {
    valueKey: 'betrouwbaar',
    teamId,
    journeyId: null,
    touchpointId: null,
    periodKind: 'quarter',
    period: '2026-Q3',
    metric: 'customer',
    valueName: 'Betrouwbaar',
    valueNameEn: 'Reliable',
    teamName,
    journeyName: null,
    touchpointName: null,
  },
  what,
  owner: { id: 'u1', name: 'Mila' },
  dueDate: '2027-03-31',
  status: 'open',
  createdAt: '2026-10-01T10:00:00Z',
  updatedAt: '2026-10-01T10:00:00Z',
  canEdit: false,
});

describe('TeamActionsCard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("names the team of an action that belongs to one of a department's teams, not of the department's own", async () => {
    const list = [
      action('a1', 'dep', 'Afdeling Wonen', 'Terugbellen binnen een dag'),
      action('a2', 't2', 'Wijkteam Noord', 'Huisbezoek binnen een week'),
    ];
    const fetchMock = vi.fn(async (url: string) => {
      if (url.startsWith('/api/actions?')) return jsonResponse(200, list);
      const found = list.find((a) => url === `/api/actions/${a.id}`);
      if (found)
        return jsonResponse(200, {
          ...found,
          notes: [],
          effect: { state: 'pending', before: '2026-Q3', after: '2027-Q2' },
        } satisfies ActionDetail);
      return jsonResponse(404, { code: 'not_found' });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/', <TeamActionsCard teamId="dep" />);
    const other = await screen.findByText(/^Wijkteam Noord · Mila/);
    expect(other.textContent).toContain('Wijkteam Noord');
    const own = screen.getByText(/^Mila · /);
    expect(own.textContent).not.toContain('Afdeling Wonen');
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('/api/actions?teamId=dep');
  });
});
