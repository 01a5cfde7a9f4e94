import { Injectable } from '@nestjs/common';
import { effectiveMinimum, participation, periodMonths, periodOfMonth } from '@wk/domain';
import type { CalendarPeriodKind, PeriodKind } from '@wk/domain';
import type { CycleParticipationRow, PeriodInfo, TeamComments } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { InsightsScopeService } from './insights-scope.service';
import { KpiRollupReadsRepository } from './kpi-rollup-reads.repository';
import type { PeriodQueryDto } from './kpi-query.dto';
import { ReportPeriodsService } from './report-periods.service';
import { TeamViewRepository } from './team-view.repository';

/** The newest comments of a team view (the comments page lists them all). */
export const TEAM_COMMENTS = 50;

/**
 * The team view's periods (only the measurements the team took part in), its customers' comments,
 * and participation per self-assessment cycle.
 */
@Injectable()
export class TeamPeriodsService {
  constructor(
    private readonly repo: TeamViewRepository,
    private readonly rollups: KpiRollupReadsRepository,
    private readonly scopes: InsightsScopeService,
    private readonly periods: ReportPeriodsService,
  ) {}

  private async team(auth: AuthContext, teamId: string) {
    const ctx = await this.scopes.context(auth);
    // 404 for a team of another organisation or outside the caller's scope.
    await this.scopes.resolve(auth, ctx, 'organisation', teamId, {});
    return ctx;
  }

  /**
   * Newest first: the rounds the team's members were invited to, the waves with answers for the team,
   * or the months / quarters with either. A team view never opens on a period the team was not in.
   */
  async choices(auth: AuthContext, teamId: string, kind: PeriodKind): Promise<PeriodInfo[]> {
    const ctx = await this.team(auth, teamId);
    if (kind === 'round' || kind === 'wave') {
      const taken = new Set(
        kind === 'round'
          ? await this.repo.roundIds(ctx.organisationId, teamId)
          : await this.repo.waveIds(ctx.organisationId, teamId),
      );
      return (await this.periods.choices(ctx.organisationId, kind)).filter((c) => taken.has(c.key));
    }
    const months = await this.repo.months(ctx.organisationId, teamId);
    const keys = [...new Set(months.map((m) => periodOfMonth(kind, m.slice(0, 7))))].sort().reverse();
    return keys.map((key) => {
      const span = periodMonths(kind, key);
      return { key, kind, seriesId: null, seriesName: null, start: span.first, end: span.afterLast };
    });
  }

  /**
   * Customer comments of the team (and its sub-teams) in one calendar period. Comments are grouped by
   * the team the answer was given for × touchpoint × month: fixed groups that do not depend on the
   * request, so comparing two views (a team and its sub-team, a quarter and its month) only ever
   * shows or hides whole groups. A group's comments show from the comment minimum of responses on.
   */
  async comments(
    auth: AuthContext,
    teamId: string,
    kind: CalendarPeriodKind,
    at: string,
  ): Promise<TeamComments> {
    const ctx = await this.team(auth, teamId);
    const minimum = effectiveMinimum(await this.repo.commentMinimum(ctx.organisationId));
    const span = periodMonths(kind, at);
    const [comments, withheld] = await Promise.all([
      this.repo.comments(ctx.organisationId, teamId, span, minimum, TEAM_COMMENTS),
      this.repo.withheldResponses(ctx.organisationId, teamId, span, minimum),
    ]);
    return { minimum, comments, withheldResponses: withheld };
  }

  /** Invited and completed per cycle and period (the organisation, or a team with its sub-teams). */
  async participation(auth: AuthContext, q: PeriodQueryDto): Promise<CycleParticipationRow[]> {
    const ctx = await this.scopes.context(auth);
    await this.scopes.resolve(auth, ctx, 'organisation', q.teamId, {});
    const plan = await this.periods.plan(ctx.organisationId, ctx.todayMonth, q);
    const rows = await this.rollups.cycleParticipation(plan.window, q.teamId);
    const asked = new Set(plan.periods);
    const sums = new Map<string, CycleParticipationRow>();
    for (const row of rows) {
      const period = plan.bucket(row.period);
      if (!asked.has(period)) continue;
      const key = `${period}|${row.cycle_id}`;
      const s = sums.get(key) ?? {
        period,
        cycleId: row.cycle_id,
        cycleName: row.cycle_name,
        invited: 0,
        completed: 0,
        rate: null,
      };
      s.invited += row.invited;
      s.completed += row.completed;
      sums.set(key, s);
    }
    return plan.periods.flatMap((period) =>
      [...sums.values()]
        .filter((s) => s.period === period)
        .sort((a, b) => a.cycleName.localeCompare(b.cycleName))
        .map((s) => ({ ...s, ...participation(s.completed, s.invited) })),
    );
  }
}
