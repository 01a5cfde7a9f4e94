import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ActionCell, ActionMetric, ActionStatus, CalendarPeriodKind } from '@wk/contracts';
import type { JourneyTouchpointColumns } from '../common/journey-touchpoint-columns';
import { readCustomer, type TeamGrouping } from '../insights/kpi-queries';
import { addInto, emptyCustomer, type CustomerSums } from '../insights/kpi-stats';

export interface ActionRow extends JourneyTouchpointColumns {
  id: string;
  focus_id: string;
  focus_title: string;
  value_key: string;
  value_name: string | null;
  value_name_en: string | null;
  team_id: string | null;
  team_name: string | null;
  period_kind: CalendarPeriodKind;
  period: string;
  metric: ActionMetric;
  what: string;
  owner_id: string;
  owner_name: string;
  due_date: string;
  status: ActionStatus;
  created_at: Date;
  updated_at: Date;
  /** `YYYY-MM` of the creation in the organisation's time zone. */
  created_month: string;
}

export interface NoteRow {
  id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: Date;
}

/** Which actions a caller reads: null teams = every action; else the teams' actions and its own. */
export interface ActionFilter {
  teams: string[] | null;
  ownerId: string;
  status?: ActionStatus;
  teamId?: string;
  valueKey?: string;
  id?: string;
}

export interface ReminderRow {
  id: string;
  organisation_id: string;
  what: string;
  due_date: string;
  stage: 'before' | 'due';
  owner_email: string;
  owner_name: string;
  locale: 'nl' | 'en';
  organisation_name: string;
  value_name: string | null;
}

const PUBLISHED = `(SELECT id FROM value_set_versions v WHERE v.organisation_id = f.organisation_id AND v.status = 'published'
                     ORDER BY v.number DESC LIMIT 1)`;

const ACTION_SELECT = `
  SELECT a.id, a.focus_id, f.title AS focus_title, f.value_key, e.name_nl AS value_name, e.name_en AS value_name_en,
         f.team_id, t.name AS team_name, f.journey_id, j.name AS journey_name, j.name_en AS journey_name_en,
         f.touchpoint_id, tp.name AS touchpoint_name, tp.name_en AS touchpoint_name_en,
         f.period_kind, f.period, f.metric, a.what, a.owner_id, u.name AS owner_name, a.due_date::text AS due_date,
         a.status, a.created_at, a.updated_at,
         to_char(a.created_at AT TIME ZONE o.time_zone, 'YYYY-MM') AS created_month
    FROM actions a
    JOIN action_focuses f ON f.id = a.focus_id AND f.organisation_id = a.organisation_id
    JOIN organisations o ON o.id = a.organisation_id
    JOIN users u ON u.id = a.owner_id
    LEFT JOIN teams t ON t.id = f.team_id
    LEFT JOIN customer_journeys j ON j.id = f.journey_id
    LEFT JOIN journey_touchpoints tp ON tp.id = f.touchpoint_id
    LEFT JOIN experience_values e ON e.version_id = ${PUBLISHED} AND e.key = f.value_key`;

/** The action tables' SQL; every use-case query filters on the organisation here. */
@Injectable()
export class ActionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** `YYYY-MM` today in the organisation's time zone, and its anonymity minimum. */
  async organisation(organisationId: string): Promise<{ todayMonth: string; minimum: number | null }> {
    const [row] = await this.db.query(
      `SELECT to_char(now() AT TIME ZONE time_zone, 'YYYY-MM') AS today, anonymity_minimum FROM organisations WHERE id = $1`,
      [organisationId],
    );
    return { todayMonth: row.today, minimum: row.anonymity_minimum };
  }

  /** A team of the caller and every team above it (an employee reads the actions of both). */
  async teamAndAncestors(organisationId: string, userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `WITH RECURSIVE up(id, parent_id) AS (
         SELECT t.id, t.parent_id FROM teams t JOIN users u ON u.team_id = t.id
          WHERE u.organisation_id = $1 AND u.id = $2 AND t.organisation_id = $1
         UNION
         SELECT t.id, t.parent_id FROM teams t JOIN up ON t.id = up.parent_id WHERE t.organisation_id = $1
       ) SELECT id FROM up`,
      [organisationId, userId],
    );
    return rows.map((r) => r.id);
  }

  /** Which of the cell's references exist in the organisation (value in the published set). */
  async cellExists(
    organisationId: string,
    cell: ActionCell,
  ): Promise<Record<'value' | 'team' | 'journey' | 'touchpoint', boolean>> {
    const [row] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM experience_values e WHERE e.key = $2 AND e.version_id =
                (SELECT id FROM value_set_versions WHERE organisation_id = $1 AND status = 'published' ORDER BY number DESC LIMIT 1)) AS value,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM teams WHERE organisation_id = $1 AND id = $3)) AS team,
              ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM customer_journeys WHERE organisation_id = $1 AND id = $4)) AS journey,
              ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM journey_touchpoints WHERE organisation_id = $1 AND id = $5
                                            AND ($4::uuid IS NULL OR journey_id = $4))) AS touchpoint`,
      [organisationId, cell.valueKey, cell.teamId ?? null, cell.journeyId ?? null, cell.touchpointId ?? null],
    );
    return row;
  }

  /** The ids among `ids` that are people (not deactivated) of the organisation. */
  async people(organisationId: string, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM users WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND status <> 'deactivated'`,
      [organisationId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async insertFocus(
    m: EntityManager,
    organisationId: string,
    cell: ActionCell,
    title: string,
    createdBy: string,
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO action_focuses (organisation_id, title, value_key, team_id, journey_id, touchpoint_id, period_kind, period, metric, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        organisationId,
        title,
        cell.valueKey,
        cell.teamId ?? null,
        cell.journeyId ?? null,
        cell.touchpointId ?? null,
        cell.periodKind,
        cell.period,
        cell.metric,
        createdBy,
      ],
    );
    return row.id;
  }

  async insertAction(
    m: EntityManager,
    organisationId: string,
    focusId: string,
    action: { what: string; ownerId: string; dueDate: string },
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO actions (organisation_id, focus_id, what, owner_id, due_date) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organisationId, focusId, action.what, action.ownerId, action.dueDate],
    );
    return row.id;
  }

  async list(organisationId: string, f: ActionFilter): Promise<ActionRow[]> {
    return this.db.query(
      `${ACTION_SELECT}
        WHERE a.organisation_id = $1
          AND ($2::uuid[] IS NULL OR f.team_id = ANY($2::uuid[]) OR a.owner_id = $3)
          AND ($4::text IS NULL OR a.status = $4)
          AND ($5::uuid IS NULL OR f.team_id IN (
                WITH RECURSIVE down(id) AS (
                  SELECT id FROM teams WHERE organisation_id = $1 AND id = $5
                  UNION
                  SELECT t.id FROM teams t JOIN down ON t.parent_id = down.id WHERE t.organisation_id = $1
                ) SELECT id FROM down))
          AND ($6::text IS NULL OR f.value_key = $6)
          AND ($7::uuid IS NULL OR a.id = $7)
        ORDER BY a.due_date, a.created_at, a.id
        LIMIT 1000`,
      [
        organisationId,
        f.teams,
        f.ownerId,
        f.status ?? null,
        f.teamId ?? null,
        f.valueKey ?? null,
        f.id ?? null,
      ],
    );
  }

  async notes(organisationId: string, actionId: string): Promise<NoteRow[]> {
    return this.db.query(
      `SELECT n.id, n.author_id, u.name AS author_name, n.body, n.created_at
         FROM action_notes n LEFT JOIN users u ON u.id = n.author_id
        WHERE n.organisation_id = $1 AND n.action_id = $2 ORDER BY n.created_at, n.id`,
      [organisationId, actionId],
    );
  }

  async update(
    m: EntityManager,
    organisationId: string,
    id: string,
    fields: { status?: ActionStatus; what?: string; dueDate?: string; ownerId?: string },
  ): Promise<void> {
    await m.query(
      `UPDATE actions SET status = COALESCE($3, status), what = COALESCE($4, what), due_date = COALESCE($5::date, due_date),
              owner_id = COALESCE($6, owner_id), updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [
        organisationId,
        id,
        fields.status ?? null,
        fields.what ?? null,
        fields.dueDate ?? null,
        fields.ownerId ?? null,
      ],
    );
  }

  async insertNote(
    m: EntityManager,
    organisationId: string,
    actionId: string,
    authorId: string,
    body: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO action_notes (organisation_id, action_id, author_id, body) VALUES ($1, $2, $3, $4)`,
      [organisationId, actionId, authorId, body],
    );
    await m.query(`UPDATE actions SET updated_at = now() WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      actionId,
    ]);
  }

  /**
   * Open actions of active organisations whose reminder is due today (in the organisation's time
   * zone): `before` from `daysBefore` days ahead, `due` on and after the due date; without one in
   * the outbox yet (`dedupKey` names it). Across organisations: the worker's sweep.
   */
  async remindersDue(
    daysBefore: number,
    dedupKey: (id: string, stage: string, due: string) => string,
  ): Promise<ReminderRow[]> {
    const rows: (ReminderRow & { key_before: string; key_due: string })[] = await this.db.query(
      `SELECT a.id, a.organisation_id, a.what, a.due_date::text AS due_date,
              CASE WHEN a.due_date <= (now() AT TIME ZONE o.time_zone)::date THEN 'due' ELSE 'before' END AS stage,
              u.email AS owner_email, u.name AS owner_name, COALESCE(u.locale, o.locale) AS locale,
              o.name AS organisation_name, e.name_nl AS value_name
         FROM actions a
         JOIN action_focuses f ON f.id = a.focus_id
         JOIN organisations o ON o.id = a.organisation_id
         JOIN users u ON u.id = a.owner_id AND u.status = 'active'
         LEFT JOIN experience_values e ON e.version_id = ${PUBLISHED} AND e.key = f.value_key
        WHERE a.status IN ('open', 'in_progress')
          AND a.due_date <= (now() AT TIME ZONE o.time_zone)::date + $1::int
          AND o.status = 'active'`,
      [daysBefore],
    );
    const keys = rows.map((r) => dedupKey(r.id, r.stage, r.due_date));
    if (!keys.length) return [];
    const sent: { organisation_id: string; dedup_key: string }[] = await this.db.query(
      `SELECT organisation_id, dedup_key FROM outbox_messages
        WHERE (organisation_id, dedup_key) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
      [rows.map((r) => r.organisation_id), keys],
    );
    const done = new Set(sent.map((s) => `${s.organisation_id}|${s.dedup_key}`));
    return rows.filter((r, i) => !done.has(`${r.organisation_id}|${keys[i]}`));
  }

  /**
   * The customer sums of a cell in one calendar period, from the same rollups as the dashboard
   * (customer grades carry no anonymity minimum; the self side goes through the published cells).
   */
  async customerSums(
    organisationId: string,
    cell: { valueKey: string; teamId: string | null; journeyId: string | null; touchpointId: string | null },
    window: { first: string; afterLast: string },
  ): Promise<CustomerSums> {
    const grouping: TeamGrouping = cell.teamId
      ? { roots: [cell.teamId], restrict: true, byRoot: false }
      : { roots: [], restrict: false, byRoot: false };
    const filter = { journeyId: cell.journeyId ?? undefined, touchpointId: cell.touchpointId ?? undefined };
    const rows = await readCustomer(
      this.db.manager,
      { organisationId, ...window, ids: null },
      grouping,
      filter,
      'organisation',
      cell.valueKey,
    );
    return rows
      .filter((r) => r.key === cell.valueKey)
      .reduce((sum, r) => addInto(sum, r.sums), emptyCustomer());
  }
}
