import { ForbiddenException, Injectable, Logger } from '@nestjs/common';
import {
  actionEffect,
  effectiveMinimum,
  effectWindow,
  isPeriodKey,
  periodMonths,
  summaryFromSums,
} from '@wk/domain';
import {
  ACTION_LIMITS,
  type ActionDetail,
  type ActionEffectView,
  type ActionStatus,
  type ActionSummary,
  type CreateFocusRequest,
  type FocusCreated,
  type UpdateActionRequest,
} from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { invalid, notFound } from '../common/domain-error';
import { AppConfig } from '../config/config';
import { MailService } from '../notifications/mail.service';
import { EmployeeCellsService, type EmployeeSums } from '../insights/employee-cells.service';
import { ReportPeriodsService } from '../insights/report-periods.service';
import { ScopeService } from '../people/scope.service';
import { renderActionReminder } from './action-mail';
import { ActionsRepository, type ActionFilter, type ActionRow } from './actions.repository';

const forbidden = (message: string) => new ForbiddenException({ code: 'forbidden', message });

/** Dedup key of an owner reminder: one per action, stage and due date (a new due date reminds again). */
export const reminderKey = (actionId: string, stage: string, dueDate: string) =>
  `action-reminder-${actionId}-${stage}-${dueDate}`;

/** Who reads and changes what: HR and admins everything; managers their teams; employees their team; owners their own. */
interface Reach {
  /** null: every action. */
  teams: string[] | null;
  /** Teams whose actions the caller may change (null: all). */
  editable: string[] | null;
}

@Injectable()
export class ActionsService {
  private readonly logger = new Logger(ActionsService.name);

  constructor(
    private readonly repo: ActionsRepository,
    private readonly scopes: ScopeService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly periods: ReportPeriodsService,
    private readonly employees: EmployeeCellsService,
  ) {}

  private async reach(auth: AuthContext): Promise<Reach> {
    const scope = await this.scopes.of(auth);
    if (scope.kind === 'organisation') return { teams: null, editable: null };
    if (scope.kind === 'teams') return { teams: scope.teamIds, editable: scope.teamIds };
    return { teams: await this.repo.teamAndAncestors(auth.organisationId, auth.userId), editable: [] };
  }

  private canEdit(auth: AuthContext, reach: Reach, row: ActionRow): boolean {
    if (row.owner_id === auth.userId || reach.editable === null) return true;
    return row.team_id !== null && reach.editable.includes(row.team_id);
  }

  private summary(auth: AuthContext, reach: Reach, r: ActionRow): ActionSummary {
    return {
      id: r.id,
      focusId: r.focus_id,
      focusTitle: r.focus_title,
      cell: {
        valueKey: r.value_key,
        valueName: r.value_name ?? r.value_key,
        valueNameEn: r.value_name_en || r.value_name || r.value_key,
        teamId: r.team_id,
        teamName: r.team_name,
        journeyId: r.journey_id,
        journeyName: r.journey_name,
        journeyNameEn: r.journey_name_en,
        touchpointId: r.touchpoint_id,
        touchpointName: r.touchpoint_name,
        touchpointNameEn: r.touchpoint_name_en,
        periodKind: r.period_kind,
        period: r.period,
        metric: r.metric,
      },
      what: r.what,
      owner: { id: r.owner_id, name: r.owner_name },
      dueDate: r.due_date,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      canEdit: this.canEdit(auth, reach, r),
    };
  }

  async createFocus(auth: AuthContext, body: CreateFocusRequest): Promise<FocusCreated> {
    const { cell } = body;
    if (!isPeriodKey(cell.periodKind, cell.period))
      throw invalid(
        'cell.period',
        `must be a ${cell.periodKind} such as ${cell.periodKind === 'month' ? '2026-09' : '2026-Q3'}`,
      );
    if (cell.metric === 'self' && (cell.journeyId || cell.touchpointId))
      throw invalid('cell.metric', 'the self score is not split by journey or touchpoint');
    const reach = await this.reach(auth);
    const exists = await this.repo.cellExists(auth.organisationId, cell);
    if (!exists.value) throw notFound('Value');
    if (!exists.team || (cell.teamId && reach.teams && !reach.teams.includes(cell.teamId)))
      throw notFound('Team');
    if (!exists.journey) throw notFound('Journey');
    if (!exists.touchpoint) throw notFound('Touchpoint');
    if (reach.editable !== null && !cell.teamId)
      throw forbidden('A manager makes actions for the teams it manages: pass cell.teamId');
    const owners = await this.repo.people(auth.organisationId, [
      ...new Set(body.actions.map((a) => a.ownerId)),
    ]);
    body.actions.forEach((a, i) => {
      if (!owners.has(a.ownerId)) throw notFound('Owner', `actions[${i}]`);
    });
    const ids = await this.repo.transaction(async (m) => {
      const focusId = await this.repo.insertFocus(m, auth.organisationId, cell, body.title, auth.userId);
      const actionIds: string[] = [];
      for (const action of body.actions)
        actionIds.push(await this.repo.insertAction(m, auth.organisationId, focusId, action));
      return { focusId, actionIds };
    });
    const rows = await Promise.all(
      ids.actionIds.map((id) =>
        this.repo.list(auth.organisationId, { teams: null, ownerId: auth.userId, id }),
      ),
    );
    return { id: ids.focusId, actions: rows.map(([r]) => this.summary(auth, reach, r)) };
  }

  async list(
    auth: AuthContext,
    q: { status?: ActionStatus; teamId?: string; valueKey?: string },
  ): Promise<ActionSummary[]> {
    const reach = await this.reach(auth);
    const rows = await this.repo.list(auth.organisationId, {
      teams: reach.teams,
      ownerId: auth.userId,
      ...q,
    });
    return rows.map((r) => this.summary(auth, reach, r));
  }

  private async visible(auth: AuthContext, id: string): Promise<{ reach: Reach; row: ActionRow }> {
    const reach = await this.reach(auth);
    const filter: ActionFilter = { teams: reach.teams, ownerId: auth.userId, id };
    const [row] = await this.repo.list(auth.organisationId, filter);
    if (!row) throw notFound('Action');
    return { reach, row };
  }

  async detail(auth: AuthContext, id: string): Promise<ActionDetail> {
    const { reach, row } = await this.visible(auth, id);
    const notes = await this.repo.notes(auth.organisationId, id);
    return {
      ...this.summary(auth, reach, row),
      notes: notes.map((n) => ({
        id: n.id,
        author: n.author_id ? { id: n.author_id, name: n.author_name ?? '' } : null,
        body: n.body,
        createdAt: n.created_at.toISOString(),
      })),
      effect: await this.effect(auth.organisationId, row),
    };
  }

  /** Before (the period before the action was made) vs after (the period after its due date). */
  private async effect(organisationId: string, row: ActionRow): Promise<ActionEffectView> {
    const org = await this.repo.organisation(organisationId);
    const window = effectWindow(row.period_kind, row.created_month, row.due_date, org.todayMonth);
    if (!window.complete) return { state: 'pending', before: window.before, after: window.after };
    const cell = {
      valueKey: row.value_key,
      teamId: row.team_id,
      journeyId: row.journey_id,
      touchpointId: row.touchpoint_id,
      metric: row.metric,
    };
    const [before, after] =
      row.metric === 'self'
        ? await this.selfSums(organisationId, org, row, window)
        : await Promise.all([
            this.repo.customerSums(organisationId, cell, periodMonths(row.period_kind, window.before)),
            this.repo.customerSums(organisationId, cell, periodMonths(row.period_kind, window.after)),
          ]);
    // A self score the anonymity rules withhold is never shown, so it gets no verdict and no n either.
    const a = before ? summaryFromSums(before.n, before.sum, before.sumsq) : null;
    const b = after ? summaryFromSums(after.n, after.sum, after.sumsq) : null;
    const nothing = { n: 0, mean: null, sd: null };
    return {
      state: 'measured',
      before: window.before,
      after: window.after,
      beforeMean: a?.mean ?? null,
      afterMean: b?.mean ?? null,
      beforeN: a?.n ?? null,
      afterN: b?.n ?? null,
      ...actionEffect(a ?? nothing, b ?? nothing, row.metric === 'self' ? effectiveMinimum(org.minimum) : 2),
      ...(a && b ? {} : { difference: null }),
    };
  }

  /**
   * The self side through the same published cells as the dashboard (closed rounds, each person
   * once, the suppression pattern over the whole team tree): null where a cell is withheld.
   */
  private async selfSums(
    organisationId: string,
    org: { todayMonth: string; minimum: number | null },
    row: ActionRow,
    window: { before: string; after: string },
  ): Promise<[EmployeeSums | null, EmployeeSums | null]> {
    if (row.journey_id || row.touchpoint_id) return [null, null];
    const plan = await this.periods.plan(organisationId, org.todayMonth, {
      period: row.period_kind,
      from: window.before,
      to: window.after,
    });
    const cells = await this.employees.cells(
      organisationId,
      effectiveMinimum(org.minimum),
      plan,
      'value',
      row.value_key,
    );
    const published = (period: string) => {
      const cell = cells.get(period, row.team_id, row.value_key);
      return cell && cell.reason === null ? cell.sums : null;
    };
    return [published(window.before), published(window.after)];
  }

  async update(auth: AuthContext, id: string, body: UpdateActionRequest): Promise<ActionDetail> {
    const { reach, row } = await this.visible(auth, id);
    if (!this.canEdit(auth, reach, row))
      throw forbidden('Only HR, the team’s manager and the owner change an action');
    // Handing an action over or moving its date is for whoever plans it, not (only) the owner.
    const planner = reach.editable === null || (row.team_id !== null && reach.editable.includes(row.team_id));
    if ((body.ownerId !== undefined || body.dueDate !== undefined) && !planner)
      throw forbidden('Only HR and the team’s manager change the owner or due date');
    if (body.ownerId && !(await this.repo.people(auth.organisationId, [body.ownerId])).has(body.ownerId))
      throw notFound('Owner');
    await this.repo.transaction((m) => this.repo.update(m, auth.organisationId, id, body));
    return this.detail(auth, id);
  }

  async addNote(auth: AuthContext, id: string, body: string): Promise<ActionDetail> {
    const { reach, row } = await this.visible(auth, id);
    if (!this.canEdit(auth, reach, row))
      throw forbidden('Only HR, the team’s manager and the owner add notes');
    await this.repo.transaction((m) => this.repo.insertNote(m, auth.organisationId, id, auth.userId, body));
    return this.detail(auth, id);
  }

  /** The worker's sweep: one reminder per action, stage and due date, stored in the outbox and sent. */
  async sendReminders(): Promise<number> {
    const due = await this.repo.remindersDue(ACTION_LIMITS.reminderDaysBefore, reminderKey);
    const byOrganisation = new Map<string, string[]>();
    for (const r of due) {
      const key = reminderKey(r.id, r.stage, r.due_date);
      const mail = renderActionReminder(r.stage, r.locale, {
        name: r.owner_name,
        organisation: r.organisation_name,
        what: r.what,
        dueDate: r.due_date,
        valueName: r.value_name,
        link: `${this.config.publicUrl}/actions/${r.id}`,
      });
      await this.mail.store({
        organisationId: r.organisation_id,
        kind: 'actionReminder',
        dedupKey: key,
        to: r.owner_email,
        ...mail,
      });
      byOrganisation.set(r.organisation_id, [...(byOrganisation.get(r.organisation_id) ?? []), key]);
    }
    for (const [organisationId, keys] of byOrganisation)
      await this.mail.dispatchPending(organisationId, keys);
    if (due.length) this.logger.log(`Stored ${due.length} action reminder(s)`);
    return due.length;
  }
}
