import { Injectable } from '@nestjs/common';
import { heartCellState, heartPeaksAndDips, periodMonths, periodOfMonth } from '@wk/domain';
import type { BehaviourReport, HeartCell, HeartMonitor, HeartMonitorPoint } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { invalid, notFound } from '../common/domain-error';
import { CustomerDimensionsRepository } from './customer-dimensions.repository';
import { EmployeeAnswersRepository } from './employee-answers.repository';
import { EmployeeCellsService } from './employee-cells.service';
import { InsightsScopeService } from './insights-scope.service';
import { KpiRollupReadsRepository } from './kpi-rollup-reads.repository';
import { JourneyAtQueryDto, PeriodQueryDto } from './kpi-query.dto';
import { KpiValuesRepository } from './kpi-values.repository';
import { addInto, customerStat, emptyCustomer, type CustomerSums } from './kpi-stats';
import { ReportPeriodsService } from './report-periods.service';

/**
 * The heart monitor of a journey (the average and a line per value, each cell with the anonymity
 * minimum and reliability state) and the behaviour distribution of a value (both from rollups).
 */
@Injectable()
export class JourneyInsightsService {
  constructor(
    private readonly rollups: KpiRollupReadsRepository,
    private readonly dimensions: CustomerDimensionsRepository,
    private readonly valueReads: KpiValuesRepository,
    private readonly answers: EmployeeAnswersRepository,
    private readonly scopes: InsightsScopeService,
    private readonly periods: ReportPeriodsService,
    private readonly employees: EmployeeCellsService,
  ) {}

  async heartMonitor(auth: AuthContext, journeyId: string, q: JourneyAtQueryDto): Promise<HeartMonitor> {
    const ctx = await this.scopes.context(auth);
    const journey = await this.dimensions.journey(ctx.organisationId, journeyId);
    if (!journey) throw notFound('Journey');
    const period = q.at ?? periodOfMonth(q.period, ctx.todayMonth);
    const months = periodMonths(q.period, period);
    const touchpoints = await this.dimensions.touchpoints(ctx.organisationId, journeyId);
    const values = await this.valueReads.values(ctx.organisationId);
    const rows = await this.rollups.customer(
      { organisationId: ctx.organisationId, first: months.first, afterLast: months.afterLast, ids: null },
      { roots: [], restrict: false, byRoot: false },
      { journeyId },
      'touchpoint',
    );
    const sums = new Map<string, CustomerSums>();
    const add = (key: string, s: CustomerSums) => sums.set(key, addInto(sums.get(key) ?? emptyCustomer(), s));
    for (const row of rows) {
      if (!values.some((v) => v.key === row.key)) continue;
      add(`${row.group}|${row.key}`, row.sums);
      add(`${row.group}|*`, row.sums);
    }
    // Each line (the average and every value) gets its cells' states, then its own peaks and dips.
    // The average pools every value's grades, so its n counts grades, not customers: its state
    // takes the most answered value's n, which never exceeds the customers who answered.
    const customersAt = (touchpointId: string) =>
      Math.max(0, ...values.map((v) => sums.get(`${touchpointId}|${v.key}`)?.n ?? 0));
    const cellOf = (key: string, customers?: number): HeartCell => {
      const stat = customerStat(sums.get(key) ?? emptyCustomer()).grade;
      const state = heartCellState(customers ?? stat.n, ctx.minimum, ctx.reliabilityMinimum);
      const grade = state === 'too_few' ? { n: stat.n, mean: null, low: null, high: null } : stat;
      return { grade, state, peak: false, dip: false };
    };
    const points: HeartMonitorPoint[] = touchpoints.map((t) => ({
      touchpointId: t.id,
      name: t.name,
      nameEn: t.name_en,
      channel: t.channel,
      momentOfTruth: t.moment_of_truth,
      ...cellOf(`${t.id}|*`, customersAt(t.id)),
      values: values.map((v) => ({ valueKey: v.key, ...cellOf(`${t.id}|${v.key}`) })),
    }));
    markLine(points);
    values.forEach((_, i) => markLine(points.map((p) => p.values[i])));
    return {
      journeyId,
      name: journey.name,
      nameEn: journey.name_en,
      period,
      minimum: ctx.minimum,
      reliabilityMinimum: ctx.reliabilityMinimum,
      values,
      points,
    };
  }

  async behaviours(auth: AuthContext, q: PeriodQueryDto): Promise<BehaviourReport> {
    const ctx = await this.scopes.context(auth);
    await this.scopes.resolve(auth, ctx, 'organisation', q.teamId, {});
    if (q.period === 'wave')
      throw invalid('period', 'waves have customer answers only: round, month or quarter');
    const plan = await this.periods.plan(ctx.organisationId, ctx.todayMonth, q);
    // The same organisation-wide pattern as the scores, per behaviour (its own respondents).
    const node = q.teamId ?? null;
    const cells = await this.employees.cells(ctx.organisationId, ctx.minimum, plan, 'behaviour', q.valueKey);
    // Cells come under each behaviour's newest key (its `continues` link); the text is its newest.
    const { textOf } = await this.answers.behaviourHistory(ctx.organisationId);
    const behaviours = plan.periods.flatMap((period) =>
      cells.keys(period, node).map((behaviourKey) => {
        const cell = cells.get(period, node, behaviourKey)!;
        const shown = !cell.reason;
        const s = cell.sums;
        return {
          period,
          valueKey: cells.valueOf.get(behaviourKey) ?? '',
          behaviourKey,
          text: textOf.get(behaviourKey)?.text_nl ?? behaviourKey,
          textEn: textOf.get(behaviourKey)?.text_en ?? '',
          // Shares of the respondents (each person weighted once), never exact counts per level.
          levels: shown ? (s.levels.map((l) => l / s.n) as [number, number, number, number]) : null,
          notApplicable: null,
          // The count only from a safe size on (twice the minimum): shares times n would be counts.
          respondents: shown && s.n >= 2 * ctx.minimum ? s.n : null,
          mean: shown ? s.sum / s.n : null,
          suppressed: cell.reason,
        };
      }),
    );
    // Only the asked periods (a calendar window reads whole months), in their order.
    const order = new Map(plan.periods.map((period, i) => [period, i]));
    const shown = behaviours.filter((b) => order.has(b.period));
    shown.sort(
      (a, b) => order.get(a.period)! - order.get(b.period)! || a.behaviourKey.localeCompare(b.behaviourKey),
    );
    return { minimum: ctx.minimum, behaviours: shown };
  }
}

/** Marks the peaks and dips of one line along the journey (libs/domain heart-monitor.ts). */
function markLine(cells: HeartCell[]): void {
  const marks = heartPeaksAndDips(cells.map((c) => ({ mean: c.grade.mean, state: c.state })));
  cells.forEach((cell, i) => {
    cell.peak = marks[i] === 'peak';
    cell.dip = marks[i] === 'dip';
  });
}
