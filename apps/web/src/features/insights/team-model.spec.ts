import type { Team } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { comparisonBars, landingTeamId, teamComparison, teamOptions } from './team-model';
import { customer, orgReport, report, row, self, team } from './test-fixtures';

const t = (id: string, name: string, parentId: string | null = null): Team => ({
  id,
  name,
  parentId,
  memberCount: 5,
  managerIds: [],
});

describe('team model', () => {
  it('puts the team next to the organisation per value', () => {
    const teamReport = report([
      row({
        period: '2026-Q2',
        valueKey: 'betrouwbaar',
        group: team('t1', 'Wijkteam'),
        customer: customer(6.9),
        self: self(3.4),
        status: 'below',
        gap: -19,
        gapLabel: 'blind_spot',
      }),
      row({ period: '2026-Q2', valueKey: 'persoonlijk', self: { suppressed: true, reason: 'too_few' } }),
    ]);
    const rows = teamComparison(teamReport, orgReport, '2026-Q2');
    expect(rows[0].team).toMatchObject({ grade: 6.9, status: 'below', gapLabel: 'blind_spot' });
    expect(rows[0].organisation).toMatchObject({ grade: 7.8, status: 'on_target' });
    expect(rows[1].team.self).toEqual({ kind: 'tooFew', reason: 'too_few' });
    expect(comparisonBars(rows, (v) => v.name)).toEqual([
      { key: 'betrouwbaar', name: 'Betrouwbaar', team: 6.9, organisation: 7.8, target: 7.5 },
      { key: 'persoonlijk', name: 'Persoonlijk', team: null, organisation: 6.4, target: 8.5 },
    ]);
    // A round: the self score (suppressed sides stay empty) and no target, which is on the grade.
    expect(comparisonBars(rows, (v) => v.name, 'self')).toEqual([
      { key: 'betrouwbaar', name: 'Betrouwbaar', team: 3.4, organisation: 3.1, target: null },
      { key: 'persoonlijk', name: 'Persoonlijk', team: null, organisation: null, target: null },
    ]);
  });

  it('lands a manager on the first top team it manages', () => {
    const teams = [t('a', 'Zuid'), t('b', 'Noord'), t('c', 'Noord-West', 'b'), t('d', 'Oost')];
    expect(landingTeamId(['c', 'b', 'a'], teams)).toBe('b');
    expect(landingTeamId(['c'], teams)).toBe('c');
    expect(landingTeamId(['c', 'a'], undefined)).toBe('c');
    expect(landingTeamId([], teams)).toBeNull();
  });

  it('offers teams in tree order with indented sub-teams', () => {
    const teams = [t('a', 'Zuid'), t('b', 'Noord'), t('c', 'Noord-West', 'b')];
    expect(teamOptions(teams)).toEqual([
      { value: 'b', label: 'Noord' },
      { value: 'c', label: '— Noord-West' },
      { value: 'a', label: 'Zuid' },
    ]);
  });
});
