import type { Team } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { buildTeamTree, subtreeIds } from './team-tree';

const team = (id: string, name: string, parentId: string | null = null): Team => ({
  id,
  name,
  parentId,
  memberCount: 0,
  managerIds: [],
});

describe('team tree', () => {
  const teams = [
    team('w', 'Wonen'),
    team('o', 'Onderhoud', 'w'),
    team('k', 'Klantcontact', 'w'),
    team('x', 'Dak', 'o'),
  ];

  it('nests teams under their parents, sorted by name', () => {
    const [wonen] = buildTeamTree(teams);
    expect(wonen.name).toBe('Wonen');
    expect(wonen.children.map((c) => c.name)).toEqual(['Klantcontact', 'Onderhoud']);
    expect(wonen.children[1].children.map((c) => c.id)).toEqual(['x']);
  });

  it('shows a team whose parent is out of sight as a root', () => {
    expect(buildTeamTree([team('o', 'Onderhoud', 'w')]).map((n) => n.id)).toEqual(['o']);
  });

  it('collects a subtree, so a team cannot be moved below itself', () => {
    expect([...subtreeIds(teams, 'w')].sort()).toEqual(['k', 'o', 'w', 'x']);
    expect([...subtreeIds(teams, 'o')].sort()).toEqual(['o', 'x']);
  });
});
