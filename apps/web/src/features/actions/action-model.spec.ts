import type { ActionSummary } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { isOverdue, teamsOf, trendMarkers } from './action-model';

const action = (
  over: Partial<ActionSummary> & { teamId?: string | null; teamName?: string | null },
): ActionSummary =>
  ({
    id: over.id ?? 'a',
    status: over.status ?? 'open',
    dueDate: over.dueDate ?? '2026-05-10',
    what: over.what ?? 'x',
    cell: { teamId: over.teamId ?? null, teamName: over.teamName ?? null },
  }) as ActionSummary;

describe('action model', () => {
  it('an action is overdue only while open or in progress and past its date', () => {
    expect(isOverdue(action({ dueDate: '2026-05-09' }), '2026-05-10')).toBe(true);
    expect(isOverdue(action({ dueDate: '2026-05-10' }), '2026-05-10')).toBe(false);
    expect(isOverdue(action({ dueDate: '2026-05-09', status: 'in_progress' }), '2026-05-10')).toBe(true);
    expect(isOverdue(action({ dueDate: '2026-05-09', status: 'done' }), '2026-05-10')).toBe(false);
    expect(isOverdue(action({ dueDate: '2026-05-09', status: 'dropped' }), '2026-05-10')).toBe(false);
  });

  it('offers each team of the list once, by name', () => {
    const list = [
      action({ teamId: 't2', teamName: 'Zorg' }),
      action({ teamId: 't1', teamName: 'Balie' }),
      action({ teamId: 't2', teamName: 'Zorg' }),
      action({ teamId: null }),
    ];
    expect(teamsOf(list)).toEqual([
      { value: 't1', label: 'Balie' },
      { value: 't2', label: 'Zorg' },
    ]);
  });

  it('marks each action at the period of its due date when the trend shows it; dropped ones not', () => {
    const list = [
      action({ id: '1', dueDate: '2026-05-10' }),
      action({ id: '2', dueDate: '2026-11-30' }),
      action({ id: '3', dueDate: '2027-02-01' }),
      action({ id: '4', dueDate: '2026-04-01', status: 'dropped' }),
    ];
    const quarters = trendMarkers(list, 'quarter', ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], (a) => a.id);
    expect(quarters).toEqual([
      { period: '2026-Q2', label: '1', id: '1' },
      { period: '2026-Q4', label: '2', id: '2' },
    ]);
    expect(trendMarkers(list, 'month', ['2026-05'], (a) => a.id).map((m) => m.id)).toEqual(['1']);
  });
});
