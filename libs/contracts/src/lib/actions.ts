import type { ActionEffect, ActionStatus, CalendarPeriodKind } from '@wk/domain';

export { ACTION_STATUSES } from '@wk/domain';
export type { ActionEffect, ActionStatus, ActionVerdict } from '@wk/domain';

/**
 * Action plans (issue 17): from a KPI cell (value × team / journey / touchpoint × period) HR or the
 * responsible manager makes a focus with actions; owners are reminded; the effect is measured.
 */
export const ACTION_METRICS = ['customer', 'self'] as const;
/** customer: the recognition grade (1-10); self: the self score (1-4). */
export type ActionMetric = (typeof ACTION_METRICS)[number];

export const ACTION_LIMITS = {
  titleMax: 200,
  whatMax: 500,
  noteMax: 2000,
  actionsMax: 10,
  /** Days before the due date the first reminder goes out. */
  reminderDaysBefore: 3,
} as const;

/** The KPI cell a focus is about; no team / journey / touchpoint: the whole organisation. */
export interface ActionCell {
  valueKey: string;
  teamId?: string | null;
  journeyId?: string | null;
  touchpointId?: string | null;
  periodKind: CalendarPeriodKind;
  /** `2026-Q3` or `2026-09`: the period the cell was read in. */
  period: string;
  metric: ActionMetric;
}

export interface NewAction {
  what: string;
  ownerId: string;
  /** `YYYY-MM-DD` */
  dueDate: string;
}

export interface CreateFocusRequest {
  cell: ActionCell;
  title: string;
  actions: NewAction[];
}

export interface UpdateActionRequest {
  status?: ActionStatus;
  what?: string;
  dueDate?: string;
  ownerId?: string;
}

export interface AddNoteRequest {
  body: string;
}

export interface ActionPerson {
  id: string;
  name: string;
}

export interface ActionCellView extends Required<ActionCell> {
  valueName: string;
  valueNameEn: string;
  teamName: string | null;
  journeyName: string | null;
  touchpointName: string | null;
  /** Optional English names (show with libs/domain localized). */
  journeyNameEn?: string | null;
  touchpointNameEn?: string | null;
}

export interface ActionNote {
  id: string;
  author: ActionPerson | null;
  body: string;
  createdAt: string;
}

export interface ActionSummary {
  id: string;
  focusId: string;
  focusTitle: string;
  cell: ActionCellView;
  what: string;
  owner: ActionPerson;
  dueDate: string;
  status: ActionStatus;
  createdAt: string;
  updatedAt: string;
  /** The caller may change status, text and notes (HR, the team's manager, the owner). */
  canEdit: boolean;
}

/** Before vs after: `pending` until the period after the due date is complete. */
export type ActionEffectView =
  | { state: 'pending'; before: string; after: string }
  | ({
      state: 'measured';
      before: string;
      after: string;
      beforeMean: number | null;
      afterMean: number | null;
      /** null where the anonymity rules withhold the employee side of the cell. */
      beforeN: number | null;
      afterN: number | null;
    } & ActionEffect);

export interface ActionDetail extends ActionSummary {
  notes: ActionNote[];
  effect: ActionEffectView;
}

export interface FocusCreated {
  id: string;
  actions: ActionSummary[];
}
