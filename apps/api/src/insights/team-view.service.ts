import { Injectable } from '@nestjs/common';
import { isProvisional } from '@wk/domain';
import type { TeamSiblingCell, TeamSiblingSide, TeamSiblings } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { EmployeeCellsService } from './employee-cells.service';
import { InsightsScopeRepository, type TeamRow } from './insights-scope.repository';
import { InsightsScopeService } from './insights-scope.service';
import { KpiRollupReadsRepository } from './kpi-rollup-reads.repository';
import type { PeriodQueryDto } from './kpi-query.dto';
import { KpiValuesRepository } from './kpi-values.repository';
import { addInto, customerStat, emptyCustomer, selfStat, type CustomerSums } from './kpi-stats';
import { ReportPeriodsService } from './report-periods.service';

/**
 * Fewer sibling cells than this are not shown to a caller who may not see those teams: one unnamed
 * number would still be one other team's number.
 */
export const UNNAMED_SIBLINGS_MINIMUM = 2;

/**
 * A team against its sibling teams (the teams under the same parent). Self scores are the published
 * cells of the organisation-wide suppression pattern (EmployeeCellsService), so the comparison shows a
 * subset of the cells every other request shows and no difference of two of them reveals a small
 * group (docs/anonymity.md). Customer grades of a sibling count from the anonymity minimum of grades.
 * Siblings the caller may not see (a manager's neighbours) are unnamed, and only shown as a group of
 * at least two.
 */
@Injectable()
export class TeamViewService {
  constructor(
    private readonly rollups: KpiRollupReadsRepository,
    private readonly teamReads: InsightsScopeRepository,
    private readonly valueReads: KpiValuesRepository,
    private readonly scopes: InsightsScopeService,
    private readonly periods: ReportPeriodsService,
    private readonly employees: EmployeeCellsService,
  ) {}

  async siblings(auth: AuthContext, teamId: string, q: PeriodQueryDto): Promise<TeamSiblings> {
    const ctx = await this.scopes.context(auth);
    // 404 for a team of another organisation or outside the caller's scope.
    const scope = await this.scopes.resolve(auth, ctx, 'organisation', teamId, { surveyId: q.surveyId });
    const visible = await this.scopes.visibleTeams(auth);
    const teams = await this.teamReads.teams(ctx.organisationId);
    const team = teams.find((t) => t.id === teamId)!;
    const siblings = teams.filter((t) => t.parent_id === team.parent_id && t.id !== team.id);
    const plan = await this.periods.plan(ctx.organisationId, ctx.todayMonth, q);
    const values = await this.valueReads.values(ctx.organisationId, q.valueKey, plan.window);
    const hasSelf = q.period !== 'wave';
    const hasCustomer = q.period !== 'round';

    const [cells, customerRows] = await Promise.all([
      hasSelf
        ? this.employees.cells(ctx.organisationId, ctx.minimum, plan, 'value', q.valueKey)
        : Promise.resolve(null),
      hasCustomer
        ? this.rollups.customer(
            plan.window,
            { roots: [team.id, ...siblings.map((s) => s.id)], restrict: true, byRoot: true },
            { surveyId: q.surveyId },
            'team',
            q.valueKey,
          )
        : Promise.resolve([]),
    ]);
    const customer = new Map<string, CustomerSums>();
    for (const row of customerRows) {
      const key = `${plan.bucket(row.period)}|${row.group}|${row.key}`;
      customer.set(key, addInto(customer.get(key) ?? emptyCustomer(), row.sums));
    }

    const named = (t: TeamRow) => !visible || visible.has(t.id);
    const selfOf = (period: string, id: string, key: string): number | null => {
      const cell = cells?.get(period, id, key);
      return cell && cell.reason === null ? selfStat(cell.sums).score.mean : null;
    };
    const customerOf = (period: string, id: string, key: string) => {
      const sums = customer.get(`${period}|${id}|${key}`);
      return sums && sums.n >= ctx.minimum ? customerStat(sums) : null;
    };
    const side = (cellOf: (t: TeamRow) => TeamSiblingCell | null, own: TeamSiblingSide['team']) => {
      let shown = siblings.flatMap((t) => cellOf(t) ?? []);
      // Unnamed cells only as a group of at least two; named ones are teams the caller sees anyway.
      const unnamed = shown.filter((c) => c.name === null).length;
      if (unnamed > 0 && unnamed < UNNAMED_SIBLINGS_MINIMUM) shown = shown.filter((c) => c.name !== null);
      shown.sort((a, b) => b.value - a.value);
      return { team: own, siblings: shown, withheld: siblings.length - shown.length };
    };
    const cellFor = (t: TeamRow, value: number | null, provisional?: boolean): TeamSiblingCell | null =>
      value === null
        ? null
        : {
            teamId: named(t) ? t.id : null,
            name: named(t) ? t.name : null,
            value,
            ...(provisional === undefined ? {} : { provisional }),
          };

    const rows = plan.periods.flatMap((period) =>
      values.map((value) => {
        // The team's own grade as its KPI row shows it (any n; the page marks it provisional).
        const ownSums = customer.get(`${period}|${team.id}|${value.key}`);
        const ownCustomer = ownSums?.n ? customerStat(ownSums) : null;
        return {
          period,
          valueKey: value.key,
          self: hasSelf
            ? side((t) => cellFor(t, selfOf(period, t.id, value.key)), selfOf(period, team.id, value.key))
            : null,
          customer: hasCustomer
            ? {
                ...side((t) => {
                  const stat = customerOf(period, t.id, value.key);
                  return cellFor(
                    t,
                    stat?.grade.mean ?? null,
                    isProvisional(stat?.n ?? 0, ctx.reliabilityMinimum),
                  );
                }, ownCustomer?.grade.mean ?? null),
                teamN: ownSums?.n ?? 0,
              }
            : null,
        };
      }),
    );
    return {
      team: scope.parentGroup,
      siblingCount: siblings.length,
      minimum: ctx.minimum,
      reliabilityMinimum: ctx.reliabilityMinimum,
      periods: plan.periods,
      rows,
    };
  }
}
