import type { Team } from '@wk/contracts';

export interface TeamNode extends Team {
  children: TeamNode[];
}

/**
 * Builds the tree from the flat list the api returns. A team whose parent is not in the list
 * (a manager sees only part of the tree) becomes a root, so nothing visible is lost.
 */
export function buildTeamTree(teams: Team[]): TeamNode[] {
  const nodes = new Map(teams.map((team) => [team.id, { ...team, children: [] as TeamNode[] }]));
  const roots: TeamNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TeamNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Ids of a team and everything below it: a team cannot move under its own descendants. */
export function subtreeIds(teams: Team[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const team of teams)
      if (team.parentId && ids.has(team.parentId) && !ids.has(team.id)) {
        ids.add(team.id);
        grew = true;
      }
  }
  return ids;
}
