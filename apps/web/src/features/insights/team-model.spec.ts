import type { PeriodInfo, Team, TeamSiblings } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { cyclesAt, landingTeamId, siblingBars, teamOptions, teamPeriodAt } from './team-model';
import { orgReport, team } from './test-fixtures';

const t = (id: string, name: string, parentId: string | null = null): Team => ({
  id,
  name,
  parentId,
  memberCount: 5,
  managerIds: [],
});

describe('team model', () => {
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

  const period = (key: string, kind: PeriodInfo['kind'] = 'quarter'): PeriodInfo => ({
    key,
    kind,
    seriesId: null,
    seriesName: null,
    start: '',
    end: '',
  });

  it.each([
    // [kind, the team's periods (newest first), in the URL, now, shown]
    ['quarter', ['2026-Q3', '2026-Q1'], null, '2026-08-10', '2026-Q1'], // Q3 still filling: last complete
    ['quarter', ['2026-Q2', '2026-Q1'], null, '2026-08-10', '2026-Q2'],
    ['quarter', ['2026-Q2', '2026-Q1'], '2026-Q1', '2026-08-10', '2026-Q1'], // the URL's, the team was in it
    ['quarter', ['2026-Q2', '2025-Q4'], '2026-Q1', '2026-08-10', '2026-Q2'], // not in Q1: no empty frame
    ['quarter', ['2026-Q3'], null, '2026-08-10', '2026-Q3'], // only the current one: that one
    ['month', ['2026-08', '2026-06'], null, '2026-08-10', '2026-06'],
    ['round', ['r3', 'r1'], 'r2', '2026-08-10', 'r3'], // a round the team was not invited to
    ['round', ['r3', 'r1'], 'r1', '2026-08-10', 'r1'],
    ['quarter', [], '2026-Q1', '2026-08-10', null], // no measurement at all
  ] as const)('opens a %s view of periods %j (URL %s, today %s) on %s', (kind, keys, raw, now, shown) => {
    const choices = keys.map((k) => period(k, kind));
    expect(teamPeriodAt(choices, kind, raw, new Date(`${now}T12:00:00`))).toBe(shown);
  });

  const siblings: TeamSiblings = {
    team: team('t1', 'Wijkteam'),
    siblingCount: 4,
    minimum: 5,
    reliabilityMinimum: 30,
    periods: ['2026-Q2'],
    rows: [
      {
        period: '2026-Q2',
        valueKey: 'betrouwbaar',
        self: {
          team: 3.2,
          siblings: [
            { teamId: null, name: null, value: 3.5 },
            { teamId: null, name: null, value: 2.9 },
          ],
          withheld: 2,
        },
        customer: { team: 6.9, teamN: 12, siblings: [], withheld: 4 },
      },
    ],
  };

  it('puts the team between the lowest and highest sibling shown, with its place', () => {
    const self = siblingBars(siblings, orgReport, '2026-Q2', 'self', (v) => v.name);
    expect(self).toEqual([
      {
        key: 'betrouwbaar',
        name: 'Betrouwbaar',
        team: 3.2,
        organisation: 3.1,
        siblings: [2.9, 3.5],
        siblingsShown: 2,
        withheld: 2,
        rank: 2,
        provisional: false,
      },
    ]);
    // Customers: no sibling shown, so no range and no place; 12 grades are provisional.
    const grade = siblingBars(siblings, orgReport, '2026-Q2', 'grade', (v) => v.name);
    expect(grade[0]).toMatchObject({
      team: 6.9,
      organisation: 7.8,
      siblings: null,
      rank: null,
      withheld: 4,
      provisional: true,
    });
    // A value without a row in the period is left out.
    expect(siblingBars(siblings, orgReport, '2026-Q1', 'self', (v) => v.name)).toEqual([]);
  });

  it('keeps participation per cycle apart', () => {
    const rows = [
      { period: '2026-Q2', cycleId: 'a', cycleName: 'Meting', invited: 10, completed: 8, rate: 0.8 },
      { period: '2026-Q2', cycleId: 'b', cycleName: 'Pulse', invited: 4, completed: 1, rate: 0.25 },
      { period: '2026-Q1', cycleId: 'a', cycleName: 'Meting', invited: 9, completed: 9, rate: 1 },
    ];
    expect(cyclesAt(rows, '2026-Q2').map((r) => r.rate)).toEqual([0.8, 0.25]);
  });
});
