import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { effectiveMinimum, participation, periodMonths, periodOfMonth } from '@wk/domain';
import type { CalendarPeriodKind, PeriodKind } from '@wk/domain';
import type { CycleParticipationRow, PeriodInfo, TeamComments } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { InsightsScopeService } from './insights-scope.service';
import type { PeriodQueryDto } from './kpi-query.dto';
import { ReportPeriodsService } from './report-periods.service';

// A team and every team below it ($1 organisation, $2 team).
const SUBTREE = `tree(id) AS (
    SELECT id FROM teams WHERE organisation_id = $1 AND id = $2
    UNION ALL SELECT t.id FROM teams t JOIN tree ON t.parent_id = tree.id WHERE t.organisation_id = $1)`;

/** The newest comments of a team view (the comments page lists them all). */
export const TEAM_COMMENTS = 50;

/**
 * The team view's periods (only the measurements the team took part in), its customers' comments,
 * and participation per self-assessment cycle.
 */
@Injectable()
export class TeamPeriodsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
    const args = [ctx.organisationId, teamId];
    if (kind === 'round' || kind === 'wave') {
      const ids: { id: string }[] = await this.db.query(
        kind === 'round'
          ? `WITH RECURSIVE ${SUBTREE}
             SELECT DISTINCT i.round_id AS id FROM assessment_invitations i JOIN tree ON tree.id = i.team_id
              WHERE i.organisation_id = $1`
          : `WITH RECURSIVE ${SUBTREE}
             SELECT DISTINCT k.wave_id AS id FROM kpi_customer k JOIN tree ON tree.id = k.team_id
              WHERE k.organisation_id = $1 AND k.n + k.dont_know > 0`,
        args,
      );
      const taken = new Set(ids.map((r) => r.id));
      return (await this.periods.choices(ctx.organisationId, kind)).filter((c) => taken.has(c.key));
    }
    const months: { month: string }[] = await this.db.query(
      `WITH RECURSIVE ${SUBTREE}
       SELECT date_trunc('month', r.opens_at AT TIME ZONE o.time_zone)::date::text AS month
         FROM assessment_rounds r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.organisation_id = $1 AND r.opens_at <= now()
          AND EXISTS (SELECT 1 FROM assessment_invitations i JOIN tree ON tree.id = i.team_id WHERE i.round_id = r.id)
       UNION
       SELECT k.month::text FROM kpi_customer_team k JOIN tree ON tree.id = k.team_id
        WHERE k.organisation_id = $1 AND k.n + k.dont_know > 0`,
      args,
    );
    const keys = [...new Set(months.map((m) => periodOfMonth(kind, m.month.slice(0, 7))))].sort().reverse();
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
    const [org] = await this.db.query(`SELECT comment_minimum FROM organisations WHERE id = $1`, [
      ctx.organisationId,
    ]);
    const minimum = effectiveMinimum(org.comment_minimum);
    const span = periodMonths(kind, at);
    const groups = `WITH RECURSIVE ${SUBTREE},
      answers AS (
        SELECT r.id, r.comment, r.team_id, r.touchpoint_id, (r.submitted_at AT TIME ZONE o.time_zone)::date AS day,
               count(*) OVER (PARTITION BY r.team_id, r.touchpoint_id,
                              date_trunc('month', r.submitted_at AT TIME ZONE o.time_zone)) AS responses
          FROM survey_responses r JOIN tree ON tree.id = r.team_id JOIN organisations o ON o.id = r.organisation_id
         WHERE r.organisation_id = $1 AND (r.submitted_at AT TIME ZONE o.time_zone) >= $3::date
           AND (r.submitted_at AT TIME ZONE o.time_zone) < $4::date)`;
    const args = [ctx.organisationId, teamId, span.first, span.afterLast, minimum];
    const [comments, [withheld]] = await Promise.all([
      this.db.query(
        `${groups}
         SELECT a.comment AS text, a.day::text AS day, t.name AS team_name, tp.name AS touchpoint_name,
                tp.name_en AS touchpoint_name_en
           FROM answers a JOIN teams t ON t.id = a.team_id LEFT JOIN journey_touchpoints tp ON tp.id = a.touchpoint_id
          WHERE a.responses >= $5 AND a.comment IS NOT NULL AND btrim(a.comment) <> ''
          ORDER BY a.day DESC, a.id LIMIT ${TEAM_COMMENTS}`,
        args,
      ),
      this.db.query(`${groups} SELECT count(*)::int AS n FROM answers WHERE responses < $5`, args),
    ]);
    return {
      minimum,
      comments: comments.map((c: Record<string, string | null>) => ({
        text: c.text as string,
        day: c.day as string,
        teamName: c.team_name as string,
        touchpointName: c.touchpoint_name,
        touchpointNameEn: c.touchpoint_name_en,
      })),
      withheldResponses: withheld.n,
    };
  }

  /** Invited and completed per cycle and period (the organisation, or a team with its sub-teams). */
  async participation(auth: AuthContext, q: PeriodQueryDto): Promise<CycleParticipationRow[]> {
    const ctx = await this.scopes.context(auth);
    await this.scopes.resolve(auth, ctx, 'organisation', q.teamId, {});
    const plan = await this.periods.plan(ctx.organisationId, ctx.todayMonth, q);
    const w = plan.window;
    const rows: {
      period: string;
      cycle_id: string;
      cycle_name: string;
      invited: number;
      completed: number;
    }[] = await this.db.query(
      `WITH RECURSIVE tree(id) AS (
           SELECT id FROM teams WHERE organisation_id = $1 AND id = $5::uuid
           UNION ALL SELECT t.id FROM teams t JOIN tree ON t.parent_id = tree.id WHERE t.organisation_id = $1)
         SELECT CASE WHEN $4::uuid[] IS NULL THEN k.month::text ELSE k.round_id::text END AS period,
                c.id AS cycle_id, c.name AS cycle_name, sum(k.invited)::int AS invited, sum(k.completed)::int AS completed
           FROM kpi_participation k JOIN assessment_rounds r ON r.id = k.round_id
           JOIN assessment_cycles c ON c.id = r.cycle_id
          WHERE k.organisation_id = $1 AND k.month >= $2::date AND k.month < $3::date
            AND ($4::uuid[] IS NULL OR k.round_id = ANY($4::uuid[]))
            AND ($5::uuid IS NULL OR k.team_id IN (SELECT id FROM tree))
          GROUP BY 1, 2, 3`,
      [ctx.organisationId, w.first, w.afterLast, w.ids, q.teamId ?? null],
    );
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
