import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { npsFromCounts, outsideInGap, participation, targetStatus } from '@wk/domain';
import type { PyramidLevel } from '@wk/domain';
import type {
  KpiGroup,
  KpiReport,
  KpiRow,
  KpiValueInfo,
  NpsRow,
  ParticipationRow,
  SelfStat,
  Suppressed,
} from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { invalid } from '../common/domain-error';
import { targetAtSql, targetsAtPeriodEnds } from '../value-targets/targets-in-force';
import { InsightsScopeService } from './insights-scope.service';
import { EmployeeCellsService } from './employee-cells.service';
import { readCustomer, readParticipation, type Keyed } from './kpi-queries';
import { KpiQueryDto } from './kpi-query.dto';
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly scopes: InsightsScopeService,
    private readonly periods: ReportPeriodsService,
    private readonly employees: EmployeeCellsService,
  ) {}

  /**
   * The current version's values; with a window also each value retired by a newer version that
   * has answers in it (after the current ones, as named in its last version), so history stays.
   */
  async values(
    organisationId: string,
    valueKey?: string,
    window?: { first: string; afterLast: string },
  ): Promise<KpiValueInfo[]> {
    const rows: {
      key: string;
      name: string;
      name_en: string;
      level: PyramidLevel;
      target: string;
      retired: boolean;
    }[] = await this.db.query(
      `WITH cur AS (SELECT id FROM value_set_versions WHERE organisation_id = $1 AND status = 'published'
                     ORDER BY number DESC LIMIT 1),
            shown AS (
              SELECT e.key, e.name_nl, e.name_en, e.level, e.position, false AS retired
                FROM experience_values e WHERE e.version_id = (SELECT id FROM cur)
              UNION ALL
              SELECT * FROM (
                SELECT DISTINCT ON (e.key) e.key, e.name_nl, e.name_en, e.level, e.position, true
                  FROM experience_values e JOIN value_set_versions v ON v.id = e.version_id
                 WHERE v.organisation_id = $1 AND v.status = 'published' AND $3::date IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM experience_values c WHERE c.version_id = (SELECT id FROM cur) AND c.key = e.key)
                   AND (EXISTS (SELECT 1 FROM kpi_customer_org k WHERE k.organisation_id = $1 AND k.metric = e.key
                                  AND k.month >= $3::date AND k.month < $4::date)
                        OR EXISTS (SELECT 1 FROM kpi_self k WHERE k.organisation_id = $1 AND k.value_key = e.key
                                     AND k.month >= $3::date AND k.month < $4::date))
                 ORDER BY e.key, v.number DESC) r
            )
       SELECT s.key, s.name_nl AS name, s.name_en, s.level, s.retired,
              ${targetAtSql('$1', 's.key', 'now()')} AS target
         FROM shown s WHERE ($2::text IS NULL OR s.key = $2)
        ORDER BY s.retired, s.position, s.key`,
      [organisationId, valueKey ?? null, window?.first ?? null, window?.afterLast ?? null],
    );
    return rows.map((r) => ({
      key: r.key,
      name: r.name,
      nameEn: r.name_en,
      level: r.level,
      target: Number(r.target),
      ...(r.retired ? { retired: true } : {}),
    }));
  }

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
    const values = await this.values(ctx.organisationId, q.valueKey, plan.window);
    // Each period's status against the target in force at its end (target history).
    const targets = await targetsAtPeriodEnds(
      this.db.manager,
      ctx.organisationId,
      values.map((v) => v.key),
      plan.info,
    );
    const hasSelf = (breakdown === 'organisation' || breakdown === 'team') && kind !== 'wave';
    const hasCustomer = kind !== 'round';
    const m = this.db.manager;
    const none = Promise.resolve([]);

    const [cells, customerRows, participationRows] = await Promise.all([
      hasSelf
        ? this.employees.cells(ctx.organisationId, ctx.minimum, plan, 'value', q.valueKey)
        : Promise.resolve(null),
      hasCustomer ? readCustomer(m, plan.window, scope.grouping, filter, breakdown, q.valueKey) : none,
      hasSelf ? readParticipation(m, plan.window, scope.grouping) : none,
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
