import { ForbiddenException, Injectable } from '@nestjs/common';
import { effectiveMinimum } from '@wk/domain';
import type { ApiResource, BreakdownKind, KpiGroup } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { notFound } from '../common/domain-error';
import { ScopeService } from '../people/scope.service';
import { CustomerDimensionsRepository, type DimensionTable } from './customer-dimensions.repository';
import { InsightsScopeRepository } from './insights-scope.repository';
import type { CustomerFilter, TeamGrouping } from './kpi-rollup-reads.repository';

export interface InsightsContext {
  organisationId: string;
  organisationName: string;
  timeZone: string;
  /** `YYYY-MM` of today in the organisation's time zone. */
  todayMonth: string;
  minimum: number;
  /** Customer answers below which an aggregate is provisional. */
  reliabilityMinimum: number;
}

export interface ResolvedScope {
  /** How rows are grouped for the requested breakdown. */
  grouping: TeamGrouping;
  /** The parent of a team breakdown (for complementary suppression): the filter team or the organisation. */
  parent: TeamGrouping;
  parentGroup: KpiGroup;
  /** Known groups by id (null: the organisation or the filter team). */
  groups: Map<string | null, KpiGroup>;
}

const outsideScope = () =>
  new ForbiddenException({
    code: 'forbidden',
    message: 'Your role sees the organisation and its own teams only; pass a teamId of one of them',
  });

/**
 * Who may see which part of the KPIs (docs/domain.md, Roles): HR and admins everything; managers the
 * organisation and the teams they manage (with sub-teams); employees the organisation and their team.
 */
@Injectable()
export class InsightsScopeService {
  constructor(
    private readonly repo: InsightsScopeRepository,
    private readonly dimensions: CustomerDimensionsRepository,
    private readonly scopes: ScopeService,
  ) {}

  async context(auth: AuthContext): Promise<InsightsContext> {
    const org = await this.repo.organisation(auth.organisationId);
    return {
      organisationId: auth.organisationId,
      organisationName: org.name,
      timeZone: org.time_zone,
      todayMonth: org.today,
      minimum: effectiveMinimum(org.anonymity_minimum),
      reliabilityMinimum: org.reliability_minimum,
    };
  }

  /** The teams a non-HR caller may filter on; null: all of them. */
  async visibleTeams(auth: AuthContext): Promise<Set<string> | null> {
    const scope = await this.scopes.of(auth);
    if (scope.kind === 'organisation') return null;
    if (scope.kind === 'teams') return new Set(scope.teamIds);
    const team = await this.repo.teamOf(auth.organisationId, auth.userId);
    return new Set(team ? [team] : []);
  }

  async resolve(
    auth: AuthContext,
    ctx: InsightsContext,
    breakdown: BreakdownKind,
    teamId: string | undefined,
    filter: CustomerFilter,
  ): Promise<ResolvedScope> {
    const visible = await this.visibleTeams(auth);
    const teams = await this.repo.teams(auth.organisationId);
    const byId = new Map(teams.map((t) => [t.id, t]));
    if (teamId && (!byId.has(teamId) || (visible && !visible.has(teamId)))) throw notFound('Team');
    await this.assertFilters(auth.organisationId, filter);
    // Outside HR, a split of the organisation into anything but the own teams is not shown.
    if (
      visible &&
      !teamId &&
      breakdown !== 'organisation' &&
      (breakdown !== 'team' || auth.role === 'employee')
    )
      throw outsideScope();
    if (visible && auth.role === 'employee' && breakdown === 'team') throw outsideScope();

    const team = teamId ? byId.get(teamId)! : null;
    const parentGroup: KpiGroup = team
      ? { kind: 'team', id: team.id, name: team.name, parentId: team.parent_id }
      : { kind: 'organisation', id: null, name: ctx.organisationName, parentId: null };
    const parent: TeamGrouping = { roots: team ? [team.id] : [], restrict: Boolean(team), byRoot: false };
    const groups = new Map<string | null, KpiGroup>([[null, parentGroup]]);
    if (breakdown !== 'team') return { grouping: parent, parent, parentGroup, groups };

    // Team breakdown: the direct sub-teams of the filter team, else the top teams (a manager: its top teams).
    const roots = team
      ? teams.filter((t) => t.parent_id === team.id)
      : teams.filter((t) =>
          visible ? visible.has(t.id) && !(t.parent_id && visible.has(t.parent_id)) : !t.parent_id,
        );
    for (const t of roots) groups.set(t.id, { kind: 'team', id: t.id, name: t.name, parentId: t.parent_id });
    return {
      grouping: { roots: roots.map((t) => t.id), restrict: true, byRoot: true },
      parent,
      parentGroup,
      groups,
    };
  }

  /** Names of segment, journey and touchpoint groups of a customer breakdown. */
  async dimensionNames(organisationId: string, breakdown: BreakdownKind): Promise<Map<string, KpiGroup>> {
    const table = (
      {
        segment: 'customer_segments',
        journey: 'customer_journeys',
        touchpoint: 'journey_touchpoints',
      } as const
    )[breakdown as 'segment' | 'journey' | 'touchpoint'];
    if (!table) return new Map();
    const rows = await this.dimensions.names(organisationId, table);
    return new Map(
      rows.map((r) => [r.id, { kind: breakdown, id: r.id, name: r.name, nameEn: r.name_en, parentId: null }]),
    );
  }

  private async assertFilters(organisationId: string, filter: CustomerFilter): Promise<void> {
    const checks: [string | undefined, DimensionTable, ApiResource][] = [
      [filter.surveyId, 'surveys', 'Survey'],
      [filter.segmentId, 'customer_segments', 'Segment'],
      [filter.journeyId, 'customer_journeys', 'Journey'],
      [filter.touchpointId, 'journey_touchpoints', 'Touchpoint'],
    ];
    for (const [id, table, what] of checks) {
      if (!id) continue;
      if (!(await this.dimensions.exists(organisationId, table, id))) throw notFound(what);
    }
  }
}
