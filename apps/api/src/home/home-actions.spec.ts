import type { ActionSummary } from '@wk/contracts';
import { actionsCard, HOME_ACTION_ITEMS } from './home-actions';

const action = (id: string, dueDate: string, over: Partial<ActionSummary> = {}): ActionSummary => ({
  id,
  focusId: 'f',
  focusTitle: 'Focus',
  cell: {
    valueKey: 'betrouwbaar',
    valueName: 'Betrouwbaar',
    valueNameEn: 'Reliable',
    teamId: 't',
    teamName: 'Team',
    journeyId: null,
    journeyName: null,
    touchpointId: null,
    touchpointName: null,
    periodKind: 'quarter',
    period: '2026-Q3',
    metric: 'customer',
  },
  what: `Actie ${id}`,
  owner: { id: 'owner', name: 'Piet' },
  dueDate,
  status: 'open',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  canEdit: false,
  ...over,
});

describe('the home page actions card', () => {
  const today = '2026-12-04';
  const open = [
    action('later', '2027-01-10'),
    action('late', '2026-11-01'),
    action('today', '2026-12-04', { status: 'in_progress' }),
    action('latest', '2026-12-03', { owner: { id: 'me', name: 'Ik' } }),
  ];

  it('counts everything still to do and lists the overdue first, then by due date', () => {
    const card = actionsCard(open, today, 'me', 'open');
    expect(card.open).toBe(4);
    expect(card.overdue).toBe(2);
    expect(card.items.map((a) => [a.id, a.overdue])).toEqual([
      ['late', true],
      ['latest', true],
      ['today', false],
      ['later', false],
    ]);
    expect(card.items.find((a) => a.id === 'latest')!.mine).toBe(true);
  });

  it('lists only the overdue ones for HR, with the same counts', () => {
    const card = actionsCard(open, today, 'hr', 'overdue');
    expect(card).toMatchObject({ open: 4, overdue: 2 });
    expect(card.items.map((a) => a.id)).toEqual(['late', 'latest']);
  });

  it(`lists at most ${HOME_ACTION_ITEMS}, while the counts cover all`, () => {
    const many = Array.from({ length: 8 }, (_, i) => action(`a${i}`, `2026-10-0${i + 1}`));
    const card = actionsCard(many, today, 'me', 'open');
    expect(card.open).toBe(8);
    expect(card.items).toHaveLength(HOME_ACTION_ITEMS);
    expect(card.items[0].id).toBe('a0');
  });
});
