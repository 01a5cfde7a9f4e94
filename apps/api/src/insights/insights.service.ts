import { Injectable } from '@nestjs/common';
import { npsFromCounts, outsideInGap, participation, targetStatus } from '@wk/domain';
import type {
  KpiGroup,
  KpiReport,
  KpiRow,
  NpsRow,
  ParticipationRow,
  SelfStat,
  Suppressed,
} from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { invalid } from '../common/domain-error';
import { InsightsScopeService } from './insights-scope.service';
import { EmployeeCellsService } from './employee-cells.service';
import { KpiRollupReadsRepository, type Keyed } from './kpi-rollup-reads.repository';
import { KpiQueryDto } from './kpi-query.dto';
import { KpiValuesRepository } from './kpi-values.repository';
import { ReportPeriodsService, periodBefore, type PeriodPlan } from './report-periods.service';
import {
  addInto,
  changeStat,
  customerStat,
  customerSummary,
  emptyCustomer,
  emptySelf,
  selfStat,
  selfSummary,
  type CustomerSums,
  type SelfSums,
} from './kpi-stats';

type Bucket<T> = Map<string, T>;
const bucketKey = (period: string, group: string | null, key: string) => `${period}|${group ?? ''}|${key}`;

/** Sums rollup rows (per month, round or wave) into the plan's periods (rollups are additive). */
function byPeriod<T extends object>(plan: PeriodPlan, rows: Keyed<T>[], empty: () => T): Bucket<T> {
  const out: Bucket<T> = new Map();
  for (const row of rows) {
    const key = bucketKey(plan.bucket(row.period), row.group, row.key);
    out.set(key, addInto(out.get(key) ?? empty(), row.sums));
  }
  return out;
}

/**
 * The outside-in KPIs per value × period × group, computed from the rollups with the shared
 * scoring of libs/domain; employee cells come with the organisation-wide suppression pattern.
 */
@Injectable()
export class InsightsService {
  constructor(
    private readonly rollups: KpiRollupReadsRepository,
    private readonly valueReads: KpiValuesRepository,
    private readonly scopes: InsightsScopeService,
    private readonly periods: ReportPeriodsService,
    private readonly employees: EmployeeCellsService,
  ) {}

  async kpis(auth: AuthContext, q: KpiQueryDto): Promise<KpiReport> {
    const ctx = await this.scopes.context(auth);
    const kind = q.period;
    const breakdown = q.breakdown ?? 'organisation';
    // A round has only employee answers and a wave only customer answers.
    if (kind === 'round' && breakdown !== 'organisation' && breakdown !== 'team')
      throw invalid('breakdown', 'rounds have employee answers only: organisation or team');
    const filter = {
      surveyId: q.surveyId,
      segmentId: q.segmentId,
      journeyId: q.journeyId,
      touchpointId: q.touchpointId,
    };
    const scope = await this.scopes.resolve(auth, ctx, breakdown, q.teamId, filter);
    const plan = await this.periods.plan(ctx.organisationId, ctx.todayMonth, q);
    const values = await this.valueReads.values(ctx.organisationId, q.valueKey, plan.window);
    // Each period's status against the target in force at its end (target history).
    const targets = await this.valueReads.targetsAtPeriodEnds(
      ctx.organisationId,
      values.map((v) => v.key),
      plan.info,
    );
    const hasSelf = (breakdown === 'organisation' || breakdown === 'team') && kind !== 'wave';
    const hasCustomer = kind !== 'round';
    const none = Promise.resolve([]);

    const [cells, customerRows, participationRows] = await Promise.all([
      hasSelf
        ? this.employees.cells(ctx.organisationId, ctx.minimum, plan, 'value', q.valueKey)
        : Promise.resolve(null),
      hasCustomer ? this.rollups.customer(plan.window, scope.grouping, filter, breakdown, q.valueKey) : none,
      hasSelf ? this.rollups.participation(plan.window, scope.grouping) : none,
    ]);
    const customer = byPeriod(plan, customerRows, emptyCustomer);
    const groups =
      breakdown === 'organisation' || breakdown === 'team'
        ? [...scope.groups.entries()].filter(([id]) => (breakdown === 'team' ? id !== null : id === null))
        : [...(await this.scopes.dimensionNames(ctx.organisationId, breakdown)).entries()].filter(([id]) =>
            customerRows.some((r) => r.group === id),
          );

    // Group null is the organisation or the filter team; every other group is a team's subtree.
    const node = (id: string | null) => id ?? scope.parentGroup.id;
    const sumsOf = (period: string, id: string | null, key: string): SelfSums =>
      cells?.get(period, node(id), key)?.sums ?? emptySelf();
    // Employee cells are shown only where the organisation-wide suppression pattern publishes them.
    const selfOf = (period: string, id: string | null, key: string): SelfStat | Suppressed | null => {
      if (!cells) return null;
      const cell = cells.get(period, node(id), key);
      if (!cell) return id === null ? selfStat(emptySelf()) : { suppressed: true, reason: 'too_few' };
      if (cell.reason) return { suppressed: true, reason: cell.reason };
      return selfStat(cell.sums);
    };

    const rows: KpiRow[] = [];
    for (const period of plan.periods) {
      // No period before the first round or wave of a series: the change is left out.
      const before = periodBefore(plan, period) ?? '';
      for (const [id, group] of groups)
        for (const value of values) {
          const c = customer.get(bucketKey(period, id, value.key)) ?? emptyCustomer();
          const cPrev = customer.get(bucketKey(before, id, value.key)) ?? emptyCustomer();
          const s = selfOf(period, id, value.key);
          const sPrev = selfOf(before, id, value.key);
          const cStat = hasCustomer ? customerStat(c) : null;
          const visibleSelf = s && !s.suppressed ? s : null;
          const gap = outsideInGap(cStat?.index ?? null, visibleSelf?.index ?? null);
          rows.push({
            period,
            group,
            valueKey: value.key,
            self: s,
            customer: cStat,
            gap: gap.gap,
            gapLabel: gap.label,
            target: targets.get(`${period}|${value.key}`) ?? value.target,
            status: targetStatus(
              cStat?.grade.mean ?? null,
              targets.get(`${period}|${value.key}`) ?? value.target,
            ),
            change: {
              customer: cStat ? changeStat(customerSummary(cPrev), customerSummary(c)) : null,
              self:
                visibleSelf && sPrev && !sPrev.suppressed
                  ? changeStat(
                      selfSummary(sumsOf(before, id, value.key)),
                      selfSummary(sumsOf(period, id, value.key)),
                    )
                  : null,
            },
          });
        }
    }
    return {
      periodKind: kind,
      periods: plan.periods,
      periodInfo: plan.info,
      minimum: ctx.minimum,
      reliabilityMinimum: ctx.reliabilityMinimum,
      values,
      rows,
      participation: this.participationRows(plan, groups, participationRows),
      nps: this.npsRows(plan.periods, groups, customer),
    };
  }

  private participationRows(
    plan: PeriodPlan,
    groups: [string | null, KpiGroup][],
    rows: Keyed<{ invited: number; completed: number }>[],
  ): ParticipationRow[] {
    const sums = byPeriod(plan, rows, () => ({ invited: 0, completed: 0 }));
    return plan.periods.flatMap((period) =>
      groups.flatMap(([id, group]) => {
        const s = sums.get(bucketKey(period, id, ''));
        if (!s) return [];
        return [{ period, group, ...participation(s.completed, s.invited) }];
      }),
    );
  }

  private npsRows(
    periods: string[],
    groups: [string | null, KpiGroup][],
    customer: Bucket<CustomerSums>,
  ): NpsRow[] {
    return periods.flatMap((period) =>
      groups.flatMap(([id, group]) => {
        const nps = customer.get(bucketKey(period, id, '_nps'));
        const overall = customer.get(bucketKey(period, id, '_overall')) ?? emptyCustomer();
        if (!nps && !overall.n) return [];
        const n = nps?.n ?? 0;
        const score = npsFromCounts(nps?.ge9 ?? 0, n - (nps?.ge9 ?? 0) - (nps?.le6 ?? 0), nps?.le6 ?? 0);
        return [
          {
            period,
            group,
            n,
            nps: score.nps,
            promoters: score.promoters,
            passives: score.passives,
            detractors: score.detractors,
            overallGrade: customerStat(overall).grade,
          },
        ];
      }),
    );
  }
}
