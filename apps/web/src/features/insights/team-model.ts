import type { KpiReport, KpiValueInfo, Team } from '@wk/contracts';
import type { GapLabel, TargetStatus } from '@wk/domain';
import { buildTeamTree, type TeamNode } from '../teams/team-tree';
import { findRow, selfView, type SelfView } from './kpi-model';

/** The team view: a team against the organisation, and which team a manager lands on. */

export interface SideStats {
  grade: number | null;
  customerN: number;
  status: TargetStatus;
  self: SelfView;
  gap: number | null;
  gapLabel: GapLabel | null;
}

export interface ComparisonRow {
  value: KpiValueInfo;
  team: SideStats;
  organisation: SideStats;
}

function side(report: KpiReport, at: string, valueKey: string): SideStats {
  const row = findRow(report.rows, at, valueKey);
  return {
    grade: row?.customer?.grade.mean ?? null,
    customerN: row?.customer?.n ?? 0,
    status: row?.status ?? 'no_data',
    self: selfView(row?.self),
    gap: row?.gap ?? null,
    gapLabel: row?.gapLabel ?? null,
  };
}

/** Per value of the organisation report: the team's numbers next to the organisation's in period `at`. */
export function teamComparison(team: KpiReport, organisation: KpiReport, at: string): ComparisonRow[] {
  const values = organisation.values.length ? organisation.values : team.values;
  return values.map((value) => ({
    value,
    team: side(team, at, value.key),
    organisation: side(organisation, at, value.key),
  }));
}

/** What the comparison chart shows: customers' recognition grade, or (for a round) the self score. */
export type ComparisonMetric = 'grade' | 'self';

const selfMean = (side: SideStats) => (side.self.kind === 'stat' ? side.self.stat.score.mean : null);

/**
 * The chart points per value: team and organisation, and the target. Targets are on the recognition
 * grade, so the self score has none.
 */
export function comparisonBars(
  rows: ComparisonRow[],
  name: (v: KpiValueInfo) => string,
  metric: ComparisonMetric = 'grade',
) {
  return rows.map((r) => ({
    key: r.value.key,
    name: name(r.value),
    team: metric === 'grade' ? r.team.grade : selfMean(r.team),
    organisation: metric === 'grade' ? r.organisation.grade : selfMean(r.organisation),
    target: metric === 'grade' ? r.value.target : null,
  }));
}

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
