import { Injectable } from '@nestjs/common';
import { effectiveMinimum, isProvisional, lastCompletePeriod } from '@wk/domain';
import { roleHas } from '@wk/contracts';
import type {
  ActionSummary,
  HomeBelowTarget,
  HomeManager,
  HomeOrganisation,
  HomeOverview,
  HomeRoundParticipation,
  HomeSelfAssessments,
  HomeValueBelowTarget,
  MyAssessments,
} from '@wk/contracts';
import { ActionsService } from '../actions/actions.service';
import { AppraisalsService } from '../appraisals/appraisals.service';
import { MyAssessmentsService } from '../assessments/my-assessments.service';
import type { AuthContext } from '../auth/authenticated.decorator';
import { InsightsService } from '../insights/insights.service';
import type { KpiQueryDto } from '../insights/kpi-query.dto';
import { ScopeService } from '../people/scope.service';
import { SetupService } from '../platform/setup.service';
import { actionsCard, stillToDo } from './home-actions';
import { HomeRepository } from './home.repository';

/**
 * The home page's next steps by role (issue 17 item 7). It reads through the other modules'
 * services, which apply their own scope and anonymity rules (actions per role, the published
 * employee cells, the KPI report), and adds only counts of open rounds and waves.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly repo: HomeRepository,
    private readonly myAssessments: MyAssessmentsService,
    private readonly appraisals: AppraisalsService,
    private readonly actions: ActionsService,
    private readonly insights: InsightsService,
    private readonly setup: SetupService,
    private readonly scopes: ScopeService,
  ) {}

  async overview(auth: AuthContext): Promise<HomeOverview> {
    const org = await this.repo.organisation(auth.organisationId);
    const minimum = effectiveMinimum(org.anonymity_minimum);
    const today = org.today;
    const isManager = auth.role === 'manager';
    const isHr = roleHas(auth.role, 'setup.checklist');
    const [history, appraisals, visibleActions] = await Promise.all([
      this.myAssessments.history(auth),
      this.appraisals.toDo(auth, today),
      this.actions.list(auth, {}),
    ]);
    const open = visibleActions.filter(stillToDo);
    return {
      role: auth.role,
      today,
      anonymityMinimum: minimum,
      selfAssessments: selfAssessments(history),
      appraisals: appraisals.mine,
      teamActions: auth.role === 'employee' ? actionsCard(open, today, auth.userId, 'open') : null,
      manager: isManager ? await this.manager(auth, open, today, minimum) : null,
      reviews: appraisals.reviews,
      organisation: isHr ? await this.organisation(auth, open, today, org.today_month) : null,
    };
  }

  private async manager(
    auth: AuthContext,
    open: ActionSummary[],
    today: string,
    minimum: number,
  ): Promise<HomeManager> {
    const teamIds = await this.scopes.managedTeamIds(auth.organisationId, auth.userId);
    const rows = await this.repo.teamParticipation(auth.organisationId, teamIds);
    const rounds = new Map<string, HomeRoundParticipation>();
    for (const r of rows) {
      const round = rounds.get(r.round_id) ?? {
        roundId: r.round_id,
        cycleName: r.cycle_name,
        closesAt: r.closes_at.toISOString(),
        teams: [],
      };
      rounds.set(r.round_id, round);
      // Counts only from the minimum invited on: a smaller team's count would point at people.
      const shown = r.invited >= minimum;
      round.teams.push({
        teamId: r.team_id,
        teamName: r.team_name,
        suppressed: !shown,
        invited: shown ? r.invited : null,
        completed: shown ? r.completed : null,
        rate: shown ? r.completed / r.invited : null,
      });
    }
    return { rounds: [...rounds.values()], actions: actionsCard(open, today, auth.userId, 'open') };
  }

  private async organisation(
    auth: AuthContext,
    open: ActionSummary[],
    today: string,
    todayMonth: string,
  ): Promise<HomeOrganisation> {
    const [rounds, waves, belowTarget, checklist] = await Promise.all([
      this.repo.openRounds(auth.organisationId),
      this.repo.openWaves(auth.organisationId),
      this.belowTarget(auth, todayMonth),
      this.setup.checklist(auth.organisationId),
    ]);
    return {
      rounds: rounds.map((r) => ({
        roundId: r.round_id,
        cycleId: r.cycle_id,
        cycleName: r.cycle_name,
        opensAt: r.opens_at.toISOString(),
        closesAt: r.closes_at.toISOString(),
        invited: r.invited,
        completed: r.completed,
        rate: r.invited ? r.completed / r.invited : null,
      })),
      waves: waves.map((w) => ({
        waveId: w.wave_id,
        surveyId: w.survey_id,
        surveyName: w.survey_name,
        kind: w.kind,
        opensAt: w.opens_at.toISOString(),
        closesAt: w.closes_at.toISOString(),
        invited: w.invited,
        answered: w.answered,
        responseRate: w.invited ? w.answered / w.invited : null,
      })),
      belowTarget,
      actions: actionsCard(open, today, auth.userId, 'overdue'),
      checklist,
    };
  }

  /**
   * Values whose customer grade is below (or near below) target in the latest complete quarter, by
   * the KPI report itself: its target history and status; a grade on fewer answers than the
   * reliability minimum is provisional and never a verdict, so it is only counted.
   */
  private async belowTarget(auth: AuthContext, todayMonth: string): Promise<HomeBelowTarget> {
    const period = lastCompletePeriod('quarter', todayMonth);
    const query: KpiQueryDto = { period: 'quarter', to: period, breakdown: 'organisation' };
    const report = await this.insights.kpis(auth, query);
    let measured = 0;
    let provisional = 0;
    const values: HomeValueBelowTarget[] = [];
    for (const value of report.values) {
      const row = report.rows.find(
        (r) => r.period === period && r.group.id === null && r.valueKey === value.key,
      );
      const customer = row?.customer;
      if (!row || !customer || !customer.n || customer.grade.mean === null) continue;
      if (isProvisional(customer.n, report.reliabilityMinimum)) {
        provisional++;
        continue;
      }
      measured++;
      if (row.status === 'below' || row.status === 'near')
        values.push({
          key: value.key,
          name: value.name,
          nameEn: value.nameEn,
          level: value.level,
          grade: customer.grade.mean,
          target: row.target,
          n: customer.n,
          status: row.status,
        });
    }
    values.sort((a, b) => a.grade - a.target - (b.grade - b.target) || a.key.localeCompare(b.key));
    return { period, reliabilityMinimum: report.reliabilityMinimum, measured, provisional, values };
  }
}

function selfAssessments(history: MyAssessments): HomeSelfAssessments {
  const open = history.rounds
    .filter((r) => !r.closed && r.formPath)
    .map((r) => ({
      roundId: r.roundId,
      cycleName: r.cycleName,
      closesAt: r.closesAt,
      completedAt: r.completedAt,
      formPath: r.formPath!,
    }));
  // Rounds come oldest first: the last closed one the person completed is their latest result.
  const last = [...history.rounds].reverse().find((r) => r.closed && r.completedAt);
  return {
    open,
    last: last
      ? {
          roundId: last.roundId,
          cycleName: last.cycleName,
          opensAt: last.opensAt,
          values: last.values.map((v) => ({
            key: v.key,
            nameNl: v.nameNl,
            nameEn: v.nameEn,
            myScore: v.myScore,
            teamAverage: v.teamAverage,
          })),
        }
      : null,
  };
}
