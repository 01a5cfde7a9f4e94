import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { lastCompletePeriod, type Locale, periodMonths, previousPeriod } from '@wk/domain';
import type { ActionDetail, ActionSummary, CalendarPeriodKind, HeartMonitor, KpiReport } from '@wk/contracts';
import { ActionsService } from '../actions/actions.service';
import type { AuthContext } from '../auth/authenticated.decorator';
import { notFound } from '../common/domain-error';
import { type BoardReportInput, boardReportModel } from './board-report/board-report-model';
import { drawBoardReport } from './board-report/board-report-pdf';
import { InsightsScopeRepository } from './insights-scope.repository';
import { InsightsScopeService } from './insights-scope.service';
import { InsightsService } from './insights.service';
import { JourneyInsightsService } from './journey-insights.service';
import type { AtQueryDto, JourneyAtQueryDto } from './kpi-query.dto';

/** Periods of trend on a tile: a year of quarters, half a year of months. */
const TREND = { quarter: 4, month: 6 } as const;
/** Actions read in full (with their effect); the page shows as many as fit and counts the rest. */
const ACTIONS_READ = 8;
const STATUS_ORDER = { in_progress: 0, open: 1, done: 2, dropped: 3 } as const;

/**
 * The board report (issue 17, item 8): this service gathers the data through the same insights,
 * journey and action services as the dashboard (scope, anonymity and reliability minimum applied
 * there); board-report/board-report-model.ts words it, board-report/board-report-pdf.ts draws it.
 */
@Injectable()
export class BoardReportService {
  constructor(
    private readonly insights: InsightsService,
    private readonly journeys: JourneyInsightsService,
    private readonly scopes: InsightsScopeService,
    private readonly modules: ModuleRef,
    private readonly readers: InsightsScopeRepository,
  ) {}

  /** Honours `teamId` and `valueKey` like the other insights routes; the page names what it covers. */
  async render(auth: AuthContext, q: AtQueryDto): Promise<{ pdf: Buffer; filename: string }> {
    const input = await this.gather(auth, q);
    const model = boardReportModel(input);
    const pdf = await drawBoardReport(model, `${model.title} ${input.organisation}`);
    const name = input.locale === 'en' ? 'board-report' : 'bestuursrapport';
    return { pdf, filename: `${name}-${input.at}.pdf` };
  }

  async gather(auth: AuthContext, q: AtQueryDto): Promise<BoardReportInput> {
    const ctx = await this.scopes.context(auth);
    const kind = q.period;
    // Not chosen: the last complete period, as the dashboard opens (the current one is still filling).
    const at = q.at ?? lastCompletePeriod(kind, ctx.todayMonth);
    let from = at;
    for (let i = 1; i < TREND[kind]; i++) from = previousPeriod(kind, from);
    const filter = { teamId: q.teamId, valueKey: q.valueKey };
    const report = await this.insights.kpis(auth, { period: kind, from, to: at, ...filter });
    // A report on a value the organisation does not have would be an empty page that looks like "no data".
    if (q.valueKey && !report.values.length) throw notFound('Value');
    const me = await this.readers.reader(ctx.organisationId, auth.userId);
    const locale: Locale = me?.locale === 'en' ? 'en' : 'nl';
    const team = q.teamId ? await this.readers.teamName(ctx.organisationId, q.teamId) : null;
    const one = { period: kind, from: at, to: at, ...filter };
    const [touchpoints, behaviours, heart, actions] = await Promise.all([
      this.insights.kpis(auth, { ...one, breakdown: 'touchpoint' }),
      this.journeys.behaviours(auth, one),
      this.mainJourney(auth, kind, at, filter),
      this.actions(auth, kind, at, filter),
    ]);
    return {
      locale,
      organisation: ctx.organisationName,
      team,
      value: q.valueKey ? report.values[0] : null,
      kind,
      at,
      today: me?.today ?? `${ctx.todayMonth}-01`,
      report,
      touchpoints: touchpoints.rows,
      behaviours: behaviours.behaviours,
      heart,
      actions: actions.shown,
      moreActions: actions.more,
    };
  }

  /** The journey with the most customer answers in the period (within the filters), as its heart monitor. */
  private async mainJourney(
    auth: AuthContext,
    kind: CalendarPeriodKind,
    at: string,
    filter: { teamId?: string; valueKey?: string },
  ): Promise<HeartMonitor | null> {
    const byJourney: KpiReport = await this.insights.kpis(auth, {
      period: kind,
      from: at,
      to: at,
      breakdown: 'journey',
      ...filter,
    });
    const answers = new Map<string, { name: string; n: number }>();
    for (const row of byJourney.rows) {
      if (!row.group.id || !row.customer) continue;
      const seen = answers.get(row.group.id);
      answers.set(row.group.id, { name: row.group.name, n: Math.max(seen?.n ?? 0, row.customer.n) });
    }
    const [main] = [...answers.entries()]
      .filter(([, j]) => j.n > 0)
      .sort(([, a], [, b]) => b.n - a.n || a.name.localeCompare(b.name));
    if (!main) return null;
    const query = { period: kind, at } as JourneyAtQueryDto;
    return this.journeys.heartMonitor(auth, main[0], query);
  }

  /**
   * The actions the caller may read (the actions module's own scope rules) on cells of this period
   * or earlier, not dropped: running ones first, then by due date; the first few with their effect.
   */
  private async actions(
    auth: AuthContext,
    kind: CalendarPeriodKind,
    at: string,
    filter: { teamId?: string; valueKey?: string },
  ): Promise<{ shown: ActionDetail[]; more: number }> {
    // The actions module imports this one, so its service is looked up, not injected (no module cycle).
    const service = this.modules.get(ActionsService, { strict: false });
    const end = periodMonths(kind, at).afterLast;
    const all: ActionSummary[] = (await service.list(auth, filter)).filter(
      (a) => a.status !== 'dropped' && periodMonths(a.cell.periodKind, a.cell.period).first < end,
    );
    all.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.dueDate.localeCompare(b.dueDate));
    const shown = await Promise.all(all.slice(0, ACTIONS_READ).map((a) => service.detail(auth, a.id)));
    return { shown, more: Math.max(0, all.length - ACTIONS_READ) };
  }
}
