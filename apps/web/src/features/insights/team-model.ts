import type {
  CycleParticipationRow,
  KpiReport,
  KpiValueInfo,
  PeriodInfo,
  PeriodKind,
  Team,
  TeamSiblings,
} from '@wk/contracts';
import { buildTeamTree, type TeamNode } from '../teams/team-tree';
import { findRow, provisionalN, selfView, type SelfView } from './kpi-model';
import { lastComplete } from './period-model';

/**
 * The team view: a team against the organisation and its sibling teams, which period it opens on,
 * and which team a manager lands on.
 */

/** What the comparison chart shows: customers' recognition grade, or (for a round) the self score. */
export type ComparisonMetric = 'grade' | 'self';

const selfMean = (side: { self: SelfView }) => (side.self.kind === 'stat' ? side.self.stat.score.mean : null);

/** The team a manager's dashboard opens on: the first (by name) of the top teams it manages. */
export function landingTeamId(managedTeamIds: string[], teams: Team[] | undefined): string | null {
  if (managedTeamIds.length === 0) return null;
  if (!teams) return managedTeamIds[0];
  const managed = teams.filter((t) => managedTeamIds.includes(t.id));
  const roots = buildTeamTree(managed);
  return roots[0]?.id ?? managedTeamIds[0];
}

/** Teams as picker options in tree order, sub-teams indented with a dash per level. */
export function teamOptions(teams: Team[]): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (nodes: TeamNode[], depth: number) => {
    for (const node of nodes) {
      out.push({ value: node.id, label: `${'— '.repeat(depth)}${node.name}` });
      walk(node.children, depth + 1);
    }
  };
  walk(buildTeamTree(teams), 0);
  return out;
}

/**
 * The period a team view shows: the one in the URL when the team took part in it, else (months and
 * quarters) the newest complete one it took part in, else its newest. `choices` are newest first;
 * null when the team took part in none (the page says so instead of opening on an empty frame).
 */
export function teamPeriodAt(
  choices: PeriodInfo[],
  kind: PeriodKind,
  rawAt: string | null,
  now: Date = new Date(),
): string | null {
  if (choices.some((c) => c.key === rawAt)) return rawAt;
  if (choices.length === 0) return null;
  if (kind === 'month' || kind === 'quarter') {
    const complete = lastComplete(kind, now);
    // Calendar keys of one kind sort as text.
    return choices.find((c) => c.key <= complete)?.key ?? choices[0].key;
  }
  return choices[0].key;
}

/** One value in the sibling comparison: the team, the organisation and the range of the siblings shown. */
export interface SiblingBar {
  key: string;
  name: string;
  team: number | null;
  organisation: number | null;
  /** Lowest and highest sibling shown (a range bar); null without any. */
  siblings: [number, number] | null;
  siblingsShown: number;
  withheld: number;
  /** 1 = highest among the team and the siblings shown; null without a team number or siblings. */
  rank: number | null;
  /** Customers: the team's grade rests on fewer answers than the reliability minimum. */
  provisional: boolean;
}

/** The sibling comparison of period `at` per value, on the self scale (1-4) or the grade (1-10). */
export function siblingBars(
  siblings: TeamSiblings,
  organisation: KpiReport,
  at: string,
  metric: ComparisonMetric,
  name: (v: KpiValueInfo) => string,
): SiblingBar[] {
  return organisation.values.flatMap((value) => {
    const row = siblings.rows.find((r) => r.period === at && r.valueKey === value.key);
    const side = metric === 'self' ? row?.self : row?.customer;
    if (!side) return [];
    const org = findRow(organisation.rows, at, value.key);
    const orgNumber =
      metric === 'self' ? selfMean({ self: selfView(org?.self) }) : (org?.customer?.grade.mean ?? null);
    const numbers = side.siblings.map((c) => c.value);
    const team = side.team;
    return [
      {
        key: value.key,
        name: name(value),
        team,
        organisation: orgNumber,
        siblings: numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : null,
        siblingsShown: numbers.length,
        withheld: side.withheld,
        rank: team === null || numbers.length === 0 ? null : 1 + numbers.filter((n) => n > team).length,
        provisional: metric === 'grade' && provisionalN(side.teamN ?? 0, siblings.reliabilityMinimum),
      },
    ];
  });
}

/** Participation per cycle in period `at`, the cycles by name. */
export function cyclesAt(rows: CycleParticipationRow[], at: string): CycleParticipationRow[] {
  return rows.filter((r) => r.period === at);
}
