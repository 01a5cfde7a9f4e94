import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { periodMonths, periodOfMonth } from '@wk/domain';
import type { BehaviourReport, HeartMonitor, HeartMonitorPoint } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { invalid, notFound } from '../common/domain-error';
import { readBehaviourHistory } from '../values/behaviour-lineage';
import { InsightsScopeService } from './insights-scope.service';
import { InsightsService } from './insights.service';
import { EmployeeCellsService } from './employee-cells.service';
import { readCustomer } from './kpi-queries';
import { JourneyAtQueryDto, PeriodQueryDto } from './kpi-query.dto';
import { addInto, customerStat, emptyCustomer, type CustomerSums } from './kpi-stats';
import { ReportPeriodsService } from './report-periods.service';

/** A touchpoint is a peak or dip when its grade is this much above or below its neighbours. */
const PEAK_MARGIN = 0.3;

/** The heart monitor of a journey and the behaviour distribution of a value (both from rollups). */
@Injectable()
export class JourneyInsightsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scopes: InsightsScopeService,
    private readonly insights: InsightsService,
    private readonly periods: ReportPeriodsService,
    private readonly employees: EmployeeCellsService,
  ) {}

  async heartMonitor(auth: AuthContext, journeyId: string, q: JourneyAtQueryDto): Promise<HeartMonitor> {
    const ctx = await this.scopes.context(auth);
    const [journey] = await this.db.query(
      `SELECT id, name FROM customer_journeys WHERE organisation_id = $1 AND id = $2`,
      [ctx.organisationId, journeyId],
    );
    if (!journey) throw notFound('Journey');
    const period = q.at ?? periodOfMonth(q.period, ctx.todayMonth);
    const months = periodMonths(q.period, period);
    const touchpoints: { id: string; name: string; channel: string; moment_of_truth: boolean }[] =
      await this.db.query(
        `SELECT id, name, channel, moment_of_truth FROM journey_touchpoints WHERE journey_id = $1 ORDER BY position`,
        [journeyId],
      );
    const values = await this.insights.values(ctx.organisationId);
    const rows = await readCustomer(
      this.db.manager,
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
    const points: HeartMonitorPoint[] = touchpoints.map((t) => ({
      touchpointId: t.id,
      name: t.name,
      channel: t.channel,
      momentOfTruth: t.moment_of_truth,
      grade: customerStat(sums.get(`${t.id}|*`) ?? emptyCustomer()).grade,
      values: values.map((v) => ({
        valueKey: v.key,
        grade: customerStat(sums.get(`${t.id}|${v.key}`) ?? emptyCustomer()).grade,
      })),
      peak: false,
      dip: false,
    }));
    markPeaksAndDips(points);
    return { journeyId, name: journey.name, period, points };
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
    const { textOf } = await readBehaviourHistory(this.db.manager, ctx.organisationId);
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

/** Marks each point that stands at least PEAK_MARGIN above (peak) or below (dip) every neighbour with data. */
export function markPeaksAndDips(
  points: { grade: { mean: number | null }; peak: boolean; dip: boolean }[],
): void {
  points.forEach((point, i) => {
    const mean = point.grade.mean;
    const neighbours = [points[i - 1], points[i + 1]]
      .map((p) => p?.grade.mean)
      .filter((m): m is number => m !== null && m !== undefined);
    if (mean === null || !neighbours.length) return;
    point.peak = neighbours.every((m) => mean - m >= PEAK_MARGIN);
    point.dip = neighbours.every((m) => m - mean >= PEAK_MARGIN);
  });
}
